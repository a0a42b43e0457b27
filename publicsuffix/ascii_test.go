package publicsuffix

import "unicode/utf8"

// isASCII reports whether s is entirely 7-bit.
func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
