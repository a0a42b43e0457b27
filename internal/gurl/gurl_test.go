package gurl

import (
	"testing"

	"github.com/crxlint/crxlint/internal/urlcanon"
)

// Cases from Chromium's url/gurl_unittest.cc, checked against Chromium 156
// where its behaviour differs from the unit test's revision (noted).

func TestParseComponents(t *testing.T) {
	tests := []struct {
		name, in string
		want     URL
	}{
		{
			"Components", "http://user:pass@google.com:99/foo;bar?q=a#ref",
			URL{Scheme: "http", Host: "google.com", Port: 99, Path: "/foo;bar", Query: "q=a", HasQuery: true, Fragment: "ref", HasFragment: true},
		},
		{
			"Components", "http://user:%40!$&'()*+,;=:@google.com:12345",
			URL{Scheme: "http", Host: "google.com", Port: 12345, Path: "/"},
		},
		{
			"Components", "http://example.com/a/./b/c/d/../../e",
			URL{Scheme: "http", Host: "example.com", Port: -1, Path: "/a/b/e"},
		},
		{
			"Components", "http://Bücher.exAMple/",
			URL{Scheme: "http", Host: "xn--bcher-kva.example", Port: -1, Path: "/"},
		},
		{"Components", "http://example.com/foo/aβc%2Etxt?q=r🙂s", // Chromium 156 keeps %2E
			URL{Scheme: "http", Host: "example.com", Port: -1, Path: "/foo/a%CE%B2c%2Etxt", Query: "q=r%F0%9F%99%82s", HasQuery: true}},
		{"Components", "http://example.com/a/./%2e/i%2E%2F%2fj?q=r%2Es", // Chromium 156 keeps %2E
			URL{Scheme: "http", Host: "example.com", Port: -1, Path: "/a/i%2E%2F%2fj", Query: "q=r%2Es", HasQuery: true}},
		{
			"ExtraSlashesBeforeAuthority", "http:///host",
			URL{Scheme: "http", Host: "host", Port: -1, Path: "/"},
		},
		{
			"Types", "something:///HOSTNAME.com/",
			URL{Scheme: "something", Port: -1, Path: "/HOSTNAME.com/", authority: true},
		},
		{
			"Types", "http:HOSTNAME.com",
			URL{Scheme: "http", Host: "hostname.com", Port: -1, Path: "/"},
		},
		{
			"Types", "http:/HOSTNAME.com",
			URL{Scheme: "http", Host: "hostname.com", Port: -1, Path: "/"},
		},
		{
			"IPv6", "http://[2001:DB8::1]:8080/",
			URL{Scheme: "http", Host: "[2001:db8::1]", Family: urlcanon.IPv6, Port: 8080, Path: "/"},
		},
		{
			"DefaultPort", "https://example.com:443/",
			URL{Scheme: "https", Host: "example.com", Port: -1, Path: "/"},
		},
		{
			"EmptyRef", "https://example.com/u#",
			URL{Scheme: "https", Host: "example.com", Port: -1, Path: "/u", HasFragment: true},
		},
	}
	for _, tt := range tests {
		u, ok := Parse(tt.in)
		if !ok {
			t.Errorf("%s: Parse(%q) is invalid", tt.name, tt.in)
			continue
		}
		if *u != tt.want {
			t.Errorf("%s: Parse(%q) = %+v, want %+v", tt.name, tt.in, *u, tt.want)
		}
	}
}

