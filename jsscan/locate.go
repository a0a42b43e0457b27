package jsscan

import (
	"sort"
	"unicode/utf8"
	"unsafe"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/js"
)

// source is a file's text as the parser reads it. The parser's syntax tree
// keeps no positions, but every identifier, literal and property name in it
// is a slice of the text it parsed; offset turns such a slice back into a
// byte offset. For what the tree does not place (the identifier a chain
// starts with, brackets, parentheses), tokens indexes every token of the
// file, lexed with the parser's own lexer. Most files have nothing to
// place, so the tokens are lexed on first use (see need).
type source struct {
	buf    []byte    // the file and one NUL, the lexer's end mark; the tree's slices point into it
	tokens tokenList // the file's tokens other than white space and comments, by offset, once need has run
	match  []int32   // see pairs

	// lazy reports that tokens is still to be lexed, with regexps, the
	// offsets of the regular expressions the parser read.
	lazy    bool
	regexps []int

	// done, when closed, stops the scan: the walks and the lexer look at
	// it as they go.
	done <-chan struct{}
}

type token struct {
	start, end int32 // MaxSize fits
	tt         js.TokenType
}

// tokenList holds the tokens in blocks of a fixed size, so that lexing a
// large file neither guesses its number of tokens nor copies them as the
// list grows.
type tokenList struct {
	blocks [][]token
	n      int
}

const tokenBlock = 1 << 12

func (l *tokenList) len() int { return l.n }

// at returns token i, which must exist.
func (l *tokenList) at(i int) token { return l.blocks[i/tokenBlock][i%tokenBlock] }

func (l *tokenList) add(t token) {
	if l.n%tokenBlock == 0 {
		l.blocks = append(l.blocks, make([]token, 0, tokenBlock))
	}
	b := &l.blocks[len(l.blocks)-1]
	*b = append(*b, t)
	l.n++
}

func newSource(src []byte, done <-chan struct{}) *source {
	buf := make([]byte, len(src)+1)
	copy(buf, src)
	return &source{buf: buf, done: done}
}

// text returns the file's bytes, with room for the NUL the lexer writes
// after them, so that it writes in our copy and never in the caller's.
func (s *source) text() []byte { return s.buf[: len(s.buf)-1 : len(s.buf)] }

// offset returns the offset in the file of b, a slice of the parsed text,
// and false when b is not one: the parser builds a few slices of its own,
// such as the import keyword of a dynamic import that starts a statement.
func (s *source) offset(b []byte) (int, bool) {
	if len(b) == 0 {
		return 0, false
	}
	// The parser keeps no offsets, so the only way back from a slice to its
	// place is its address. The difference is checked by comparing the
	// element pointers, which Go allows, before it is trusted.
	//nolint:gosec // G103: addresses are compared, never converted back to pointers.
	off := int(uintptr(unsafe.Pointer(unsafe.SliceData(b))) - uintptr(unsafe.Pointer(unsafe.SliceData(s.buf))))
	if off < 0 || off > len(s.buf)-1-len(b) || &s.buf[off] != &b[0] {
		return 0, false
	}
	return off, true
}

// span returns the offsets of b's start and end.
func (s *source) span(b []byte) (start, end int, ok bool) {
	start, ok = s.offset(b)
	return start, start + len(b), ok
}

// indexLater arranges for the tokens to be lexed, with the offsets of the
// regular expressions the parser read (see index), when first needed.
func (s *source) indexLater(regexps []int) {
	s.lazy, s.regexps = true, regexps
}

// need lexes the tokens if that was left for later.
func (s *source) need() {
	if s.lazy {
		s.lazy = false
		s.index(s.regexps, false)
		s.regexps = nil
	}
}

// count returns the number of tokens.
func (s *source) count() int {
	s.need()
	return s.tokens.len()
}

// at returns token i, which must exist.
func (s *source) at(i int) token { return s.tokens.at(i) }

