package runner

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/crxlint/crxlint/internal/confine"
)

// Limits bound what crxlint reads of one extension: File the bytes of one
// file, manifest included, Total the bytes of all its files together. A
// zero field takes its default.
type Limits = confine.Limits

// The default limits: a real extension's manifest, scripts and locale files
// are a few hundred kilobytes at most, and the whole extension a few tens of
// megabytes.
const (
	DefaultFileLimit  = confine.DefaultFileLimit
	DefaultTotalLimit = confine.DefaultTotalLimit
)

// lintFile lints the manifest called name in the extension folder dir;
// display is the manifest's path as shown. Every file the rules read, the
// manifest first, is read through a confined reader over dir.
func (l *Linter) lintFile(ctx context.Context, display, dir, name string) Result {
	fsys, err := openFolder(ctx, dir, l.limits)
	if err != nil {
		return Result{Path: display, Err: unwrapPathError(err)}
	}
	defer fsys.Close()
	src, err := readManifest(fsys, name, l.limits.File)
	if err != nil {
		return Result{Path: display, Err: err}
	}
	return l.lintIn(display, src, fsys)
}

// openFolder opens the extension folder dir through a confined reader, and
// lists it at once: the list of the extension's files starts there anyway,
// and the files the manifest names that are missing from it (icons, pages)
// are then known missing without asking the system for each.
func openFolder(ctx context.Context, dir string, limits Limits) (*confine.FS, error) {
	fsys, err := confine.Open(ctx, dir, limits)
	if err == nil {
		_, _ = fsys.ReadDir(".") // what cannot be listed is found, and said, by whoever needs it
	}
	return fsys, err
}

// LintBuffer lints a manifest held in memory that stands for a file in the
// extension folder dir, such as an editor's unsaved buffer: the folder's
// other files are read as for a manifest on disk. With dir "" or a dir that
// is not a folder, the manifest is linted alone.
func (l *Linter) LintBuffer(ctx context.Context, name string, src []byte, dir string) Result {
	return l.LintEdited(ctx, name, src, dir, nil)
}

// lintIn lints src with fsys as its folder and reports what fsys refused.
func (l *Linter) lintIn(display string, src []byte, fsys files) Result {
	return l.lintInAs(Result{Path: display}, src, fsys)
}

// lintInAs lints src as the manifest r names, with fsys as its folder, and
// reports what fsys refused.
func (l *Linter) lintInAs(r Result, src []byte, fsys files) Result {
	r = l.lintSource(r, src, fsys)
	return l.withRefusals(r, fsys.Refusals())
}

// files is a confined, bounded view of an extension's files: a folder's
// (confine.FS) or an archive's (archive.FS).
type files interface {
	fs.StatFS
	fs.ReadFileFS
	Refusals() []confine.Refusal
}

// readManifest reads the manifest called name in fsys. A link leaving the
// folder, a FIFO or a device, a folder and an oversized file are refused
// before a byte is read (by fsys, which judges a file before it reads it).
func readManifest(fsys files, name string, limit int64) ([]byte, error) {
	src, err := fsys.ReadFile(name)
	if err == nil {
		return src, nil
	}
	if info, serr := fsys.Stat(name); serr == nil && info.IsDir() {
		return nil, errors.New("is a folder, not a manifest file")
	}
	i := slices.IndexFunc(fsys.Refusals(), func(r confine.Refusal) bool { return r.Path == name })
	switch {
	case errors.Is(err, confine.ErrTooLarge):
		return nil, fmt.Errorf("is larger than %s, more than crxlint reads; is it really a manifest?", confine.Bytes(limit))
	case i < 0:
		return nil, unwrapPathError(err)
	case errors.Is(err, confine.ErrLinkOutside), errors.Is(err, confine.ErrLinkLoop):
		return nil, fmt.Errorf("%s; crxlint does not follow it", fsys.Refusals()[i].Describe())
	}
	return nil, errors.New(fsys.Refusals()[i].Describe())
}

// Unique returns paths without repeats of the same manifest, first
// occurrence first: "ext", "ext/" and "ext/manifest.json" name one.
func Unique(paths []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		key := filepath.Clean(p)
		if info, err := os.Stat(key); err == nil && info.IsDir() {
			key = filepath.Join(key, ManifestName)
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, p)
		}
	}
	return out
}
