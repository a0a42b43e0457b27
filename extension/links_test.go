package extension

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/crxlint/crxlint/internal/confine"
	"github.com/crxlint/crxlint/manifest"
)

// countingFS counts the files read through it.
type countingFS struct {
	*confine.FS
	reads atomic.Int32
}

func (c *countingFS) ReadFile(name string) ([]byte, error) {
	c.reads.Add(1)
	return c.FS.ReadFile(name)
}

// TestLinksScannedOnce checks that a script reached by several paths
// (symbolic and hard links) is read and scanned once, and that each path
// still has its script with the same findings: 20 links to one 16 MB file
// once cost 20 scans.
func TestLinksScannedOnce(t *testing.T) {
	dir := t.TempDir()
	src := "chrome.storage.local.get('k');\nchrome.tabs.query({});\n"
	if err := os.WriteFile(filepath.Join(dir, "lib.js"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	links := []string{"a.js", "b.js", "c.js"}
	for _, name := range links {
		if err := os.Symlink("lib.js", filepath.Join(dir, name)); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	if err := os.Link(filepath.Join(dir, "lib.js"), filepath.Join(dir, "hard.js")); err != nil {
		t.Skipf("cannot make hard links here: %v", err)
	}
	fsys, err := confine.Open(t.Context(), dir, confine.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	files := &countingFS{FS: fsys}
	doc, err := manifest.Parse([]byte(`{"background": {"service_worker": "a.js"}}`))
	if err != nil {
		t.Fatal(err)
	}
	got := Load(doc.Root(), files, ListFiles(files))
	for _, p := range append(links, "lib.js", "hard.js") {
		s := got.Script(p)
		if s == nil || len(s.Scan.Uses) != 2 || s.Scan.Path != p {
			t.Errorf("%s: %+v, want its script with the 2 API uses", p, s)
		}
	}
	if got.Script("a.js").Contexts != ServiceWorker || got.Script("b.js").Contexts != 0 {
		t.Errorf("contexts: a.js %v, b.js %v; each path keeps its own", got.Script("a.js").Contexts, got.Script("b.js").Contexts)
	}
	if n := files.reads.Load(); n != 1 {
		t.Errorf("%d reads of %q, want 1 for its 5 paths", n, strings.TrimSpace(src))
	}
}
