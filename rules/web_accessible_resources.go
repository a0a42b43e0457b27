package rules

import (
	"fmt"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/matchpattern"
)

// WebAccessibleResources reports manifest version 3 web_accessible_resources
// entries whose matches or extension_ids Chrome refuses.
var WebAccessibleResources = &lint.Rule{
	ID:       "web-accessible-resources",
	Title:    "A web_accessible_resources entry has a match pattern or extension ID Chrome refuses",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "In manifest version 3, each entry of `web_accessible_resources` says which sites\n" +
		"(`matches`) and which extensions (`extension_ids`) may load its `resources`. Chrome\n" +
		"decides by the origin of the page that asks, so a pattern in `matches` must have the path\n" +
		"`/*`: `https://example.com/*` and `<all_urls>` are right, while `https://example.com/`,\n" +
		"`https://example.com/app/*` and `https://example.com` stop the extension from loading, as\n" +
		"does a pattern Chrome cannot parse. `localhost:3000/*` reads as the scheme `localhost`:\n" +
		"write `http://localhost:3000/*`.\n\n" +
		"`extension_ids` lists extension IDs, 32 letters from `a` to `p` as shown on\n" +
		"chrome://extensions, or `\"*\"` for every extension, and then `\"*\"` must be the only entry.\n\n" +
		"An entry that is not an object, lacks `resources`, or has none of `matches`,\n" +
		"`extension_ids` and `use_dynamic_url: true` is invalid-value.",
	Run: runWebAccessibleResources,
}

func runWebAccessibleResources(pass *lint.Pass) error {
	if mv, _ := pass.Root().Get("manifest_version").Int(); mv < 3 {
		return nil // MV2 lists plain paths, which the schema checks
	}
	for i, entry := range pass.Root().Get("web_accessible_resources").Elems() {
		chrome := fmt.Sprintf("Invalid value for 'web_accessible_resources[%d]'. ", i)
		for _, n := range entry.Get("matches").Elems() {
			if s, ok := n.Str(); ok {
				checkResourceMatch(pass, n, s, chrome+"Invalid match pattern.")
			}
		}
		checkResourceExtensionIDs(pass, entry.Get("extension_ids"), chrome)
	}
	return nil
}

func checkResourceMatch(pass *lint.Pass, n *manifest.Node, s, chrome string) {
	p, r := parsePattern(s, matchpattern.WebAccessibleResourcesSchemes)
	var a patternAdvice
	switch {
	case r != matchpattern.Success:
		a = patternFault(s, r, matchpattern.WebAccessibleResourcesSchemes, "")
	case p.Path() != "/*":
		a = originFault(s, p)
	default:
		return
	}
	d := pass.At(n, "match pattern %s %s; %s", quote(s), a.fault, a.remedy).WithChrome(chrome)
	pass.Report(a.withFixes(d, n))
}

// originFault says why Chrome refuses a pattern whose path is not "/*",
// where only origins count, and what to write instead.
func originFault(s string, p matchpattern.Pattern) patternAdvice {
	const mask = matchpattern.WebAccessibleResourcesSchemes
	if !p.IsStandardScheme() {
		fault := fmt.Sprintf("has no scheme (Chrome reads %q as one)", p.Scheme())
		if fixes := withSchemes(s, mask); len(fixes) > 0 && looksLikeHost(s) {
			origins := make([]string, len(fixes))
			for i, f := range fixes {
				q, _ := parsePattern(f, mask)
				origins[i] = originPattern(q)
			}
			return rewrite(fault, origins...)
		}
		if !isSchemeName(p.Scheme()) {
			return advise(fault, `write it as "https://host/*"`)
		}
	}
	return rewrite(fmt.Sprintf("has the path %q, but Chrome matches origins only here", p.Path()), originPattern(p))
}

// isSchemeName reports whether s has the form of a URL scheme: a letter,
// then letters, digits, "+", "-" or ".".
func isSchemeName(s string) bool {
	for i, c := range s {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return s != ""
}

func checkResourceExtensionIDs(pass *lint.Pass, ids *manifest.Node, chrome string) {
	wildcard := false
	for _, n := range ids.Elems() {
		id, ok := n.Str()
		switch {
		case !ok:
			// invalid-value reports a value that is not a string
		case id == "*":
			if !wildcard && ids.Len() > 1 {
				pass.ReportChrome(n, chrome+"If a wildcard entry is present, it must be the only entry.", "\"*\" already allows every extension, and Chrome refuses it next to other IDs; keep either \"*\" or the IDs")
			}
			wildcard = true
		case !isExtensionID(id):
			pass.ReportChrome(n, chrome+"Invalid extension id.", "extension ID %s is not 32 letters from a to p; copy the ID from chrome://extensions, or write \"*\" for every extension", quote(id))
		}
	}
}
