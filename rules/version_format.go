package rules

import (
	"strconv"
	"strings"

	"github.com/crxlint/crxlint/lint"
)

const msgInvalidVersion = "Required value 'version' is missing or invalid. It must be between 1-4 dot-separated integers each between 0 and 65536."

// VersionFormat reports a version string Chrome refuses, or reads as
// another version.
var VersionFormat = &lint.Rule{
	ID:       "version-format",
	Title:    "version is not 1 to 4 dot-separated integers",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "`version` must be one to four numbers separated by dots, such as `1.4.2`. Each number is\n" +
		"an unsigned 32-bit integer; the first may not have a leading zero (`01.2` is refused), and\n" +
		"no suffix, sign or space is allowed (`1.0-beta`, `v1.0`, `1.0 ` are refused). Chrome's\n" +
		"message says each number must be at most 65536, but Chrome accepts up to 4294967295.\n\n" +
		"Leading zeros after the first number are accepted but dropped: Chrome reads `1.01` as\n" +
		"`1.1` and warns, so `1.01` and `1.1` are the same version, and `1.010` is newer than\n" +
		"`1.9`. Put a free-form label such as `1.0 beta` in `version_name` instead.",
	Run: runVersionFormat,
}

func runVersionFormat(pass *lint.Pass) error {
	n := pass.Root().Get("version")
	s, ok := n.Str()
	if !ok {
		return nil // missing or not a string: the schema rule reports it
	}
	parts, ok := parseVersion(s)
	switch {
	case !ok:
		pass.Reportf(n, "version %s is not 1 to 4 dot-separated integers such as \"1.4.2\"; put labels in version_name (Chrome: %q)", quote(s), msgInvalidVersion)
	case len(parts) > 4:
		pass.Reportf(n, "version %s has %d parts, Chrome allows at most 4 (Chrome: %q)", quote(s), len(parts), msgInvalidVersion)
	default:
		if canonical := joinVersion(parts); canonical != s {
			d := pass.At(n, "Chrome reads version %s as %q: it drops leading zeros, so %q is not newer than %q; write %q (Chrome: \"The extension version is parsed as '%s'.\")",
				quote(s), canonical, s, canonical, canonical, canonical)
			d.Severity, d.Chrome = lint.Warning, lint.Warns
			pass.Report(d)
		}
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

// quote quotes a user's value for a message.
func quote(s string) string { return strconv.Quote(s) }
