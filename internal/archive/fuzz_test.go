package archive

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/crxlint/crxlint/internal/confine"
)

// FuzzOpen: no bytes make Open or a walk of the archive panic, read more
// than the limits, or hang.
func FuzzOpen(f *testing.F) {
	z := zipBytes(f, sample...)
	f.Add(z)
	f.Add(crx(3, z, 4))
	f.Add(crx(2, z, 3, 5))
	f.Add(zipBytes(f, ent{name: "a", data: "12345", deflate: true}, ent{name: "b/c", mode: fs.ModeSymlink}))
	dir := f.TempDir()
	limits := confine.Limits{File: 1 << 10, Total: 4 << 10}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "f.zip")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		a, err := Open(t.Context(), p, limits)
		if err != nil {
			return
		}
		defer a.Close()
		var read int64
		_ = fs.WalkDir(a, ".", func(name string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				got, _ := fs.ReadFile(a, name)
				read += int64(len(got))
			}
			return nil
		})
		if read > limits.Total {
			t.Errorf("read %d bytes, past the total of %d", read, limits.Total)
		}
	})
}
