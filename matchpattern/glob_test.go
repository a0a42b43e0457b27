package matchpattern

import "testing"

// TestMatchGlob ports base/strings/pattern_unittest.cc (MatchPatternTest),
// the glob that URLPattern::MatchesPath uses.
func TestMatchGlob(t *testing.T) {
	tests := []struct {
		eval, pattern string
		want          bool
	}{
		{"www.google.com", "*.com", true},
		{"www.google.com", "*", true},
		{"www.google.com", "www*.g*.org", false},
		{"Hello", "H?l?o", true},
		{"www.google.com", "http://*)", false},
		{"www.msn.com", "*.COM", false},
		{"Hello*1234", `He??o\*1*`, true},
		{"", "*.*", false},
		{"", "*", true},
		{"", "?", true},
		{"", "", true},
		{"Hello", "", false},
		{"Hello*", "Hello*", true},
		{"abcd", "*???", true},
		{"abcd", "???", false},
		{"abcb", "a*b", true},
		{"abcb", "a?b", false},
		// UTF-8.
		{"heart: \xe2\x99\xa0", "*\xe2\x99\xa0", true},
		{"heart: \xe2\x99\xa0.", "heart: ?.", true},
		{"hearts: \xe2\x99\xa0\xe2\x99\xa0", "*", true},
		{"invalid: \xef\xbf\xbe", "invalid: ?", true},
		// A pattern with invalid characters matches nothing.
		{"\xf4\x90\x80\x80", "\xf4\x90\x80\x80", false},
		// Inputs that make naive implementations slow or fail.
		{"Hello", "He********************************o", true},
		{"123456789012345678", "?????????????????*", true},
		{"aaaaaaaaaaab", "a*a*a*a*a*a*a*a*a*a*a*b", true},
	}
	for _, tt := range tests {
		if got := matchGlob(tt.eval, tt.pattern); got != tt.want {
			t.Errorf("matchGlob(%q, %q) = %v, want %v", tt.eval, tt.pattern, got, tt.want)
		}
	}
}

// TestMatchesPath checks URLPattern::MatchesPath: '?' and '\' in a pattern
// path are literal, and "/*" at the end also matches the bare prefix.
func TestMatchesPath(t *testing.T) {
	tests := []struct {
		path, test string
		want       bool
	}{
		{"/foo*", "/foobar", true},
		{"/foo/*", "/foo", true},
		{"/foo/*", "/fo", false},
		{"/*", "", true},
		{"/foo?bar", "/foo?bar", true},
		{"/foo?bar", "/fooXbar", false},
		{`/a\*b`, `/a\xyzb`, true},
		{`/a\*b`, "/a*b", false},
		{"/", "/", true},
		{"/", "/x", false},
	}
	for _, tt := range tests {
		p := mustParse(t, "https://example.com"+tt.path, SchemeAll)
		if got := p.MatchesPath(tt.test); got != tt.want {
			t.Errorf("Parse(%q).MatchesPath(%q) = %v, want %v", p, tt.test, got, tt.want)
		}
	}
}
