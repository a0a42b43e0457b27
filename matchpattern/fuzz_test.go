package matchpattern

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crxlint/crxlint/internal/gurl"
)

// FuzzParse checks that Parse never panics and that what it returns is
// consistent:
//   - a failure is a *ParseError carrying the input and a non-Success Result;
//   - a success under some mask is also a success under SchemeAll, with the
//     same canonical text (the mask only decides which schemes are allowed);
//   - String() parses back, under the same mask, to an equal Pattern, and is
//     therefore a fixed point;
//   - the canonical host canonicalizes to itself;
//   - a pattern contains itself, and overlaps itself unless its mask leaves
//     it no scheme at all, provided its path is valid UTF-8 (Chromium's glob
//     never matches an invalid sequence, not even itself);
//   - matching the input as a URL, host or path does not panic.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"<all_urls>", "*://*/*", "https://*.example.com/*", "http://localhost:3000/*",
		"localhost:3000/*", "file:///*", "file://foo*", "data:*", "about:blank",
		"http://[::1]:8080/*", "http://[2607:f8b0:4005:805::200e]/", "http://0x7f.1/*",
		"https://ɡoogle.com/*", "https:// /*", "http://*.0.0.1/*", "http://h:+80/*",
		"http://h:-0/*", "chrome-extension://id/*", "filesystem://h/*", "HTTP://x/*",
		"http://a%2ab/*", "http://*.xn--gkd/a%C2%81%E1*", `file:///foo?bar\*baz`,
		"http://*./", "http:///", "*://h:3000/*", "http://[]:80/*", "",
	} {
		f.Add(s, uint32(SchemeAll))
		f.Add(s, uint32(HostPermissionSchemes))
		f.Add(s, uint32(ContentScriptSchemes))
	}
	f.Fuzz(func(t *testing.T, s string, mask uint32) {
		schemes := SchemeMask(mask)
		p, err := Parse(s, schemes)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Pattern != s || pe.Result == Success {
				t.Fatalf("Parse(%q): error %#v", s, err)
			}
			if !strings.HasSuffix(err.Error(), ": "+pe.Result.String()) {
				t.Fatalf("Parse(%q): message %q", s, err)
			}
			return
		}

		all, err := Parse(s, SchemeAll)
		if err != nil || all.String() != p.String() {
			t.Fatalf("Parse(%q): %v under %#x but %v, %v under SchemeAll", s, p, mask, all, err)
		}

		text := p.String()
		q, err := Parse(text, schemes)
		if err != nil {
			t.Fatalf("Parse(%q).String() = %q, which does not parse: %v", s, text, err)
		}
		if q != p {
			t.Fatalf("Parse(%q) = %#v, but its String() %q parses to %#v", s, p, text, q)
		}

		if h := p.Host(); h != "" {
			if c, _, ok := canonicalizeHost(h); !ok || c != h {
				t.Fatalf("Parse(%q): host %q re-canonicalizes to %q, %v", s, h, c, ok)
			}
		}

		if utf8.ValidString(p.Path()) {
			if !p.Contains(p) {
				t.Fatalf("%q does not contain itself", text)
			}
			if len(p.explicitSchemes()) > 0 && !p.OverlapsWith(p) {
				t.Fatalf("%q does not overlap itself", text)
			}
		}

		p.MatchesURL(s)
		p.MatchesHost(s)
		p.MatchesPath(s)
	})
}

// FuzzMatchesURL feeds arbitrary URLs to MatchesURL: <all_urls> under
// SchemeAll must match exactly the URLs that package gurl accepts.
func FuzzMatchesURL(f *testing.F) {
	for _, s := range []string{
		"http://example.com/", "https://user:pw@EXAMPLE.com:443/a/../b?q#f",
		"filesystem:http://h/temporary/x", "file:///C:/x", "about:blank", "javascript:",
		"foo://h:1/p", "http://[::1]/", "http://0x7f.1/", "http://\u0261oogle.com/", "http:",
	} {
		f.Add(s)
	}
	all := Pattern{schemes: SchemeAll, allURLs: true, scheme: "*", subdomains: true, port: "*", path: "/*"}
	f.Fuzz(func(t *testing.T, s string) {
		_, ok := gurl.Parse(s)
		if got := all.MatchesURL(s); got != ok {
			t.Fatalf("<all_urls>.MatchesURL(%q) = %v, but gurl.Parse says %v", s, got, ok)
		}
	})
}
