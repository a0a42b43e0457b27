package runner_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/crxlint/crxlint/runner"
)

func TestFindExtensions(t *testing.T) {
	root := t.TempDir()
	for _, p := range []string{
		"a/manifest.json", "b/c/manifest.json", "b/c/d/manifest.json",
		"node_modules/x/manifest.json", ".git/manifest.json", "e/.cache/manifest.json", "f/manifest.json/oops",
	} {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(root, "a"), filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	got, complete := runner.FindExtensions(root)
	var rel []string
	for _, p := range got {
		r, _ := filepath.Rel(root, p)
		rel = append(rel, filepath.ToSlash(r))
	}
	want := []string{"a/manifest.json", "b/c/d/manifest.json", "b/c/manifest.json"}
	if !complete || !slices.Equal(rel, want) {
		t.Errorf("FindExtensions = %q (complete %v), want %q: no node_modules, dot-folders, links or folders named manifest.json", rel, complete, want)
	}
}
