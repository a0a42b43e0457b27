package rules

import (
	"fmt"

	"github.com/crxlint/crxlint/lint"
)

// ChromeVersion is the Chrome release crxlint's verdicts were checked
// against. A minimum_chrome_version above it does not load there.
const ChromeVersion = 156

// MinimumChromeVersion reports a minimum_chrome_version Chrome cannot read,
// or one newer than the Chrome crxlint was checked against.
var MinimumChromeVersion = &lint.Rule{
	ID:       "minimum-chrome-version",
	Title:    "minimum_chrome_version is invalid or newer than Chrome",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "`minimum_chrome_version` must be a string of dot-separated integers, such as `\"120\"` or\n" +
		"`\"120.0.6099\"`; anything else is refused (\"Invalid value for 'minimum_chrome_version'.\").\n" +
		"A Chrome older than the version named refuses to load the extension (\"This extension\n" +
		"requires Google Chrome version 200 or greater.\"), so a minimum above the current stable\n" +
		"release makes the extension unloadable everywhere. crxlint compares with the Chrome release\n" +
		"its verdicts were checked against.",
	Run: runMinimumChromeVersion,
}

func runMinimumChromeVersion(pass *lint.Pass) error {
	n := pass.Root().Get("minimum_chrome_version")
	if n == nil {
		return nil
	}
	s, ok := n.Str()
	if !ok {
		return nil // invalid-value reports a value that is not a string
	}
	parts, ok := parseVersion(s)
	if !ok {
		pass.ReportChrome(n, "Invalid value for 'minimum_chrome_version'.", "minimum_chrome_version %s is not dot-separated integers such as \"120\"", quote(s))
		return nil
	}
	if parts[0] > ChromeVersion {
		pass.ReportChrome(n, fmt.Sprintf("This extension requires Google Chrome version %s or greater.", s), "minimum_chrome_version %s is newer than Chrome %d, which refuses to load the extension; lower it to the oldest Chrome you support", quote(s), ChromeVersion)
	}
	return nil
}
