package manifest

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/crxlint/crxlint/internal/lines"
)

// MaxNesting is the deepest nesting of arrays and objects, the top-level
// object included, that Chrome's JSON reader accepts; one level more is
// "recursion limit exceeded".
const MaxNesting = 199

// SyntaxError reports a manifest that Chrome refuses to read.
type SyntaxError struct {
	// Span is the offending text; Start is where Chrome stops reading.
	Span Span
	// Message says what is wrong and what to do, in crxlint's words.
	Message string
	// Chrome is Chrome's own error text: for Parse without the line and
	// the column Chrome adds, for ParseStrict the JSON reader's whole
	// message.
	Chrome string
	// Reason is the JSON reader's reason, the end of Chrome's text, such as
	// "trailing comma".
	Reason string
	// Extension is, for an error of ParseStrict, the extension of JSON
	// that Parse accepts and the strict reader refused; 0 for others.
	Extension Extension
	// CommaAt is, for a missing comma ParseAll found, where it goes; 0
	// otherwise (a comma never goes first).
	CommaAt int
}

func (e *SyntaxError) Error() string { return e.Message }

// Comment is a // or /* */ comment of the source.
type Comment struct {
	Span Span
	Text string // the comment's text, delimiters included
}

// Document is a parsed manifest: its source, its root value, its comments and
// the index that turns offsets into lines and columns.
type Document struct {
	src      []byte
	lines    *lines.Index
	root     *Node
	comments []Comment
	err      *SyntaxError
	errs     []*SyntaxError // with ParseAll: every error found
}

// Err returns the syntax error that stopped parsing, or nil.
func (d *Document) Err() *SyntaxError { return d.err }

// Root returns the top-level value, or nil when the source did not parse.
// Parse accepts only an object there.
func (d *Document) Root() *Node { return d.root }

// Source returns the bytes the document was parsed from. Callers must not
// modify them.
func (d *Document) Source() []byte { return d.src }

// Comments returns the comments in source order.
func (d *Document) Comments() []Comment { return d.comments }

// Parse reads a manifest as Chrome does. It always returns a Document, whose
// Position method works even when the source does not parse; its Root is nil
// then, and the error is a *SyntaxError.
func Parse(src []byte) (*Document, error) { return parse(src, false) }

func parse(src []byte, strict bool) (*Document, error) {
	d := &Document{src: src, lines: lines.New(src)}
	p := &parser{src: src, pos: d.lines.Start(1), strict: strict} // after a byte-order mark
	root, err := p.parseDocument()
	d.comments = p.comments
	if err != nil {
		errors.As(err, &d.err) // every error of the parser is a *SyntaxError
		return d, err
	}
	d.root = root
	return d, nil
}

var (
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

type parser struct {
	src      []byte
	pos      int
	depth    int
	strict   bool // refuse every Extension
	comments []Comment
}

// fail builds a SyntaxError. reason is the JSON reader's own wording, which
// Chrome prints after "Manifest is not valid JSON.  ".
func (p *parser) fail(start, end int, reason, message string) *SyntaxError {
	if end < start {
		end = start
	}
	e := &SyntaxError{
		Span:    Span{start, end},
		Message: message,
		Chrome:  "Manifest is not valid JSON.  " + reason,
		Reason:  reason,
	}
	if p.strict && p.commentAt(start) {
		// Strict mode does not skip comments, so the caller that met one
		// reports it as whatever it expected instead.
		e.Extension, e.Message = Comments, "comments are not allowed in strict JSON; remove it"
	}
	return e
}

func (p *parser) parseDocument() (*Node, error) {
	if bytes.HasPrefix(p.src, utf16LEBOM) || bytes.HasPrefix(p.src, utf16BEBOM) ||
		(len(p.src) >= 2 && (p.src[0] == 0 || p.src[1] == 0)) {
		return nil, p.fail(0, min(len(p.src), 2), "expected value",
			"manifest.json is encoded as UTF-16, which Chrome cannot read; save it as UTF-8")
	}
	if err := p.skipSpace(); err != nil {
		return nil, err
	}
	if p.pos == len(p.src) {
		return nil, p.fail(p.pos, p.pos, "EOF while parsing a value",
			"manifest.json is empty; it must hold a JSON object")
	}
	root, err := p.parseValue("")
	if err != nil {
		return nil, err
	}
	if err := p.skipSpace(); err != nil {
		return nil, err
	}
	if p.pos < len(p.src) {
		return nil, p.fail(p.pos, len(p.src), "trailing characters",
			"unexpected text after the top-level value; the manifest must be a single JSON object")
	}
	if root.kind != Object && !p.strict {
		return nil, &SyntaxError{
			Span:    root.span,
			Message: fmt.Sprintf("the manifest is a %s; it must be a JSON object", root.kind),
			Chrome:  "Manifest file is invalid",
		}
	}
	return root, nil
}

// skipSpace skips white space and, unless strict, comments. Chrome's white
// space is the four JSON ones; a form feed or a vertical tab is an error.
func (p *parser) skipSpace() error {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		case '/':
			if p.strict {
				return nil // the caller reports the unexpected slash
			}
			if err := p.skipComment(); err != nil {
				return err
			}
		default:
			return nil
		}
	}
	return nil
}

