package lines

import (
	"strings"
	"testing"
)

func TestPosition(t *testing.T) {
	tests := []struct {
		name, src, at string // at: the text whose first byte is looked up; "" is the end of the file
		line, col     int
	}{
		{"first line", `{"name": "x"}`, `"x"`, 1, 10},
		{"LF", "{\n  \"name\": \"x\"}", `"x"`, 2, 11},
		{"CRLF", "{\r\n  \"name\": \"x\"\r\n}", `"x"`, 2, 11},
		{"CR alone", "{\r  \"name\": \"x\"\r}", `"x"`, 2, 11},
		{"CR alone, last line", "{\r  \"name\": \"x\"\r}", `}`, 3, 1},
		{"mixed breaks", "a\nb\r\nc\rd\n\re", "e", 6, 1},
		{"LF CR is two breaks", "a\n\rb", "b", 3, 1},
		{"the LF of CRLF ends its line", "ab\r\ncd", "\ncd", 1, 4},
		{"BOM is not a column", "\xEF\xBB\xBF{\"name\": \"x\"}", `"x"`, 1, 10},
		{"BOM, second line", "\xEF\xBB\xBF{\n\"x\"}", `"x"`, 2, 1},
		{"emoji is two units", `{"name": "😀", "v": 1}`, `"v"`, 1, 16},
		{"accented letter is one unit", `{"name": "é", "v": 1}`, `"v"`, 1, 15},
		{"CJK is one unit each", "{\"n\": \"日本\",\n \"v\": 1}", `1}`, 2, 7},
		{"CJK then emoji", "日本😀x", "x", 1, 5},
		{"invalid UTF-8 is one unit a byte", "\xE2\x82x\xFFy", "y", 1, 5},
		{"end of file", "a\nbc", "", 2, 3},
		{"end of file after a line break", "a\n", "", 2, 1},
		{"end of file after a lone CR", "a\r", "", 2, 1},
		{"empty file", "", "", 1, 1},
		{"BOM alone", "\xEF\xBB\xBF", "", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off := len(tt.src)
			if tt.at != "" {
				off = strings.Index(tt.src, tt.at)
			}
			want := Position{Offset: off, Line: tt.line, Column: tt.col}
			if got := New([]byte(tt.src)).Position(off); got != want {
				t.Errorf("Position(%d) = %+v, want %+v", off, got, want)
			}
		})
	}
}

func TestPositionMovesAndClamps(t *testing.T) {
	src := "\xEF\xBB\xBFa😀b\n"
	x := New([]byte(src))
	emoji := strings.Index(src, "😀")
	tests := []struct {
		name   string
		offset int
		want   Position
	}{
		{"inside the byte-order mark", 1, Position{0, 1, 1}},
		{"inside a character", emoji + 2, Position{emoji, 1, 2}},
		{"after the character", emoji + 4, Position{emoji + 4, 1, 4}},
		{"before the file", -5, Position{0, 1, 1}},
		{"past the end", 100, Position{len(src), 2, 1}},
	}
	for _, tt := range tests {
		if got := x.Position(tt.offset); got != tt.want {
			t.Errorf("%s: Position(%d) = %+v, want %+v", tt.name, tt.offset, got, tt.want)
		}
	}
}

// TestPositionAcrossBlocks places every offset of a long line of mixed
// widths, whose characters straddle the index's block boundaries.
func TestPositionAcrossBlocks(t *testing.T) {
	src := []byte("\n" + strings.Repeat("aé日😀", 3*blockSize))
	x := New(src)
	for off := range len(src) + 1 {
		if got, want := x.Position(off), naivePosition(src, off); got != want {
			t.Fatalf("Position(%d) = %+v, want %+v", off, got, want)
		}
	}
}

func TestLines(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"empty", "", []string{""}},
		{"no break", "abc", []string{"abc"}},
		{"LF", "a\nb\n", []string{"a", "b", ""}},
		{"CRLF", "a\r\nb", []string{"a", "b"}},
		{"CR alone", "a\rb\r", []string{"a", "b", ""}},
		{"mixed", "a\r\n\rb\n\nc", []string{"a", "", "b", "", "c"}},
		{"empty CRLF line", "\r\n\r\n", []string{"", "", ""}},
		{"BOM", "\xEF\xBB\xBFa\rb", []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := New([]byte(tt.src))
			if got := x.Count(); got != len(tt.want) {
				t.Fatalf("Count() = %d, want %d", got, len(tt.want))
			}
			for n, want := range tt.want {
				start, end, ok := x.Bounds(n + 1)
				if got := tt.src[start:end]; !ok || got != want {
					t.Errorf("line %d = %q, %v; want %q", n+1, got, ok, want)
				}
				if got := x.Start(n + 1); got != start {
					t.Errorf("Start(%d) = %d, want %d", n+1, got, start)
				}
			}
			if _, _, ok := x.Bounds(len(tt.want) + 1); ok {
				t.Errorf("Bounds(%d) found a line past the last", len(tt.want)+1)
			}
			if _, _, ok := x.Bounds(0); ok {
				t.Error("Bounds(0) found a line")
			}
		})
	}
}
