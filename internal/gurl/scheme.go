package gurl

import "strings"

// canonicalScheme lower-cases a URL scheme and checks its characters
// (url_canon_etc.cc DoScheme, url_util.cc IsValidScheme): a letter
// followed by letters, digits, '+', '-' or '.'.
func canonicalScheme(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	for i := range len(s) {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return "", false
		}
	}
	return strings.ToLower(s), true
}

// IsStandard reports whether scheme is one that url::IsStandard recognises
// in a desktop Chrome 156 browser process: the url library's own list plus
// the schemes content/ and chrome/ register. Standard URLs have a host and
// a hierarchical path, in which a backslash is a slash. The comparison is
// case-insensitive, as in url::IsStandard.
func IsStandard(scheme string) bool {
	switch strings.ToLower(scheme) {
	case "http", "https", "file", "ftp", "ws", "wss", "filesystem",
		// content/common/url_schemes.cc
		"chrome", "chrome-untrusted", "chrome-error", "devtools",
		// chrome/common/chrome_content_client.cc (incl. extensions)
		"chrome-extension", "chrome-search", "chrome-distiller", "chrome-native",
		"isolated-app":
		return true
	}
	return false
}

// DefaultPort returns the default port of scheme and whether it has one,
// like url::DefaultPortForScheme. The standard schemes with a default port
// are the only ones whose URLs have ports; the others ignore a port. The
// comparison is case-sensitive, as in Chromium, so "HTTP" has no default
// port.
func DefaultPort(scheme string) (int, bool) {
	switch scheme {
	case "http", "ws":
		return 80, true
	case "https", "wss":
		return 443, true
	case "ftp":
		return 21, true
	}
	return 0, false
}