// commentAt reports whether a comment starts at i, outside a string.
func (p *parser) commentAt(i int) bool {
	return i+1 < len(p.src) && p.src[i] == '/' && (p.src[i+1] == '/' || p.src[i+1] == '*')
}

func (p *parser) skipComment() error {
	start := p.pos
	if !p.commentAt(start) {
		return p.fail(start, start+1, "expected `/` or `*` after `/`",
			"a lone / is not a comment; comments start with // or /*")
	}
	if p.src[p.pos+1] == '/' {
		end := bytes.IndexByte(p.src[p.pos:], '\n')
		if end < 0 {
			p.pos = len(p.src)
		} else {
			p.pos += end
		}
	} else {
		end := bytes.Index(p.src[p.pos+2:], []byte("*/"))
		if end < 0 {
			return p.fail(start, len(p.src), "EOF while parsing a block comment",
				"the comment is never closed; end it with */")
		}
		p.pos += 2 + end + 2
	}
	p.comments = append(p.comments, Comment{Span: Span{start, p.pos}, Text: string(p.src[start:p.pos])})
	return nil
}

func (p *parser) parseValue(ptr string) (*Node, error) {
	if p.pos == len(p.src) {
		return nil, p.fail(p.pos, p.pos, "EOF while parsing a value",
			"the manifest ends where a value should be; complete it")
	}
	switch c := p.src[p.pos]; {
	case c == '{':
		return p.parseObject(ptr)
	case c == '[':
		return p.parseArray(ptr)
	case c == '"':
		start := p.pos
		s, err := p.parseString()
		if err != nil {
			return nil, err
		}
		return &Node{kind: String, span: Span{start, p.pos}, pointer: ptr, text: s}, nil
	case c == '-' || isDigit(c):
		return p.parseNumber(ptr)
	case c == 't' || c == 'f' || c == 'n':
		return p.parseLiteral(ptr)
	default:
		return nil, p.unexpected("a value")
	}
}

// unexpected reports the character at p.pos where want was expected.
func (p *parser) unexpected(want string) error {
	c := p.src[p.pos]
	what := fmt.Sprintf("%q", rune(c))
	switch {
	case c == '\'':
		return p.fail(p.pos, p.pos+1, "expected value",
			"single-quoted strings are not JSON; use double quotes")
	case c >= utf8.RuneSelf:
		r, size := utf8.DecodeRune(p.src[p.pos:])
		what = fmt.Sprintf("%q", r)
		return p.fail(p.pos, p.pos+size, "expected value", fmt.Sprintf("unexpected %s where %s should be", what, want))
	}
	return p.fail(p.pos, p.pos+1, "expected value", fmt.Sprintf("unexpected %s where %s should be", what, want))
}

func (p *parser) enter(start int) error {
	p.depth++
	if p.depth > MaxNesting {
		return p.fail(start, start+1, "recursion limit exceeded",
			fmt.Sprintf("arrays and objects are nested more than %d deep, past Chrome's limit", MaxNesting))
	}
	return nil
}

