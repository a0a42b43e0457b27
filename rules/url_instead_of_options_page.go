package rules

import "github.com/crxlint/crxlint/lint"

// URLInsteadOfOptionsPage reports an options_ui.page given as a URL.
var URLInsteadOfOptionsPage = &lint.Rule{
	ID:       idURLInsteadOfOptionsPage,
	Title:    "options_ui.page is a URL, not a file of the extension",
	Category: lint.Correctness,
	Severity: lint.Warning,
	Chrome:   lint.Warns,
	Doc: "The options page must be a file inside the extension, named by a path relative to\n" +
		"manifest.json. For a URL in `options_ui.page` Chrome warns and the extension has no options\n" +
		"page. Bundle the page into the extension and name its path.",
	Run: reportShare(pageURLs),
}
