package lines

import (
	"bytes"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// naivePosition places offset by walking the file from its start, one
// character at a time.
func naivePosition(src []byte, offset int) Position {
	offset = max(0, min(offset, len(src)))
	i, line, col := 0, 1, 1
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		i = 3
	}
	if offset < i {
		return Position{0, 1, 1}
	}
	for i < offset {
		r, size := utf8.DecodeRune(src[i:])
		if i+size > offset {
			break
		}
		if r == '\n' || r == '\r' && !bytes.HasPrefix(src[i+1:], []byte("\n")) {
			line, col = line+1, 1
		} else {
			col += len(utf16.AppendRune(nil, r))
		}
		i += size
	}
	return Position{Offset: i, Line: line, Column: col}
}

// naiveLines splits the file at every line break.
func naiveLines(src []byte) [][]byte {
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	return bytes.Split(src, []byte("\n"))
}

func FuzzIndex(f *testing.F) {
	for _, seed := range []string{
		"", "a\nb", "a\r\nb\rc", "\r\r\n\n", "\xEF\xBB\xBF{\r}", "日本😀\n\xE2\x82x\xFF", "\xEF\xBB",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		x := New(src)
		for off := -1; off <= len(src)+1; off++ {
			if got, want := x.Position(off), naivePosition(src, off); got != want {
				t.Fatalf("Position(%d) = %+v, want %+v", off, got, want)
			}
		}
		want := naiveLines(src)
		if x.Count() != len(want) {
			t.Fatalf("Count() = %d, want %d", x.Count(), len(want))
		}
		for n := range want {
			start, end, ok := x.Bounds(n + 1)
			if !ok || !bytes.Equal(src[start:end], want[n]) {
				t.Fatalf("line %d = %q, want %q", n+1, src[start:end], want[n])
			}
		}
	})
}