func (p *parser) parseObject(ptr string) (*Node, error) {
	start := p.pos
	if err := p.enter(start); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	n := &Node{kind: Object, pointer: ptr, index: map[string]int{}}
	p.pos++ // {
	for first := true; ; first = false {
		if err := p.skipSpace(); err != nil {
			return nil, err
		}
		if p.pos == len(p.src) {
			return nil, p.fail(start, p.pos, "EOF while parsing an object",
				"the object is never closed; add the missing }")
		}
		c := p.src[p.pos]
		if c == '}' {
			if !first {
				return nil, p.trailingComma('}')
			}
			p.pos++
			n.span = Span{start, p.pos}
			return n, nil
		}
		if c != '"' {
			if c == '\'' {
				return nil, p.unexpected("a key")
			}
			return nil, p.fail(p.pos, p.pos+1, "key must be a string",
				fmt.Sprintf("unexpected %q where a key should be; keys are double-quoted strings", rune(c)))
		}
		keyStart := p.pos
		key, err := p.parseString()
		if err != nil {
			return nil, err
		}
		keySpan := Span{keyStart, p.pos}
		if err := p.skipSpace(); err != nil {
			return nil, err
		}
		if p.pos == len(p.src) {
			return nil, p.fail(start, p.pos, "EOF while parsing an object",
				"the object is never closed; add the missing }")
		}
		if p.src[p.pos] != ':' {
			return nil, p.fail(p.pos, p.pos+1, "expected `:`",
				fmt.Sprintf("missing : after the key %q", key))
		}
		p.pos++
		if err := p.skipSpace(); err != nil {
			return nil, err
		}
		v, err := p.parseValue(PointerJoin(ptr, key))
		if err != nil {
			return nil, err
		}
		n.index[key] = len(n.members)
		n.members = append(n.members, Member{Key: key, KeySpan: keySpan, Value: v})
		if err := p.skipSpace(); err != nil {
			return nil, err
		}
		if p.pos == len(p.src) {
			return nil, p.fail(start, p.pos, "EOF while parsing an object",
				"the object is never closed; add the missing }")
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
		case '}':
			p.pos++
			n.span = Span{start, p.pos}
			return n, nil
		default:
			return nil, p.fail(p.pos, p.pos+1, "expected `,` or `}`",
				fmt.Sprintf("missing , or } after the value of %q", key))
		}
	}
}

func (p *parser) parseArray(ptr string) (*Node, error) {
	start := p.pos
	if err := p.enter(start); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	n := &Node{kind: Array, pointer: ptr}
	p.pos++ // [
	for first := true; ; first = false {
		if err := p.skipSpace(); err != nil {
			return nil, err
		}
		if p.pos == len(p.src) {
			return nil, p.fail(start, p.pos, "EOF while parsing a list",
				"the list is never closed; add the missing ]")
		}
		if p.src[p.pos] == ']' {
			if !first {
				return nil, p.trailingComma(']')
			}
			p.pos++
			n.span = Span{start, p.pos}
			return n, nil
		}
		v, err := p.parseValue(PointerIndex(ptr, len(n.elems)))
		if err != nil {
			return nil, err
		}
		n.elems = append(n.elems, v)
		if err := p.skipSpace(); err != nil {
			return nil, err
		}
		if p.pos == len(p.src) {
			return nil, p.fail(start, p.pos, "EOF while parsing a list",
				"the list is never closed; add the missing ]")
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			n.span = Span{start, p.pos}
			return n, nil
		default:
			return nil, p.fail(p.pos, p.pos+1, "expected `,` or `]`",
				"missing , or ] after a list element")
		}
	}
}

// trailingComma reports the comma before the closing bracket at p.pos.
func (p *parser) trailingComma(closer byte) error {
	comma := bytes.LastIndexByte(p.src[:p.pos], ',')
	return p.fail(comma, comma+1, "trailing comma",
		fmt.Sprintf("trailing comma before %q, which Chrome does not allow; remove it", rune(closer)))
}

