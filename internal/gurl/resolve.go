package gurl

import "strings"

// Resolve resolves ref against u as GURL::Resolve does
// (url_canon_relative.cc) and reports whether the result is valid. An
// absolute ref is parsed on its own; a relative one ("page.html",
// "../a", "/a", "?q", "#f", "//host/a") takes what it lacks from u.
// Only a base with a hierarchical path can resolve a relative ref other
// than a fragment: a relative ref against an opaque-path URL ("data:x"),
// or against a filesystem: URL, which crxlint never needs, is invalid.
func (u *URL) Resolve(ref string) (*URL, bool) {
	s := trim(ref)
	special := IsStandard(u.Scheme)
	hierarchical := u.Inner == nil && (u.authority || strings.HasPrefix(u.Path, "/"))
	rel, isRelative := relativePart(s, u.Scheme, hierarchical, special)
	if !isRelative {
		return parse(s, true)
	}
	switch {
	case !hierarchical && !strings.HasPrefix(rel, "#"):
		return nil, false
	case countSlashes(rel, special) >= 2:
		return parse(u.Scheme+":"+rel, true) // a network-path reference
	}
	return parse(u.origin()+u.mergeRelative(rel, special), true)
}

// relativePart is url_canon_relative.cc IsRelativeURL: it reports whether
// s is relative to a base with the given scheme, and returns its relative
// part. s is relative when it has no valid scheme, or when its scheme is
// the base's, which is special and hierarchical, and at most one slash
// follows the colon ("http:page.html" and "http:/page.html" against an
// http: base).
func relativePart(s, baseScheme string, hierarchical, special bool) (string, bool) {
	colon := strings.IndexByte(s, ':')
	if colon <= 0 {
		return s, true
	}
	scheme, ok := canonicalScheme(s[:colon])
	switch {
	case !ok:
		return s, true
	case scheme != baseScheme || !special || !hierarchical:
		return "", false
	}
	after := s[colon+1:]
	if n := countSlashes(after, special); n >= 2 {
		return "", false
	}
	return after, true
}

// countSlashes counts the slashes that start s; a backslash counts as a
// slash for special schemes.
func countSlashes(s string, special bool) int {
	n := 0
	for n < len(s) && (s[n] == '/' || special && s[n] == '\\') {
		n++
	}
	return n
}

// origin is the start of u up to its path: "scheme://host:port", or
// "scheme:" for a non-special URL without a host.
func (u *URL) origin() string {
	return (&URL{Scheme: u.Scheme, Host: u.Host, Port: u.Port, authority: u.authority}).String()
}

// mergeRelative returns the path, query and fragment that the relative
// part rel, which does not start with two slashes, makes of u's
// (url_canon_relative.cc DoResolveRelativeURL).
func (u *URL) mergeRelative(rel string, special bool) string {
	switch {
	case countSlashes(rel, special) == 1:
		return rel
	case rel == "":
		return u.PathForRequest()
	case rel[0] == '#':
		return u.PathForRequest() + rel
	case rel[0] == '?':
		return u.Path + rel
	}
	dir := u.Path[:strings.LastIndexByte(u.Path, '/')+1]
	if dir == "" {
		dir = "/" // a host with an empty path ("foo://h")
	}
	return dir + rel
}
