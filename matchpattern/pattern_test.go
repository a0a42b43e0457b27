package matchpattern

import (
	"errors"
	"slices"
	"testing"
)

// The tests in this file are ported from Chromium's
// extensions/common/url_pattern_unittest.cc (ExtensionURLPatternTest); each
// case keeps the expectation Chromium's own test asserts. The name of the
// Chromium test is given with every table.

// allSchemes is kAllSchemes in url_pattern_unittest.cc: every scheme bit
// Chromium defines. It is not SchemeAll.
const allSchemes = SchemeHTTP | SchemeHTTPS | SchemeFile | SchemeFTP | SchemeChromeUI |
	SchemeExtension | SchemeFilesystem | SchemeWS | SchemeWSS | SchemeData | SchemeUUIDInPackage

// mustParse parses a pattern a test expects to be valid.
func mustParse(t *testing.T, s string, schemes SchemeMask) Pattern {
	t.Helper()
	p, err := Parse(s, schemes)
	if err != nil {
		t.Fatalf("Parse(%q, %#x): %v", s, schemes, err)
	}
	return p
}

// resultOf returns the Result of parsing s.
func resultOf(s string, schemes SchemeMask) Result {
	_, err := Parse(s, schemes)
	if err == nil {
		return Success
	}
	var pe *ParseError
	if !errors.As(err, &pe) {
		return -1
	}
	return pe.Result
}

func TestParseInvalid(t *testing.T) { // ParseInvalid
	tests := []struct {
		pattern string
		want    Result
	}{
		{"http", MissingSchemeSeparator},
		{"http:", WrongSchemeSeparator},
		{"http:/", WrongSchemeSeparator},
		{"about://", WrongSchemeSeparator},
		{"http://", EmptyHost},
		{"http:///", EmptyHost},
		{"http://:1234/", EmptyHost},
		{"http://*./", EmptyHost},
		{"http://*foo/bar", InvalidHostWildcard},
		{"http://foo.*.bar/baz", InvalidHostWildcard},
		{"http://fo.*.ba:123/baz", InvalidHostWildcard},
		{"http:/bar", WrongSchemeSeparator},
		{"http://bar", EmptyPath},
		{"http://foo.*/bar", InvalidHostWildcard},
		{"http://\x00www/", InvalidHost},
	}
	for _, tt := range tests {
		if got := resultOf(tt.pattern, SchemeAll); got != tt.want {
			t.Errorf("Parse(%q) = %v, want %v", tt.pattern, got, tt.want)
		}
	}
}

func TestPorts(t *testing.T) { // Ports
	tests := []struct {
		pattern string
		want    Result
		port    string
	}{
		{"http://foo:1234/", Success, "1234"},
		{"http://foo:1234/bar", Success, "1234"},
		{"http://*.foo:1234/", Success, "1234"},
		{"http://*.foo:1234/bar", Success, "1234"},
		{"http://foo:/", InvalidPort, ""},
		{"http://*:1234/", Success, "1234"},
		{"http://*:*/", Success, "*"},
		{"http://foo:*/", Success, "*"},
		{"http://*.foo:/", InvalidPort, ""},
		{"http://foo:com/", InvalidPort, ""},
		{"http://foo:123456/", InvalidPort, ""},
		{"http://foo:80:80/monkey", InvalidPort, ""},
		{"file://foo:1234/bar", Success, "*"},
		{"chrome://foo:1234/bar", InvalidPort, ""},
		// Port-like strings in the path should not trigger a warning.
		{"http://*/:1234", Success, "*"},
		{"http://*.foo/bar:1234", Success, "*"},
		{"http://foo/bar:1234/path", Success, "*"},
	}
	for _, tt := range tests {
		p, err := Parse(tt.pattern, SchemeAll)
		if got := resultOf(tt.pattern, SchemeAll); got != tt.want {
			t.Errorf("Parse(%q) = %v, want %v", tt.pattern, got, tt.want)
		}
		if err == nil && p.Port() != tt.port {
			t.Errorf("Parse(%q).Port() = %q, want %q", tt.pattern, p.Port(), tt.port)
		}
	}
}

