package docgen_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/crxlint/crxlint/internal/docgen"
	"github.com/crxlint/crxlint/rules"
)

const docsDir = "../../docs/rules"

// TestDocsUpToDate fails when docs/rules differs from what the rules and
// their examples produce: run go generate ./... after changing a rule.
func TestDocsUpToDate(t *testing.T) {
	pages, err := docgen.Render(rules.All(), "../../rules/testdata")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range pages {
		got, err := os.ReadFile(filepath.Join(docsDir, name))
		if err != nil || string(got) != string(want) {
			t.Errorf("docs/rules/%s is stale or missing; run go generate ./...", name)
		}
	}
	entries, err := os.ReadDir(docsDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := pages[e.Name()]; !ok {
			t.Errorf("docs/rules/%s belongs to no rule; remove it", e.Name())
		}
	}
}
