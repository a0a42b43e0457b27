package l10n

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func testCatalog(t testing.TB) *Catalog {
	t.Helper()
	c, err := Parse("en", []byte(`{
		"n":      {"message": "Hello"},
		"empty":  {"message": ""},
		"a_b":    {"message": "AB"},
		"nested": {"message": "__MSG_n__"},
		"user":   {"message": "Hi $who$", "placeholders": {"who": {"content": "$1"}}}
	}`))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestResolve(t *testing.T) {
	// Where Chromium 156 was asked, the case says what it did with the
	// string as the extension's name.
	tests := []struct {
		in, want string
		missing  []string
	}{
		{"plain", "plain", nil},
		{"__MSG_n__", "Hello", nil},
		{"__MSG_N__", "Hello", nil},               // names are case-insensitive (measured)
		{"My __MSG_n__ ext", "My Hello ext", nil}, // anywhere in the string
		{"__MSG_user__", "Hi $1", nil},            // placeholders substituted
		{"__MSG_a_b__", "AB", nil},                // a name may hold _ (measured)
		{"__MSG_n___", "Hello_", nil},             // the name ends at the first __ (measured)
		{"__MSG_empty____MSG_n__", "Hello", nil},  // back to back (measured)
		{"__MSG_nested__", "__MSG_n__", nil},      // a message's text is not scanned again (measured)
		{"__MSG_@@ui_locale__", "en", nil},        // predefined (measured)
		{"__MSG_@@bidi_dir__ __MSG_@@bidi_end_edge__", "ltr right", nil},
		{"__MSG___", "__MSG___", nil}, // an empty name is text (measured)
		{"__MSG_n", "__MSG_n", nil},   // no end (measured)
		{"__MSG_", "__MSG_", nil},
		{"__MSG_a b__", "__MSG_a b__", nil},           // not a name (measured)
		{"__MSG_é__", "__MSG_é__", nil},               // not ASCII (measured)
		{"__MSG_a b__MSG_n__", "__MSG_a bHello", nil}, // the scan resumes after the __MSG_
		{"__MSG_zz__", "__MSG_zz__", []string{"zz"}},  // undefined (measured)
		{"__MSG_a__ __MSG_n__ __MSG_b__ __MSG_a__", "__MSG_a__ Hello __MSG_b__ __MSG_a__", []string{"a", "b", "a"}},
		{"__MSG_@@extension_id__", "__MSG_@@extension_id__", []string{"@@extension_id"}}, // not in the manifest (measured)
		// Not idempotent: the text around an empty message joins into a
		// new placeholder, which Chrome does not scan either.
		{"__MS__MSG_empty__G_n__", "__MSG_n__", nil},
	}
	c := testCatalog(t)
	for _, tt := range tests {
		got, missing := c.Resolve(tt.in)
		if got != tt.want || !slices.Equal(missing, tt.missing) {
			t.Errorf("Resolve(%q) = %q, %q; want %q, %q", tt.in, got, missing, tt.want, tt.missing)
		}
	}
}

func TestReferences(t *testing.T) {
	tests := map[string][]string{
		"":                         nil,
		"Hello":                    nil,
		"__MSG_n__":                {"n"},
		"__MSG_a__MSG_b__":         {"a"},
		"x __MSG_A__ y __MSG_b__z": {"A", "b"},
		"__MSG_ x__ __MSG_c__":     {"c"},
	}
	for in, want := range tests {
		if got := References(in); !slices.Equal(got, want) {
			t.Errorf("References(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValidName(t *testing.T) {
	for _, s := range []string{"a", "Z9", "a_b", "@@ui_locale", "_"} {
		if !ValidName(s) {
			t.Errorf("ValidName(%q) = false", s)
		}
	}
	for _, s := range []string{"", "a-b", "a b", "é", "a.b", "$"} {
		if ValidName(s) {
			t.Errorf("ValidName(%q) = true", s)
		}
	}
}

// chromeReplaceVariables is MessageBundle::ReplaceVariables transcribed
// from Chromium's C++ line by line, to check replaceVariables against. It
// returns the substituted message, or Chrome's error text.
func chromeReplaceVariables(variables map[string]string, begin, end, message string) (result, chromeError string) {
	find := func(s, sep string, pos int) int { // std::string::find
		if pos > len(s) {
			return -1
		}
		if i := strings.Index(s[pos:], sep); i >= 0 {
			return pos + i
		}
		return -1
	}
	begIndex := 0
	for {
		begIndex = find(message, begin, begIndex)
		if begIndex < 0 {
			return message, ""
		}
		begIndex += len(begin)
		if begIndex >= len(message) {
			return message, ""
		}
		endIndex := find(message, end, begIndex)
		if endIndex < 0 {
			return message, ""
		}
		varName := message[begIndex:endIndex]
		if !ValidName(varName) {
			continue
		}
		value, ok := variables[strings.ToLower(varName)]
		if !ok {
			return "", fmt.Sprintf("Variable %s%s%s used but not defined.", begin, varName, end)
		}
		message = message[:begIndex-len(begin)] + value + message[endIndex+len(end):]
		begIndex += len(value) - len(begin)
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"", "__MSG_n__", "My __MSG_N__ ext", "__MSG___", "__MSG_a___", "__MSG_a__MSG_b__",
		"__MS__MSG_empty__G_n__", "__MSG_zz__ __MSG_n__", "$who$ $$ $1", "__MSG_@@ui_locale__",
	} {
		f.Add(s, "x")
		f.Add(s, "")
		f.Add(s, "__MSG_n__")
	}
	f.Fuzz(func(t *testing.T, s, value string) {
		c := testCatalog(t)
		c.messages["v"] = value
		got, missing := c.Resolve(s)

		// The first name Resolve misses is the one Chrome refuses the
		// manifest over; when it misses none, it agrees with Chrome.
		dict := map[string]string{}
		for name := range c.messages {
			dict[name], _ = c.Message(name)
		}
		for _, name := range reservedNames() {
			dict[name], _ = reservedMessage(name)
		}
		want, chromeErr := chromeReplaceVariables(dict, msgBegin, msgEnd, s)
		switch {
		case len(missing) == 0 && (chromeErr != "" || got != want):
			t.Fatalf("Resolve(%q) = %q; Chrome gives %q, %q", s, got, want, chromeErr)
		case len(missing) > 0 && chromeErr != "Variable __MSG_"+missing[0]+"__ used but not defined.":
			t.Fatalf("Resolve(%q) misses %q; Chrome says %q", s, missing, chromeErr)
		}

		// Every missing name is a valid name written in s, and one that
		// References finds; a string without __MSG_ is left alone.
		refs := References(s)
		for _, name := range missing {
			if !ValidName(name) || !strings.Contains(s, msgBegin+name+msgEnd) || !slices.Contains(refs, name) {
				t.Fatalf("Resolve(%q) misses %q, which s does not refer to", s, name)
			}
		}
		if !strings.Contains(s, msgBegin) && (got != s || missing != nil || refs != nil) {
			t.Fatalf("Resolve(%q) = %q, %q; want it unchanged", s, got, missing)
		}

		// With nothing defined, Resolve misses exactly the references and
		// changes nothing; $name$ placeholders go the same way.
		var empty *Catalog
		if got, missing := empty.Resolve(s); !slices.Equal(filterReserved(refs), missing) || (len(missing) == len(refs) && got != s) {
			t.Fatalf("empty.Resolve(%q) = %q, %q; references %q", s, got, missing, refs)
		}
		quoted, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse("en", []byte(`{"m": {"message": `+string(quoted)+`}}`)); err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Problems[0].Chrome == "" {
				t.Fatalf("Parse: %v", err)
			}
		}
	})
}

// filterReserved drops the names Chrome predefines.
func filterReserved(names []string) []string {
	var out []string
	for _, n := range names {
		if _, ok := reservedMessage(strings.ToLower(n)); !ok {
			out = append(out, n)
		}
	}
	return out
}
