package schema

import (
	"testing"

	"github.com/crxlint/crxlint/internal/chromemsg"
)

func TestAnnotationNamesCatalogueMessages(t *testing.T) {
	a, err := parseAnnotation(map[string]any{"x-chrome": "rejects", "x-message": map[string]any{"type": "@invalid-version"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, msg, ok := a.claims("type"); !ok || msg != chromemsg.InvalidVersion {
		t.Errorf(`"@invalid-version" claims %q, %v; want the catalogue's text`, msg, ok)
	}
	if _, err := parseAnnotation(map[string]any{"x-chrome": "rejects", "x-message": "@no-such-message"}); err == nil {
		t.Error(`an x-message naming no catalogue entry must not load`)
	}
}