// parseString reads a string literal at p.pos and returns its decoded value.
func (p *parser) parseString() (string, error) {
	start := p.pos
	p.pos++ // "
	var b []byte
	for {
		if p.pos >= len(p.src) {
			return "", p.fail(start, p.pos, "EOF while parsing a string",
				"the string is never closed; add the missing \"")
		}
		c := p.src[p.pos]
		switch {
		case c == '"':
			p.pos++
			return string(b), nil
		case c == '\\':
			var err error
			if b, err = p.parseEscape(b); err != nil {
				return "", err
			}
		case (c == '\n' || c == '\r') && p.strict:
			escape := `\n`
			if c == '\r' {
				escape = `\r`
			}
			e := p.fail(p.pos, p.pos+1, `control character (\u0000-\u001F) found while parsing a string`,
				"raw line break inside a string, which strict JSON does not allow; write it as "+escape)
			e.Extension = NewlinesInStrings
			return "", e
		case c == '\n' || c == '\r':
			// Chrome allows raw line breaks in manifest.json's strings.
			b = append(b, c)
			p.pos++
		case c < 0x20:
			return "", p.fail(p.pos, p.pos+1, `control character (\u0000-\u001F) found while parsing a string`,
				fmt.Sprintf("raw control character %U inside a string; write it as an escape such as \\t", rune(c)))
		case c < utf8.RuneSelf:
			b = append(b, c)
			p.pos++
		default:
			r, size := utf8.DecodeRune(p.src[p.pos:])
			if r == utf8.RuneError && size <= 1 {
				return "", p.fail(p.pos, p.pos+1, "invalid unicode code point",
					"invalid UTF-8 inside a string; save the file as UTF-8")
			}
			b = append(b, p.src[p.pos:p.pos+size]...)
			p.pos += size
		}
	}
}

// parseEscape decodes the escape sequence at p.pos and appends it to b.
func (p *parser) parseEscape(b []byte) ([]byte, error) {
	start := p.pos
	if p.pos+1 >= len(p.src) {
		return nil, p.fail(start, len(p.src), "EOF while parsing a string",
			"the string is never closed; add the missing \"")
	}
	c := p.src[p.pos+1]
	p.pos += 2
	switch c {
	case '"', '\\', '/':
		return append(b, c), nil
	case 'b':
		return append(b, '\b'), nil
	case 'f':
		return append(b, '\f'), nil
	case 'n':
		return append(b, '\n'), nil
	case 'r':
		return append(b, '\r'), nil
	case 't':
		return append(b, '\t'), nil
	case 'x':
		if p.strict {
			e := p.fail(start, p.pos, "invalid escape", `\x escapes are not allowed in strict JSON; write \u00NN`)
			e.Extension = XEscapes
			return nil, e
		}
		// Chrome's \xNN names the code point U+00NN.
		v, ok := p.hex(2)
		if !ok && p.pos == len(p.src) {
			return nil, p.fail(start, p.pos, "EOF while parsing a string", "the string is never closed; add the missing \"")
		}
		if !ok {
			return nil, p.fail(start, p.pos, "invalid escape", `\x must be followed by two hex digits`)
		}
		return utf8.AppendRune(b, v), nil
	case 'u':
		v, ok := p.hex(4)
		if !ok && p.pos == len(p.src) {
			return nil, p.fail(start, p.pos, "EOF while parsing a string", "the string is never closed; add the missing \"")
		}
		if !ok {
			return nil, p.fail(start, p.pos, "invalid escape", `\u must be followed by four hex digits`)
		}
		r := v
		switch {
		case r >= 0xDC00 && r <= 0xDFFF:
			return nil, p.fail(start, p.pos, "lone leading surrogate in hex escape",
				fmt.Sprintf(`\u%04X is half of a UTF-16 surrogate pair with no first half`, r))
		case r >= 0xD800 && r <= 0xDBFF:
			if p.pos+6 > len(p.src) || p.src[p.pos] != '\\' || p.src[p.pos+1] != 'u' {
				return nil, p.fail(start, p.pos, "unexpected end of hex escape",
					fmt.Sprintf(`\u%04X starts a UTF-16 surrogate pair that is not completed`, r))
			}
			p.pos += 2
			lo, ok := p.hex(4)
			if !ok || lo < 0xDC00 || lo > 0xDFFF {
				return nil, p.fail(start, p.pos, "lone leading surrogate in hex escape",
					fmt.Sprintf(`\u%04X starts a UTF-16 surrogate pair that is not completed`, r))
			}
			r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
		}
		return utf8.AppendRune(b, r), nil
	}
	return nil, p.fail(start, p.pos, "invalid escape",
		fmt.Sprintf(`\%c is not a valid escape; write \\ for a backslash`, c))
}