// index lexes the file into s.tokens. The lexer cannot tell a regular
// expression from a division by itself, so regexps gives the offsets at
// which the parser read one, in order; with it the tokens are exactly the
// parser's. For a file that did not parse, regexps is nil and guess decides.
func (s *source) index(regexps []int, guess bool) {
	text := s.text()
	start := 0
	if len(text) >= 2 && text[0] == '#' && text[1] == '!' {
		// A hashbang line, which the parser skips as a comment.
		start = lineEnd(text, 0)
	}
	if start >= len(text) {
		return
	}
	l := js.NewLexer(parse.NewInputBytes(text[start:]))
	pos := start
	prev := js.ErrorToken // the previous significant token, for guess
	for {
		tt, data := l.Next()
		if tt == js.ErrorToken {
			return // the end, or a lexing error the parser has reported
		}
		if s.tokens.len()%(checkEvery*4) == 0 && closed(s.done) {
			return
		}
		at := pos
		if tt == js.DivToken || tt == js.DivEqToken {
			for len(regexps) > 0 && regexps[0] < at {
				regexps = regexps[1:]
			}
			if len(regexps) > 0 && regexps[0] == at || guess && regexpMayFollow(prev) {
				if rtt, rdata := l.RegExp(); rtt == js.RegExpToken {
					tt, data = rtt, rdata
				} else {
					return
				}
			}
		}
		pos = at + len(data)
		switch tt {
		case js.WhitespaceToken, js.LineTerminatorToken, js.CommentToken, js.CommentLineTerminatorToken:
			continue
		}
		s.tokens.add(token{start: int32(at), end: int32(pos), tt: tt})
		prev = tt
	}
}

// regexpMayFollow guesses, for a file that did not parse, whether a slash
// after a token of type prev starts a regular expression: it does after an
// operator, an opening bracket or a keyword, not after a value. The guess
// is wrong only for a slash after the ) of if (...) or the } of a block
// that ends an expression statement.
func regexpMayFollow(prev js.TokenType) bool {
	switch prev {
	case js.ErrorToken, js.OpenBraceToken, js.CloseBraceToken, js.OpenParenToken, js.OpenBracketToken,
		js.SemicolonToken, js.CommaToken, js.ColonToken, js.QuestionToken, js.ArrowToken,
		js.TemplateStartToken, js.TemplateMiddleToken, js.EllipsisToken:
		return true
	case js.CloseParenToken, js.CloseBracketToken, js.StringToken, js.TemplateToken, js.TemplateEndToken,
		js.RegExpToken, js.PrivateIdentifierToken, js.ThisToken, js.SuperToken, js.NullToken,
		js.TrueToken, js.FalseToken, js.IncrToken, js.DecrToken:
		return false
	}
	if js.IsNumeric(prev) {
		return false
	}
	if js.IsOperator(prev) || js.IsPunctuator(prev) || js.IsReservedWord(prev) {
		return true
	}
	return false // an identifier
}

// lineEnd returns the offset of the line terminator at or after i.
func lineEnd(text []byte, i int) int {
	for i < len(text) {
		switch c := text[i]; {
		case c == '\n' || c == '\r':
			return i
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9):
			return i
		}
		i++
	}
	return i
}

// tokenAt returns the index of the token that starts at off, or -1.
func (s *source) tokenAt(off int) int {
	s.need()
	i, ok := sort.Find(s.tokens.len(), func(i int) int { return off - int(s.tokens.at(i).start) })
	if !ok {
		return -1
	}
	return i
}

// tok returns token i, or a token of type ErrorToken when i is out of range.
func (s *source) tok(i int) token {
	s.need()
	if i < 0 || i >= s.tokens.len() {
		return token{start: -1, end: -1, tt: js.ErrorToken}
	}
	return s.tokens.at(i)
}