func TestIPv6Patterns(t *testing.T) { // IPv6Patterns
	valid := []struct{ pattern, host, port string }{
		{"http://[2607:f8b0:4005:805::200e]/", "[2607:f8b0:4005:805::200e]", "*"},
		{"http://[2607:f8b0:4005:805::200e]/*", "[2607:f8b0:4005:805::200e]", "*"},
		{"http://[2607:f8b0:4005:805::200e]:8888/*", "[2607:f8b0:4005:805::200e]", "8888"},
	}
	for _, tt := range valid {
		p := mustParse(t, tt.pattern, SchemeHTTP)
		if p.Host() != tt.host || p.Port() != tt.port {
			t.Errorf("Parse(%q): host %q port %q, want %q %q", tt.pattern, p.Host(), p.Port(), tt.host, tt.port)
		}
	}
	invalid := []struct {
		pattern string
		want    Result
	}{
		{"http://[2607:f8b0:4005:805::200e]:/*", InvalidPort},        // port separator, no port
		{"http://[]:8888/*", EmptyHost},                              // no host
		{"http://[2607:f8b0:4005:805::200e/*", InvalidHost},          // no ']'
		{"http://[2607:f8b0:4005:805::200e]]/*", InvalidHost},        // "]]"
		{"http://[[2607:f8b0:4005:805::200e]/*", InvalidHost},        // "[["
		{"http://[2607:f8b0:4005:805:200e]/*", InvalidHost},          // too few pieces
		{"http://[2607:f8b0:4005:805:200e:12:bogus]/*", InvalidHost}, // non-hex piece
		{"http://[[2607:f8b0:4005:805::200e]:abc/*", InvalidPort},
	}
	for _, tt := range invalid {
		if got := resultOf(tt.pattern, SchemeHTTP); got != tt.want {
			t.Errorf("Parse(%q) = %v, want %v", tt.pattern, got, tt.want)
		}
	}
}

// fields is what the Match* tests of url_pattern_unittest.cc check after
// parsing.
type fields struct {
	scheme, host, path, port string
	subdomains, allURLs      bool
}

func fieldsOf(p Pattern) fields {
	return fields{p.Scheme(), p.Host(), p.Path(), p.Port(), p.MatchSubdomains(), p.MatchAllURLs()}
}

func TestParsedFields(t *testing.T) {
	tests := []struct {
		name    string // Chromium test
		pattern string
		schemes SchemeMask
		want    fields
	}{
		{"PercentEncodedAscii", "http://*/%40*", allSchemes, fields{"http", "", "/%40*", "*", true, false}},
		{"PercentEncodedAscii", "http://*/@*", allSchemes, fields{"http", "", "/@*", "*", true, false}},
		{"PercentEncodedNonAscii", "http://*/%F0%9F%90%B1*", allSchemes, fields{"http", "", "/%F0%9F%90%B1*", "*", true, false}},
		{"PercentEncodedNonAscii", "http://*/🐱*", allSchemes, fields{"http", "", "/🐱*", "*", true, false}},
		{"Match1", "http://*/*", allSchemes, fields{"http", "", "/*", "*", true, false}},
		{"Match2", "https://*/foo*", allSchemes, fields{"https", "", "/foo*", "*", true, false}},
		{"Match3", "http://*.google.com/foo*bar", allSchemes, fields{"http", "google.com", "/foo*bar", "*", true, false}},
		{"Match5", `file:///foo?bar\*baz`, allSchemes, fields{"file", "", `/foo?bar\*baz`, "*", false, false}},
		{"Match6", "http://127.0.0.1/*", allSchemes, fields{"http", "127.0.0.1", "/*", "*", false, false}},
		// Canonicalization forces 0.0.1 to 0.0.0.1.
		{"Match7", "http://*.0.0.1/*", allSchemes, fields{"http", "0.0.0.1", "/*", "*", true, false}},
		{"Match8", "http://*.xn--gkd/a%C2%81%E1*", allSchemes, fields{"http", "xn--gkd", "/a%C2%81%E1*", "*", true, false}},
		{"Match9", "chrome://favicon/*", allSchemes, fields{"chrome", "favicon", "/*", "*", false, false}},
		{"Match10", "*://*/*", allSchemes, fields{"*", "", "/*", "*", true, false}},
		{"Match11", "<all_urls>", allSchemes, fields{"*", "", "/*", "*", true, true}},
		{"Match12", "<all_urls>", SchemeAll, fields{"*", "", "/*", "*", true, true}},
		{"Match14", "file:///foo*", allSchemes, fields{"file", "", "/foo*", "*", false, false}},
		{"Match15", "file://foo*", allSchemes, fields{"file", "", "/foo*", "*", false, false}},
		// The host of a file pattern is ignored.
		{"Match16", "file://localhost/foo*", allSchemes, fields{"file", "", "/foo*", "*", false, false}},
		{"Match17", "http://www.example.com:80/foo", allSchemes, fields{"http", "www.example.com", "/foo", "80", false, false}},
		{"Match18", "http://www.example.com:*/foo", allSchemes, fields{"http", "www.example.com", "/foo", "*", false, false}},
		{"Match19", "chrome-extension://ftw/*", SchemeExtension, fields{"chrome-extension", "ftw", "/*", "*", false, false}},
	}
	for _, tt := range tests {
		if got := fieldsOf(mustParse(t, tt.pattern, tt.schemes)); got != tt.want {
			t.Errorf("%s: Parse(%q) = %+v, want %+v", tt.name, tt.pattern, got, tt.want)
		}
	}
}

