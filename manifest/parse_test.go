package manifest

import (
	"errors"
	"strings"
	"testing"
)

const head = `{"manifest_version": 3, "name": "x", "version": "1"`

// TestParseAccepts covers what Chrome's JSON reader accepts
// (chrome-rules.md, "Checked against Chromium 156").
func TestParseAccepts(t *testing.T) {
	tests := []struct {
		name, src string
		key, want string // the decoded string value of key
	}{
		{"line comment", head + `, // c` + "\n" + `"k": "v"}`, "k", "v"},
		{"block comment", head + `, /* c */ "k": /**/ "v"}`, "k", "v"},
		{"comment at EOF without newline", head + `, "k": "v"} // end`, "k", "v"},
		{"block comment at EOF", head + `, "k": "v"} /* end */`, "k", "v"},
		{"byte-order mark", "\xEF\xBB\xBF" + head + `, "k": "v"}`, "k", "v"},
		{"raw line feed in string", head + `, "k": "a` + "\n" + `b"}`, "k", "a\nb"},
		{"raw CRLF in string", head + `, "k": "a` + "\r\n" + `b"}`, "k", "a\r\nb"},
		{`\x escape`, head + `, "k": "\x41"}`, "k", "A"},
		{`\u escape`, head + `, "k": "\u00e9"}`, "k", "é"},
		{"surrogate pair", head + `, "k": "\ud83d\ude00"}`, "k", "😀"},
		{"standard escapes", head + `, "k": "\"\\\/\b\f\n\r\t"}`, "k", "\"\\/\b\f\n\r\t"},
		{"duplicate key keeps the last", head + `, "k": "first", "k": "last"}`, "k", "last"},
		{"UTF-8 text", head + `, "k": "日本語 😀"}`, "k", "日本語 😀"},
		{"CRLF line ends", "{\r\n\"manifest_version\": 3,\r\n\"k\": \"v\"\r\n}\r\n", "k", "v"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatalf("Parse: %v (Chrome accepts this)", err)
			}
			got, ok := d.Root().Get(tt.key).Str()
			if !ok || got != tt.want {
				t.Errorf("%s = %q, %v; want %q", tt.key, got, ok, tt.want)
			}
		})
	}
}

