package matchpattern

import (
	"strconv"
	"strings"

	"github.com/crxlint/crxlint/internal/urlcanon"
)

// parsedURL is the part of a canonical GURL that URLPattern::MatchesURL looks
// at. It is produced by parseURL, a small re-implementation of Chromium's URL
// canonicalizer (url/url_util.cc DoCanonicalize and friends) that covers what
// matching depends on: scheme, host, effective port, path and query.
type parsedURL struct {
	scheme   string // lower-case
	host     string // canonical; "" when the URL has none
	family   urlcanon.Family
	port     int    // effective port: explicit or the scheme's default, -1 if none
	path     string // canonical path; "" when the URL has none
	query    string // canonical query, without '?'
	hasQuery bool
	inner    *parsedURL // the inner URL of a filesystem: URL
}

// pathForRequest is GURL::PathForRequest: the path and, if present, '?' and
// the query.
func (u *parsedURL) pathForRequest() string {
	if u.hasQuery {
		return u.path + "?" + u.query
	}
	return u.path
}

// parseURL canonicalizes raw like GURL and reports whether the result is a
// valid URL. Relative references are invalid (there is no base URL).
func parseURL(raw string) (*parsedURL, bool) {
	return parseURLIn(raw, true)
}

// parseURLIn is parseURL; allowFilesystem is false for the inner URL of a
// filesystem: URL, which may not nest another one.
func parseURLIn(raw string, allowFilesystem bool) (*parsedURL, bool) {
	s := removeTabsAndNewlines(strings.Trim(raw, controlsAndSpace))
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		return nil, false
	}
	scheme, ok := canonicalScheme(s[:colon])
	if !ok {
		return nil, false
	}
	rest := s[colon+1:]
	switch {
	case scheme == "file":
		return parseFileURL(rest)
	case scheme == "filesystem":
		if !allowFilesystem {
			return nil, false
		}
		return parseFilesystemURL(rest)
	case isStandardScheme(scheme):
		return parseStandardURL(scheme, rest)
	default:
		return parseNonSpecialURL(scheme, rest)
	}
}

// controlsAndSpace is what GURL trims from both ends of its input: C0
// control characters and space.
const controlsAndSpace = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f" +
	"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "

// removeTabsAndNewlines drops every tab, CR and LF, as GURL does, leaving
// all other bytes (valid UTF-8 or not) alone.
func removeTabsAndNewlines(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := range len(s) {
		if c := s[i]; c != '\t' && c != '\r' && c != '\n' {
			b = append(b, c)
		}
	}
	return string(b)
}

// canonicalScheme lower-cases a URL scheme and checks its characters: a
// letter followed by letters, digits, '+', '-' or '.'.
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

// parseStandardURL handles http-like schemes: "//" (or backslashes),
// optional userinfo, a required host, an optional port, then path, query
// and fragment.
func parseStandardURL(scheme, rest string) (*parsedURL, bool) {
	rest = strings.TrimLeft(rest, `/\`)
	end := strings.IndexAny(rest, `/\?#`)
	if end < 0 {
		end = len(rest)
	}
	authority, rest := rest[:end], rest[end:]
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		authority = authority[at+1:] // user information plays no part in matching
	}
	hostText, portText, hasPort := splitHostPort(authority)
	host, family, ok := canonicalizeHost(hostText)
	if !ok {
		return nil, false
	}
	u := &parsedURL{scheme: scheme, host: host, family: family, port: -1}
	if def, ok := defaultPort(scheme); ok {
		u.port = def
		if hasPort && portText != "" {
			p, ok := parsePort(portText)
			if !ok {
				return nil, false
			}
			u.port = p
		}
	}
	u.path, u.query, u.hasQuery = splitPathQuery(rest, true)
	if u.path == "" {
		u.path = "/"
	}
	return u, true
}