func TestMatchesURL(t *testing.T) {
	tests := []struct {
		name    string // Chromium test
		pattern string
		schemes SchemeMask
		url     string
		want    bool
	}{
		{"Match1", "http://*/*", allSchemes, "http://google.com", true},
		{"Match1", "http://*/*", allSchemes, "http://yahoo.com", true},
		{"Match1", "http://*/*", allSchemes, "http://google.com/foo", true},
		{"Match1", "http://*/*", allSchemes, "https://google.com", false},
		{"Match1", "http://*/*", allSchemes, "http://74.125.127.100/search", true},

		{"Match2", "https://*/foo*", allSchemes, "https://www.google.com/foo", true},
		{"Match2", "https://*/foo*", allSchemes, "https://www.google.com/foobar", true},
		{"Match2", "https://*/foo*", allSchemes, "http://www.google.com/foo", false},
		{"Match2", "https://*/foo*", allSchemes, "https://www.google.com/", false},
		{"Match2", "https://*/foo*", allSchemes, "filesystem:https://www.google.com/foobar/", true},

		{"Match3", "http://*.google.com/foo*bar", allSchemes, "http://google.com/foobar", true},
		{"Match3", "http://*.google.com/foo*bar", allSchemes, "http://www.google.com/foobar", true},
		{"Match3", "http://*.google.com/foo*bar", allSchemes, "http://www.google.com/foo?bar", true},
		{"Match3", "http://*.google.com/foo*bar", allSchemes, "http://wwwgoogle.com/foobar", false},
		{"Match3", "http://*.google.com/foo*bar", allSchemes, "http://monkey.images.google.com/foooobar", true},
		{"Match3", "http://*.google.com/foo*bar", allSchemes, "http://yahoo.com/foobar", false},
		{"Match3", "http://*.google.com/foo*bar", allSchemes, "filesystem:http://google.com/foo/bar", true},
		{"Match3", "http://*.google.com/foo*bar", allSchemes, "filesystem:http://google.com/temporary/foobar", false},
		// The inner URL's path is the first segment without its slash, so
		// the two paths join with one slash (url_parse.cc DoParseFileSystemURL).
		{"crxlint", "http://google.com/foo/bar", allSchemes, "filesystem:http://google.com/foo/bar", true},
		{"crxlint", "http://google.com/*", allSchemes, "filesystem:http://google.com/", false},

		// Glob escaping.
		{"Match5", `file:///foo?bar\*baz`, allSchemes, `file:///foo?bar\hellobaz`, true},
		{"Match5", `file:///foo?bar\*baz`, allSchemes, `file:///fooXbar\hellobaz`, false},

		{"Match6", "http://127.0.0.1/*", allSchemes, "http://127.0.0.1", true},
		// Subdomain matching is never done if the argument has an IP host.
		{"Match7", "http://*.0.0.1/*", allSchemes, "http://127.0.0.1", false},

		// Unicode host and path.
		{"Match8", "http://*.xn--gkd/a%C2%81%E1*", allSchemes, "http://abc.\xe1\x80\xbf/a\xc2\x81\xe1xyz", true},
		{"Match8", "http://*.xn--gkd/a%C2%81%E1*", allSchemes, "http://\xe1\x80\xbf/a\xc2\x81\xe1\xe1", true},

		{"Match9", "chrome://favicon/*", allSchemes, "chrome://favicon/http://google.com", true},
		{"Match9", "chrome://favicon/*", allSchemes, "chrome://favicon/https://google.com", true},
		{"Match9", "chrome://favicon/*", allSchemes, "chrome://history", false},

		{"Match10", "*://*/*", allSchemes, "http://127.0.0.1", true},
		{"Match10", "*://*/*", allSchemes, "chrome://favicon/http://google.com", false},
		{"Match10", "*://*/*", allSchemes, "file:///foo/bar", false},
		{"Match10", "*://*/*", allSchemes, "file://localhost/foo/bar", false},

		{"Match11", "<all_urls>", allSchemes, "chrome://favicon/http://google.com", true},
		{"Match11", "<all_urls>", allSchemes, "http://127.0.0.1", true},
		{"Match11", "<all_urls>", allSchemes, "file:///foo/bar", true},
		{"Match11", "<all_urls>", allSchemes, "file://localhost/foo/bar", true},

		{"Match12", "<all_urls>", SchemeAll, "chrome://favicon/http://google.com", true},
		{"Match12", "<all_urls>", SchemeAll, "http://127.0.0.1", true},
		{"Match12", "<all_urls>", SchemeAll, "file:///foo/bar", true},
		{"Match12", "<all_urls>", SchemeAll, "file://localhost/foo/bar", true},
		{"Match12", "<all_urls>", SchemeAll, "chrome://newtab", true},
		{"Match12", "<all_urls>", SchemeAll, "about:blank", true},
		{"Match12", "<all_urls>", SchemeAll, "about:version", true},
		{"Match12", "<all_urls>", SchemeAll, "data:text/html;charset=utf-8,<html>asdf</html>", true},

		{"DoesntMatchInvalid", "<all_urls>", allSchemes, "http:", false},
		{"WildcardMatchesPathlessUrl", "<all_urls>", SchemeAll, "javascript:", true},
		{"NonwildcardDoesntMatchPathlessUrl", "*://*/*", SchemeAll, "javascript:", false},

		{"Match13", "about:*", SchemeAll, "about:blank", true},
		{"Match13", "about:blank", SchemeAll, "about:blank", true},
		{"Match13", "about:*", SchemeAll, "about:version", true},
		{"Match13", "chrome-extension://*/*", SchemeAll, "chrome-extension://FTW", true},
		{"Match13", "data:*", SchemeAll, "data:monkey", true},
		{"Match13", "javascript:*", SchemeAll, "javascript:atemyhomework", true},
		{"Match13", "data:*", SchemeAll, "about:blank", false},

		// File scheme with an empty host, without a host part, and with a host.
		{"Match14", "file:///foo*", allSchemes, "file://foo", false},
		{"Match14", "file:///foo*", allSchemes, "file://foobar", false},
		{"Match14", "file:///foo*", allSchemes, "file:///foo", true},
		{"Match14", "file:///foo*", allSchemes, "file:///foobar", true},
		{"Match14", "file:///foo*", allSchemes, "file://localhost/foo", true},
		{"Match15", "file://foo*", allSchemes, "file://foo", false},
		{"Match15", "file://foo*", allSchemes, "file://foobar", false},
		{"Match15", "file://foo*", allSchemes, "file:///foo", true},
		{"Match15", "file://foo*", allSchemes, "file:///foobar", true},
		{"Match15", "file://foo*", allSchemes, "file://localhost/foo", true},
		{"Match16", "file://localhost/foo*", allSchemes, "file://foo", false},
		{"Match16", "file://localhost/foo*", allSchemes, "file://foobar", false},
		{"Match16", "file://localhost/foo*", allSchemes, "file:///foo", true},
		{"Match16", "file://localhost/foo*", allSchemes, "file:///foobar", true},
		{"Match16", "file://localhost/foo*", allSchemes, "file://localhost/foo", true},

		// Specific port.
		{"Match17", "http://www.example.com:80/foo", allSchemes, "http://www.example.com:80/foo", true},
		{"Match17", "http://www.example.com:80/foo", allSchemes, "http://www.example.com/foo", true},
		{"Match17", "http://www.example.com:80/foo", allSchemes, "http://www.example.com:8080/foo", false},
		{"Match17", "http://www.example.com:80/foo", allSchemes, "filesystem:http://www.example.com:8080/foo/", false},
		{"Match17", "http://www.example.com:80/foo", allSchemes, "filesystem:http://www.example.com/f/foo", false},

		// Explicit port wildcard.
		{"Match18", "http://www.example.com:*/foo", allSchemes, "http://www.example.com:80/foo", true},
		{"Match18", "http://www.example.com:*/foo", allSchemes, "http://www.example.com/foo", true},
		{"Match18", "http://www.example.com:*/foo", allSchemes, "http://www.example.com:8080/foo", true},
		{"Match18", "http://www.example.com:*/foo", allSchemes, "filesystem:http://www.example.com:8080/foo/", false},

		{"Match19", "chrome-extension://ftw/*", SchemeExtension, "chrome-extension://ftw", true},
		{"Match19", "chrome-extension://ftw/*", SchemeExtension, "chrome-extension://ftw/http://google.com", true},
		{"Match19", "chrome-extension://ftw/*", SchemeExtension, "chrome-extension://ftw/https://google.com", true},
		{"Match19", "chrome-extension://ftw/*", SchemeExtension, "chrome-extension://foobar", false},
		{"Match19", "chrome-extension://ftw/*", SchemeExtension, "filesystem:chrome-extension://ftw/t/file.txt", true},

		{"IgnorePorts", "http://www.example.com:8080/foo", allSchemes, "http://www.example.com:1234/foo", false},

		{"IgnoreMissingBackslashes", "http://www.example.com/example", allSchemes, "http://www.example.com/example", true},
		{"IgnoreMissingBackslashes", "http://www.example.com/example/*", allSchemes, "http://www.example.com/example/", true},
		// The path without the trailing slash matches the "/*" pattern ...
		{"IgnoreMissingBackslashes", "http://www.example.com/example/*", allSchemes, "http://www.example.com/example", true},
		// ... but a trailing slash does not match a pattern without one.
		{"IgnoreMissingBackslashes", "http://www.example.com/example", allSchemes, "http://www.example.com/example/", false},

		{"CanReusePatternWithParse", "http://bb.com/*", SchemeAll, "http://bb.com/path", true},
		{"CanReusePatternWithParse", "http://bb.com/*", SchemeAll, "http://aa.com/path", false},
		{"CanReusePatternWithParse", "http://aa.com/*", SchemeAll, "http://bb.com/path", false},
		{"CanReusePatternWithParse", "http://aa.com/*", SchemeAll, "http://aa.com/path", true},
		{"CanReusePatternWithParse", "http://aa.com/*", SchemeAll, "http://sub.aa.com/path", false},
		{"CanReusePatternWithParse", "http://aa.com:88/*", SchemeAll, "http://aa.com/path", false},
		{"CanReusePatternWithParse", "http://aa.com:88/*", SchemeAll, "http://aa.com:88/path", true},

		// Both patterns match trailing-dot and non-trailing-dot domains.
		{"TrailingDotDomain", "*://example.com/*", SchemeHTTP, "http://example.com/", true},
		{"TrailingDotDomain", "*://example.com/*", SchemeHTTP, "http://example.com./", true},
		{"TrailingDotDomain", "*://example.com./*", SchemeHTTP, "http://example.com/", true},
		{"TrailingDotDomain", "*://example.com./*", SchemeHTTP, "http://example.com./", true},

		// Canonicalization lower-cases the host ...
		{"UncanonicalizedUrl", "*://*.gOoGle.com/*", SchemeAll, "https://google.com", true},
		{"UncanonicalizedUrl", "*://*.gOoGle.com/*", SchemeAll, "https://maps.google.com", true},
		{"UncanonicalizedUrl", "*://*.gOoGle.com/*", SchemeAll, "https://example.com", false},
		// ... and converts IDN to punycode (the first 'g' is U+0261).
		{"UncanonicalizedUrl", "https://*.ɡoogle.com/*", SchemeAll, "https://google.com", false},
		{"UncanonicalizedUrl", "https://*.ɡoogle.com/*", SchemeAll, "https://xn--oogle-qmc.com/", true},
	}
	for _, tt := range tests {
		p := mustParse(t, tt.pattern, tt.schemes)
		if got := p.MatchesURL(tt.url); got != tt.want {
			t.Errorf("%s: Parse(%q).MatchesURL(%q) = %v, want %v", tt.name, tt.pattern, tt.url, got, tt.want)
		}
	}
}

