package manifest

import "github.com/crxlint/crxlint/internal/lines"

// Position is a place in the source: a 0-based byte offset, a 1-based line
// and a 1-based column counted in UTF-16 code units.
type Position = lines.Position

// Range is a half-open range of positions.
type Range struct {
	Start, End Position
}

// Position converts a byte offset into a line and a UTF-16 column. An offset
// past the end of the source is clamped to the end, and one inside a
// character is moved to its first byte.
func (d *Document) Position(offset int) Position { return d.lines.Position(offset) }

// Range converts a span into positions.
func (d *Document) Range(s Span) Range {
	return Range{Start: d.Position(s.Start), End: d.Position(s.End)}
}

// LineStart returns the offset at which a 1-based line's text starts; on
// the first line that is after a byte-order mark.
func (d *Document) LineStart(n int) int { return d.lines.Start(n) }

// Line returns the text of a 1-based line without its line break, or "".
func (d *Document) Line(n int) string {
	start, end, _ := d.lines.Bounds(n)
	return string(d.src[start:end])
}

// LineBytes is Line without the copy: the source's bytes of the line, which
// the caller must not change.
func (d *Document) LineBytes(n int) []byte {
	start, end, _ := d.lines.Bounds(n)
	return d.src[start:end:end]
}

// LineCount returns the number of lines of the source.
func (d *Document) LineCount() int { return d.lines.Count() }

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