// pairs returns, for each token, the index of the bracket that matches it,
// or -1: ( [ { and the ${ of a template start against ) ] } and the } of
// its end. It is computed once, in one pass.
func (s *source) pairs() []int32 {
	s.need()
	if s.match != nil || s.tokens.len() == 0 {
		return s.match
	}
	s.match = make([]int32, s.tokens.len())
	var stack []int32
	for i := range s.match {
		if i%(checkEvery*4) == 0 && closed(s.done) {
			break // the scan is canceled: its result is thrown away
		}
		t := s.tokens.at(i)
		s.match[i] = -1
		switch t.tt {
		case js.OpenParenToken, js.OpenBracketToken, js.OpenBraceToken, js.TemplateStartToken:
			stack = append(stack, int32(i))
		case js.CloseParenToken, js.CloseBracketToken, js.CloseBraceToken, js.TemplateEndToken:
			if len(stack) > 0 {
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				s.match[i], s.match[o] = o, int32(i)
			}
		}
	}
	return s.match
}

// matchBack returns the index of the opening bracket that token i closes,
// or -1.
func (s *source) matchBack(i int) int {
	if m := s.pairs(); i >= 0 && i < len(m) && int(m[i]) < i {
		return int(m[i])
	}
	return -1
}

// isOpen reports whether tt opens a bracket pairs matches.
func isOpen(tt js.TokenType) bool {
	switch tt {
	case js.OpenParenToken, js.OpenBracketToken, js.OpenBraceToken, js.TemplateStartToken:
		return true
	}
	return false
}

// enclosingOpen returns the index of the unmatched opening bracket before
// token i, as the ( of a call from one of its arguments, or -1.
func (s *source) enclosingOpen(i int) int {
	m := s.pairs()
	for i--; i >= 0 && i < len(m); i-- {
		switch {
		case isOpen(s.at(i).tt):
			return i
		case m[i] >= 0 && int(m[i]) < i:
			i = int(m[i]) // skip a bracketed group
		}
	}
	return -1
}

// splitArgs splits the arguments of the call whose ( is token open into
// their first and last tokens. Bracketed groups are skipped whole, so that
// the scan is linear however calls nest. ok is false when the ( is not
// closed.
func (s *source) splitArgs(open int) (args [][2]int, ok bool) {
	m := s.pairs()
	if open < 0 || open >= len(m) || m[open] < 0 {
		return nil, false
	}
	end := int(m[open])
	first := open + 1
	for j := first; j < end; j++ {
		switch {
		case s.at(j).tt == js.CommaToken:
			args = append(args, [2]int{first, j - 1})
			first = j + 1
		case isOpen(s.at(j).tt) && int(m[j]) > j:
			j = int(m[j])
		}
	}
	if end > first {
		args = append(args, [2]int{first, end - 1})
	}
	return args, true
}

// identAt reports whether token i is an identifier spelled name, escapes
// decoded.
func (s *source) identAt(i int, name string) bool {
	t := s.tok(i)
	if t.tt == js.ErrorToken || !js.IsIdentifierName(t.tt) {
		return false
	}
	return nameView(s.buf[t.start:t.end]) == name
}

// placed marks a range whose offsets are known; finish fills in its lines
// and columns.
func placed(start, end int) Range {
	return Range{Start: Position{Offset: start, Line: -1}, End: Position{Offset: end, Line: -1}}
}

// offsetOfLineCol inverts the parser's error position: a 1-based line,
// counting "\n", "\r\n", "\r", U+2028 and U+2029 as line ends, and a
// 1-based column in code points.
func offsetOfLineCol(src []byte, line, col int) int {
	i := 0
	for l := 1; l < line && i < len(src); {
		switch c := src[i]; {
		case c == '\n':
			l++
			i++
		case c == '\r':
			l++
			i++
			if i < len(src) && src[i] == '\n' {
				i++
			}
		case c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9):
			l++
			i += 3
		default:
			i++
		}
	}
	for c := 1; c < col && i < len(src); c++ {
		_, size := utf8.DecodeRune(src[i:])
		i += size
	}
	return min(i, len(src))
}