func TestWhitespaceHostParsing(t *testing.T) { // WhitespaceHostParsing
	for _, host := range []string{".", " ", " .", ". ", ". .", ". . .", " . "} {
		p := mustParse(t, "https://"+host+"/*", SchemeHTTPS)
		sub := mustParse(t, "https://*."+host+"/*", SchemeHTTPS)
		root, subdomain := "https://"+host+"/foo", "https://foo."+host+"/foo"
		// Both patterns match the root URL; only the subdomain pattern
		// matches the subdomain URL.
		if !p.MatchesURL(root) || !sub.MatchesURL(root) {
			t.Errorf("host %q: patterns do not match %q", host, root)
		}
		if p.MatchesURL(subdomain) || !sub.MatchesURL(subdomain) {
			t.Errorf("host %q: %q matched by %v (want false), by %v (want true)",
				host, subdomain, p.MatchesURL(subdomain), sub.MatchesURL(subdomain))
		}
	}
}

func TestUncanonicalizedUrl(t *testing.T) { // UncanonicalizedUrl
	if got := mustParse(t, "*://*.gOoGle.com/*", SchemeAll).String(); got != "*://*.google.com/*" {
		t.Errorf("String() = %q, want %q", got, "*://*.google.com/*")
	}
	p := mustParse(t, "https://*.ɡoogle.com/*", SchemeAll)
	if p.Host() != "xn--oogle-qmc.com" || p.String() != "https://*.xn--oogle-qmc.com/*" {
		t.Errorf("Host() = %q, String() = %q", p.Host(), p.String())
	}
	if !p.MatchesHost("ɡoogle.com") {
		t.Errorf("MatchesHost(%q) = false", "ɡoogle.com")
	}
	// Canonicalization fails for invalid Unicode (U+FDD0), and so does Parse.
	if got := resultOf("https://\xef\xb7\x90zyx.com/*", SchemeAll); got != InvalidHost {
		t.Errorf("Parse(U+FDD0 host) = %v, want %v", got, InvalidHost)
	}
}

