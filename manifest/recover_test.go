package manifest_test

import (
	"strings"
	"testing"

	"github.com/crxlint/crxlint/manifest"
)

func TestParseAll(t *testing.T) {
	tests := []struct {
		name, src string
		reasons   []string // the errors' reasons, Chrome's first
		root      bool     // the other checks can run
		commas    []int    // where missing commas go
	}{
		{"valid", `{"a": 1}`, nil, true, nil},
		{"trailing commas", "{\"a\": [1, 2,],\n\"b\": {\"c\": 3,},\n}", []string{"trailing comma", "trailing comma", "trailing comma"}, true, nil},
		{"a missing comma", "{\"a\": 1\n\"b\": 2,}", []string{"expected `,` or `}`", "trailing comma"}, false, []int{7}},
		{"past a comment", "{\"a\": [1 /* x */ 2]}", []string{"expected `,` or `]`"}, false, []int{8}},
		{"an error it does not repair", "{\"a\": 1,, \"b\": 2,}", []string{"key must be a string"}, false, nil},
		{"stops at the first it cannot repair", "{\"a\": [1,], \"b\": 'x'}", []string{"trailing comma", "expected value"}, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := manifest.ParseAll([]byte(tt.src))
			var reasons []string
			var commas []int
			for _, e := range doc.Errors() {
				reasons = append(reasons, e.Reason)
				if e.CommaAt > 0 {
					commas = append(commas, e.CommaAt)
				}
			}
			if strings.Join(reasons, "|") != strings.Join(tt.reasons, "|") {
				t.Errorf("reasons %q, want %q", reasons, tt.reasons)
			}
			if (doc.Root() != nil) != tt.root {
				t.Errorf("root %v, want %v", doc.Root() != nil, tt.root)
			}
			if len(commas) != len(tt.commas) || len(commas) > 0 && commas[0] != tt.commas[0] {
				t.Errorf("commas at %v, want %v", commas, tt.commas)
			}
			if len(tt.reasons) > 0 && doc.Err() != doc.Errors()[0] {
				t.Error("Err must be Chrome's error, the first")
			}
			if string(doc.Source()) != tt.src {
				t.Error("the document's source must be the file's, unrepaired")
			}
		})
	}
}

func TestParseAllKeepsOffsets(t *testing.T) {
	src := "{\"a\": [1, 2,],\n  \"b\": 3,\n}"
	doc := manifest.ParseAll([]byte(src))
	n, _, err := doc.Lookup("/b")
	if err != nil {
		t.Fatal(err)
	}
	if got := src[n.Span().Start:n.Span().End]; got != "3" {
		t.Errorf("/b spans %q in the source, want \"3\"", got)
	}
}
