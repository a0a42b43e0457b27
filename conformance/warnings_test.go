package conformance

import (
	"strings"
	"testing"

	"github.com/crxlint/crxlint/lint"
)

// TestWarningComparison checks the comparison of Chrome's warnings that
// TestChromeAgrees makes, without a Chromium.
func TestWarningComparison(t *testing.T) {
	unknown := "Permission 'tab' is unknown."
	diags := []lint.Diagnostic{
		{Rule: "unknown-permission", Chrome: lint.Warns, ChromeMessage: unknown},
		{Rule: "unavailable-feature", Chrome: lint.Warns, ChromeMessage: "'bluetooth' is only allowed for packaged apps, but this is a extension."},
		{Rule: "duplicate-key", Chrome: lint.Accepts},
		{Rule: "missing-page", Chrome: lint.Warns}, // crxlint's words only: nothing to compare
	}
	chrome := []string{unknown, "'bluetooth' is not allowed for specified platform."}
	got := unprinted(diags, chrome)
	if len(got) != 1 || !strings.Contains(got[0], "unavailable-feature quotes Chrome's warning \"'bluetooth' is only allowed") {
		t.Errorf("unprinted = %q; want the one bluetooth text Chrome did not print", got)
	}
	if got := unprinted(diags[:1], chrome); got != nil {
		t.Errorf("unprinted of a printed warning = %q", got)
	}
	for name, want := range map[string]string{
		"rules/unknown-permission/bad-typo":      "",
		"rules/unavailable-feature/bad-platform": "unavailable-feature reports none of these warnings",
		"rules/missing-page/bad-popup":           "missing-page reports none of these warnings",
		"rules/unavailable-feature/good-typical": "",
		"corpus/anything":                        "",
	} {
		got := undecidedWarning(name, diags, chrome)
		if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("undecidedWarning(%s) = %q, want %q", name, got, want)
		}
	}
}
