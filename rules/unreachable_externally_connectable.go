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
		"`http://localhost:3000/*`.\n\n" +
		"Extension IDs are compared with the lower-case ID of the extension that asks, so an ID in\n" +
		"upper case never matches either.",
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
	for _, n := range ec.Get("ids").Elems() {
		if s, ok := n.Str(); ok && isExtensionID(s) && s != strings.ToLower(s) {
			pass.Reportf(n, "extension ID %s has upper-case letters, and IDs are compared in lower case, so it never matches; write %q", quote(s), strings.ToLower(s))
		}
	}
	return nil
}