func TestMatchesScheme(t *testing.T) {
	tests := []struct {
		name    string // Chromium test
		pattern string
		schemes SchemeMask
		scheme  string
		want    bool
	}{
		{"Match10", "*://*/*", allSchemes, "http", true},
		{"Match10", "*://*/*", allSchemes, "https", true},
		{"Match10", "*://*/*", allSchemes, "chrome", false},
		{"Match10", "*://*/*", allSchemes, "file", false},
		{"Match10", "*://*/*", allSchemes, "ftp", false},
		{"Match11", "<all_urls>", allSchemes, "chrome", true},
		{"Match11", "<all_urls>", allSchemes, "http", true},
		{"Match11", "<all_urls>", allSchemes, "https", true},
		{"Match11", "<all_urls>", allSchemes, "file", true},
		{"Match11", "<all_urls>", allSchemes, "filesystem", true},
		{"Match11", "<all_urls>", allSchemes, "chrome-extension", true},
		{"Match12", "<all_urls>", SchemeAll, "chrome", true},
		{"Match12", "<all_urls>", SchemeAll, "http", true},
		{"Match12", "<all_urls>", SchemeAll, "https", true},
		{"Match12", "<all_urls>", SchemeAll, "file", true},
		{"Match12", "<all_urls>", SchemeAll, "filesystem", true},
		{"Match12", "<all_urls>", SchemeAll, "javascript", true},
		{"Match12", "<all_urls>", SchemeAll, "data", true},
		{"Match12", "<all_urls>", SchemeAll, "about", true},
		{"Match12", "<all_urls>", SchemeAll, "chrome-extension", true},
	}
	for _, tt := range tests {
		if got := mustParse(t, tt.pattern, tt.schemes).MatchesScheme(tt.scheme); got != tt.want {
			t.Errorf("%s: Parse(%q).MatchesScheme(%q) = %v, want %v", tt.name, tt.pattern, tt.scheme, got, tt.want)
		}
	}
}

