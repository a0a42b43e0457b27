package manifest

import (
	"sort"
	"unicode/utf8"
)

// Position is a place in the source: a 0-based byte offset, a 1-based line
// and a 1-based column counted in UTF-16 code units.
type Position struct {
	Offset int
	Line   int
	Column int
}

// Range is a half-open range of positions.
type Range struct {
	Start, End Position
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// Position converts a byte offset into a line and a UTF-16 column. An offset
// past the end of the source is clamped to the end.
func (d *Document) Position(offset int) Position {
	offset = max(0, min(offset, len(d.src)))
	line := sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > offset }) - 1
	start := d.lines[line]
	if line == 0 {
		start = min(d.bomLen, offset)
	}
	col := 1
	for i := start; i < offset; {
		r, size := utf8.DecodeRune(d.src[i:])
		i += size
		if r >= 0x10000 {
			col += 2
		} else {
			col++
		}
	}
	return Position{Offset: offset, Line: line + 1, Column: col}
}

// Range converts a span into positions.
func (d *Document) Range(s Span) Range {
	return Range{Start: d.Position(s.Start), End: d.Position(s.End)}
}

// LineStart returns the offset at which a 1-based line's text starts; on
// the first line that is after a byte-order mark.
func (d *Document) LineStart(n int) int {
	n = max(1, min(n, len(d.lines)))
	if n == 1 {
		return d.bomLen
	}
	return d.lines[n-1]
}

// Line returns the text of a 1-based line without its line break, or "".
func (d *Document) Line(n int) string {
	if n < 1 || n > len(d.lines) {
		return ""
	}
	start := d.LineStart(n)
	end := len(d.src)
	if n < len(d.lines) {
		end = d.lines[n] - 1
	}
	if end > start && d.src[end-1] == '\r' {
		end--
	}
	if end < start {
		return ""
	}
	return string(d.src[start:end])
}

// LineCount returns the number of lines of the source.
func (d *Document) LineCount() int { return len(d.lines) }

// SubSpan returns the span of the bytes [start, end) of a string node's
// decoded value. When the literal holds escapes, decoded offsets do not map
// onto the source, and the whole literal's span is returned.
func (d *Document) SubSpan(n *Node, start, end int) Span {
	s := n.Span()
	if n.Kind() != String || s.End-s.Start < 2 || start < 0 || end < start || end > len(n.text) {
		return s
	}
	if raw := d.src[s.Start+1 : s.End-1]; string(raw) != n.text {
		return s
	}
	return Span{Start: s.Start + 1 + start, End: s.Start + 1 + end}
}
