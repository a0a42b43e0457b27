package l10n

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"
)

// Every Chrome text below was measured against Chromium 156, with the file
// as the default locale's messages.json (the text Chrome shows for another
// locale is prefixed with "Invalid locale file '<path>': ").
func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		chrome   []string // the problems' Chrome texts, in order; nil: no error
		message  string   // a substring of the first problem's message
		line     int      // and its position
		column   int
		crash    bool
		messages map[string]string // what the catalog then defines
	}{
		{name: "valid", src: `{"n": {"message": "Hello"}}`, messages: map[string]string{"n": "Hello", "N": "Hello"}},
		{
			name:     "comments and a byte-order mark",
			src:      "\uFEFF// c\n{\"n\": /* x */ {\"message\": \"a\nb\\x41\"}}",
			messages: map[string]string{"n": "a\nbA"},
		},
		{name: "empty object", src: `{}`, messages: map[string]string{}},
		{
			name:   "not JSON",
			src:    `{,}`,
			chrome: []string{"Invalid locale file '.../_locales/en/messages.json': key must be a string"},
			line:   1, column: 2,
		},
		{
			name:    "trailing comma",
			src:     "{\"n\": {\"message\": \"x\"},\n}",
			chrome:  []string{"Invalid locale file '.../_locales/en/messages.json': trailing comma"},
			message: "trailing comma", line: 1, column: 23,
		},
		{
			name:    "empty file",
			src:     ``,
			chrome:  []string{"Invalid locale file '.../_locales/en/messages.json': EOF while parsing a value"},
			message: "messages.json is empty; it must hold a JSON object", line: 1, column: 1,
		},
		{
			name:    "UTF-16",
			src:     utf16LE(`{"n": {"message": "x"}}`),
			chrome:  []string{"Invalid locale file '.../_locales/en/messages.json': expected value"},
			message: "messages.json is encoded as UTF-16", line: 1, column: 1,
		},
		{name: "a list", src: `[]`, crash: true, message: "the file is a list; it must be a JSON object", line: 1, column: 1},
		{name: "a string", src: ` "x"`, crash: true, line: 1, column: 2},
		{
			name:    "entry not an object",
			src:     `{"n": "Hello"}`,
			chrome:  []string{"Not a valid tree for key n."},
			message: `message "n" must be an object`, line: 1, column: 2,
			messages: map[string]string{"n": ""},
		},
		{
			name:    "no message",
			src:     `{"n": {"description": "x"}}`,
			chrome:  []string{`There is no "message" element for key n.`},
			message: `message "n" has no "message" string`, line: 1, column: 2,
		},
		{
			name:   "message not a string",
			src:    `{"n": {"message": 5}}`,
			chrome: []string{`There is no "message" element for key n.`},
			line:   1, column: 19,
		},
		{
			name:    "bad name",
			src:     `{"My-Name": {"message": "x"}}`,
			chrome:  []string{`Name of a key "my-name" is invalid. Only ASCII [a-z], [A-Z], [0-9] and "_" are allowed.`},
			message: `message name "My-Name" may hold only ASCII letters, digits, _ and @`,
			line:    1, column: 2,
			messages: map[string]string{},
		},
		{
			name:   "empty name",
			src:    `{"": {"message": "x"}}`,
			chrome: []string{`Name of a key "" is invalid. Only ASCII [a-z], [A-Z], [0-9] and "_" are allowed.`},
		},
		{
			name:     "placeholders",
			src:      `{"n": {"message": "Hi $User$, $1 and $$5", "placeholders": {"user": {"content": "$1"}}}}`,
			messages: map[string]string{"n": "Hi $1, $1 and $$5"},
		},
		{
			name:   "placeholders not an object",
			src:    `{"n": {"message": "x", "placeholders": []}}`,
			chrome: []string{`Not a valid "placeholders" element for key n.`},
		},
		{
			name:   "placeholder not an object",
			src:    `{"n": {"message": "x", "placeholders": {"u": "x"}}}`,
			chrome: []string{"Invalid placeholder u for key n"},
		},
		{
			name:   "placeholder without content",
			src:    `{"n": {"message": "x", "placeholders": {"u": {"example": "x"}, "v": {"content": 5}}}}`,
			chrome: []string{`Invalid "content" element for key n.`, `Invalid "content" element for key n.`},
		},
		{
			name:   "bad placeholder name",
			src:    `{"n": {"message": "x", "placeholders": {"U-X": {"content": "x"}}}}`,
			chrome: []string{`Name of a key "U-X" is invalid. Only ASCII [a-z], [A-Z], [0-9] and "_" are allowed.`},
		},
		{
			name:    "undefined placeholders",
			src:     `{"n": {"message": "Hi $user$ $1$ $user$"}}`,
			chrome:  []string{"Variable $user$ used but not defined.", "Variable $1$ used but not defined."},
			message: `message "n" uses $user$ but defines no placeholder "user"`,
			line:    1, column: 19,
			messages: map[string]string{"n": "Hi $user$ $1$ $user$"},
		},
		{
			name:   "reserved name",
			src:    `{"@@UI_LOCALE": {"message": "x"}, "@@bidi_dir": {"message": "x"}}`,
			chrome: []string{"Reserved key @@bidi_dir found in message catalog.", "Reserved key @@ui_locale found in message catalog."},
		},
		{
			name:     "@@extension_id is not reserved in a catalog",
			src:      `{"@@extension_id": {"message": "x"}}`,
			messages: map[string]string{"@@extension_id": "x"},
		},
		{
			name:     "the last of a duplicate key wins",
			src:      `{"n": {"message": "x"}, "n": {"message": "y"}}`,
			messages: map[string]string{"n": "y"},
		},
		{
			name:   "problems in Chrome's order",
			src:    `{"b": 1, "a": {}}`,
			chrome: []string{`There is no "message" element for key a.`, "Not a valid tree for key b."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("en", []byte(tt.src))
			if tt.chrome == nil && !tt.crash {
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
			} else {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("Parse error = %v, want an *Error", err)
				}
				if e.Path != "_locales/en/messages.json" {
					t.Errorf("Path = %q", e.Path)
				}
				var got []string
				for _, p := range e.Problems {
					got = append(got, p.Chrome)
				}
				if tt.crash {
					if len(e.Problems) != 1 || !e.Problems[0].Crash || e.Problems[0].Chrome != "" {
						t.Errorf("problems = %+v, want one crash", e.Problems)
					}
				} else if strings.Join(got, "\n") != strings.Join(tt.chrome, "\n") {
					t.Errorf("Chrome texts =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.chrome, "\n"))
				}
				first := e.Problems[0]
				if !strings.Contains(first.Message, tt.message) {
					t.Errorf("message = %q, want it to contain %q", first.Message, tt.message)
				}
				if tt.line != 0 && (first.Line != tt.line || first.Column != tt.column) {
					t.Errorf("position = %d:%d, want %d:%d", first.Line, first.Column, tt.line, tt.column)
				}
				if !strings.HasPrefix(e.Error(), e.Path) {
					t.Errorf("Error() = %q", e.Error())
				}
			}
			for name, want := range tt.messages {
				if got, ok := c.Message(name); !ok || got != want {
					t.Errorf("Message(%q) = %q, %v; want %q", name, got, ok, want)
				}
			}
			if tt.messages != nil && c.Len() != countLower(tt.messages) {
				t.Errorf("Len() = %d, want %d", c.Len(), countLower(tt.messages))
			}
		})
	}
}

