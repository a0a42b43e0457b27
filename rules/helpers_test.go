package rules

import (
	"testing"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

func TestAddMemberEdits(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"empty object", `{}`, `{"k": [1]}`},
		{"one line", `{"a": 1}`, `{"a": 1, "k": [1]}`},
		{"own line", "{\n  \"a\": 1\n}\n", "{\n  \"a\": 1,\n  \"k\": [1]\n}\n"},
		{"comment stays with its member", "{\n\t\"a\": 1 // the a\n}", "{\n\t\"a\": 1, // the a\n\t\"k\": [1]\n}"},
		{"CRLF", "{\r\n    \"a\": {\"b\": 2}\r\n}\r\n", "{\r\n    \"a\": {\"b\": 2},\r\n    \"k\": [1]\r\n}\r\n"},
		{"trailing comma", "{\n  \"a\": 1,\n}", "{\n  \"a\": 1,\n  \"k\": [1]\n}"},
		{"block comment after", `{"a": 1 /* c */}`, `{"a": 1, "k": [1] /* c */}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := manifest.ParseAll([]byte(tt.src))
			if doc.Root() == nil {
				t.Fatalf("%q does not parse", tt.src)
			}
			got, err := lint.ApplyEdits([]byte(tt.src), addMemberEdits([]byte(tt.src), doc.Root(), "k", "[1]"))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
			if _, err := manifest.Parse(got); err != nil && tt.name != "trailing comma" {
				t.Errorf("the result does not parse: %v", err)
			}
		})
	}
}
