package lsp

import (
	"slices"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/crxlint/crxlint/internal/lines"
)

// The LSP's position encodings: what a position's character counts.
const (
	encodingUTF8  = "utf-8"
	encodingUTF16 = "utf-16"
	encodingUTF32 = "utf-32"
)

// negotiate picks the position encoding from the ones the client offers:
// UTF-16, which every client supports and crxlint's columns count, unless
// the client offers only others crxlint knows.
func negotiate(offered []string) string {
	if len(offered) == 0 || slices.Contains(offered, encodingUTF16) {
		return encodingUTF16
	}
	for _, e := range offered {
		if e == encodingUTF8 || e == encodingUTF32 {
			return e
		}
	}
	return encodingUTF16
}

// text is a document's bytes with its line index, converting between byte
// offsets and LSP positions in one encoding. Lines end as the LSP says, at
// a line feed, a carriage return and line feed, or a lone carriage return.
type text struct {
	src      []byte
	lines    *lines.Index
	encoding string
}

func newText(src []byte, encoding string) *text {
	return &text{src: src, lines: lines.New(src), encoding: encoding}
}

// position converts a byte offset; one inside a character moves to its
// start, one past the end to the end.
func (t *text) position(offset int) position {
	p := t.lines.Position(offset)
	start := t.lines.Start(p.Line)
	var char int
	switch t.encoding {
	case encodingUTF8:
		char = p.Offset - start
	case encodingUTF32:
		char = utf8.RuneCount(t.src[start:p.Offset])
	default:
		char = p.Column - 1
	}
	return position{Line: p.Line - 1, Character: char}
}

// rangeOf converts the byte span [start, end).
func (t *text) rangeOf(start, end int) rangeLSP {
	return rangeLSP{Start: t.position(start), End: t.position(end)}
}

// offset converts an LSP position to a byte offset. A line past the end is
// the end of the document, and a character past its line's end the line's
// end, as the LSP asks; one inside a character moves to its start.
func (t *text) offset(p position) int {
	start, end, ok := t.lines.Bounds(p.Line + 1)
	if p.Line < 0 {
		return 0
	}
	if !ok {
		return len(t.src)
	}
	units, i := 0, start
	for i < end && units < p.Character {
		r, size := utf8.DecodeRune(t.src[i:end])
		n := 1
		switch t.encoding {
		case encodingUTF8:
			n = size
		case encodingUTF16:
			n = utf16.RuneLen(r)
		}
		if units+n > p.Character {
			break
		}
		units, i = units+n, i+size
	}
	return i
}
