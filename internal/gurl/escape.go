package gurl

import "strings"

// escapeSet percent-escapes every byte of s for which escape is true.
// Bytes of non-ASCII characters are escaped one by one, as Chromium
// escapes their UTF-8 encoding.
func escapeSet(s string, escape func(byte) bool) string {
	n := 0
	for i := range len(s) {
		if escape(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 2*n)
	for i := range len(s) {
		if c := s[i]; escape(c) {
			writeEscaped(&b, c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// writeEscaped writes c as %XX with upper-case hex digits, as Chromium does.
func writeEscaped(b *strings.Builder, c byte) {
	const hex = "0123456789ABCDEF"
	b.WriteByte('%')
	b.WriteByte(hex[c>>4])
	b.WriteByte(hex[c&0xf])
}

// isC0ControlEscaped is the URL Standard's C0 control percent-encode set,
// which Chromium applies to opaque paths ("about:blank").
func isC0ControlEscaped(c byte) bool { return c < 0x20 || c > 0x7e }

// isFragmentEscaped is the URL Standard's fragment percent-encode set
// (url_canon_etc.cc DoCanonicalizeRef).
func isFragmentEscaped(c byte) bool {
	return isC0ControlEscaped(c) || strings.IndexByte(" \"<>`", c) >= 0
}

// isQueryEscaped is the URL Standard's query percent-encode set, for URLs
// of non-special schemes (url_canon_query.cc).
func isQueryEscaped(c byte) bool {
	return isC0ControlEscaped(c) || strings.IndexByte(" \"#<>", c) >= 0
}

// isSpecialQueryEscaped adds the apostrophe for special schemes.
func isSpecialQueryEscaped(c byte) bool {
	return isQueryEscaped(c) || c == '\''
}

// isPathEscaped is the URL Standard's path percent-encode set plus '^' and
// '|', which Chromium also escapes in paths (url_canon_path.cc).
func isPathEscaped(c byte) bool {
	return isQueryEscaped(c) || strings.IndexByte("?^`{|}", c) >= 0
}
