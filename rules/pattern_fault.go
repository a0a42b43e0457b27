package rules

import (
	"errors"
	"fmt"
	"strings"

	"github.com/crxlint/crxlint/matchpattern"
)

// parsePattern parses a match pattern as Chrome does for a manifest key
// whose schemes are mask, and returns Chrome's verdict with it.
func parsePattern(s string, mask matchpattern.SchemeMask) (matchpattern.Pattern, matchpattern.Result) {
	p, err := matchpattern.Parse(s, mask)
	if pe, ok := errors.AsType[*matchpattern.ParseError](err); ok {
		return p, pe.Result
	}
	return p, matchpattern.Success
}

// patternFault puts into words why Chrome cannot parse the match pattern s
// under mask: what is wrong with it, and what to write instead. schemes
// lists the schemes the manifest key accepts, for a pattern whose scheme it
// does not.
func patternFault(s string, r matchpattern.Result, mask matchpattern.SchemeMask, schemes string) (fault, remedy string) {
	scheme, rest, _ := strings.Cut(s, ":")
	switch r {
	case matchpattern.MissingSchemeSeparator:
		if fix, ok := repairPattern(addScheme(s), mask); ok && looksLikeHost(s) {
			return "has no scheme", "write " + quote(fix)
		}
		return "has no scheme", `start it with one, such as "https://"`
	case matchpattern.InvalidScheme:
		if fix, ok := repairPattern(strings.ToLower(scheme)+":"+rest, mask); ok {
			return fmt.Sprintf("has scheme %q, and schemes are case-sensitive here", scheme), "write " + quote(fix)
		}
		if fix, ok := repairPattern(addScheme(s), mask); ok && !strings.HasPrefix(rest, "//") && looksLikeHost(s) {
			return fmt.Sprintf("has no scheme (Chrome reads %q as one)", scheme), "write " + quote(fix)
		}
		return fmt.Sprintf("has scheme %q, which is not allowed here", scheme), "use " + schemes
	case matchpattern.WrongSchemeSeparator:
		if strings.HasPrefix(rest, "//") {
			return fmt.Sprintf("has scheme %q, which Chrome does not know as a scheme with hosts", scheme), `use a scheme such as "https"`
		}
		if fix, ok := repairPattern(scheme+"://"+strings.TrimLeft(rest, "/"), mask); ok {
			return `lacks "//" after its scheme`, "write " + quote(fix)
		}
		return `lacks "//" after its scheme`, `write it as "scheme://host/path"`
	case matchpattern.EmptyHost:
		if scheme == "file" {
			return "has no path", `write "file:///*" for every file`
		}
		return "has no host", `name one, such as "example.com", or write "*" for every host`
	case matchpattern.InvalidHostWildcard:
		return `has "*" inside its host`, `"*" can only be the whole host or its first label, as in "*.example.com"`
	case matchpattern.EmptyPath:
		if fix, ok := repairPattern(s+"/*", mask); ok {
			return "has no path", "write " + quote(fix)
		}
		return "has no path", `add "/*" after the host`
	case matchpattern.InvalidPort:
		if scheme == "*" {
			return `has a port but the scheme "*"`, `a port needs a scheme with a default port: write "http://" or "https://" instead of "*://"`
		}
		return "has an invalid port", `use "*" or a number from 0 to 65535, with a scheme that has a default port such as http or https`
	case matchpattern.InvalidHost:
		return "has an invalid host", `use a host name such as "example.com" or an IP address`
	}
	return "is not a valid match pattern", `write it as "scheme://host/path"`
}

// repairPattern returns candidate, or candidate with "/*" added, if Chrome
// can parse it under mask.
func repairPattern(candidate string, mask matchpattern.SchemeMask) (string, bool) {
	for _, c := range []string{candidate, candidate + "/*"} {
		if _, r := parsePattern(c, mask); r == matchpattern.Success {
			return c, true
		}
	}
	return "", false
}

// looksLikeHost reports whether a pattern written without a scheme starts
// with what could be a host and port, such as "example.com/*" or
// "localhost:3000/*".
func looksLikeHost(s string) bool {
	host, _, _ := strings.Cut(s, "/")
	host, _, _ = strings.Cut(host, ":")
	return host != "" && !strings.ContainsAny(host, " \t") &&
		(strings.Contains(host, ".") || strings.EqualFold(host, "localhost"))
}

// addScheme puts the scheme a pattern written without one most likely
// meant in front of it: http for a local development server, https for
// anything else.
func addScheme(s string) string {
	lower := strings.ToLower(s)
	if strings.HasPrefix(lower, "localhost") || strings.HasPrefix(lower, "127.") {
		return "http://" + s
	}
	return "https://" + s
}

// originPattern returns p with the path "/*": the pattern of its origin.
func originPattern(p matchpattern.Pattern) string {
	s := p.String()
	return s[:len(s)-len(p.Path())] + "/*"
}
