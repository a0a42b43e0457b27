package gurl

import (
	"strconv"
	"strings"

	"github.com/crxlint/crxlint/internal/urlcanon"
)

// URL is a valid, canonical URL: the components of a GURL that crxlint
// looks at. User information is parsed but not kept.
type URL struct {
	Scheme string          // lower-case
	Host   string          // canonical (see package urlcanon); "" when the URL has none
	Family urlcanon.Family // what Host is, for a standard URL

	// Port is the explicit port, or -1 when there is none. Like GURL, a
	// standard URL drops a port equal to its scheme's default ("http://h:80/"
	// has none) and a scheme without ports ("chrome-extension") ignores it.
	Port int

	Path        string // canonical; "" when the URL has none
	Query       string // canonical, without '?'
	HasQuery    bool   // whether there is a '?', even with an empty query
	Fragment    string // canonical, without '#'
	HasFragment bool   // GURL::has_ref: whether there is a '#', even with an empty fragment

	// authority is whether a non-special URL has "//" and so a host, which
	// may be empty ("foo:///p").
	authority bool

	// Inner is the inner URL of a filesystem: URL, which holds the origin
	// and the first path segment (the storage type, "/temporary"); the
	// outer URL keeps the rest of the path, the query and the fragment.
	Inner *URL
}

// Parse canonicalizes raw as GURL's constructor does and reports whether
// the result is valid (GURL::is_valid). A relative reference is invalid:
// use [URL.Resolve] to resolve one against a base URL.
func Parse(raw string) (*URL, bool) {
	return parse(trim(raw), true)
}

// parse is Parse on input already trimmed; allowFilesystem is false for
// the inner URL of a filesystem: URL, which may not nest another one.
func parse(s string, allowFilesystem bool) (*URL, bool) {
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		return nil, false
	}
	scheme, ok := canonicalScheme(s[:colon])
	if !ok {
		return nil, false
	}
	return parseAfterScheme(scheme, s[colon+1:], allowFilesystem)
}

// parseAfterScheme parses what follows "scheme:" by the kind of scheme, as
// url::Canonicalize (url_util.cc DoCanonicalize) dispatches it.
func parseAfterScheme(scheme, rest string, allowFilesystem bool) (*URL, bool) {
	switch {
	case scheme == "file":
		return parseFile(rest)
	case scheme == "filesystem":
		if !allowFilesystem {
			return nil, false
		}
		return parseFilesystem(rest)
	case IsStandard(scheme):
		return parseStandard(scheme, rest)
	default:
		return parseNonSpecial(scheme, rest)
	}
}

// trim is what GURL does to its input before parsing: it drops C0
// control characters and spaces from both ends and every tab, CR and LF
// (url_util.cc DoCanonicalize, url_canon_etc.cc RemoveURLWhitespace).
func trim(raw string) string {
	return removeTabsAndNewlines(strings.Trim(raw, controlsAndSpace))
}

// controlsAndSpace is what GURL trims from both ends of its input: C0
// control characters and space.
const controlsAndSpace = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f" +
	"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "

// removeTabsAndNewlines drops every tab, CR and LF, leaving all other
// bytes (valid UTF-8 or not) alone.
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

// EffectivePort is GURL::EffectiveIntPort: the explicit port, else the
// scheme's default port, else -1.
func (u *URL) EffectivePort() int {
	if u.Port >= 0 {
		return u.Port
	}
	if def, ok := DefaultPort(u.Scheme); ok {
		return def
	}
	return -1
}

// PathForRequest is GURL::PathForRequest: the path and, if there is one,
// '?' and the query.
func (u *URL) PathForRequest() string {
	if u.HasQuery {
		return u.Path + "?" + u.Query
	}
	return u.Path
}

// String returns the canonical URL, GURL::spec without the user
// information.
func (u *URL) String() string {
	var b strings.Builder
	if u.Inner != nil {
		b.WriteString("filesystem:")
		b.WriteString(u.Inner.String())
	} else {
		b.WriteString(u.Scheme)
		b.WriteByte(':')
		if u.authority || u.Scheme == "file" || IsStandard(u.Scheme) {
			b.WriteString("//")
			b.WriteString(u.Host)
		}
		if u.Port >= 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(u.Port))
		}
		if !u.authority && strings.HasPrefix(u.Path, "//") && !IsStandard(u.Scheme) {
			b.WriteString("/.") // so that the path does not read as a host
		}
	}
	b.WriteString(u.Path)
	if u.HasQuery {
		b.WriteByte('?')
		b.WriteString(u.Query)
	}
	if u.HasFragment {
		b.WriteByte('#')
		b.WriteString(u.Fragment)
	}
	return b.String()
}
