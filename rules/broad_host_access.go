package rules

import (
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/matchpattern"
)

// BroadHostAccess tells which host permissions, content scripts and web
// accessible resources reach every site or every site under a public
// suffix. Legitimate extensions often need that; the finding says what it
// grants so reviewers can judge, and users can raise its severity.
var BroadHostAccess = &lint.Rule{
	ID:       "broad-host-access",
	Title:    "Host access, a content script or a web-accessible resource reaches every site",
	Category: lint.Security,
	Severity: lint.Info,
	Chrome:   lint.Accepts,
	Doc: "Many extensions legitimately need every site: a password manager, an ad blocker, a\n" +
		"translator. This rule does not call that wrong; it says what each broad pattern grants, so a\n" +
		"reviewer can check it is needed:\n\n" +
		"- a host permission such as `<all_urls>` or `https://*/*` lets the extension read and change\n" +
		"  every page (Chrome's install prompt says \"Read and change all your data on all websites\");\n" +
		"- a content script on every site runs in every page the user opens;\n" +
		"- a resource web-accessible to every site lets any page load it, and detect that the\n" +
		"  extension is installed.\n\n" +
		"Patterns over a public suffix (`*.com`, `*.appspot.com`) count as broad too. Raise the rule to\n" +
		"a warning or an error in your configuration (`\"broad-host-access\": \"error\"` in .crxlint.jsonc) to make\n" +
		"it a policy.",
	Run: runBroadHostAccess,
}

func runBroadHostAccess(pass *lint.Pass) error {
	root := pass.Root()
	check := func(n *manifest.Node, mask matchpattern.SchemeMask, grants string) {
		s, ok := n.Str()
		if !ok {
			return
		}
		p, r := parsePattern(s, mask)
		if r != matchpattern.Success {
			return
		}
		if reach, broad := patternReach(p); broad {
			pass.Reportf(n, "%s %s %s; make sure the extension needs that, or narrow the pattern", quote(s), grants, reach)
		}
	}
	for _, key := range []string{"host_permissions", "optional_host_permissions"} {
		for _, n := range root.Get(key).Elems() {
			check(n, matchpattern.HostPermissionSchemes, "grants the extension access to")
		}
	}
	for _, cs := range root.Get("content_scripts").Elems() {
		for _, n := range cs.Get("matches").Elems() {
			check(n, matchpattern.ContentScriptSchemes, "runs this content script on")
		}
	}
	for _, war := range root.Get("web_accessible_resources").Elems() {
		for _, n := range war.Get("matches").Elems() {
			check(n, matchpattern.WebAccessibleResourcesSchemes, "lets pages load these resources, and detect the extension, on")
		}
	}
	return nil
}
