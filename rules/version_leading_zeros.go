package rules

import (
	"fmt"

	"github.com/crxlint/crxlint/lint"
)

// VersionLeadingZeros reports a version Chrome reads as another one.
var VersionLeadingZeros = &lint.Rule{
	ID:       "version-leading-zeros",
	Title:    "version has leading zeros, which Chrome drops",
	Category: lint.Correctness,
	Severity: lint.Warning,
	Chrome:   lint.Warns,
	Doc: "Leading zeros after the first number of `version` are accepted but dropped: Chrome reads\n" +
		"`1.01` as `1.1` and warns, so `1.01` and `1.1` are the same version, and `1.010` is newer\n" +
		"than `1.9`. Write the version as Chrome reads it.",
	Run: runVersionLeadingZeros,
}

func runVersionLeadingZeros(pass *lint.Pass) error {
	n := pass.Root().Get("version")
	s, _ := n.Str()
	parts, ok := parseVersion(s)
	if !ok || len(parts) > 4 {
		return nil // version-format reports it
	}
	if canonical := joinVersion(parts); canonical != s {
		d := pass.At(n, "Chrome reads version %s as %q: it drops leading zeros, so %q is not newer than %q; write %q", quote(s), canonical, s, canonical, canonical)
		d.ChromeMessage = fmt.Sprintf("The extension version is parsed as '%s'.", canonical)
		d.Fixes = []lint.Fix{{Message: "write the version as Chrome reads it", Edits: []lint.Edit{{Start: n.Span().Start, End: n.Span().End, New: quote(canonical)}}}}
		pass.Report(d)
	}
	return nil
}