// hex reads n hex digits at p.pos.
func (p *parser) hex(n int) (rune, bool) {
	var v rune
	for range n {
		if p.pos == len(p.src) {
			return 0, false
		}
		c := p.src[p.pos]
		var d rune
		switch {
		case '0' <= c && c <= '9':
			d = rune(c - '0')
		case 'a' <= c && c <= 'f':
			d = rune(c-'a') + 10
		case 'A' <= c && c <= 'F':
			d = rune(c-'A') + 10
		default:
			return 0, false
		}
		v = v<<4 | d
		p.pos++
	}
	return v, true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// parseNumber reads a JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *parser) parseNumber(ptr string) (*Node, error) {
	start := p.pos
	invalid := func() error {
		if p.pos >= len(p.src) {
			return p.fail(start, p.pos, "EOF while parsing a value",
				"the manifest ends in the middle of a number; complete it")
		}
		for p.pos < len(p.src) && (isDigit(p.src[p.pos]) || bytes.IndexByte([]byte("+-.eExX"), p.src[p.pos]) >= 0) {
			p.pos++
		}
		return p.fail(start, p.pos, "invalid number",
			fmt.Sprintf("%q is not a JSON number", p.src[start:p.pos]))
	}
	digits := func() int {
		n := 0
		for p.pos < len(p.src) && isDigit(p.src[p.pos]) {
			p.pos++
			n++
		}
		return n
	}
	if p.src[p.pos] == '-' {
		p.pos++
	}
	if p.pos == len(p.src) {
		return nil, invalid()
	}
	if p.src[p.pos] == '0' {
		p.pos++
		if p.pos < len(p.src) && isDigit(p.src[p.pos]) {
			return nil, invalid()
		}
	} else if digits() == 0 {
		return nil, invalid()
	}
	if p.pos < len(p.src) && p.src[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return nil, invalid()
		}
	}
	if p.pos < len(p.src) && (p.src[p.pos] == 'e' || p.src[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.src) && (p.src[p.pos] == '+' || p.src[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return nil, invalid()
		}
	}
	lit := string(p.src[start:p.pos])
	if _, err := strconv.ParseFloat(lit, 64); err != nil { // only overflow: the literal is well formed
		return nil, p.fail(start, p.pos, "number out of range",
			fmt.Sprintf("the number %s is too large for Chrome", lit))
	}
	return &Node{kind: Number, span: Span{start, p.pos}, pointer: ptr, text: lit}, nil
}

func (p *parser) parseLiteral(ptr string) (*Node, error) {
	start := p.pos
	for _, lit := range [...]string{"true", "false", "null"} {
		if !bytes.HasPrefix(p.src[p.pos:], []byte(lit)) {
			continue
		}
		p.pos += len(lit)
		n := &Node{span: Span{start, p.pos}, pointer: ptr}
		switch lit {
		case "null":
			n.kind = Null
		default:
			n.kind, n.boolean = Bool, lit == "true"
		}
		return n, nil
	}
	for _, lit := range [...]string{"true", "false", "null"} {
		if rest := string(p.src[p.pos:]); len(rest) < len(lit) && lit[:len(rest)] == rest {
			return nil, p.fail(start, len(p.src), "EOF while parsing a value",
				"the manifest ends in the middle of a value; complete it")
		}
	}
	end := p.pos
	for end < len(p.src) && ('a' <= p.src[end] && p.src[end] <= 'z' || 'A' <= p.src[end] && p.src[end] <= 'Z') {
		end++
	}
	return nil, p.fail(start, end, "expected ident",
		fmt.Sprintf("%q is not a JSON value; strings need double quotes", p.src[start:end]))
}
