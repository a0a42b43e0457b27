package rules

import "github.com/crxlint/crxlint/lint"

// FutureMinimumChromeVersion warns about a minimum_chrome_version newer
// than the newest Chrome crxlint knows.
var FutureMinimumChromeVersion = &lint.Rule{
	ID:       idFutureMinimumChromeVersion,
	Title:    "minimum_chrome_version is newer than the newest Chrome crxlint knows",
	Category: lint.Correctness,
	Severity: lint.Warning,
	Chrome:   lint.Accepts,
	Doc: "A Chrome older than `minimum_chrome_version` refuses to load the extension (\"This\n" +
		"extension requires Google Chrome version 157 or greater.\"). crxlint knows Chrome up to the\n" +
		"release its verdicts were checked against, and every one of those refuses a minimum above it;\n" +
		"whether a newer Chrome has been released since, crxlint cannot tell. So it warns, naming the\n" +
		"release it knows, rather than claiming that Chrome rejects the extension: the day that\n" +
		"Chrome ships, the claim would be false. Lower the minimum to the oldest Chrome you support,\n" +
		"or ignore the finding if that Chrome is out.",
	Run: reportShare(minimumChromeVersion),
}
