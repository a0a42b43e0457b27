//go:build unix

package chrome

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/crxlint/crxlint/internal/confine"
)

// TestCopyExtensionCopiesOnlyWhatCanLoad builds a hostile folder and checks
// that Chrome's copy holds its regular files within the limits and nothing
// else: no FIFO to hang on, no link out of the folder, no huge file.
func TestCopyExtensionCopiesOnlyWhatCanLoad(t *testing.T) {
	base := t.TempDir()
	src := filepath.Join(base, "ext")
	mustDo(t, os.MkdirAll(filepath.Join(src, "js"), 0o755))
	mustDo(t, os.WriteFile(filepath.Join(base, "secret"), []byte("SECRET"), 0o600))
	mustDo(t, os.WriteFile(filepath.Join(src, "manifest.json"), []byte(`{}`), 0o644))
	mustDo(t, os.WriteFile(filepath.Join(src, "js", "bg.js"), []byte("ok"), 0o644))
	mustDo(t, os.WriteFile(filepath.Join(src, "data.bin"), make([]byte, 101), 0o644))
	mustDo(t, syscall.Mkfifo(filepath.Join(src, "lib.js"), 0o644))
	mustDo(t, os.Symlink("../secret", filepath.Join(src, "leak.js")))
	mustDo(t, os.Symlink("js/bg.js", filepath.Join(src, "inside.js")))

	dst := filepath.Join(base, "copy")
	skipped, err := copyExtension(t.Context(), dst, src, confine.Limits{File: 100, Total: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var copied []string
	mustDo(t, filepath.WalkDir(dst, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dst, p)
			copied = append(copied, filepath.ToSlash(rel))
			if !d.Type().IsRegular() {
				t.Errorf("%s copied as %v, not a regular file", rel, d.Type())
			}
		}
		return err
	}))
	if want := []string{"inside.js", "js/bg.js", "manifest.json"}; !slices.Equal(copied, want) {
		t.Errorf("copied %v, want %v", copied, want)
	}
	if len(skipped) != 3 || !strings.HasPrefix(skipped[0], "data.bin is 101 bytes") ||
		!strings.HasPrefix(skipped[1], "leak.js is a symbolic link") || !strings.HasPrefix(skipped[2], "lib.js is a named pipe") {
		t.Errorf("skipped = %q", skipped)
	}
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
