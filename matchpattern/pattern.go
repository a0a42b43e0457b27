package matchpattern

import (
	"strconv"
	"strings"

	"github.com/crxlint/crxlint/internal/gurl"
	"github.com/crxlint/crxlint/internal/urlcanon"
)

// AllURLs is the special pattern that matches every URL whose scheme is in
// the mask it was parsed with.
const AllURLs = "<all_urls>"

// Pattern is a parsed match pattern, the equivalent of Chromium's URLPattern.
//
// A Pattern is an immutable value: it is safe to copy and to use from several
// goroutines. Patterns parsed from equivalent text with the same mask are ==.
// The zero Pattern matches no URL.
type Pattern struct {
	schemes    SchemeMask // valid_schemes_, narrowed to http+https by a "*" scheme
	allURLs    bool
	scheme     string
	host       string // canonical; "" for all hosts or no host
	family     urlcanon.Family
	subdomains bool
	port       string // "*" or the text after ':' as written
	path       string
}

// Parse parses a match pattern such as "https://*.example.com/*" the way
// URLPattern::Parse does, accepting only schemes in the mask. On failure the
// error is a *ParseError whose Result says why Chromium rejects s.
//
// The scheme "*" is always accepted and stands for http and https (as far as
// the mask allows them). Under SchemeAll any string is a scheme. A scheme that
// is not standard ("data", "about", and under SchemeAll also "localhost" in
// "localhost:3000/*") is followed by ':' and everything after it is the path.
func Parse(s string, schemes SchemeMask) (Pattern, error) {
	p, r := parse(s, schemes)
	if r != Success {
		return Pattern{}, &ParseError{Pattern: s, Result: r}
	}
	return p, nil
}

// parse is URLPattern::Parse, step by step and in the same order.
func parse(s string, schemes SchemeMask) (Pattern, Result) {
	p := Pattern{schemes: schemes, port: "*"}
	if s == AllURLs {
		p.allURLs, p.subdomains, p.scheme, p.path = true, true, "*", "/*"
		return p, Success
	}

	end := strings.Index(s, "://")
	hasStandardSeparator := end >= 0
	if !hasStandardSeparator {
		end = strings.IndexByte(s, ':')
	}
	if end < 0 {
		return p, MissingSchemeSeparator
	}

	p.scheme = s[:end]
	if p.scheme == "*" {
		p.schemes &= SchemeHTTP | SchemeHTTPS
	} else if !p.schemes.allows(p.scheme) {
		return p, InvalidScheme
	}

	standard := isStandardScheme(p.scheme)
	if standard != hasStandardSeparator {
		return p, WrongSchemeSeparator
	}
	hostStart := end + 1
	if standard {
		hostStart = end + len("://")
	}
	if hostStart >= len(s) {
		return p, EmptyHost
	}

	var pathStart int
	switch {
	case !standard:
		pathStart = hostStart
	case p.scheme == "file":
		// The host of a file pattern is ignored: file://localhost/x is
		// file:///x, and file://foo* is file:///foo*.
		if i := strings.IndexByte(s[hostStart:], '/'); i >= 0 {
			pathStart = hostStart + i
		} else {
			pathStart = hostStart - 1
		}
	default:
		i := strings.IndexByte(s[hostStart:], '/')
		if i == 0 {
			return p, EmptyHost
		}
		if i < 0 {
			return p, EmptyPath
		}
		host, r := p.parseHostAndPort(s[hostStart : hostStart+i])
		if r != Success {
			return p, r
		}
		p.host = host
		pathStart = hostStart + i
	}
	p.path = s[pathStart:]

	// '*' works only as the whole host or as its first label.
	if strings.Contains(p.host, "*") {
		return p, InvalidHostWildcard
	}
	if p.host != "" {
		canon, family, ok := canonicalizeHost(p.host)
		if !ok {
			return p, InvalidHost
		}
		p.host, p.family = canon, family
	}
	if strings.Contains(p.host, "\x00") {
		return p, InvalidHost
	}
	return p, Success
}

