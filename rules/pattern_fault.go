package rules

import (
	"errors"
	"fmt"
	"strings"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
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

// patternAdvice is what crxlint says of a match pattern Chrome refuses:
// what is wrong with it, what to do, and the patterns to write instead
// when crxlint can name them; one when the repair is certain, two when
// either is reasonable and the author must choose.
type patternAdvice struct {
	fault, remedy string
	writes        []string
}

// advise is the advice for fault with a remedy in words.
func advise(fault, remedy string) patternAdvice { return patternAdvice{fault: fault, remedy: remedy} }

// rewrite is the advice for fault when the remedy is writing one of the
// patterns writes instead.
func rewrite(fault string, writes ...string) patternAdvice {
	quoted := make([]string, len(writes))
	for i, w := range writes {
		quoted[i] = quote(w)
	}
	return patternAdvice{fault: fault, remedy: "write " + strings.Join(quoted, " or "), writes: writes}
}

// withFixes gives d a fix for each pattern the advice names, replacing the
// string n.
func (a patternAdvice) withFixes(d lint.Diagnostic, n *manifest.Node) lint.Diagnostic {
	for _, w := range a.writes {
		d.Fixes = append(d.Fixes, lint.Fix{
			Message: "write " + quote(w),
			Edits:   []lint.Edit{{Start: n.Span().Start, End: n.Span().End, New: quote(w)}},
		})
	}
	return d
}

// patternFault says why Chrome cannot parse the match pattern s under
// mask, and what to write instead. schemes lists the schemes the manifest
// key accepts, for a pattern whose scheme it does not.
func patternFault(s string, r matchpattern.Result, mask matchpattern.SchemeMask, schemes string) patternAdvice {
	scheme, rest, _ := strings.Cut(s, ":")
	switch r {
	case matchpattern.MissingSchemeSeparator:
		if fixes := withSchemes(s, mask); len(fixes) > 0 && looksLikeHost(s) {
			return rewrite("has no scheme", fixes...)
		}
		return advise("has no scheme", `start it with one, such as "https://"`)
	case matchpattern.InvalidScheme:
		if fix, ok := repairPattern(strings.ToLower(scheme)+":"+rest, mask); ok {
			return rewrite(fmt.Sprintf("has scheme %q, and schemes are case-sensitive here", scheme), fix)
		}
		if fixes := withSchemes(s, mask); len(fixes) > 0 && !strings.HasPrefix(rest, "//") && looksLikeHost(s) {
			return rewrite(fmt.Sprintf("has no scheme (Chrome reads %q as one)", scheme), fixes...)
		}
		return advise(fmt.Sprintf("has scheme %q, which is not allowed here", scheme), "use "+schemes)
	case matchpattern.WrongSchemeSeparator:
		if strings.HasPrefix(rest, "//") {
			return advise(fmt.Sprintf("has scheme %q, which Chrome does not know as a scheme with hosts", scheme), `use a scheme such as "https"`)
		}
		if fix, ok := repairPattern(scheme+"://"+strings.TrimLeft(rest, "/"), mask); ok {
			return rewrite(`lacks "//" after its scheme`, fix)
		}
		return advise(`lacks "//" after its scheme`, `write it as "scheme://host/path"`)
	case matchpattern.EmptyHost:
		if scheme == "file" {
			return advise("has no path", `write "file:///*" for every file`)
		}
		return advise("has no host", `name one, such as "example.com", or write "*" for every host`)
	case matchpattern.InvalidHostWildcard:
		return advise(`has "*" inside its host`, `"*" can only be the whole host or its first label, as in "*.example.com"`)
	case matchpattern.EmptyPath:
		if fix, ok := repairPattern(s+"/*", mask); ok {
			return rewrite("has no path", fix)
		}
		return advise("has no path", `add "/*" after the host`)
	case matchpattern.InvalidPort:
		if scheme == "*" {
			return advise(`has a port but the scheme "*"`, `a port needs a scheme with a default port: write "http://" or "https://" instead of "*://"`)
		}
		return advise("has an invalid port", "use \"*\" or a number from 0 to 65535, with a scheme that has a default port such as http or https")
	case matchpattern.InvalidHost:
		return advise("has an invalid host", `use a host name such as "example.com" or an IP address`)
	}
	return advise("is not a valid match pattern", `write it as "scheme://host/path"`)
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

// withSchemes returns the repairs of a pattern written without a scheme
// that Chrome can parse under mask, likeliest first.
func withSchemes(s string, mask matchpattern.SchemeMask) []string {
	var out []string
	for _, scheme := range schemesFor(s) {
		if fix, ok := repairPattern(scheme+s, mask); ok {
			out = append(out, fix)
		}
	}
	return out
}

// addScheme puts the scheme a pattern written without one most likely
// meant in front of it.
func addScheme(s string) string { return schemesFor(s)[0] + s }

// schemesFor returns the schemes a pattern written without one may have
// meant, likeliest first: http for a local development server, https for
// anything else.
func schemesFor(s string) []string {
	if lower := strings.ToLower(s); strings.HasPrefix(lower, "localhost") || strings.HasPrefix(lower, "127.") {
		return []string{"http://", "https://"}
	}
	return []string{"https://", "http://"}
}

// originPattern returns p with the path "/*": the pattern of its origin.
func originPattern(p matchpattern.Pattern) string {
	s := p.String()
	return s[:len(s)-len(p.Path())] + "/*"
}
