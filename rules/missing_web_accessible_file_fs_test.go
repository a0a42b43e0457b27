package rules_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/internal/confine"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/rules"
)

// TestMissingWebAccessibleFileLinkOutside checks a file that is a symbolic
// link to a place outside the extension's folder, as a CHANGELOG.md linked
// from the repository's root: Chrome follows it in an unpacked extension
// and the packer copies its target, so the URL loads. The reader refuses to
// follow it, and says so; the rule must not call the file missing.
func TestMissingWebAccessibleFileLinkOutside(t *testing.T) {
	repo := t.TempDir()
	ext := filepath.Join(repo, "src")
	must(t, os.MkdirAll(ext, 0o755))
	must(t, os.WriteFile(filepath.Join(repo, "CHANGELOG.md"), []byte("# Changes\n"), 0o644))
	must(t, os.Symlink(filepath.Join("..", "CHANGELOG.md"), filepath.Join(ext, "CHANGELOG.md")))
	must(t, os.WriteFile(filepath.Join(ext, "background.js"), []byte(`fetch(chrome.runtime.getURL("CHANGELOG.md"));
fetch(chrome.runtime.getURL("NEWS.md"));
`), 0o644))
	const src = `{"manifest_version": 3, "name": "x", "version": "1",
		"background": {"service_worker": "background.js"},
		"web_accessible_resources": [{"resources": ["CHANGELOG.md", "NEWS.md"], "matches": ["https://example.com/*"]}]}`
	files, err := confine.Open(context.Background(), ext, confine.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	_, diags, err := lint.Check([]*lint.Rule{rules.MissingWebAccessibleFile}, []byte(src), files)
	if err != nil {
		t.Fatal(err)
	}
	missing := 0
	for _, d := range diags {
		t.Log(d.Message)
		switch {
		case strings.Contains(d.Message, "CHANGELOG.md"):
			t.Errorf("the linked file is called missing: %s", d.Message)
		case strings.Contains(d.Message, "NEWS.md"):
			missing++
		}
	}
	if missing != 2 {
		t.Errorf("%d findings on NEWS.md, want 2: the resource and the getURL call name no file", missing)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
