// Package lines turns byte offsets in a file into the lines and columns an
// editor shows. It is the one place where crxlint counts lines: the
// manifest, its rule and message files and the extension's JavaScript are
// all placed with it.
//
// A line ends at a line feed, a carriage return and line feed pair, or a
// lone carriage return, as the Language Server Protocol defines. Lines and
// columns are 1-based, and columns count UTF-16 code units: a character
// outside the Basic Multilingual Plane, such as an emoji, takes two. A
// UTF-8 byte-order mark at the start of the file is not a column. Each
// byte of invalid UTF-8 counts as one unit, the U+FFFD it decodes to.
package lines

import (
	"bytes"
	"slices"
	"unicode/utf16"
	"unicode/utf8"
)

// Position is a place in a file: a 0-based byte offset, a 1-based line and
// a 1-based column counted in UTF-16 code units.
type Position struct {
	Offset int
	Line   int
	Column int
}

// blockSize is the spacing of the index's marks: converting an offset
// decodes at most this many bytes, whatever the length of its line.
const blockSize = 256

// mark is a character boundary in the file and the number of UTF-16 units
// of the text before it.
type mark struct {
	offset, units int
}

// Index converts offsets of one file. Building it reads the file once;
// each conversion then costs a binary search and the decoding of at most
// blockSize bytes, so a minified file of one long line with many findings
// costs linear time, not quadratic.
type Index struct {
	src    []byte
	starts []mark // where each line starts; the first line starts after a byte-order mark
	blocks []mark // blocks[k] is the first character boundary at or after k*blockSize
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// New indexes src, which the Index keeps and the caller must not modify.
func New(src []byte) *Index {
	x := &Index{src: src, blocks: make([]mark, 1, len(src)/blockSize+1)}
	i, units := 0, 0
	if bytes.HasPrefix(src, utf8BOM) {
		i, units = len(utf8BOM), 1
	}
	x.starts = []mark{{i, units}}
	for next := blockSize; i < len(src); {
		if i >= next {
			x.blocks = append(x.blocks, mark{i, units})
			next = (i/blockSize + 1) * blockSize
		}
		c := src[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(src[i:])
			i, units = i+size, units+utf16.RuneLen(r)
			continue
		}
		i, units = i+1, units+1
		if c == '\n' || (c == '\r' && (i == len(src) || src[i] != '\n')) {
			x.starts = append(x.starts, mark{i, units})
		}
	}
	return x
}

// Position converts a byte offset. An offset past either end of the file is
// clamped to it, and one inside a character (or inside the byte-order
// mark) is moved back to the character's first byte.
func (x *Index) Position(offset int) Position {
	offset = max(0, min(offset, len(x.src)))
	line := x.line(offset)
	start := x.starts[line]
	if offset < start.offset { // inside the byte-order mark
		return Position{Offset: 0, Line: 1, Column: 1}
	}
	from := start
	if b := x.block(offset); b.offset > from.offset {
		from = b
	}
	at, units := x.advance(from, offset)
	return Position{Offset: at, Line: line + 1, Column: units - start.units + 1}
}

// line returns the 0-based line that holds offset.
func (x *Index) line(offset int) int {
	i, found := slices.BinarySearchFunc(x.starts, offset, func(m mark, off int) int { return m.offset - off })
	if found {
		return i
	}
	return max(0, i-1)
}

// block returns the last block mark at or before offset.
func (x *Index) block(offset int) mark {
	k := min(offset/blockSize, len(x.blocks)-1)
	if x.blocks[k].offset > offset {
		k-- // offset is inside a character that straddles the block's start
	}
	return x.blocks[k]
}

// advance decodes from m towards offset and returns the last character
// boundary at or before offset, with the units before it.
func (x *Index) advance(m mark, offset int) (at, units int) {
	at, units = m.offset, m.units
	for at < offset {
		if x.src[at] < utf8.RuneSelf {
			at, units = at+1, units+1
			continue
		}
		r, size := utf8.DecodeRune(x.src[at:])
		if at+size > offset {
			break
		}
		at, units = at+size, units+utf16.RuneLen(r)
	}
	return at, units
}

// Count returns the number of lines. A file that ends with a line break
// has one more, empty, line.
func (x *Index) Count() int { return len(x.starts) }

// Start returns the offset at which 1-based line n starts, after the
// byte-order mark on the first line. n is clamped to the file's lines.
func (x *Index) Start(n int) int {
	return x.starts[max(1, min(n, len(x.starts)))-1].offset
}

// Bounds returns the offsets at which 1-based line n starts and ends, its
// line break excluded, and false when the file has no line n.
func (x *Index) Bounds(n int) (start, end int, ok bool) {
	if n < 1 || n > len(x.starts) {
		return 0, 0, false
	}
	start, end = x.starts[n-1].offset, len(x.src)
	if n < len(x.starts) {
		end = x.starts[n].offset - 1 // the \n or lone \r
		if x.src[end] == '\n' && end > start && x.src[end-1] == '\r' {
			end--
		}
	}
	return start, end, true
}
