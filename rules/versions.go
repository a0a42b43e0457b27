package rules

import (
	"strconv"
	"strings"
)

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
