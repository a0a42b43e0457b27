package matchpattern

import (
	"errors"
	"testing"
)

func TestResultString(t *testing.T) {
	// kParseResultMessages in extensions/common/url_pattern.cc.
	want := []string{
		"Success.",
		"Missing scheme separator.",
		"Invalid scheme.",
		"Wrong scheme type.",
		"Host can not be empty.",
		"Invalid host wildcard.",
		"Empty path.",
		"Invalid port.",
		"Invalid host.",
	}
	for r, s := range want {
		if got := Result(r).String(); got != s {
			t.Errorf("Result(%d).String() = %q, want %q", r, got, s)
		}
	}
	if got := Result(len(want)).String(); got != "Result(9)" {
		t.Errorf("out-of-range Result: %q", got)
	}
}

func TestParseError(t *testing.T) {
	_, err := Parse("x", SchemeAll)
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("Parse error %T is not a *ParseError", err)
	}
	if pe.Pattern != "x" || pe.Result != MissingSchemeSeparator {
		t.Errorf("ParseError = %+v", *pe)
	}
	if got, want := err.Error(), `invalid match pattern "x": Missing scheme separator.`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// TestManifestKeyMasks checks the masks against what Chromium 156 says when
// the pattern is placed under each key (chrome-rules.md §6.3; the verdicts
// were taken with shared/tools/chrome-verdict).
func TestManifestKeyMasks(t *testing.T) {
	tests := []struct {
		pattern                       string
		hostPermission, contentScript Result
	}{
		{"ws://x/*", Success, InvalidScheme},
		{"wss://x/*", Success, InvalidScheme},
		{"uuid-in-package:x", Success, Success},
		{"chrome://x/*", Success, InvalidScheme}, // parses; Chrome then warns "Invalid scheme"
		{"chrome-extension://x/*", InvalidScheme, InvalidScheme},
		{"HTTP://x/*", InvalidScheme, InvalidScheme},
		{"*://x/*", Success, Success},
		{"file:///x", Success, Success},
		{"ftp://x/*", Success, Success},
		{"data:x", InvalidScheme, InvalidScheme},
		{"about:blank", InvalidScheme, InvalidScheme},
		{"filesystem://x/*", InvalidScheme, InvalidScheme},
		{"<all_urls>", Success, Success},
		{"javascript:x", InvalidScheme, InvalidScheme},
	}
	for _, tt := range tests {
		if got := resultOf(tt.pattern, HostPermissionSchemes); got != tt.hostPermission {
			t.Errorf("host_permissions %q: %v, want %v", tt.pattern, got, tt.hostPermission)
		}
		if got := resultOf(tt.pattern, ContentScriptSchemes); got != tt.contentScript {
			t.Errorf("content_scripts %q: %v, want %v", tt.pattern, got, tt.contentScript)
		}
	}
}

func TestAccessors(t *testing.T) {
	tests := []struct {
		pattern         string
		schemes         SchemeMask
		want            fields
		allHosts        bool
		standard        bool
		string          string
		effectiveScheme SchemeMask
	}{
		// Chromium 156 loads this in externally_connectable: the scheme is
		// "localhost" and the rest is a path.
		{"localhost:3000/*", SchemeAll, fields{"localhost", "", "3000/*", "*", false, false}, false, false, "localhost:3000/*", SchemeAll},
		{"http://localhost:3000/*", SchemeAll, fields{"http", "localhost", "/*", "3000", false, false}, false, true, "http://localhost:3000/*", SchemeAll},
		{"<all_urls>", HostPermissionSchemes, fields{"*", "", "/*", "*", true, true}, true, true, "<all_urls>", HostPermissionSchemes},
		{"*://*/*", SchemeAll, fields{"*", "", "/*", "*", true, false}, true, true, "*://*/*", SchemeHTTP | SchemeHTTPS},
		{"*://*/*", SchemeFile, fields{"*", "", "/*", "*", true, false}, true, true, "*://*/*", SchemeNone},
		{"https://*.example.com/*", SchemeAll, fields{"https", "example.com", "/*", "*", true, false}, false, true, "https://*.example.com/*", SchemeAll},
		{"file://host:99/x*", SchemeAll, fields{"file", "", "/x*", "*", false, false}, false, true, "file:///x*", SchemeAll},
		{"data:*", SchemeAll, fields{"data", "", "*", "*", false, false}, false, false, "data:*", SchemeAll},
		{"HTTP://EXAMPLE.com/", SchemeAll, fields{"HTTP", "example.com", "/", "*", false, false}, false, true, "HTTP://example.com/", SchemeAll},
		{"http://h:0080/", SchemeAll, fields{"http", "h", "/", "0080", false, false}, false, true, "http://h:0080/", SchemeAll},
		{"http://[::FFFF:1.2.3.4]:+8/", SchemeAll, fields{"http", "[::ffff:102:304]", "/", "+8", false, false}, false, true, "http://[::ffff:102:304]:+8/", SchemeAll},
		{"http://0x7f.1/", SchemeAll, fields{"http", "127.0.0.1", "/", "*", false, false}, false, true, "http://127.0.0.1/", SchemeAll},
		{"https:// /*", SchemeAll, fields{"https", "%20", "/*", "*", false, false}, false, true, "https://%20/*", SchemeAll},
	}
	for _, tt := range tests {
		p := mustParse(t, tt.pattern, tt.schemes)
		if got := fieldsOf(p); got != tt.want {
			t.Errorf("Parse(%q) = %+v, want %+v", tt.pattern, got, tt.want)
		}
		if p.MatchesAllHosts() != tt.allHosts || p.IsStandardScheme() != tt.standard ||
			p.String() != tt.string || p.Schemes() != tt.effectiveScheme {
			t.Errorf("Parse(%q): MatchesAllHosts %v, IsStandardScheme %v, String %q, Schemes %#x",
				tt.pattern, p.MatchesAllHosts(), p.IsStandardScheme(), p.String(), p.Schemes())
		}
	}
}

func TestZeroPattern(t *testing.T) {
	var p Pattern
	for _, u := range []string{"http://example.com/", "about:blank", ":"} {
		if p.MatchesURL(u) {
			t.Errorf("zero Pattern matches %q", u)
		}
	}
}

// TestPortQuirks: the port is kept as written and compared as text with the
// URL's effective port, so "0080" never matches anything while "80" does.
func TestPortQuirks(t *testing.T) {
	if mustParse(t, "http://h:0080/*", SchemeAll).MatchesURL("http://h/") {
		t.Error(`"http://h:0080/*" matches http://h/`)
	}
	if !mustParse(t, "http://h:80/*", SchemeAll).MatchesURL("http://h/") {
		t.Error(`"http://h:80/*" does not match http://h/`)
	}
}
