package rules

import (
	"github.com/crxlint/crxlint/internal/chromemsg"
	"strconv"
	"strings"

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

// parseVersion parses a version as base::Version does: dot-separated
// unsigned 32-bit integers, with no leading zero in the first. It reports
// false for anything else; the caller limits the number of parts.
func parseVersion(s string) ([]uint32, bool) {
	if s == "" {
		return nil, false
	}
	fields := strings.Split(s, ".")
	parts := make([]uint32, len(fields))
	for i, f := range fields {
		if f == "" || strings.TrimLeft(f, "0123456789") != "" {
			return nil, false
		}
		if i == 0 && len(f) > 1 && f[0] == '0' {
			return nil, false
		}
		v, err := strconv.ParseUint(f, 10, 32)
		if err != nil {
			return nil, false
		}
		parts[i] = uint32(v)
	}
	return parts, true
}

func joinVersion(parts []uint32) string {
	s := make([]string, len(parts))
	for i, p := range parts {
		s[i] = strconv.FormatUint(uint64(p), 10)
	}
	return strings.Join(s, ".")
}
