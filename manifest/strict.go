package manifest

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

// An Extension is one of the liberties with JSON that Chrome's reader takes
// in manifest.json (its options JSON_PARSE_CHROMIUM_EXTENSIONS) and refuses
// in strict JSON.
type Extension uint8

const (
	// Comments are // and /* */ comments (JSON_ALLOW_COMMENTS).
	Comments Extension = iota + 1
	// NewlinesInStrings are raw line feeds and carriage returns inside
	// strings (JSON_ALLOW_NEWLINES_IN_STRINGS).
	NewlinesInStrings
	// XEscapes are \xNN escapes inside strings (JSON_ALLOW_X_ESCAPES).
	XEscapes
)

// ParseStrict reads a JSON file as Chrome reads the files of an extension
// that must be strict JSON, such as declarativeNetRequest rule files: with
// base::JSONReader and its options JSON_PARSE_RFC, which refuse every
// Extension. Any JSON value may be the top-level one. Otherwise it reads as
// Parse does.
//
// The SyntaxError's Chrome is the JSON reader's whole message, such as
// "trailing comma at line 4 column 1", and its Extension names the
// extension that stopped the reader, if one did.
func ParseStrict(src []byte) (*Document, error) {
	d, err := parse(src, true)
	if se := d.err; se != nil {
		reason, read := chromeStop(src, se)
		line, column := chromeLineColumn(src[d.lines.Start(1):read])
		se.Reason, se.Chrome = reason, fmt.Sprintf("%s at line %d column %d", reason, line, column)
	}
	return d, err
}

// chromeLineColumn returns the line and the column that Chrome's JSON
// reader prints when it stops after reading read, the text after any
// byte-order mark. It counts as the reader does, not as editors do: only a
// line feed ends a line, and the column is the number of bytes read on the
// last line.
func chromeLineColumn(read []byte) (line, column int) {
	return 1 + bytes.Count(read, []byte("\n")), len(read) - 1 - bytes.LastIndexByte(read, '\n')
}

// chromeStop returns the reason Chrome's JSON reader gives for se, an
// error of strict mode in text, and the offset at which it stops reading.
func chromeStop(text []byte, se *SyntaxError) (reason string, read int) {
	start := se.Span.Start
	read = start + 1
	next := len(text) - len(bytes.TrimLeft(text[min(read, len(text)):], " \t\n\r")) // the next byte that is not white space
	switch se.Reason {
	case "trailing comma": // reported at the bracket after the comma
		read = next + 1
	case "recursion limit exceeded": // reported after an empty list or object
		if next < len(text) && (text[next] == ']' || text[next] == '}') {
			read = next + 1
		}
	case "invalid number", "expected ident":
		read = firstBadByte(text, start) + 1
	case "invalid escape": // a \u escape fails after its four digits
		read = start + 2
		if text[start+1] == 'u' {
			read = start + 6
		}
	case "lone leading surrogate in hex escape", "number out of range":
		read = se.Span.End
	case "unexpected end of hex escape":
		read = se.Span.End + 1
	case "invalid unicode code point": // reported at the end of the string
		read = len(text) + 1
		if i := bytes.IndexByte(text[start:], '"'); i >= 0 {
			read = start + i + 1
		}
	}
	switch {
	case strings.HasPrefix(se.Reason, "EOF"):
		return se.Reason, len(text)
	case read <= len(text):
		return se.Reason, read
	case se.Reason == "invalid number" || se.Reason == "expected ident":
		return "EOF while parsing a value", len(text)
	}
	return "EOF while parsing a string", len(text)
}

// numberStart matches the longest text that can start a JSON number.
var numberStart = regexp.MustCompile(`^-?(?:(?:0|[1-9][0-9]*)(?:\.(?:[0-9]+(?:[eE][+-]?[0-9]*)?)?|[eE][+-]?[0-9]*)?)?`)

// firstBadByte returns the offset of the first byte that stops the number
// or the literal (true, false or null) at i from being one.
func firstBadByte(text []byte, i int) int {
	lit := map[byte]string{'t': "true", 'f': "false", 'n': "null"}[text[i]]
	if lit == "" {
		return i + len(numberStart.Find(text[i:]))
	}
	for j := range len(lit) {
		if i+j == len(text) || text[i+j] != lit[j] {
			return i + j
		}
	}
	return i + len(lit)
}
