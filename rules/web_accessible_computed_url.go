package rules

import "github.com/crxlint/crxlint/lint"

// WebAccessibleComputedURL notes content scripts that load a file by a
// computed getURL path on pages where no file is web accessible.
var WebAccessibleComputedURL = &lint.Rule{
	ID:         idWebAccessibleComputedURL,
	Title:      "A content script loads a computed extension URL on pages where no file is exposed",
	Category:   lint.Correctness,
	Severity:   lint.Info,
	Chrome:     lint.Accepts,
	NeedsFiles: true,
	Doc: "A computed path (`chrome.runtime.getURL(name)`) cannot be checked against\n" +
		"`web_accessible_resources` as a literal one can (see web-accessible-gap). crxlint mentions\n" +
		"it only when no entry exposes any file to the content script's pages, since every load then\n" +
		"fails whatever the path: list the files it can name for those pages. Reporting every\n" +
		"computed path would bury the certain findings.",
	Run: reportShare(webAccessibleGaps),
}
