package rules

import (
	"strings"

	"github.com/crxlint/crxlint/matchpattern"
	"github.com/crxlint/crxlint/publicsuffix"
)

// patternReach says, in words, how much of the web a match pattern covers
// when that is more than particular sites: every URL, every site, every
// site under a public suffix, or every local file. It reports false for a
// pattern that names particular sites.
func patternReach(p matchpattern.Pattern) (string, bool) {
	switch {
	case p.MatchAllURLs():
		return "every URL", true
	case p.Scheme() == "file":
		if p.Path() == "/*" {
			return "every local file", true
		}
		return "local files", true
	case p.MatchesAllHosts():
		if s := p.Scheme(); s != "*" {
			return "every " + s + " site", true
		}
		return "every site", true
	case p.MatchSubdomains() && p.Host() != "":
		host := strings.TrimSuffix(p.Host(), ".")
		kind, err := publicsuffix.Registry(host)
		if err != nil || !kind.IsRegistry() {
			return "", false
		}
		switch kind {
		case publicsuffix.Private:
			return "every site under " + host + ", a public suffix where anyone can register a name (a private registry)", true
		case publicsuffix.Unknown:
			return "every name under ." + host + ", which is not a top-level domain Chrome knows, so whoever registers it controls the pattern", true
		case publicsuffix.Wildcard:
			return "every site registered under the public suffixes *." + host + " (the Public Suffix List's wildcard rule)", true
		}
		return "every site under the public suffix ." + host, true
	}
	return "", false
}

// webPage reports whether a pattern can match a web page, the only kind of
// page that can message an extension through externally_connectable.
func webPage(p matchpattern.Pattern) bool {
	if p.MatchAllURLs() {
		return true
	}
	switch strings.ToLower(p.Scheme()) {
	case "*", "http", "https":
		return true
	}
	return false
}
