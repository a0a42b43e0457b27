package manifest

import (
	"strings"
	"testing"
)

func TestPosition(t *testing.T) {
	tests := []struct {
		name, src, at string // at: the text whose first byte is looked up
		line, col     int
		wantLine      string // Line(line)
	}{
		{"first line", `{"name": "x"}`, `"x"`, 1, 10, `{"name": "x"}`},
		{"second line", "{\n  \"name\": \"x\"}", `"x"`, 2, 11, `  "name": "x"}`},
		{"CRLF", "{\r\n  \"name\": \"x\"\r\n}", `"x"`, 2, 11, `  "name": "x"`},
		{"CR alone", "{\r  \"name\": \"x\"\r}", `"x"`, 2, 11, `  "name": "x"`},
		{"CR alone, last line", "{\r  \"name\": \"x\"\r}", `}`, 3, 1, `}`},
		{"BOM is not a column", "\xEF\xBB\xBF{\"name\": \"x\"}", `"x"`, 1, 10, `{"name": "x"}`},
		{"emoji is two UTF-16 units", `{"name": "😀", "v": 1}`, `"v"`, 1, 16, `{"name": "😀", "v": 1}`},
		{"accented letter is one unit", `{"name": "é", "v": 1}`, `"v"`, 1, 15, `{"name": "é", "v": 1}`},
		{"CJK is one unit each", "{\"n\": \"日本\",\n \"v\": 1}", `1}`, 2, 7, ` "v": 1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			off := strings.Index(tt.src, tt.at)
			pos := d.Position(off)
			if pos.Line != tt.line || pos.Column != tt.col || pos.Offset != off {
				t.Errorf("Position(%d) = %+v, want line %d column %d", off, pos, tt.line, tt.col)
			}
			if got := d.Line(tt.line); got != tt.wantLine {
				t.Errorf("Line(%d) = %q, want %q", tt.line, got, tt.wantLine)
			}
		})
	}
}

func TestPositionClamps(t *testing.T) {
	d, _ := Parse([]byte("{}\n"))
	if p := d.Position(100); p.Offset != 3 || p.Line != 2 || p.Column != 1 {
		t.Errorf("Position past the end = %+v, want the end of the source", p)
	}
	if p := d.Position(-1); p.Offset != 0 || p.Line != 1 || p.Column != 1 {
		t.Errorf("Position(-1) = %+v", p)
	}
}

func TestPointers(t *testing.T) {
	src := `{"a/b": {"m~n": [10, {"": "empty key"}]}, "name": "x", "name": "y"}`
	d, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		ptr, text string
		onKey     bool
	}{
		{"/a~1b/m~0n/0", "10", false},
		{"/a~1b/m~0n/1/", `"empty key"`, false},
		{"/a~1b/m~0n", `"m~n"`, true},
		{"/a~1b", `"a/b"`, true},
		{"/name", `"y"`, false}, // the last duplicate
		{"/name", `"name"`, true},
		{"", src, false},
		{"/a~1b/m~0n/7", `[10, {"": "empty key"}]`, false}, // nearest ancestor
		{"/nope/deeper", src, false},
	}
	for _, tt := range tests {
		span := d.SpanOf(tt.ptr, tt.onKey)
		got := src[span.Start:span.End]
		if got != tt.text {
			t.Errorf("SpanOf(%q, %v) covers %q, want %q", tt.ptr, tt.onKey, got, tt.text)
		}
	}
	if idx := strings.LastIndex(src, `"name"`); d.SpanOf("/name", true).Start != idx {
		t.Errorf("the key span of a duplicate must be the last one's")
	}
}

func TestPointerJoinRoundTrip(t *testing.T) {
	for _, key := range []string{"a", "a/b", "~", "~1", "/~/", "", "é 😀"} {
		ptr := PointerJoin("/x", key)
		tokens, err := SplitPointer(ptr)
		if err != nil || len(tokens) != 2 || tokens[1] != key {
			t.Errorf("SplitPointer(PointerJoin(%q)) = %q, %v", key, tokens, err)
		}
	}
	if got := PointerJoin("", "a/b", "m~n"); got != "/a~1b/m~0n" {
		t.Errorf("PointerJoin = %q", got)
	}
	for _, bad := range []string{"a", "/~", "/~2"} {
		if _, err := SplitPointer(bad); err == nil {
			t.Errorf("SplitPointer(%q) accepted a malformed pointer", bad)
		}
	}
}

func TestSubSpan(t *testing.T) {
	src := `{"plain": "script-src 'self'", "escaped": "script-src \u0027self\u0027"}`
	d, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	plain := d.Root().Get("plain")
	if s := d.SubSpan(plain, 11, 17); src[s.Start:s.End] != "'self'" {
		t.Errorf("SubSpan of a plain string covers %q, want 'self'", src[s.Start:s.End])
	}
	escaped := d.Root().Get("escaped")
	if s := d.SubSpan(escaped, 11, 17); s != escaped.Span() {
		t.Errorf("SubSpan of an escaped string = %v, want the whole literal %v", s, escaped.Span())
	}
	if s := d.SubSpan(plain, 5, 99); s != plain.Span() {
		t.Errorf("SubSpan out of range = %v, want the whole literal", s)
	}
}
