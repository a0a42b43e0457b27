package lsp

import (
	"testing"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

func TestPositionRoundTrip(t *testing.T) {
	// Line 0 "a😀b" has the emoji at bytes 1-4; line 1 ends with CRLF,
	// line 2 with a lone CR; line 3 holds a byte of invalid UTF-8.
	src := []byte("a😀b\nxy\r\nz\r\xffq")
	for _, tc := range []struct {
		offset   int
		encoding string
		want     position
	}{
		{0, encodingUTF16, position{0, 0}},
		{5, encodingUTF16, position{0, 3}}, // after the emoji: two UTF-16 units
		{5, encodingUTF8, position{0, 5}},
		{5, encodingUTF32, position{0, 2}},
		{3, encodingUTF16, position{0, 1}}, // inside the emoji: its start
		{8, encodingUTF16, position{1, 1}},
		{11, encodingUTF16, position{2, 0}}, // after CRLF
		{13, encodingUTF16, position{3, 0}}, // after a lone CR
		{14, encodingUTF16, position{3, 1}}, // the invalid byte is one unit
		{14, encodingUTF8, position{3, 1}},
		{14, encodingUTF32, position{3, 1}},
		{99, encodingUTF16, position{3, 2}}, // past the end: the end
	} {
		x := newText(src, tc.encoding)
		got := x.position(tc.offset)
		if got != tc.want {
			t.Errorf("%s position(%d) = %+v, want %+v", tc.encoding, tc.offset, got, tc.want)
		}
		if back := x.position(x.offset(got)); back != got {
			t.Errorf("%s offset(%+v) = %d, which is at %+v", tc.encoding, got, x.offset(got), back)
		}
	}
}

func TestOffsetClamps(t *testing.T) {
	x := newText([]byte("a😀b\nxy\r\nz"), encodingUTF16)
	for _, tc := range []struct {
		p    position
		want int
	}{
		{position{0, 2}, 1},  // between the emoji's two units: its start
		{position{0, 99}, 6}, // past the line's end: the end, before the line feed
		{position{1, 99}, 9}, // before the CRLF
		{position{9, 0}, 12}, // past the last line: the document's end
		{position{-1, 0}, 0},
	} {
		if got := x.offset(tc.p); got != tc.want {
			t.Errorf("offset(%+v) = %d, want %d", tc.p, got, tc.want)
		}
	}
}

func TestNegotiate(t *testing.T) {
	for _, tc := range []struct {
		offered []string
		want    string
	}{
		{nil, encodingUTF16},
		{[]string{encodingUTF32, encodingUTF16}, encodingUTF16},
		{[]string{encodingUTF8}, encodingUTF8},
		{[]string{"utf-7"}, encodingUTF16},
	} {
		if got := negotiate(tc.offered); got != tc.want {
			t.Errorf("negotiate(%q) = %q, want %q", tc.offered, got, tc.want)
		}
	}
}

// TestQuoted: a place in a script is placed from the line the rule quotes,
// in each encoding.
func TestQuoted(t *testing.T) {
	line := "/*😀*/ chrome.alarms.create();"
	start := len("/*😀*/ ")
	rel := lint.Related{Path: "bg.js", Line: line, LineStart: 100, Range: manifest.Range{
		Start: manifest.Position{Offset: 100 + start, Line: 3, Column: 8},
		End:   manifest.Position{Offset: 100 + start + 6, Line: 3, Column: 14},
	}}
	for encoding, want := range map[string]rangeLSP{
		encodingUTF16: {Start: position{2, 7}, End: position{2, 13}},
		encodingUTF8:  {Start: position{2, 9}, End: position{2, 15}},
		encodingUTF32: {Start: position{2, 6}, End: position{2, 12}},
	} {
		l := &linted{uri: "file:///ext/manifest.json", dir: "/ext", text: newText(nil, encoding)}
		got := l.place(rel)
		if got.URI != "file:///ext/bg.js" || got.Range != want {
			t.Errorf("%s: place = %+v, want %+v in file:///ext/bg.js", encoding, got, want)
		}
	}
}