// TestParseRejects covers what Chrome refuses, with the reason Chrome gives.
func TestParseRejects(t *testing.T) {
	deep := `{"k": ` + strings.Repeat("[", MaxNesting) + strings.Repeat("]", MaxNesting) + "}"
	tests := []struct {
		name, src  string
		chrome     string // Chrome's message
		at         string // the text the error's span starts with
		wantInText string // a word the message must contain
	}{
		{"trailing comma in object", head + ",\n}", "Manifest is not valid JSON.  trailing comma", ",\n}", "trailing comma"},
		{"trailing comma in list", head + `, "p": ["a",]}`, "Manifest is not valid JSON.  trailing comma", ",]", "trailing comma"},
		{"empty file", "", "Manifest is not valid JSON.  EOF while parsing a value", "", "empty"},
		{"only white space and comments", " // nothing\n", "Manifest is not valid JSON.  EOF while parsing a value", "", "empty"},
		{"top-level null", "null", "Manifest file is invalid", "null", "null"},
		{"top-level list", "[]", "Manifest file is invalid", "[]", "list"},
		{"top-level string", `"x"`, "Manifest file is invalid", `"x"`, "string"},
		{"invalid UTF-8 in string", head + `, "k": "a` + "\xff" + `"}`, "Manifest is not valid JSON.  invalid unicode code point", "\xff", "UTF-8"},
		{"raw tab in string", head + `, "k": "a` + "\t" + `"}`, `Manifest is not valid JSON.  control character (\u0000-\u001F) found while parsing a string`, "\t", "control character"},
		{"raw NUL in string", head + `, "k": "a` + "\x00" + `"}`, `Manifest is not valid JSON.  control character (\u0000-\u001F) found while parsing a string`, "\x00", "control character"},
		{"number out of range", head + `, "k": 1e999999}`, "Manifest is not valid JSON.  number out of range", "1e999999", "too large"},
		{"negative number out of range", head + `, "k": -1e999999}`, "Manifest is not valid JSON.  number out of range", "-1e999999", "too large"},
		{"nesting past the limit", deep, "Manifest is not valid JSON.  recursion limit exceeded", "[", "nested"},
		{"UTF-16 LE with BOM", "\xFF\xFE{\x00}\x00", "Manifest is not valid JSON.  expected value", "\xFF\xFE", "UTF-16"},
		{"UTF-16 BE without BOM", "\x00{\x00}", "Manifest is not valid JSON.  expected value", "\x00{", "UTF-16"},
		{"text after the object", head + `} x`, "Manifest is not valid JSON.  trailing characters", "x", "after"},
		{"second object", head + `} {}`, "Manifest is not valid JSON.  trailing characters", "{}", "after"},
		{"single quotes", head + `, 'k': 1}`, "Manifest is not valid JSON.  expected value", "'", "double quotes"},
		{"unquoted key", head + `, k: 1}`, "Manifest is not valid JSON.  key must be a string", "k", "key"},
		{"missing colon", head + `, "k" 1}`, "Manifest is not valid JSON.  expected `:`", "1", ":"},
		{"missing comma", head + ` "k": 1}`, "Manifest is not valid JSON.  expected `,` or `}`", `"k"`, ","},
		{"unclosed object", head, "Manifest is not valid JSON.  EOF while parsing an object", "{", "}"},
		{"unclosed list", head + `, "k": [1`, "Manifest is not valid JSON.  EOF while parsing a list", "[1", "]"},
		{"unclosed string", head + `, "k": "v`, "Manifest is not valid JSON.  EOF while parsing a string", `"v`, `"`},
		{"unclosed comment", head + `} /* x`, "Manifest is not valid JSON.  EOF while parsing a block comment", "/*", "*/"},
		{"lone slash", head + `} /`, "Manifest is not valid JSON.  expected `/` or `*` after `/`", "/", "comment"},
		{"invalid escape", head + `, "k": "\q"}`, "Manifest is not valid JSON.  invalid escape", `\q`, "escape"},
		{`\v escape`, head + `, "k": "\v"}`, "Manifest is not valid JSON.  invalid escape", `\v`, "escape"},
		{"short \\x escape", head + `, "k": "\x4"}`, "Manifest is not valid JSON.  invalid escape", `\x4`, "hex"},
		{"lone trailing surrogate", head + `, "k": "\udc00"}`, "Manifest is not valid JSON.  lone leading surrogate in hex escape", `\udc00`, "surrogate"},
		{"unpaired leading surrogate", head + `, "k": "\ud800x"}`, "Manifest is not valid JSON.  unexpected end of hex escape", `\ud800`, "surrogate"},
		{"leading zero", head + `, "k": 01}`, "Manifest is not valid JSON.  invalid number", "01", "number"},
		{"leading plus", head + `, "k": +1}`, "Manifest is not valid JSON.  expected value", "+", "value"},
		{"bare fraction", head + `, "k": .5}`, "Manifest is not valid JSON.  expected value", ".", "value"},
		{"dangling exponent", head + `, "k": 1e}`, "Manifest is not valid JSON.  invalid number", "1e", "number"},
		{"NaN", head + `, "k": NaN}`, "Manifest is not valid JSON.  expected value", "N", "value"},
		{"misspelt true", head + `, "k": tru}`, "Manifest is not valid JSON.  expected ident", "tru", "not a JSON value"},
		{"EOF inside true", head + `, "k": tr`, "Manifest is not valid JSON.  EOF while parsing a value", "tr", "middle of a value"},
		{"EOF inside a number", head + `, "k": 1.`, "Manifest is not valid JSON.  EOF while parsing a value", "1.", "middle of a number"},
		{"EOF after a minus", head + `, "k": -`, "Manifest is not valid JSON.  EOF while parsing a value", "-", "middle of a number"},
		{"EOF inside a \\u escape", head + `, "k": "\u00`, "Manifest is not valid JSON.  EOF while parsing a string", `\u00`, "never closed"},
		{"vertical tab as white space", head + "\v}", "Manifest is not valid JSON.  expected `,` or `}`", "\v", ","},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse([]byte(tt.src))
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse error = %v, want a *SyntaxError (Chrome rejects this)", err)
			}
			if d == nil || d.Root() != nil {
				t.Errorf("Parse returned a root for a manifest Chrome rejects")
			}
			if se.Chrome != tt.chrome {
				t.Errorf("Chrome = %q, want %q", se.Chrome, tt.chrome)
			}
			if got := tt.src[se.Span.Start:]; !strings.HasPrefix(got, tt.at) {
				t.Errorf("error at %q, want it at %q", got, tt.at)
			}
			if se.Span.End < se.Span.Start || se.Span.End > len(tt.src) {
				t.Errorf("span %v out of the source's %d bytes", se.Span, len(tt.src))
			}
			if !strings.Contains(se.Message, tt.wantInText) {
				t.Errorf("message %q does not mention %q", se.Message, tt.wantInText)
			}
		})
	}
}