func TestParseFilesystem(t *testing.T) {
	// gurl_unittest.cc CopyFileSystem.
	u, ok := Parse("filesystem:https://user:pass@google.com:99/t/foo;bar?q=a#ref")
	if !ok {
		t.Fatal("invalid")
	}
	inner := URL{Scheme: "https", Host: "google.com", Port: 99, Path: "/t"}
	if u.Inner == nil || *u.Inner != inner {
		t.Errorf("inner URL = %+v, want %+v", u.Inner, inner)
	}
	outer := URL{Scheme: "filesystem", Port: -1, Path: "/foo;bar", Query: "q=a", HasQuery: true, Fragment: "ref", HasFragment: true, Inner: u.Inner}
	if *u != outer {
		t.Errorf("URL = %+v, want %+v", *u, outer)
	}
	if got, want := u.String(), "filesystem:https://google.com:99/t/foo;bar?q=a#ref"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestParseValidity(t *testing.T) {
	// gurl_unittest.cc IsValid, and ComponentGettersWorkEvenForInvalidURL.
	valid := []string{
		"http://google.com",
		"unknown://google.com",
		"http://user:pass@google.com",
		"http://google.com:12345",
		"http://google.com:0",
		"http://google.com/path",
		"http://google.com//path",
		"http://google.com?k=v#fragment",
		"http://user:pass@google.com:12345/path?k=v#fragment",
		"http:/path",
		"http:path",
	}
	invalid := []string{
		"",
		"http://?k=v",
		"http:://google.com",
		"http//google.com",
		"http://google.com:12three45",
		"file://server:123",
		"file://server:0",
		"://google.com",
		"path",
		"http:google.com:foo",
		"https:google.com:foo",
	}
	for _, s := range valid {
		if _, ok := Parse(s); !ok {
			t.Errorf("Parse(%q) is invalid, want valid", s)
		}
	}
	for _, s := range invalid {
		if u, ok := Parse(s); ok {
			t.Errorf("Parse(%q) = %q, want invalid", s, u)
		}
	}
}

func TestEffectivePort(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"http://h/", 80},
		{"http://h:80/", 80},
		{"https://h/", 443},
		{"ftp://h/", 21},
		{"ws://h:8080/", 8080},
		{"chrome-extension://h:8080/", -1}, // a scheme without ports ignores one
		{"foo://h:8080/", 8080},
		{"file:///x", -1},
	}
	for _, tt := range tests {
		u, ok := Parse(tt.in)
		if !ok {
			t.Fatalf("Parse(%q) is invalid", tt.in)
		}
		if got := u.EffectivePort(); got != tt.want {
			t.Errorf("Parse(%q).EffectivePort() = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestResolve(t *testing.T) {
	// gurl_unittest.cc Resolve; Chromium 156 agrees (testdata).
	tests := []struct {
		base, rel string
		want      string // "" for invalid
	}{
		{"http://www.google.com/", "foo.html", "http://www.google.com/foo.html"},
		{"http://www.google.com/foo/", "bar", "http://www.google.com/foo/bar"},
		{"http://www.google.com/foo/", "/bar", "http://www.google.com/bar"},
		{"http://www.google.com/foo", "bar", "http://www.google.com/bar"},
		{"http://www.google.com/", "http://images.google.com/foo.html", "http://images.google.com/foo.html"},
		{"http://www.google.com/", "http://images.\tgoogle.\ncom/\rfoo.html", "http://images.google.com/foo.html"},
		{"http://www.google.com/blah/bloo?c#d", "../../../hello/./world.html?a#b", "http://www.google.com/hello/world.html?a#b"},
		{"http://www.google.com/foo#bar", "#com", "http://www.google.com/foo#com"},
		{"http://www.google.com/", "Https:images.google.com", "https://images.google.com/"},
		{"data:blahblah", "http://google.com/", "http://google.com/"},
		{"data:blahblah", "http:google.com", "http://google.com/"},
		{"data:blahblah", "https:google.com", "https://google.com/"},
		{"git:opaque", "", ""},
		{"git:opaque", "path", ""},
		{"git:/a", "b", "git:/b"},
		{"file:///some/dir/ip-relative.html", "10.0.0.7:8080/foo.html", "file:///some/dir/10.0.0.7:8080/foo.html"},
		{"file:///some/dir/", "1://host", "file:///some/dir/1://host"},
		{"file:///some/dir/", "x1://host", "x1://host"},
		{"file:///some/dir/", "X1://host", "x1://host"},
		{"file:///some/dir/", "x.://host", "x.://host"},
		{"file:///some/dir/", "x+://host", "x+://host"},
		{"file:///some/dir/", "x-://host", "x-://host"},
		{"file:///some/dir/", "x!://host", "file:///some/dir/x!://host"},
		{"file:///some/dir/", "://host", "file:///some/dir/://host"},
	}
	for _, tt := range tests {
		base, ok := Parse(tt.base)
		if !ok {
			t.Fatalf("Parse(%q) is invalid", tt.base)
		}
		u, ok := base.Resolve(tt.rel)
		got := ""
		if ok {
			got = u.String()
		}
		if got != tt.want {
			t.Errorf("Parse(%q).Resolve(%q) = %q, %v; want %q", tt.base, tt.rel, got, ok, tt.want)
		}
	}
}
