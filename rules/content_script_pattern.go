package rules

import (
	"fmt"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/matchpattern"
)

// ContentScriptPattern reports content_scripts match patterns Chrome
// refuses: patterns it cannot parse, and paths that match_origin_as_fallback
// does not allow.
var ContentScriptPattern = &lint.Rule{
	ID:       "content-script-pattern",
	Title:    "A content script's match pattern Chrome cannot use",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "Every entry of `matches` and `exclude_matches` in `content_scripts` must be a match pattern\n" +
		"such as `https://example.com/*` or `<all_urls>`, with the scheme `http`, `https`, `file`,\n" +
		"`ftp` or `*` (http and https). One pattern Chrome cannot parse stops the whole extension\n" +
		"from loading. The usual mistakes are a missing path (`https://example.com` needs `/*`), a\n" +
		"port with the `*` scheme (`*://localhost:3000/*`; write `http://localhost:3000/*`), `*` in\n" +
		"the middle of a host, and schemes content scripts cannot run on, such as `chrome://` and\n" +
		"`chrome-extension://`.\n\n" +
		"With `match_origin_as_fallback: true`, a script is matched by the origin of the frame,\n" +
		"so every pattern in `matches` must have the path `/*`; anything else stops the load.\n\n" +
		"An empty `matches` list, and an entry with neither `js` nor `css` files, are invalid-value.",
	Run: runContentScriptPattern,
}

// contentScriptSchemes names the schemes of matchpattern.ContentScriptSchemes
// that an extension can use.
const contentScriptSchemes = `http, https, file or ftp, or "*" for http and https`

const msgMatchOriginPath = "The path component for scripts with 'match_origin_as_fallback' must be '*'."

func runContentScriptPattern(pass *lint.Pass) error {
	for i, cs := range pass.Root().Get("content_scripts").Elems() {
		fallback, _ := cs.Get("match_origin_as_fallback").Boolean()
		for _, key := range []string{"matches", "exclude_matches"} {
			for j, n := range cs.Get(key).Elems() {
				if s, ok := n.Str(); ok {
					checkContentScriptPattern(pass, n, s, fmt.Sprintf("content_scripts[%d].%s[%d]", i, key, j), fallback && key == "matches")
				}
			}
		}
	}
	return nil
}

func checkContentScriptPattern(pass *lint.Pass, n *manifest.Node, s, where string, originOnly bool) {
	p, r := parsePattern(s, matchpattern.ContentScriptSchemes)
	switch {
	case r != matchpattern.Success:
		a := patternFault(s, r, matchpattern.ContentScriptSchemes, contentScriptSchemes)
		d := pass.At(n, "match pattern %s %s; %s", quote(s), a.fault, a.remedy).WithChrome(fmt.Sprintf("Invalid value for '%s': %s", where, r))
		pass.Report(a.withFixes(d, n))
	case originOnly && p.Path() != "/*":
		a := rewrite(fmt.Sprintf("has the path %q, but with match_origin_as_fallback Chrome matches origins only", p.Path()), originPattern(p))
		d := pass.At(n, "match pattern %s %s; %s", quote(s), a.fault, a.remedy).WithChrome(msgMatchOriginPath)
		pass.Report(a.withFixes(d, n))
	}
}