// splitHostPort is url::ParseServerInfo: the port follows the last colon
// that comes after the last ']'.
func splitHostPort(serverInfo string) (host, port string, hasPort bool) {
	terminator := -1
	if strings.HasPrefix(serverInfo, "[") {
		terminator = len(serverInfo)
	}
	if i := strings.LastIndexByte(serverInfo, ']'); i >= 0 {
		terminator = i
	}
	colon := strings.LastIndexByte(serverInfo, ':')
	if colon > terminator {
		return serverInfo[:colon], serverInfo[colon+1:], true
	}
	return serverInfo, "", false
}

// parsePort accepts an all-digit port of at most 65535.
func parsePort(s string) (int, bool) {
	n := 0
	for i := range len(s) {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
		if n > 65535 {
			return 0, false
		}
	}
	return n, true
}

// parseFileURL handles file: URLs. Exactly two slashes introduce a host
// (which may be empty and never has a port; URLPattern ignores it anyway);
// with any other number of slashes there is no host and the path starts at
// the last one.
func parseFileURL(rest string) (*parsedURL, bool) {
	u := &parsedURL{scheme: "file", port: -1}
	afterSlashes := strings.TrimLeft(rest, `/\`)
	if len(rest)-len(afterSlashes) == 2 {
		end := strings.IndexAny(afterSlashes, `/\?#`)
		if end < 0 {
			end = len(afterSlashes)
		}
		if hostText := afterSlashes[:end]; hostText != "" {
			host, family, ok := canonicalizeHost(hostText)
			if !ok {
				return nil, false
			}
			u.host, u.family = host, family
		}
		rest = afterSlashes[end:]
	} else {
		rest = "/" + afterSlashes
	}
	u.path, u.query, u.hasQuery = splitPathQuery(rest, true)
	if !strings.HasPrefix(u.path, "/") {
		u.path = "/" + u.path
	}
	return u, true
}

// parseFilesystemURL handles filesystem:<inner URL>. The inner URL, which
// must be standard, keeps the first path segment (the storage type, e.g.
// "/temporary/"); the rest of the path belongs to the outer URL.
func parseFilesystemURL(rest string) (*parsedURL, bool) {
	inner, ok := parseURLIn(rest, false)
	if !ok || !isStandardScheme(inner.scheme) {
		return nil, false
	}
	u := &parsedURL{scheme: "filesystem", port: -1, inner: inner}
	u.query, u.hasQuery = inner.query, inner.hasQuery
	inner.query, inner.hasQuery = "", false
	if i := strings.IndexByte(inner.path[1:], '/'); i >= 0 {
		inner.path, u.path = inner.path[:i+2], inner.path[i+1:]
	} else {
		u.path = "/"
	}
	return u, true
}

// parseNonSpecialURL handles every other scheme (about:, data:, javascript:,
// ...). With "//" the URL has an opaque host and a path; otherwise
// everything up to '?' or '#' is an opaque path, which may be empty.
func parseNonSpecialURL(scheme, rest string) (*parsedURL, bool) {
	u := &parsedURL{scheme: scheme, port: -1}
	if after, ok := strings.CutPrefix(rest, "//"); ok {
		end := strings.IndexAny(after, "/?#")
		if end < 0 {
			end = len(after)
		}
		authority := after[:end]
		if at := strings.LastIndexByte(authority, '@'); at >= 0 {
			authority = authority[at+1:]
		}
		hostText, portText, hasPort := splitHostPort(authority)
		if strings.ContainsAny(hostText, " #/<>?@\\^|\x00\t\n\r") {
			return nil, false
		}
		u.host = hostText
		if hasPort && portText != "" {
			p, ok := parsePort(portText)
			if !ok {
				return nil, false
			}
			u.port = p
		}
		u.path, u.query, u.hasQuery = splitPathQuery(after[end:], false)
		return u, true
	}
	path, query, hasQuery := cutQueryAndFragment(rest)
	u.path = escapeSet(path, isOpaquePathEscaped)
	u.query, u.hasQuery = escapeSet(query, isQueryEscapedNonSpecial), hasQuery
	return u, true
}

