package rules

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/crxlint/crxlint/manifest"
)

// strictJSON is a JSON file of the extension read as Chrome reads
// declarativeNetRequest rule files: with base::JSONReader in its strict
// JSON_PARSE_RFC mode, which refuses the comments, raw line breaks inside
// strings and \x escapes that manifest.json may hold.
type strictJSON struct {
	doc   *manifest.Document // the file wrapped in {"": ...}, so that any value parses
	value *manifest.Node     // the top-level value; nil when the file is not JSON
	// chrome is the JSON reader's error as Chrome words it, such as "EOF
	// while parsing a list at line 1 column 3"; hint names the lenient
	// form that causes it, if one does.
	chrome, hint string
}

// lenientForms are what manifest.Parse accepts and the strict reader
// does not: the byte that starts each, a replacement byte that makes
// manifest.Parse fail there as the strict reader does, and a remedy.
var lenientForms = map[byte]struct {
	poison byte
	hint   string
}{
	'/':  {'#', "comments are not allowed in rule files"},
	'\n': {0x01, `write a line break inside a string as \n`},
	'\r': {0x01, `write a carriage return inside a string as \r`},
	'x':  {'q', `write \xNN escapes as \u00NN`},
}

func readStrictJSON(src []byte) strictJSON {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")) // Chrome skips a byte-order mark
	strict, poisoned, hint := src, len(src), ""
	if i := lenientFormAt(src); i >= 0 {
		form := lenientForms[src[i]]
		strict, poisoned, hint = slices.Clone(src), i, form.hint
		strict[i] = form.poison
	}
	var se *manifest.SyntaxError
	if _, err := manifest.Parse(strict); errors.As(err, &se) && se.Reason != "" {
		if se.Span.Start+1 < poisoned {
			hint = "" // an error before the lenient form
		}
		reason, at := chromeJSONError(src, se)
		line := 1 + bytes.Count(src[:at], []byte("\n"))
		column := at - 1 - bytes.LastIndexByte(src[:at], '\n')
		return strictJSON{chrome: fmt.Sprintf("%s at line %d column %d", reason, line, column), hint: hint}
	}
	// Valid JSON. The prefix has no line break, so lines stay the file's.
	doc, _ := manifest.Parse(slices.Concat([]byte(`{"":`), src, []byte("}")))
	return strictJSON{doc: doc, value: doc.Root().Get("")}
}

// lenientFormAt returns the offset of the first byte that starts a
// lenient form, or -1.
func lenientFormAt(src []byte) int {
	inString := false
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '"':
			inString = !inString
		case inString && c == '\\':
			if i++; i < len(src) && src[i] == 'x' {
				return i
			}
		case inString && (c == '\n' || c == '\r'), !inString && c == '/':
			return i
		}
	}
	return -1
}

// chromeJSONError returns the reason Chrome's JSON reader gives for a
// syntax error and how many bytes it had read then: it reports the line
// and the column, counted in bytes from 0, after the last byte read.
func chromeJSONError(src []byte, se *manifest.SyntaxError) (reason string, read int) {
	start := se.Span.Start
	read = start + 1
	next := len(src) - len(bytes.TrimLeft(src[min(read, len(src)):], " \t\n\r")) // the next byte that is not white space
	switch se.Reason {
	case "trailing comma": // reported at the bracket after the comma
		read = next + 1
	case "recursion limit exceeded": // reported after an empty list or object
		if next < len(src) && (src[next] == ']' || src[next] == '}') {
			read = next + 1
		}
	case "invalid number", "expected ident":
		read = firstBadByte(src, start) + 1
	case "invalid escape": // a \u escape fails after its four digits
		read = start + 2
		if src[start+1] == 'u' {
			read = start + 6
		}
	case "lone leading surrogate in hex escape", "number out of range":
		read = se.Span.End
	case "unexpected end of hex escape":
		read = se.Span.End + 1
	case "invalid unicode code point": // reported at the end of the string
		read = len(src) + 1
		if i := bytes.IndexByte(src[start:], '"'); i >= 0 {
			read = start + i + 1
		}
	}
	switch {
	case strings.HasPrefix(se.Reason, "EOF"):
		return se.Reason, len(src)
	case read <= len(src):
		return se.Reason, read
	case se.Reason == "invalid number" || se.Reason == "expected ident":
		return "EOF while parsing a value", len(src)
	}
	return "EOF while parsing a string", len(src)
}

// numberStart matches the longest text that can start a JSON number.
var numberStart = regexp.MustCompile(`^-?(?:(?:0|[1-9][0-9]*)(?:\.(?:[0-9]+(?:[eE][+-]?[0-9]*)?)?|[eE][+-]?[0-9]*)?)?`)

// firstBadByte returns the offset of the first byte that stops the number
// or the literal (true, false or null) at i from being one.
func firstBadByte(src []byte, i int) int {
	lit := map[byte]string{'t': "true", 'f': "false", 'n': "null"}[src[i]]
	if lit == "" {
		return i + len(numberStart.Find(src[i:]))
	}
	for j := range len(lit) {
		if i+j == len(src) || src[i+j] != lit[j] {
			return i + j
		}
	}
	return i + len(lit)
}
