package chrome

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/crxlint/crxlint/internal/confine"
)

// copyExtension copies the folder src to dst for Chrome to load: only what
// an extension can load, under the limits. It reads src through the same
// confined reader as crxlint's rules, so a link leaving the folder, a FIFO,
// socket or device, and a file past a limit are left out, each named with
// the reason in the returned list, rather than read or waited on.
func copyExtension(ctx context.Context, dst, src string, limits confine.Limits) (skipped []string, err error) {
	fsys, err := confine.Open(ctx, src, limits)
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	err = fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return nil // refused: listed below
		}
		target := filepath.Join(dst, filepath.FromSlash(name))
		if d.IsDir() {
			return os.MkdirAll(target, 0o700)
		}
		if err := copyFile(fsys, name, target); err != nil && !refused(err) {
			return err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, r := range fsys.Refusals() {
		skipped = append(skipped, r.Path+" "+r.Describe())
	}
	return skipped, nil
}

// refused reports whether err is the reader declining a file, which leaves
// the file out of the copy, rather than a failure to copy.
func refused(err error) bool {
	for _, e := range []error{confine.ErrLinkOutside, confine.ErrLinkLoop, confine.ErrNotRegular, confine.ErrTooLarge, confine.ErrOverTotal} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

func copyFile(fsys fs.FS, name, target string) error {
	in, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return err
	}
	return out.Close()
}