// parseHostAndPort splits the authority of a standard, non-file pattern,
// validates and stores the port, sets subdomain matching, and returns the
// host still to be checked and canonicalized.
func (p *Pattern) parseHostAndPort(hostAndPort string) (string, Result) {
	portSep := -1
	if hostAndPort[0] != '[' {
		portSep = strings.IndexByte(hostAndPort, ':')
	} else {
		// IPv6 literal: only ":port" may follow the closing bracket.
		closing := strings.IndexByte(hostAndPort, ']')
		if closing < 0 {
			return "", InvalidHost
		}
		if closing == 1 {
			return "", EmptyHost
		}
		if closing < len(hostAndPort)-1 {
			if hostAndPort[closing+1] != ':' {
				return "", InvalidHost
			}
			portSep = closing + 1
		}
	}

	host := hostAndPort
	if portSep >= 0 {
		// The port is checked before the host.
		port := hostAndPort[portSep+1:]
		if !isValidPortForScheme(p.scheme, port) {
			return "", InvalidPort
		}
		p.port = port
		host = hostAndPort[:portSep]
	}

	switch {
	case host == "":
		return "", EmptyHost
	case host == "*":
		p.subdomains = true
		return "", Success
	case strings.HasPrefix(host, "*."):
		if host == "*." {
			return "", EmptyHost
		}
		p.subdomains = true
		return host[len("*."):], Success
	}
	return host, Success
}

// isValidPortForScheme is IsValidPortForScheme in url_pattern.cc: "*" is
// always valid; a number needs a scheme with a default port and must be
// base::StringToInt-parsable into 0..65535, so "+80", "0080" and "-0" pass.
func isValidPortForScheme(scheme, port string) bool {
	if port == "*" {
		return true
	}
	if _, ok := gurl.DefaultPort(scheme); !ok {
		return false
	}
	negative := false
	switch {
	case strings.HasPrefix(port, "-"):
		negative, port = true, port[1:]
	case strings.HasPrefix(port, "+"):
		port = port[1:]
	}
	if port == "" {
		return false
	}
	value := 0
	for i := range len(port) {
		c := port[i]
		if c < '0' || c > '9' {
			return false
		}
		value = min(value*10+int(c-'0'), 1<<16) // saturate: anything above 65535 fails
	}
	if negative {
		return value == 0
	}
	return value < 1<<16
}

// String returns the pattern in Chromium's canonical form
// (URLPattern::GetAsString): the host canonicalized, a "*" port and a file
// host left out, everything else as written. Parsing the result with the
// same mask gives back an equal Pattern.
func (p Pattern) String() string {
	if p.allURLs {
		return AllURLs
	}
	var b strings.Builder
	b.WriteString(p.scheme)
	standard := isStandardScheme(p.scheme)
	if !standard {
		b.WriteByte(':')
		b.WriteString(p.path)
		return b.String()
	}
	b.WriteString("://")
	if p.scheme != "file" {
		if p.subdomains {
			b.WriteByte('*')
			if p.host != "" {
				b.WriteByte('.')
			}
		}
		b.WriteString(p.host)
		if p.port != "*" {
			b.WriteByte(':')
			b.WriteString(p.port)
		}
	}
	b.WriteString(p.path)
	return b.String()
}

// Equal reports whether p and q have the same canonical text, which is how
// URLPattern::operator== compares; the scheme masks are not compared.
func (p Pattern) Equal(q Pattern) bool {
	return p.String() == q.String()
}

// Schemes returns the mask of schemes the pattern can match: the mask given
// to Parse, narrowed to http and https when the scheme is "*".
func (p Pattern) Schemes() SchemeMask { return p.schemes }

// Scheme returns the scheme as written (not lower-cased), or "*" for a
// wildcard scheme and for <all_urls>.
func (p Pattern) Scheme() string { return p.scheme }

