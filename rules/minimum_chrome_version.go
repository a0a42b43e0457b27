package rules

import (
	"fmt"

	"github.com/crxlint/crxlint/lint"
)

// ChromeVersion is the Chrome release crxlint's verdicts were checked
// against, the newest crxlint knows. A minimum_chrome_version above it does
// not load there, nor in any older Chrome.
const ChromeVersion = 156

// MinimumChromeVersion reports a minimum_chrome_version Chrome cannot read.
var MinimumChromeVersion = &lint.Rule{
	ID:       idMinimumChromeVersion,
	Title:    "minimum_chrome_version is not a version Chrome can read",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "`minimum_chrome_version` must be a string of dot-separated integers, such as `\"120\"` or\n" +
		"`\"120.0.6099\"`; anything else is refused (\"Invalid value for 'minimum_chrome_version'.\").\n" +
		"A version newer than the newest Chrome crxlint knows is future-minimum-chrome-version.",
	Run: reportShare(minimumChromeVersion),
}

const (
	idMinimumChromeVersion       = "minimum-chrome-version"
	idFutureMinimumChromeVersion = "future-minimum-chrome-version"
)

// minimumChromeVersion reads minimum_chrome_version once, for
// minimum-chrome-version and future-minimum-chrome-version.
var minimumChromeVersion = lint.NewResult("minimum-chrome-version", func(pass *lint.Pass) (findings, error) {
	out := findings{}
	n := pass.Root().Get("minimum_chrome_version")
	s, ok := n.Str()
	if !ok {
		return out, nil // absent, or not a string, which invalid-value reports
	}
	parts, ok := parseVersion(s)
	switch {
	case !ok:
		out.report(pass, idMinimumChromeVersion, n, fmt.Sprintf("minimum_chrome_version %s is not dot-separated integers such as \"120\"", quote(s)), "Invalid value for 'minimum_chrome_version'.")
	case parts[0] > ChromeVersion:
		out.report(pass, idFutureMinimumChromeVersion, n, fmt.Sprintf("minimum_chrome_version %s is newer than Chrome %d, the newest crxlint knows, and Chrome %d and older refuse to load the extension; lower it to the oldest Chrome you support, unless Chrome %d is out", quote(s), ChromeVersion, ChromeVersion, parts[0]), "")
	}
	return out, nil
})
