package rules

import (
	"github.com/crxlint/crxlint/internal/chromemsg"

	"github.com/crxlint/crxlint/lint"
)

// VersionFormat reports a version string Chrome refuses.
var VersionFormat = &lint.Rule{
	ID:       "version-format",
	Title:    "version is not 1 to 4 dot-separated integers",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "`version` must be one to four numbers separated by dots, such as `1.4.2`. Each number is\n" +
		"an unsigned 32-bit integer; the first may not have a leading zero (`01.2` is refused), and\n" +
		"no suffix, sign or space is allowed (`1.0-beta`, `v1.0`, `1.0 ` are refused). Chrome's\n" +
		"message says each number must be at most 65536, but Chrome accepts up to 4294967295.\n" +
		"Put a free-form label such as `1.0 beta` in `version_name` instead.",
	Run: runVersionFormat,
}

func runVersionFormat(pass *lint.Pass) error {
	n := pass.Root().Get("version")
	s, ok := n.Str()
	if !ok {
		return nil // missing or not a string: invalid-value reports it
	}
	switch parts, ok := parseVersion(s); {
	case !ok:
		pass.ReportChrome(n, chromemsg.InvalidVersion, "version %s is not 1 to 4 dot-separated integers such as \"1.4.2\"; put labels in version_name", quote(s))
	case len(parts) > 4:
		pass.ReportChrome(n, chromemsg.InvalidVersion, "version %s has %d parts, Chrome allows at most 4", quote(s), len(parts))
	}
	return nil
}