// Host returns the canonical host without any leading "*.". It is empty when
// the pattern matches all hosts, and for file, non-standard and <all_urls>
// patterns.
func (p Pattern) Host() string { return p.host }

// MatchSubdomains reports whether the pattern also matches subdomains of
// Host: the host was "*" or began with "*.".
func (p Pattern) MatchSubdomains() bool { return p.subdomains }

// Port returns the port as written, or "*" for any port.
func (p Pattern) Port() string { return p.port }

// Path returns the path, with '*' as a wildcard. For a non-standard scheme it
// is everything after the ':'.
func (p Pattern) Path() string { return p.path }

// MatchAllURLs reports whether the pattern is <all_urls>.
func (p Pattern) MatchAllURLs() bool { return p.allURLs }

// MatchesAllHosts reports whether the pattern places no restriction on the
// host: <all_urls>, or a "*" host such as in "https://*/*". File and
// non-standard patterns have no host at all and report false.
func (p Pattern) MatchesAllHosts() bool {
	return p.allURLs || (p.subdomains && p.host == "")
}

// IsStandardScheme reports whether the scheme is "*" or a standard
// (host-based) scheme such as http, file or chrome-extension. It is false for
// data:, about: and for accidental schemes such as the "localhost" in
// "localhost:3000/*".
func (p Pattern) IsStandardScheme() bool { return isStandardScheme(p.scheme) }

// MatchesScheme reports whether a URL with the given (lower-case) scheme can
// match the pattern, like URLPattern::MatchesScheme: the scheme must be in
// the pattern's mask, and equal to its scheme unless that is "*".
func (p Pattern) MatchesScheme(scheme string) bool {
	return p.schemes.allows(scheme) && (p.scheme == "*" || scheme == p.scheme)
}

// MatchesHost reports whether a URL with the given host matches the pattern's
// host, like URLPattern::MatchesHost(std::string_view): the host is first
// canonicalized as the host of an http URL. A trailing dot on either side is
// ignored, and subdomain matching never applies to IP addresses. A host that
// cannot be canonicalized only matches a pattern that matches all hosts.
func (p Pattern) MatchesHost(host string) bool {
	if host == "" {
		return p.matchesCanonicalHost("", urlcanon.HostName)
	}
	u, ok := gurl.Parse("http://" + host + "/")
	if !ok {
		return p.subdomains && p.host == ""
	}
	return p.matchesCanonicalHost(u.Host, u.Family)
}

// matchesCanonicalHost is URLPattern::MatchesHost(const GURL&).
func (p Pattern) matchesCanonicalHost(test string, family urlcanon.Family) bool {
	test = strings.TrimSuffix(test, ".")
	host := strings.TrimSuffix(p.host, ".")
	switch {
	case test == host:
		return true
	case !p.subdomains:
		return false
	case host == "":
		return true
	case family != urlcanon.HostName:
		return false
	}
	return len(test) > len(host)+1 &&
		strings.HasSuffix(test, host) &&
		test[len(test)-len(host)-1] == '.'
}

// MatchesPath reports whether path matches the pattern's path glob, like
// URLPattern::MatchesPath: '*' matches any run of characters (including '/'),
// every other character only itself, and a pattern path ending in "/*" also
// matches the path without that suffix ("/foo/*" matches "/foo").
func (p Pattern) MatchesPath(path string) bool {
	escaped := escapeGlob(p.path)
	if len(escaped) == len(path)+2 &&
		strings.HasSuffix(escaped, "/*") &&
		strings.HasPrefix(escaped, path) &&
		// Chromium compares against path_escaped_.c_str(), which ends at
		// the first NUL.
		strings.IndexByte(escaped[:len(path)], 0) < 0 {
		return true
	}
	return matchGlob(path, escaped)
}

// matchesPort is URLPattern::MatchesPortPattern: "*" matches every port, a
// number only the same text.
func (p Pattern) matchesPort(port string) bool {
	return p.port == "*" || p.port == port
}

