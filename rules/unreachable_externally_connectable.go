package rules

import (
	"strings"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/matchpattern"
)

// UnreachableExternallyConnectable reports externally_connectable entries
// that can never match anything.
var UnreachableExternallyConnectable = &lint.Rule{
	ID:       "unreachable-externally-connectable",
	Title:    "An externally_connectable entry can never match",
	Category: lint.Correctness,
	Severity: lint.Warning,
	Chrome:   lint.Accepts,
	Doc: "Only web pages (`http` and `https`) can message an extension through `externally_connectable`.\n" +
		"Chrome accepts patterns with any scheme there, so `chrome://`, `chrome-extension://`, `data:` or\n" +
		"`about:` patterns load without a word and never match. A pattern without `://`, such as\n" +
		"`localhost:3000/*`, is the worst case: Chrome reads `localhost` as its scheme. Write\n" +
		"`http://localhost:3000/*`. (An upper-case extension ID never matches either:\n" +
		"uppercase-extension-id reports it.)",
	Run: runUnreachableExternallyConnectable,
}

func runUnreachableExternallyConnectable(pass *lint.Pass) error {
	ec := pass.Root().Get("externally_connectable")
	for _, n := range ec.Get("matches").Elems() {
		s, ok := n.Str()
		if !ok {
			continue
		}
		p, r := parsePattern(s, matchpattern.ExternallyConnectableSchemes)
		if r != matchpattern.Success || webPage(p) || p.Scheme() == "file" { // file: is broad-externally-connectable's
			continue
		}
		if !p.IsStandardScheme() && !strings.Contains(s, "://") && looksLikeHost(s) {
			pass.Reportf(n, "Chrome reads %s as a pattern with the scheme %q, which matches no web page; write %q", quote(s), p.Scheme(), addScheme(s))
			continue
		}
		pass.Reportf(n, "%s can never match: only http and https pages can message an extension; remove it, or use chrome.runtime messaging inside the extension", quote(s))
	}
	return nil
}
