package schemagen

import (
	"testing"

	"github.com/crxlint/crxlint/internal/chromemsg"
)

func TestAnnotationNamesCatalogueMessages(t *testing.T) {
	a, err := ParseAnnotation(map[string]any{"x-chrome": "rejects", "x-message": map[string]any{"type": "@invalid-version"}})
	if err != nil {
		t.Fatal(err)
	}
	if msg, ok := a.Message.Lookup("type"); !ok || msg != chromemsg.InvalidVersion {
		t.Errorf(`"@invalid-version" claims %q, %v; want the catalogue's text`, msg, ok)
	}
	if _, err := ParseAnnotation(map[string]any{"x-chrome": "rejects", "x-message": "@no-such-message"}); err == nil {
		t.Error(`an x-message naming no catalogue entry must not load`)
	}
}

func TestAnnotationErrors(t *testing.T) {
	for _, obj := range []map[string]any{
		{"x-chrome": "maybe", "x-message": "m"},
		{"x-chrome": "rejects"},
		{"x-message": "m"},
		{"x-chrome": map[string]any{"type": "rejects"}, "x-message": map[string]any{"enum": "m"}},
		{"x-chrome": "rejects", "x-message": "m", "x-on-key": "yes"},
		{"x-chrome": "rejects", "x-message": "m", "x-source": "hearsay"},
		{"x-chrome": "rejects", "x-message": ""},
	} {
		if _, err := ParseAnnotation(obj); err == nil {
			t.Errorf("ParseAnnotation(%v) succeeded, want an error", obj)
		}
	}
	if a, err := ParseAnnotation(map[string]any{"type": "string"}); a != nil || err != nil {
		t.Errorf("a subschema without annotations gave %v, %v; want nil, nil", a, err)
	}
}