// MatchesURL reports whether the pattern matches rawURL, which is first
// canonicalized like a GURL (an invalid or relative URL never matches). It
// follows URLPattern::MatchesURL: the scheme must match (for filesystem:
// URLs, that of the inner URL); <all_urls> then matches; otherwise the URL
// needs a non-empty path, and its host (not for file patterns), effective
// port and path plus query must match. A pattern path ending in "/*" also
// matches the path without the trailing slash.
func (p Pattern) MatchesURL(rawURL string) bool {
	u, ok := gurl.Parse(rawURL)
	if !ok {
		return false
	}
	target := u
	if u.Inner != nil {
		target = u.Inner
	}
	if !p.MatchesScheme(target.Scheme) {
		return false
	}
	if p.allURLs {
		return true
	}
	if u.Path == "" {
		return false
	}
	path := u.PathForRequest()
	if u.Inner != nil {
		path = target.Path + path
	}
	if p.scheme != "file" && !p.matchesCanonicalHost(target.Host, target.Family) {
		return false
	}
	return p.matchesPort(strconv.Itoa(target.EffectivePort())) && p.MatchesPath(path)
}

// Contains reports whether p matches every URL that q matches, following
// URLPattern::Contains. Like Chromium it assumes q's path has at most one
// '*', at the end, and compares paths with that '*' removed.
func (p Pattern) Contains(q Pattern) bool {
	if p.allURLs && p.schemes&q.schemes == q.schemes {
		return true
	}
	return p.matchesAllSchemes(q.explicitSchemes()) &&
		p.matchesCanonicalHost(q.host, q.family) && // q's host is canonical already
		(!q.subdomains || p.subdomains) &&
		p.matchesPort(q.port) &&
		p.MatchesPath(strings.TrimSuffix(q.path, "*"))
}

// OverlapsWith reports whether some URL might match both p and q, following
// URLPattern::OverlapsWith. It is symmetric. Like Contains it treats a
// trailing '*' of a path specially and is approximate for other globs.
func (p Pattern) OverlapsWith(q Pattern) bool {
	if p.allURLs || q.allURLs {
		return true
	}
	return (p.matchesAnyScheme(q.explicitSchemes()) || q.matchesAnyScheme(p.explicitSchemes())) &&
		(p.MatchesHost(q.host) || q.MatchesHost(p.host)) &&
		(p.matchesPort(q.port) || q.matchesPort(p.port)) &&
		(p.MatchesPath(strings.TrimSuffix(q.path, "*")) || q.MatchesPath(strings.TrimSuffix(p.path, "*")))
}

// explicitSchemes is URLPattern::GetExplicitSchemes: the pattern's own scheme,
// or for "*" and <all_urls> every scheme with a bit that the mask allows.
func (p Pattern) explicitSchemes() []string {
	wildcard := p.scheme == "*"
	if !wildcard && !p.allURLs && p.schemes.allows(p.scheme) {
		return []string{p.scheme}
	}
	var out []string
	for _, s := range knownSchemes() {
		switch {
		case p.schemes == SchemeAll && s.bit == SchemeAbout:
			// Not one of Chromium's kValidSchemes: keep its list intact.
			continue
		case p.schemes != SchemeAll && p.schemes&s.bit == 0:
			continue
		}
		if wildcard || s.name == p.scheme {
			out = append(out, s.name)
		}
	}
	return out
}

// matchesAnyScheme reports whether p matches at least one of schemes.
func (p Pattern) matchesAnyScheme(schemes []string) bool {
	for _, s := range schemes {
		if p.MatchesScheme(s) {
			return true
		}
	}
	return false
}

// matchesAllSchemes reports whether p matches every one of schemes.
func (p Pattern) matchesAllSchemes(schemes []string) bool {
	for _, s := range schemes {
		if !p.MatchesScheme(s) {
			return false
		}
	}
	return true
}
