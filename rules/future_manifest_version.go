package rules

import (
	"fmt"

	"github.com/crxlint/crxlint/lint"
)

// FutureManifestVersion reports a manifest_version above 3.
var FutureManifestVersion = &lint.Rule{
	ID:       "future-manifest-version",
	Title:    "manifest_version is newer than any Chrome supports",
	Category: lint.Correctness,
	Severity: lint.Warning,
	Chrome:   lint.Warns,
	Doc: "Chrome loads a manifest_version above 3 with a warning that features may not work, and reads it\n" +
		"as manifest version 3. No Chrome defines a later version yet: write 3.",
	Run: runFutureManifestVersion,
}

func runFutureManifestVersion(pass *lint.Pass) error {
	n := pass.Root().Get("manifest_version")
	if v, ok := n.Int(); ok && v > 3 {
		pass.ReportChrome(n, fmt.Sprintf("The maximum currently-supported manifest version is 3, but this is %d.  Certain features may not work as expected.", v),
			"manifest_version %d is newer than any Chrome supports; use 3", v)
	}
	return nil
}
