package gurl

import (
	"strings"
	"testing"
)

// FuzzParse checks that Parse and Resolve never panic and that what they
// return is consistent:
//   - a valid URL has a lower-case scheme, a port in 0..65535 or -1, and a
//     path that starts with '/' when its scheme is standard;
//   - its String parses again to the same URL (canonicalization is
//     idempotent), but for a file: URL whose path starts with "//", which
//     Chromium 156 does not keep either ("file:..//0" is "file:////0",
//     which is "file:///0");
//   - a URL of another scheme resolves, against an extension's URL, to
//     itself;
//   - a reference without a scheme resolves against an extension's URL to
//     a valid URL of the extension, unless it starts with two slashes.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"http://example.com/", "https://user:pw@EXAMPLE.com:443/a/../b?q#f",
		"filesystem:http://h/temporary/x", "file:///C:/x", "file://h/x", "about:blank",
		"javascript:", "foo://h:1/p", "foo:/a/../b", "http://[::1]/", "http://0x7f.1/",
		"http://\u0261oogle.com/", "http:", "popup.html?x#y", "../a/%2e%2E/b", `pages\popup.html`,
		"//other/x", "chrome-extension:x.html", " \tx y ", "#f", "?q", "",
	} {
		f.Add(s)
	}
	base, ok := Parse("chrome-extension://abcdefghijklmnopabcdefghijklmnop/")
	if !ok {
		f.Fatal("base URL is invalid")
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, ok := Parse(s)
		if ok {
			checkURL(t, s, u)
			again, ok := Parse(u.String())
			if !ok || again.String() != u.String() && !isFileWithEmptyFirstSegment(u) {
				t.Fatalf("Parse(%q) = %q, which parses to %v, %v", s, u, again, ok)
			}
			if u.Scheme != base.Scheme {
				if r, ok := base.Resolve(s); !ok || r.String() != u.String() {
					t.Fatalf("Resolve(%q) = %v, %v; Parse gives %q", s, r, ok, u)
				}
			}
		}
		r, ok := base.Resolve(s)
		if ok {
			checkURL(t, s, r)
		}
		if rel := trim(s); !hasScheme(rel) && countSlashes(rel, true) < 2 {
			if !ok || r.Scheme != base.Scheme || r.Host != base.Host {
				t.Fatalf("Resolve(%q) = %v, %v; want a URL of the extension", s, r, ok)
			}
		}
	})
}

// hasScheme reports whether s starts with a valid scheme and a colon.
func hasScheme(s string) bool {
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		return false
	}
	_, ok := canonicalScheme(s[:colon])
	return ok
}

// isFileWithEmptyFirstSegment reports whether u is a file: URL whose path
// starts with "//".
func isFileWithEmptyFirstSegment(u *URL) bool {
	return u.Scheme == "file" && u.Host == "" && strings.HasPrefix(u.Path, "//")
}

// checkURL checks what holds for every valid URL.
func checkURL(t *testing.T, in string, u *URL) {
	t.Helper()
	switch {
	case u.Scheme != strings.ToLower(u.Scheme):
		t.Fatalf("%q: scheme %q is not lower-case", in, u.Scheme)
	case u.Port < -1 || u.Port > 65535:
		t.Fatalf("%q: port %d", in, u.Port)
	case IsStandard(u.Scheme) && !strings.HasPrefix(u.Path, "/"):
		t.Fatalf("%q: standard URL with path %q", in, u.Path)
	}
}
