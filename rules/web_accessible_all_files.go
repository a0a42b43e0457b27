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