// splitPathQuery canonicalizes the hierarchical path and the query of rest
// (which starts at the path) and drops the fragment.
func splitPathQuery(rest string, special bool) (path, query string, hasQuery bool) {
	path, query, hasQuery = cutQueryAndFragment(rest)
	path = canonicalPath(path, special)
	if special {
		query = escapeSet(query, isQueryEscapedSpecial)
	} else {
		query = escapeSet(query, isQueryEscapedNonSpecial)
	}
	return path, query, hasQuery
}

// cutQueryAndFragment splits s at the first '?' (before any '#') and drops
// the fragment.
func cutQueryAndFragment(s string) (path, query string, hasQuery bool) {
	s, _, _ = strings.Cut(s, "#")
	path, query, hasQuery = strings.Cut(s, "?")
	return path, query, hasQuery
}

// canonicalPath resolves "." and ".." segments (also written %2e) and
// percent-escapes what the URL Standard's path percent-encode set holds.
// For special schemes a backslash separates segments like '/'.
func canonicalPath(path string, special bool) string {
	if special {
		path = strings.ReplaceAll(path, `\`, "/")
	}
	if path == "" {
		return ""
	}
	segments := strings.Split(strings.TrimPrefix(path, "/"), "/")
	out := make([]string, 0, len(segments))
	for i, seg := range segments {
		last := i == len(segments)-1
		switch {
		case isDoubleDotSegment(seg):
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		case isSingleDotSegment(seg):
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, escapeSet(seg, isPathEscaped))
		}
	}
	return "/" + strings.Join(out, "/")
}

// isSingleDotSegment reports whether seg is "." or "%2e".
func isSingleDotSegment(seg string) bool {
	return seg == "." || strings.EqualFold(seg, "%2e")
}

// isDoubleDotSegment reports whether seg is ".." in any mix of '.' and %2e.
func isDoubleDotSegment(seg string) bool {
	switch strings.ToLower(seg) {
	case "..", ".%2e", "%2e.", "%2e%2e":
		return true
	}
	return false
}

// escapeSet percent-escapes every byte of s for which escape is true.
func escapeSet(s string, escape func(byte) bool) string {
	n := 0
	for i := range len(s) {
		if escape(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 2*n)
	for i := range len(s) {
		if c := s[i]; escape(c) {
			writeEscaped(&b, c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// writeEscaped writes c as %XX with upper-case hex digits, as Chromium does.
func writeEscaped(b *strings.Builder, c byte) {
	const hex = "0123456789ABCDEF"
	b.WriteByte('%')
	b.WriteByte(hex[c>>4])
	b.WriteByte(hex[c&0xf])
}

// isC0ControlEscaped is the URL Standard's C0 control percent-encode set.
func isC0ControlEscaped(c byte) bool { return c < 0x20 || c > 0x7e }

// isOpaquePathEscaped is the set escaped in an opaque path (about:blank).
func isOpaquePathEscaped(c byte) bool { return isC0ControlEscaped(c) }

// isQueryEscapedNonSpecial is the URL Standard's query percent-encode set.
func isQueryEscapedNonSpecial(c byte) bool {
	return isC0ControlEscaped(c) || strings.IndexByte(" \"#<>", c) >= 0
}

// isQueryEscapedSpecial adds the apostrophe for special schemes.
func isQueryEscapedSpecial(c byte) bool {
	return isQueryEscapedNonSpecial(c) || c == '\''
}

// isPathEscaped is the URL Standard's path percent-encode set plus '^' and
// '|', which Chromium also escapes in paths.
func isPathEscaped(c byte) bool {
	return isQueryEscapedNonSpecial(c) || strings.IndexByte("?^`{|}", c) >= 0
}

// effectivePort is GURL::EffectiveIntPort rendered as text, as
// URLPattern::MatchesSecurityOriginHelper compares it.
func (u *parsedURL) effectivePort() string {
	return strconv.Itoa(u.port)
}
