package manifest

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestParseStrictRejects covers what Chrome's strict JSON reader refuses,
// with its whole message: the reason and where it stopped, counted as it
// counts (lines end at "\n" only; columns are bytes).
func TestParseStrictRejects(t *testing.T) {
	tests := []struct {
		name, src string
		chrome    string
		ext       Extension
		line      int // crxlint's line of the error
	}{
		{"comment where a value should be", "[\n  // c\n  1\n]", "expected value at line 2 column 3", Comments, 2},
		{"comment where a key should be", `{/* c */"a": 1}`, "key must be a string at line 1 column 2", Comments, 1},
		{"comment after a value", `[1 /* c */]`, "expected `,` or `]` at line 1 column 4", Comments, 1},
		{"comment after the top-level value", `[1] // c`, "trailing characters at line 1 column 5", Comments, 1},
		{"raw line feed in a string", "[\"a\nb\"]", `control character (\u0000-\u001F) found while parsing a string at line 2 column 0`, NewlinesInStrings, 1},
		{"raw carriage return in a string", "[\"a\rb\"]", `control character (\u0000-\u001F) found while parsing a string at line 1 column 4`, NewlinesInStrings, 1},
		{`\x escape`, `["\x41"]`, "invalid escape at line 1 column 4", XEscapes, 1},
		{"lone slash", "[1/2]", "expected `,` or `]` at line 1 column 3", 0, 1},
		{"trailing comma", "[1,\n]", "trailing comma at line 2 column 1", 0, 1},
		{"CR line ends are one line to Chrome", "[\r1,\r]", "trailing comma at line 1 column 6", 0, 2},
		{"byte-order mark is not read", "\xEF\xBB\xBF[1,]", "trailing comma at line 1 column 4", 0, 1},
		{"empty file", "", "EOF while parsing a value at line 1 column 0", 0, 1},
		{"unclosed list", "[1", "EOF while parsing a list at line 1 column 2", 0, 1},
		{"literal cut by the end", "[tru", "EOF while parsing a value at line 1 column 4", 0, 1},
		{"too deep", strings.Repeat("[", MaxNesting+1) + strings.Repeat("]", MaxNesting+1), "recursion limit exceeded at line 1 column 201", 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseStrict([]byte(tt.src))
			se := d.Err()
			if err == nil || se == nil {
				t.Fatal("ParseStrict accepted it; Chrome's strict reader refuses it")
			}
			if se.Chrome != tt.chrome || se.Extension != tt.ext {
				t.Errorf("Chrome %q, Extension %d; want %q, %d", se.Chrome, se.Extension, tt.chrome, tt.ext)
			}
			if !strings.HasPrefix(se.Chrome, se.Reason+" at line ") {
				t.Errorf("Reason %q does not start Chrome's message %q", se.Reason, se.Chrome)
			}
			if line := d.Position(se.Span.Start).Line; line != tt.line {
				t.Errorf("the error is on line %d, want %d", line, tt.line)
			}
		})
	}
}

func TestParseStrictAccepts(t *testing.T) {
	deep := strings.Repeat("[", MaxNesting) + strings.Repeat("]", MaxNesting)
	for _, src := range []string{`[{"id": 1}]`, `"x"`, `1`, `null`, `{}`, "\xEF\xBB\xBF[]", `["/* not a comment */", "\u00e9"]`, deep} {
		d, err := ParseStrict([]byte(src))
		if err != nil {
			t.Errorf("ParseStrict(%.40q): %v", src, err)
			continue
		}
		if d.Root() == nil {
			t.Errorf("ParseStrict(%.40q) has no root", src)
		}
	}
}

// TestParseTakesExtensions checks that the extensions ParseStrict names
// are ones Parse accepts, and that Parse names none.
func TestParseTakesExtensions(t *testing.T) {
	for _, src := range []string{`{/* c */"a": 1}`, "{\"a\": \"\n\"}", `{"a": "\x41"}`} {
		if _, err := Parse([]byte(src)); err != nil {
			t.Errorf("Parse(%q): %v", src, err)
		}
		if d, _ := ParseStrict([]byte(src)); d.Err() == nil || d.Err().Extension == 0 {
			t.Errorf("ParseStrict(%q) names no extension", src)
		}
	}
	if d, _ := Parse([]byte(`{"a": 1,}`)); d.Err().Extension != 0 {
		t.Errorf("Parse names the extension %d", d.Err().Extension)
	}
}

// FuzzParseStrict checks that strict mode accepts only standard JSON, and
// that Chrome's message is always well formed.
func FuzzParseStrict(f *testing.F) {
	for _, s := range []string{`[{"id": 1}]`, "[\n// c\n]", `["\x41"]`, "[\"\r\"]", "\xEF\xBB\xBF[1,]", `[1e999]`, `["\ud800"]`, `{"a" 1}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := ParseStrict(src)
		if err == nil {
			if !json.Valid(bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))) {
				t.Fatalf("ParseStrict accepted %q, which is not JSON", src)
			}
			return
		}
		se := d.Err()
		if !strings.HasPrefix(se.Chrome, se.Reason+" at line ") {
			t.Fatalf("Chrome's message %q does not start with its reason %q", se.Chrome, se.Reason)
		}
	})
}
