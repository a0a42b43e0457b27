package rules

import (
	"strings"

	"github.com/crxlint/crxlint/lint"
)

// WebAccessibleAllFiles reports web_accessible_resources globs that expose
// every file of the extension.
var WebAccessibleAllFiles = &lint.Rule{
	ID:       "web-accessible-all-files",
	Title:    "web_accessible_resources exposes every file of the extension",
	Category: lint.Security,
	Severity: lint.Warning,
	Chrome:   lint.Accepts,
	Doc: "A resource glob such as `*`, `**/*` or `/*` makes every file of the extension loadable by the\n" +
		"pages the entry matches: its scripts, its pages, its configuration. Pages can then read the\n" +
		"extension's code and use any of its pages in frames, and detect that it is installed. List\n" +
		"the files that pages or content scripts really need, such as `img/*.png` or `inject.js`.",
	Run: runWebAccessibleAllFiles,
}

func runWebAccessibleAllFiles(pass *lint.Pass) error {
	for _, war := range pass.Root().Get("web_accessible_resources").Elems() {
		for _, n := range war.Get("resources").Elems() {
			s, ok := n.Str()
			if !ok {
				continue
			}
			if glob := strings.TrimLeft(s, "/"); glob == "*" || glob == "**" || glob == "**/*" {
				pass.Reportf(n, "%s exposes every file of the extension to the pages this entry matches; list only the files they need, such as \"img/*.png\"", quote(s))
			}
		}
	}
	return nil
}

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
