package rules

import (
	"strings"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// UppercaseExtensionID reports extension IDs with upper-case letters in the
// manifest's ID lists: Chrome accepts them, and they never match.
var UppercaseExtensionID = &lint.Rule{
	ID:       "uppercase-extension-id",
	Title:    "An extension ID in upper case never matches",
	Category: lint.Correctness,
	Severity: lint.Warning,
	Chrome:   lint.Accepts,
	Doc: "Chrome checks extension IDs without regard to case when it loads the manifest, but compares\n" +
		"them with the lower-case ID of the extension that asks. An ID written in upper case in\n" +
		"`externally_connectable.ids` or `web_accessible_resources[].extension_ids` therefore never\n" +
		"matches: that extension cannot message this one, or load the resources. Write IDs in lower\n" +
		"case, as chrome://extensions shows them.",
	Run: runUppercaseExtensionID,
}

func runUppercaseExtensionID(pass *lint.Pass) error {
	root := pass.Root()
	check := func(n *manifest.Node, what string) {
		if s, ok := n.Str(); ok && isExtensionID(s) && s != strings.ToLower(s) {
			pass.Reportf(n, "extension ID %s has upper-case letters, and Chrome compares IDs in lower case, so %s; write %q", quote(s), what, strings.ToLower(s))
		}
	}
	for _, n := range root.Get("externally_connectable").Get("ids").Elems() {
		check(n, "that extension can never message this one")
	}
	for _, war := range root.Get("web_accessible_resources").Elems() {
		for _, n := range war.Get("extension_ids").Elems() {
			check(n, "that extension can never load these resources")
		}
	}
	return nil
}