// countLower counts the distinct names of messages without regard to case.
func countLower(m map[string]string) int {
	seen := map[string]bool{}
	for k := range m {
		seen[strings.ToLower(k)] = true
	}
	return len(seen)
}

func utf16LE(s string) string {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"_locales/en/messages.json":            {Data: []byte(`{"n": {"message": "Hello"}}`)},
		"_locales/fr/readme.txt":               {Data: []byte("no messages here")},
		"_locales/pt_BR/readme.txt":            {Data: []byte("no messages here")},
		"_locales/de/messages.json/readme.txt": {Data: []byte("a folder named messages.json")},
		"_locales/it":                          {Data: []byte("a file where the folder should be")},
	}
	c, err := Load(fsys, "en")
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := c.Message("N"); m != "Hello" || c.Locale() != "en" {
		t.Errorf("Load(en): Message(N) = %q, Locale = %q", m, c.Locale())
	}

	tests := []struct {
		locale, chrome string
		notExist       bool
	}{
		{"fr", "Catalog file is missing for locale fr.", true},
		{"pt_BR", "Catalog file is missing for locale pt-BR.", true},
		{"es", "Catalog file is missing for locale es.", true},
		{"it", "Catalog file is missing for locale it.", false},
		{"de", "Invalid locale file '.../_locales/de/messages.json': Can't read file.", false},
	}
	for _, tt := range tests {
		c, err := Load(fsys, tt.locale)
		var e *Error
		if c != nil || !errors.As(err, &e) {
			t.Errorf("Load(%s) = %v, %v; want an *Error", tt.locale, c, err)
			continue
		}
		if got := e.Problems[0].Chrome; got != tt.chrome {
			t.Errorf("Load(%s): Chrome text %q, want %q", tt.locale, got, tt.chrome)
		}
		if tt.notExist && !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Load(%s) = %v, want it to match fs.ErrNotExist", tt.locale, err)
		}
	}

	for _, bad := range []string{"", ".", "..", "en/../fr", `en\x`} {
		var e *Error
		if _, err := Load(fsys, bad); err == nil || errors.As(err, &e) {
			t.Errorf("Load(%q) = %v, want a plain error", bad, err)
		}
	}
}

func TestCatalogMessage(t *testing.T) {
	var nilCatalog *Catalog
	if nilCatalog.Len() != 0 || nilCatalog.Locale() != "" {
		t.Error("a nil catalog is not empty")
	}
	for name, want := range map[string]string{
		"@@ui_locale":         "en",
		"@@UI_LOCALE":         "en",
		"@@bidi_dir":          "ltr",
		"@@bidi_reversed_dir": "rtl",
		"@@bidi_start_edge":   "left",
		"@@bidi_end_edge":     "right",
	} {
		if got, ok := nilCatalog.Message(name); !ok || got != want {
			t.Errorf("Message(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	if _, ok := nilCatalog.Message("@@extension_id"); ok {
		t.Error("@@extension_id is defined, but Chrome does not define it in the manifest")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`{"n": {"message": "Hello $u$", "placeholders": {"u": {"content": "$1"}}}}`,
		`{,}`, `[]`, ``, `{"n": 1, "@@ui_locale": {"message": 1}, "a-b": {}}`,
		`{"n": {"message": "$a$ $b$", "placeholders": {"A": {"content": 1}, "b": []}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		c, err := Parse("en", src)
		if err == nil {
			if c == nil {
				t.Fatal("Parse returned neither a catalog nor an error")
			}
			return
		}
		var e *Error
		if !errors.As(err, &e) || len(e.Problems) == 0 {
			t.Fatalf("Parse error = %v, want an *Error with problems", err)
		}
		for _, p := range e.Problems {
			if p.Message == "" || p.Line < 1 || p.Column < 1 || (p.Chrome == "") != p.Crash {
				t.Fatalf("bad problem %+v", p)
			}
		}
	})
}