func TestString(t *testing.T) { // GetAsString
	for _, s := range []string{
		"http://www/",
		"http://*/*",
		"chrome://*/*",
		"chrome://newtab/",
		"about:*",
		"about:blank",
		"chrome-extension://*/*",
		"chrome-extension://ftw/",
		"data:*",
		"data:monkey",
		"javascript:*",
		"javascript:atemyhomework",
		"http://www.example.com:8080/foo",
	} {
		if got := mustParse(t, s, SchemeAll).String(); got != s {
			t.Errorf("Parse(%q).String() = %q", s, got)
		}
	}
}

func TestEqual(t *testing.T) { // Equals
	tests := []struct {
		a, b string
		want bool
	}{
		// Schemes.
		{"http://en.google.com/blah/*/foo", "https://en.google.com/blah/*/foo", false},
		{"https://en.google.com/blah/*/foo", "https://en.google.com/blah/*/foo", true},
		{"https://en.google.com/blah/*/foo", "ftp://en.google.com/blah/*/foo", false},
		// Subdomains.
		{"https://en.google.com/blah/*/foo", "https://fr.google.com/blah/*/foo", false},
		{"https://www.google.com/blah/*/foo", "https://*.google.com/blah/*/foo", false},
		{"https://*.google.com/blah/*/foo", "https://*.google.com/blah/*/foo", true},
		// Domains.
		{"http://en.example.com/blah/*/foo", "http://en.google.com/blah/*/foo", false},
		// Ports.
		{"http://en.google.com:8000/blah/*/foo", "http://en.google.com/blah/*/foo", false},
		{"http://fr.google.com:8000/blah/*/foo", "http://fr.google.com:8000/blah/*/foo", true},
		{"http://en.google.com:8000/blah/*/foo", "http://en.google.com:8080/blah/*/foo", false},
		// Paths.
		{"http://en.google.com/blah/*/foo", "http://en.google.com/blah/*", false},
		{"http://en.google.com/*", "http://en.google.com/", false},
		{"http://en.google.com/*", "http://en.google.com/*", true},
		// <all_urls>.
		{"<all_urls>", "<all_urls>", true},
		{"<all_urls>", "http://*/*", false},
	}
	for _, tt := range tests {
		a, b := mustParse(t, tt.a, SchemeAll), mustParse(t, tt.b, SchemeAll)
		if got := a.Equal(b); got != tt.want {
			t.Errorf("Equal(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := a == b; got != tt.want {
			t.Errorf("%q == %q is %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// Patterns shared by the Overlaps and Subset tests.
type namedPattern struct {
	text    string
	schemes SchemeMask
}

var (
	p1  = namedPattern{"http://www.google.com/foo/*", allSchemes}
	p2  = namedPattern{"https://www.google.com/foo/*", allSchemes}
	p3  = namedPattern{"http://*.google.com/foo/*", allSchemes}
	p4  = namedPattern{"http://*.yahooo.com/foo/*", allSchemes}
	p5  = namedPattern{"http://www.yahooo.com/bar/*", allSchemes}
	p6  = namedPattern{"http://www.yahooo.com/bar/baz/*", allSchemes}
	p7  = namedPattern{"file:///*", allSchemes}
	p8  = namedPattern{"*://*/*", allSchemes}
	p9  = namedPattern{"*://*/*", SchemeHTTPS}
	p10 = namedPattern{"<all_urls>", allSchemes}
	p11 = namedPattern{"http://example.com/*", allSchemes}
	p12 = namedPattern{"*://example.com/*", allSchemes}
	p13 = namedPattern{"*://example.com/foo/*", allSchemes}
	p14 = namedPattern{"*://google.com/*", allSchemes}     // in Overlaps
	s14 = namedPattern{"http://yahoo.com/*", allSchemes}   // pattern14 in Subset
	s15 = namedPattern{"http://*.yahoo.com/*", allSchemes} // pattern15 in Subset
)

func TestOverlapsWith(t *testing.T) { // Overlaps
	tests := []struct {
		a, b namedPattern
		want bool
	}{
		{p1, p1, true},
		{p1, p2, false},
		{p1, p3, true},
		{p1, p4, false},
		{p3, p4, false},
		{p4, p5, false},
		{p5, p6, true},
		// Scheme restrictions.
		{p1, p8, true},
		{p1, p9, false},
		{p1, p10, true},
		// <all_urls> includes file URLs, the scheme '*' does not.
		{p7, p8, false},
		{p7, p10, true},
		// Wildcard schemes, also compared with each other.
		{p8, p12, true},
		{p9, p12, true},
		{p10, p12, true},
		{p11, p12, true},
		{p12, p13, true},
		{p11, p13, true},
		{p14, p12, false},
		{p14, p13, false},
	}
	for _, tt := range tests {
		a, b := mustParse(t, tt.a.text, tt.a.schemes), mustParse(t, tt.b.text, tt.b.schemes)
		if got := a.OverlapsWith(b); got != tt.want {
			t.Errorf("%q.OverlapsWith(%q) = %v, want %v", tt.a.text, tt.b.text, got, tt.want)
		}
		if got := b.OverlapsWith(a); got != tt.want {
			t.Errorf("%q.OverlapsWith(%q) = %v, want %v", tt.b.text, tt.a.text, got, tt.want)
		}
	}
}

func TestContains(t *testing.T) { // Subset
	type relation int
	const (
		neither  relation = iota // neither contains the other
		strictly                 // a contains b, b does not contain a
	)
	tests := []struct {
		a, b namedPattern
		rel  relation
	}{
		// pattern1's relationship to the other patterns.
		{p1, p2, neither},
		{p3, p1, strictly},
		{p1, p4, neither},
		{p1, p5, neither},
		{p1, p6, neither},
		{p1, p7, neither},
		{p8, p1, strictly},
		{p1, p9, neither},
		{p10, p1, strictly},
		{p1, p11, neither},
		{p1, p12, neither},
		{p1, p13, neither},
		// pattern2's relationship to the other patterns.
		{p2, p3, neither},
		{p2, p4, neither},
		{p2, p5, neither},
		{p2, p6, neither},
		{p2, p7, neither},
		{p8, p2, strictly},
		{p9, p2, strictly},
		{p10, p2, strictly},
		{p2, p11, neither},
		{p2, p12, neither},
		{p2, p13, neither},
		// file: URLs.
		{p7, p8, neither},
		{p7, p9, neither},
		{p10, p7, strictly},
		// <all_urls> contains everything.
		{p10, p1, strictly},
		{p10, p2, strictly},
		{p10, p3, strictly},
		{p10, p4, strictly},
		{p10, p5, strictly},
		{p10, p6, strictly},
		{p10, p7, strictly},
		{p10, p8, strictly},
		{p10, p9, strictly},
		{p10, p11, strictly},
		{p10, p12, strictly},
		{p10, p13, strictly},
		// More.
		{p12, p11, strictly},
		{p11, p13, neither},
		{p12, p13, strictly},
		{s15, s14, strictly},
	}
	for _, tt := range tests {
		a, b := mustParse(t, tt.a.text, tt.a.schemes), mustParse(t, tt.b.text, tt.b.schemes)
		ab, ba := a.Contains(b), b.Contains(a)
		if ab != (tt.rel == strictly) || ba {
			t.Errorf("%q.Contains(%q) = %v, reverse %v; want %v, false", tt.a.text, tt.b.text, ab, ba, tt.rel == strictly)
		}
	}
	// All patterns contain themselves.
	for _, np := range []namedPattern{p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13} {
		if p := mustParse(t, np.text, np.schemes); !p.Contains(p) {
			t.Errorf("%q does not contain itself", np.text)
		}
	}
}

func TestContainsSchemes(t *testing.T) { // ContainsSchemes
	http := mustParse(t, AllURLs, SchemeHTTP)
	chrome := mustParse(t, AllURLs, SchemeChromeUI)
	httpAndHTTPS := mustParse(t, AllURLs, SchemeHTTP|SchemeHTTPS)
	httpHTTPSAndChrome := mustParse(t, AllURLs, SchemeHTTP|SchemeHTTPS|SchemeChromeUI)
	all := []Pattern{http, chrome, httpAndHTTPS, httpHTTPSAndChrome}
	// Each pattern contains itself and exactly the patterns listed.
	contains := map[int][]int{0: nil, 1: nil, 2: {0}, 3: {0, 1, 2}}
	for i, p := range all {
		for j, q := range all {
			want := i == j
			for _, k := range contains[i] {
				want = want || k == j
			}
			if got := p.Contains(q); got != want {
				t.Errorf("<all_urls> %#x Contains <all_urls> %#x = %v, want %v", p.Schemes(), q.Schemes(), got, want)
			}
		}
	}
	// http does not hold all the schemes of the other pattern's mask, but the
	// other pattern's scheme is http.
	if !http.Contains(mustParse(t, "http://google.com/*", SchemeHTTP|SchemeHTTPS)) {
		t.Error("<all_urls> (http) does not contain http://google.com/* (http, https)")
	}
}

func TestExplicitSchemes(t *testing.T) { // ConvertToExplicitSchemes
	tests := []struct {
		pattern string
		schemes SchemeMask
		want    []string
	}{
		{"<all_urls>", allSchemes, []string{
			"http", "https", "file", "ftp", "chrome", "chrome-extension",
			"filesystem", "ws", "wss", "data", "uuid-in-package",
		}},
		{"*://google.com/foo", allSchemes, []string{"http", "https"}},
		{"http://google.com/monkey", SchemeHTTP | SchemeHTTPS | SchemeFTP, []string{"http"}},
	}
	for _, tt := range tests {
		got := mustParse(t, tt.pattern, tt.schemes).explicitSchemes()
		if !slices.Equal(got, tt.want) {
			t.Errorf("Parse(%q).explicitSchemes() = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}
