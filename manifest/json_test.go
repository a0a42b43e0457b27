package manifest

import (
	"bytes"
	"encoding/json"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzAgainstEncodingJSON compares Parse with encoding/json, which reads
// strict RFC 8259 JSON. Where both accept a manifest, they must give the same
// values (Chrome, like encoding/json, keeps the last of duplicate keys).
// Where they disagree, the difference must be one of Chrome's documented
// ones (see the package doc):
//   - Chrome also accepts comments, raw line breaks in strings, \xNN escapes
//     and a UTF-8 byte-order mark;
//   - Chrome refuses invalid UTF-8 and lone UTF-16 surrogates (encoding/json
//     replaces both with U+FFFD), nesting deeper than MaxNesting, numbers out
//     of a double's range, and a top-level value that is not an object.
func FuzzAgainstEncodingJSON(f *testing.F) {
	for _, s := range []string{
		`{}`, `{"a": [1, -0.5e3, true, null, {"b": "c\u00e9\n"}], "a": "last"}`, `[]`, `"x"`,
		`{"a": 1} // comment`, "{\"a\": \"line\nbreak\"}", `{"a": "\x41"}`, "\xEF\xBB\xBF{}",
		`{"a": "\\x41"}`, `{"a": 1e400}`, `{"a": "\ud800"}`, "{\"a\": \"\xff\"}",
		strings.Repeat("[", MaxNesting) + strings.Repeat("]", MaxNesting),
		`{"a":` + strings.Repeat("[", MaxNesting) + strings.Repeat("]", MaxNesting) + `}`,
		`{"a": 1,}`, `{'a': 1}`, `{"a": 01}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, _ := Parse(src)
		var want any
		jsonOK := json.Valid(src)
		if jsonOK {
			dec := json.NewDecoder(bytes.NewReader(src))
			dec.UseNumber()
			if err := dec.Decode(&want); err != nil {
				t.Fatalf("json.Valid accepts %q but Decode fails: %v", src, err)
			}
		}
		root := d.Root()
		switch {
		case root != nil && jsonOK:
			if got := root.Value(); !reflect.DeepEqual(got, want) {
				t.Fatalf("Parse(%q) = %#v; encoding/json reads %#v", src, got, want)
			}
		case root != nil:
			if !chromeExtended(d) {
				t.Fatalf("Parse accepts %q, which encoding/json refuses, and it uses none of Chrome's extensions to JSON", src)
			}
		case jsonOK:
			if why := chromeRefuses(src, want); why == "" {
				t.Fatalf("Parse refuses %q, which encoding/json reads, for none of Chrome's documented reasons: %v", src, d.Err())
			}
		}
	})
}

// chromeExtended reports whether a parsed manifest uses what Chrome reads
// beyond RFC 8259: comments, a UTF-8 byte-order mark, or strings (keys
// included) with raw line breaks or \xNN escapes.
func chromeExtended(d *Document) bool {
	if len(d.Comments()) > 0 || bytes.HasPrefix(d.Source(), []byte("\xEF\xBB\xBF")) {
		return true
	}
	extended := func(s Span) bool {
		raw := d.Source()[s.Start:s.End]
		if bytes.ContainsAny(raw, "\n\r") {
			return true
		}
		for i := 0; i+1 < len(raw); i++ {
			if raw[i] == '\\' {
				if raw[i+1] == 'x' {
					return true
				}
				i++ // skip the escaped character, which may be a backslash
			}
		}
		return false
	}
	var walk func(n *Node) bool
	walk = func(n *Node) bool {
		if n.Kind() == String && extended(n.Span()) {
			return true
		}
		for _, e := range n.Elems() {
			if walk(e) {
				return true
			}
		}
		for m := range n.AllMembers() {
			if extended(m.KeySpan) || walk(m.Value) {
				return true
			}
		}
		return false
	}
	return walk(d.Root())
}

// surrogateEscape matches a \u escape of a UTF-16 surrogate. It may match
// the text of an escaped backslash followed by "uD800", which only makes
// chromeRefuses more lenient.
var surrogateEscape = regexp.MustCompile(`(?i)\\ud[89a-f]`)

// chromeRefuses says which of Chrome's documented reasons to refuse
// applies to src, which encoding/json decoded as v, or "" if none does.
func chromeRefuses(src []byte, v any) string {
	switch {
	case !utf8.Valid(src):
		return "invalid UTF-8"
	case surrogateEscape.Match(src):
		return "a UTF-16 surrogate escape, maybe a lone one"
	case depth(v) > MaxNesting:
		return "nesting too deep"
	case outOfRange(v):
		return "a number out of range"
	}
	if _, ok := v.(map[string]any); !ok {
		return "the top-level value is not an object"
	}
	return ""
}

// depth returns the nesting of arrays and objects of v: 0 for a scalar.
func depth(v any) int {
	deepest := 0
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			deepest = max(deepest, depth(e))
		}
	case map[string]any:
		for _, e := range v {
			deepest = max(deepest, depth(e))
		}
	default:
		return 0
	}
	return deepest + 1
}

// outOfRange reports whether v holds a number that a float64 cannot hold.
func outOfRange(v any) bool {
	switch v := v.(type) {
	case json.Number:
		_, err := strconv.ParseFloat(string(v), 64)
		return err != nil
	case []any:
		for _, e := range v {
			if outOfRange(e) {
				return true
			}
		}
	case map[string]any:
		for _, e := range v {
			if outOfRange(e) {
				return true
			}
		}
	}
	return false
}
