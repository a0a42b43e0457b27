package rules

import (
	"github.com/crxlint/crxlint/lint"
)

// WebAccessibleNoMatches tells that a web_accessible_resources entry with
// an empty matches list and no extension IDs exposes nothing.
var WebAccessibleNoMatches = &lint.Rule{
	ID:       "web-accessible-no-matches",
	Title:    "A web_accessible_resources entry exposes its resources to no one",
	Category: lint.Correctness,
	Severity: lint.Info,
	Chrome:   lint.Accepts,
	Doc: "Chrome accepts `\"matches\": []`: an entry needs the key, not a pattern. But with no pattern and\n" +
		"no `extension_ids`, no page and no other extension may load the resources; only the\n" +
		"extension itself can, and it needs no entry for that. Add the sites whose pages or content\n" +
		"scripts load the resources, or remove the entry.",
	Run: runWebAccessibleNoMatches,
}

func runWebAccessibleNoMatches(pass *lint.Pass) error {
	for _, war := range pass.Root().Get("web_accessible_resources").Elems() {
		matches := war.Get("matches")
		if matches == nil || matches.Len() > 0 || war.Get("extension_ids").Len() > 0 {
			continue
		}
		if dynamic, _ := war.Get("use_dynamic_url").Boolean(); dynamic {
			continue
		}
		pass.Reportf(matches, "an empty matches list with no extension_ids exposes these resources to no page and no other extension; add the sites that load them, or remove the entry")
	}
	return nil
}
