package gurl

import "testing"

// Cases from Chromium's url/url_canon_unittest.cc, checked against Chromium
// 156 where its behaviour differs from the unit test's revision (noted).

func TestCanonicalPath(t *testing.T) {
	// kCommonPathCases, for both special and non-special URLs.
	common := []struct{ in, want string }{
		{"/././foo", "/foo"},
		{"/./.foo", "/.foo"},
		{"/foo/.", "/foo/"},
		{"/foo/./", "/foo/"},
		{"/foo/bar/..", "/foo/"},
		{"/foo/bar/../", "/foo/"},
		{"/foo/..bar", "/foo/..bar"},
		{"/foo/bar/../ton", "/foo/ton"},
		{"/foo/bar/../ton/../../a", "/a"},
		{"/foo/../../..", "/"},
		{"/foo/../../../ton", "/ton"},
		{"/foo/%2e", "/foo/"},
		{"/foo/%2e%2", "/foo/%2e%2"},                  // Chromium 156 keeps "%2e" outside a dot segment
		{"/foo/%2e./%2e%2e/.%2e/%2e.bar", "/%2e.bar"}, // likewise
		{"////../..", "//"},
		{"/foo", "/foo"},
		{"/%20foo", "/%20foo"},
		{"/foo%", "/foo%"},
		{"/foo%2", "/foo%2"},
		{"/foo%2zbar", "/foo%2zbar"},
		{"/foo%2\xc2\xa9zbar", "/foo%2%C2%A9zbar"},
		{"/foo%41%7a", "/foo%41%7a"},
		{"/foo\x09\x91%91", "/foo%09%91%91"},
		{"/foo%00%51", "/foo%00%51"},
		{"/(%28:%3A%29)", "/(%28:%3A%29)"},
		{"/%3A%3a%3C%3c", "/%3A%3a%3C%3c"},
		{"/foo\tbar", "/foo%09bar"},
		{"/foo#bar", "/foo%23bar"},
		{"/%7Ffp3%3Eju%3Dduvgw%3Dd", "/%7Ffp3%3Eju%3Dduvgw%3Dd"},
		{"/@asdf%40", "/@asdf%40"},
		{"/%A%42", "/%A%42"},
		{"/%%41B", "/%%41B"},
		{"/%%41%42", "/%%41%42"},
		{"/%%41", "/%%41"},
		{"/%%470", "/%%470"},
		{"/%%2D%41", "/%%2D%41"},
		{"/\xe4\xbd\xa0\xe5\xa5\xbd\xe4\xbd\xa0\xe5\xa5\xbd", "/%E4%BD%A0%E5%A5%BD%E4%BD%A0%E5%A5%BD"},
		{"/\xef\xb7\x90zyx", "/%EF%B7%90zyx"},
		{"/ab\x00c", "/ab%00c"},
	}
	for _, tt := range common {
		for _, special := range []bool{true, false} {
			if got := canonicalPath(tt.in, special); got != tt.want {
				t.Errorf("canonicalPath(%q, special=%v) = %q, want %q", tt.in, special, got, tt.want)
			}
		}
	}

	// SpecialPath and NonSpecialPath.
	for _, tt := range []struct {
		in      string
		special bool
		want    string
	}{
		{`\a\b`, true, "/a/b"},
		{`/a\..\b`, true, "/b"},
		{`/a\.\b`, true, "/a/b"},
		{"", false, ""},
		{`/a\..\b`, false, `/a\..\b`},
		{`/a\./b`, false, `/a\./b`},
	} {
		if got := canonicalPath(tt.in, tt.special); got != tt.want {
			t.Errorf("canonicalPath(%q, special=%v) = %q, want %q", tt.in, tt.special, got, tt.want)
		}
	}
	// A standard URL's empty path is "/".
	if u, ok := Parse("http://h"); !ok || u.Path != "/" {
		t.Errorf(`Parse("http://h").Path = %q, %v; want "/"`, u.Path, ok)
	}
}

func TestCanonicalQuery(t *testing.T) {
	// Query.
	tests := []struct{ in, want string }{
		{"foo=bar", "foo=bar"},
		{"as?df", "as?df"},
		{"\x02hello\x7f bye", "%02hello%7F%20bye"},
		{"%40%41123", "%40%41123"},
		{"q=\xe4\xbd\xa0\xe5\xa5\xbd", "q=%E4%BD%A0%E5%A5%BD"},
		{"q=<asdf>", "q=%3Casdf%3E"},
		{`q="asdf"`, "q=%22asdf%22"},
		{"a \x00z\x01", "a%20%00z%01"},
	}
	for _, tt := range tests {
		u, ok := Parse("http://h/?" + tt.in + "#") // '#' keeps trailing controls from being trimmed
		if !ok || u.Query != tt.want || !u.HasQuery {
			t.Errorf("query of http://h/?%q = %q, want %q", tt.in, u.Query, tt.want)
		}
	}
}

func TestCanonicalFragment(t *testing.T) {
	// Ref.
	tests := []struct{ in, want string }{
		{"hello!", "hello!"},
		{"hello, world", "hello,%20world"},
		{`hello,"world`, "hello,%22world"},
		{"hello,<world", "hello,%3Cworld"},
		{"hello,>world", "hello,%3Eworld"},
		{"hello,`world", "hello,%60world"},
		{"\xc2\xa9", "%C2%A9"},
		{"\xF0\x90\x8C\x80ss", "%F0%90%8C%80ss"},
		{"%41%a", "%41%a"},
		{"a\xef\xb7\x90", "a%EF%B7%90"},
		{"asdf#qwer", "asdf#qwer"},
		{"#asdf", "#asdf"},
	}
	for _, tt := range tests {
		u, ok := Parse("http://h/#" + tt.in)
		if !ok || u.Fragment != tt.want || !u.HasFragment {
			t.Errorf("fragment of http://h/#%q = %q, want %q", tt.in, u.Fragment, tt.want)
		}
	}
}

func TestPort(t *testing.T) {
	// Port, through whole URLs with the default port 80.
	tests := []struct {
		in   string
		want int // -1: none; -2: invalid
	}{
		{"as df", -2},
		{"-2", -2},
		{"80", -1},
		{"8080", 8080},
		{"", -1},
		{"0", 0},
		{"65535", 65535},
		{"65536", -2},
		{"00000000000000000080", -1},
	}
	for _, tt := range tests {
		u, ok := Parse("http://h:" + tt.in + "/")
		switch {
		case tt.want == -2 && ok:
			t.Errorf("port %q: valid with %d, want invalid", tt.in, u.Port)
		case tt.want != -2 && !ok:
			t.Errorf("port %q: invalid, want %d", tt.in, tt.want)
		case ok && u.Port != tt.want:
			t.Errorf("port %q: %d, want %d", tt.in, u.Port, tt.want)
		}
	}
}
