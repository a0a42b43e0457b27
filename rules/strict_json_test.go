package rules

import (
	"strings"
	"testing"

	"github.com/crxlint/crxlint/manifest"
)

func TestReadStrictJSON(t *testing.T) {
	tests := []struct {
		name, src, chrome, hint string
	}{
		{"comment", "[\n  // c\n]", "expected value at line 2 column 3", "comments are not allowed in rule files"},
		{"error before a comment", "[1 2 // c\n]", "expected `,` or `]` at line 1 column 4", ""},
		{"raw line break", "[\"a\nb\"]", `control character (\u0000-\u001F) found while parsing a string at line 2 column 0`, `escape line breaks inside strings as \n and \r`},
		{"trailing comma", "[1,]", "trailing comma at line 1 column 4", ""},
	}
	for _, tt := range tests {
		f := readStrictJSON([]byte(tt.src))
		if f.chrome != tt.chrome || f.hint != tt.hint || f.value != nil {
			t.Errorf("%s: chrome %q, hint %q; want %q, %q", tt.name, f.chrome, f.hint, tt.chrome, tt.hint)
		}
	}
}

// TestReadStrictJSONPlacesRules checks the lines the rule names: an editor's,
// whatever the line ends, and as deep as Chrome reads.
func TestReadStrictJSONPlacesRules(t *testing.T) {
	f := readStrictJSON([]byte("[\r{\"id\": 1},\r{\"id\": 2}\r]"))
	if f.value == nil || f.value.Len() != 2 {
		t.Fatalf("the rule file did not read as a list of two rules: %q", f.chrome)
	}
	if line := f.doc.Position(f.value.Elem(1).Span().Start).Line; line != 3 {
		t.Errorf("the second rule is on line %d, want 3", line)
	}
	deep := strings.Repeat("[", manifest.MaxNesting) + strings.Repeat("]", manifest.MaxNesting)
	if f := readStrictJSON([]byte(deep)); f.value == nil {
		t.Errorf("a rule file nested %d deep did not read: %q", manifest.MaxNesting, f.chrome)
	}
}
