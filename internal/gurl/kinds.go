package gurl

import (
	"strings"

	"github.com/crxlint/crxlint/internal/urlcanon"
)

// parseStandard handles the standard (http-like) schemes
// (url_canon_stdurl.cc): any number of slashes or backslashes, optional
// user information, a required host, a port where the scheme has ports,
// then path, query and fragment.
func parseStandard(scheme, rest string) (*URL, bool) {
	authority, rest := cutAuthority(strings.TrimLeft(rest, `/\`), `/\?#`)
	hostText, portText, hasPort := splitHostPort(authority)
	host, family, err := urlcanon.Host(hostText)
	if err != nil {
		return nil, false
	}
	u := &URL{Scheme: scheme, Host: host, Family: family, Port: -1}
	if def, ok := DefaultPort(scheme); ok && hasPort && portText != "" {
		p, ok := parsePort(portText)
		if !ok {
			return nil, false
		}
		if p != def {
			u.Port = p
		}
	}
	u.setPathQueryFragment(rest, true)
	if u.Path == "" {
		u.Path = "/"
	}
	return u, true
}

// parseFile handles file: URLs (url_canon_fileurl.cc). Exactly two
// slashes introduce a host, which may be empty and may not have a port;
// with any other number of slashes there is no host and the path starts
// at the last one.
func parseFile(rest string) (*URL, bool) {
	u := &URL{Scheme: "file", Port: -1}
	afterSlashes := strings.TrimLeft(rest, `/\`)
	if len(rest)-len(afterSlashes) == 2 {
		end := strings.IndexAny(afterSlashes, `/\?#`)
		if end < 0 {
			end = len(afterSlashes)
		}
		hostText := afterSlashes[:end] // no user information: '@' makes the host invalid
		rest = afterSlashes[end:]
		if _, _, hasPort := splitHostPort(hostText); hasPort {
			return nil, false
		}
		if hostText != "" {
			host, family, err := urlcanon.Host(hostText)
			if err != nil {
				return nil, false
			}
			u.Host, u.Family = host, family
		}
	} else {
		rest = "/" + afterSlashes
	}
	u.setPathQueryFragment(rest, true)
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/" + u.Path
	}
	return u, true
}

// parseFilesystem handles filesystem:<inner URL> (url_parse.cc
// DoParseFileSystemURL). The inner URL, which must be standard and have a
// path beyond "/", keeps the first path segment; the rest of the path, the
// query and the fragment belong to the outer URL.
func parseFilesystem(rest string) (*URL, bool) {
	inner, ok := parse(rest, false)
	if !ok || !IsStandard(inner.Scheme) || inner.Path == "/" {
		return nil, false
	}
	u := &URL{Scheme: "filesystem", Port: -1, Inner: inner, Path: "/"}
	u.Query, u.HasQuery, u.Fragment, u.HasFragment = inner.Query, inner.HasQuery, inner.Fragment, inner.HasFragment
	inner.Query, inner.HasQuery, inner.Fragment, inner.HasFragment = "", false, "", false
	if i := strings.IndexByte(inner.Path[1:], '/'); i >= 0 {
		inner.Path, u.Path = inner.Path[:i+1], inner.Path[i+1:]
	}
	return u, true
}

// parseNonSpecial handles every other scheme (about:, data:, javascript:,
// ...) as the URL Standard does, which Chromium 156 follows. With "//" the
// URL has an opaque host and a hierarchical path; with one '/' it has a
// hierarchical path and no host; otherwise everything up to '?' or '#' is
// an opaque path, which may be empty.
func parseNonSpecial(scheme, rest string) (*URL, bool) {
	u := &URL{Scheme: scheme, Port: -1}
	after, ok := strings.CutPrefix(rest, "//")
	switch {
	case !ok && strings.HasPrefix(rest, "/"):
		u.setPathQueryFragment(rest, false)
		return u, true
	case !ok:
		path, query, hasQuery, fragment, hasFragment := cutQueryAndFragment(rest)
		u.Path = escapeSet(path, isC0ControlEscaped)
		u.Query, u.HasQuery = escapeSet(query, isQueryEscaped), hasQuery
		u.Fragment, u.HasFragment = escapeSet(fragment, isFragmentEscaped), hasFragment
		return u, true
	}
	authority, rest := cutAuthority(after, "/?#")
	hostText, portText, hasPort := splitHostPort(authority)
	host, ok := opaqueHost(hostText)
	if !ok {
		return nil, false
	}
	u.Host, u.authority = host, true
	if hasPort && portText != "" {
		p, ok := parsePort(portText)
		if !ok {
			return nil, false
		}
		u.Port = p
	}
	u.setPathQueryFragment(rest, false)
	return u, true
}

// opaqueHost is the URL Standard's opaque-host parser: an IPv6 address in
// brackets, or text without a forbidden host code point, whose controls
// and non-ASCII bytes are percent-escaped.
func opaqueHost(h string) (string, bool) {
	if strings.HasPrefix(h, "[") {
		canon, family, err := urlcanon.Host(h)
		return canon, err == nil && family == urlcanon.IPv6
	}
	if strings.ContainsAny(h, forbiddenHostChars) {
		return "", false
	}
	return escapeSet(h, isC0ControlEscaped), true
}

// forbiddenHostChars are the URL Standard's forbidden host code points.
const forbiddenHostChars = " #/:<>?@[\\]^|\x00\t\n\r"

// setPathQueryFragment canonicalizes the hierarchical path, the query and
// the fragment of rest, which starts at the path.
func (u *URL) setPathQueryFragment(rest string, special bool) {
	path, query, hasQuery, fragment, hasFragment := cutQueryAndFragment(rest)
	u.Path = canonicalPath(path, special)
	if special {
		u.Query = escapeSet(query, isSpecialQueryEscaped)
	} else {
		u.Query = escapeSet(query, isQueryEscaped)
	}
	u.HasQuery = hasQuery
	u.Fragment, u.HasFragment = escapeSet(fragment, isFragmentEscaped), hasFragment
}

// cutQueryAndFragment splits s at the first '#' and what comes before it
// at the first '?'.
func cutQueryAndFragment(s string) (path, query string, hasQuery bool, fragment string, hasFragment bool) {
	s, fragment, hasFragment = strings.Cut(s, "#")
	path, query, hasQuery = strings.Cut(s, "?")
	return path, query, hasQuery, fragment, hasFragment
}
