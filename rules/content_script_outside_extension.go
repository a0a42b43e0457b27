package rules

import "github.com/crxlint/crxlint/lint"

// ContentScriptOutsideExtension reports content script files whose path
// leaves the extension's folder.
var ContentScriptOutsideExtension = &lint.Rule{
	ID:         idOutsideContentScript,
	Title:      "A content script's file path leaves the extension's folder, so Chrome skips the entry",
	Category:   lint.Correctness,
	Severity:   lint.Warning,
	Chrome:     lint.Warns,
	NeedsFiles: true,
	Doc: "Content script files are paths inside the extension's folder. For a path that leaves it\n" +
		"(`../lib/content.js`, or `lib\\content.js`, as Chrome reads a backslash as part of no path),\n" +
		"Chrome warns \"Invalid script mime type\" and skips the whole `content_scripts` entry, so none of\n" +
		"its scripts run. Name files inside the folder, with `/` between folders.",
	Run: reportShare(missingFiles),
}
