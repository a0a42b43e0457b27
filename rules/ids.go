package rules

// isExtensionID reports whether s has the form of an extension ID as
// crx_file::id_util::IdIsValid checks it: 32 letters from a to p, in either
// case. Chrome compares IDs with the lower-case ID of the extension that
// asks, so only lower-case IDs ever match.
func isExtensionID(s string) bool {
	if len(s) != 32 {
		return false
	}
	for i := range len(s) {
		if c := s[i] | 0x20; c < 'a' || c > 'p' {
			return false
		}
	}
	return true
}