func TestMaxNestingAccepted(t *testing.T) {
	// The root counts as one level.
	n := MaxNesting - 1
	src := `{"k": ` + strings.Repeat("[", n) + strings.Repeat("]", n) + "}"
	if _, err := Parse([]byte(src)); err != nil {
		t.Fatalf("nesting of %d levels: %v; Chrome accepts it", MaxNesting, err)
	}
}

func TestNumbers(t *testing.T) {
	d, err := Parse([]byte(`{"a": 3, "b": 3.0, "c": -0, "d": 1e2, "e": 4294967296, "f": 1e-999999, "g": 12345678901234567890123}`))
	if err != nil {
		t.Fatal(err)
	}
	root := d.Root()
	for key, want := range map[string]string{"a": "3", "b": "3.0", "d": "1e2", "f": "1e-999999"} {
		if got, _ := root.Get(key).Literal(); got != want {
			t.Errorf("literal of %s = %q, want %q", key, got, want)
		}
	}
	if v, ok := root.Get("a").Int(); !ok || v != 3 {
		t.Errorf(`Int("3") = %d, %v; want 3, true`, v, ok)
	}
	for _, key := range []string{"b", "d", "e"} {
		if _, ok := root.Get(key).Int(); ok {
			t.Errorf("Int(%s) reported an integer; Chrome stores it as a double", key)
		}
	}
	if v, ok := root.Get("g").Float(); !ok || v < 1.2e22 {
		t.Errorf("Float(g) = %v, %v", v, ok)
	}
}

func TestDuplicateKeys(t *testing.T) {
	d, err := Parse([]byte(`{"name": "a", "version": "1", "name": "b"}`))
	if err != nil {
		t.Fatal(err)
	}
	root := d.Root()
	var keys, all []string
	for m := range root.Members() {
		keys = append(keys, m.Key)
	}
	for m := range root.AllMembers() {
		all = append(all, m.Key)
	}
	if got := strings.Join(keys, ","); got != "version,name" {
		t.Errorf("Members = %s, want version,name (the last name wins)", got)
	}
	if got := strings.Join(all, ","); got != "name,version,name" {
		t.Errorf("AllMembers = %s", got)
	}
	if root.Len() != 2 {
		t.Errorf("Len = %d, want 2 distinct keys", root.Len())
	}
	if v := root.Value().(map[string]any)["name"]; v != "b" {
		t.Errorf("Value()[name] = %v, want the last value", v)
	}
}

func TestComments(t *testing.T) {
	src := "{ // one\n \"a\": 1 /* two */ }"
	d, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cs := d.Comments()
	if len(cs) != 2 || cs[0].Text != "// one" || cs[1].Text != "/* two */" {
		t.Fatalf("comments = %+v", cs)
	}
	if got := src[cs[1].Span.Start:cs[1].Span.End]; got != "/* two */" {
		t.Errorf("span of the block comment covers %q", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{head + "}", "{}", `{"a":[1,{"b":null}],"c":"\x41\u00e9"}`, "{,}", "\xEF\xBB\xBF{}", `{"a/b~c": true}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Parse(src)
		if d == nil {
			t.Fatal("Parse returned a nil Document")
		}
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not a *SyntaxError", err)
			}
			if se.Span.Start < 0 || se.Span.End > len(src) || se.Span.Start > se.Span.End {
				t.Fatalf("span %v outside the source (%d bytes)", se.Span, len(src))
			}
			_ = d.Position(se.Span.Start)
			return
		}
		// Every node's pointer resolves to a node with the same span,
		// unless a later duplicate key shadows it.
		var walk func(n *Node)
		walk = func(n *Node) {
			got, _, err := d.Lookup(n.Pointer())
			switch {
			case shadowed(d, n): // a later duplicate key wins: the pointer leads there, or nowhere
			case err != nil:
				t.Fatalf("pointer %q of a node does not resolve: %v", n.Pointer(), err)
			case got != n:
				t.Fatalf("pointer %q resolves to another node", n.Pointer())
			}
			for _, e := range n.elems {
				walk(e)
			}
			for _, m := range n.members {
				walk(m.Value)
			}
		}
		walk(d.Root())
	})
}

// shadowed reports whether n sits under a member that a later duplicate key
// shadows, so that its pointer resolves elsewhere.
func shadowed(d *Document, n *Node) bool {
	tokens, _ := SplitPointer(n.Pointer())
	cur := d.Root()
	for _, t := range tokens {
		if cur.Kind() == Object {
			count := 0
			for m := range cur.AllMembers() {
				if m.Key == t {
					count++
				}
			}
			if count > 1 {
				return true
			}
		}
		next, _, err := d.Lookup(PointerJoin(cur.Pointer(), t))
		if err != nil {
			return true
		}
		cur = next
	}
	return false
}
