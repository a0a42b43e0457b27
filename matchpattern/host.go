package matchpattern

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// maxIDNHostLength bounds the escaped text handed to IDNA, in UTF-16 code
// units, like kMaxHostBufferLength in url/url_canon_host.cc (253 * 5).
const maxIDNHostLength = 253 * 5

// canonicalizeHost canonicalizes a host name the way net::CanonicalizeHost
// does for special (http-like) URLs: percent-escapes are decoded, ASCII is
// lower-cased, space and '*' are re-escaped, non-ASCII names go through
// UTS #46 to punycode, and IPv4/IPv6 literals are rewritten canonically
// (0x7f.1 becomes 127.0.0.1). ok is false where Chromium returns an empty
// string: forbidden characters, bad escapes, IDNA errors and broken IP
// literals. A trailing dot is kept.
func canonicalizeHost(host string) (canon string, family hostFamily, ok bool) {
	if host == "" {
		return "", familyName, false
	}
	if strings.IndexByte(host, '%') >= 0 || !isASCII(host) {
		canon, ok = complexHost(host)
	} else {
		canon, _, ok = simpleHost(host)
	}
	if !ok {
		return "", familyName, false
	}
	return canonicalizeIPAddress(canon)
}

// complexHost is url's DoComplexHost and DoIDNHost for 8-bit input that has
// percent-escapes or non-ASCII bytes.
func complexHost(host string) (string, bool) {
	src := host
	if strings.IndexByte(host, '%') >= 0 {
		unescaped, nonASCII, ok := simpleHost(host)
		if !ok {
			return "", false
		}
		if !nonASCII {
			return unescaped, true
		}
		src = unescaped
	}
	if !utf8.ValidString(src) {
		return "", false
	}
	// DoIDNHost escapes the text once more before IDNA. An ASCII character
	// that simpleHost rejects would make Chromium fail after IDNA (the escape
	// decodes back to the same character), so failing now is equivalent.
	escaped, _, ok := simpleHost(src)
	if !ok || utf16Len(escaped) > maxIDNHostLength {
		return "", false
	}
	ascii, err := idnaProfile().ToASCII(newerUTS46(escaped))
	if err != nil || ascii == "" {
		return "", false
	}
	canon, nonASCII, ok := simpleHost(ascii)
	if !ok || nonASCII {
		return "", false
	}
	return canon, true
}

// idnaProfile returns the UTS #46 processing Chromium's url library asks ICU
// for: non-transitional, Bidi rule checked, no STD3 ASCII rules,
// rules, and the hyphen and DNS-length checks switched off (url_idna_icu.cc).
func idnaProfile() *idna.Profile {
	return idna.New(
		idna.MapForLookup(),
		idna.BidiRule(),
		idna.Transitional(false),
		idna.StrictDomainName(false),
		idna.CheckHyphens(false),
		idna.CheckJoiners(true),
		idna.VerifyDNSLength(false),
	)
}

// newerUTS46 applies the UTS #46 mappings that changed after Unicode 15.0,
// whose tables golang.org/x/net/idna uses before Go 1.27, and that Chromium
// 156 (ICU with newer Unicode data) was seen to apply: U+1E9E LATIN CAPITAL
// LETTER SHARP S maps to U+00DF (no longer "ss") and U+180E MONGOLIAN VOWEL
// SEPARATOR is ignored (no longer disallowed).
func newerUTS46(s string) string {
	if !strings.ContainsAny(s, "\u1e9e\u180e") {
		return s
	}
	return strings.NewReplacer("\u1e9e", "\u00df", "\u180e", "").Replace(s)
}

// simpleHost is url's DoSimpleHost: it decodes percent-escapes, maps each
// ASCII character through the host character table and copies other bytes
// unchanged, reporting whether there were any.
func simpleHost(in string) (out string, nonASCII, ok bool) {
	var b strings.Builder
	b.Grow(len(in))
	for i := 0; i < len(in); i++ {
		c := in[i]
		if c == '%' {
			v, ok := decodeEscape(in[i:])
			if !ok {
				return "", false, false
			}
			c = v
			i += 2
		}
		if c >= utf8.RuneSelf {
			b.WriteByte(c)
			nonASCII = true
			continue
		}
		switch r := hostCharLookup(c); r {
		case hostCharInvalid:
			return "", false, false
		case hostCharEscape:
			writeEscaped(&b, c)
		default:
			b.WriteByte(r)
		}
	}
	return b.String(), nonASCII, true
}

// Sentinel values of hostCharLookup.
const (
	hostCharInvalid byte = 0
	hostCharEscape  byte = 0xff
)

// hostCharLookup is kHostCharLookup from url/url_canon_host.cc: the canonical
// form of an ASCII host character, hostCharInvalid for a forbidden one, or
// hostCharEscape for one that is kept percent-escaped (space and '*', which
// Chromium has not yet made forbidden, https://crbug.com/1416013).
func hostCharLookup(c byte) byte {
	switch {
	case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		return c
	case 'A' <= c && c <= 'Z':
		return c + ('a' - 'A')
	}
	switch c {
	case ' ', '*':
		return hostCharEscape
	case '!', '"', '$', '&', '\'', '(', ')', '+', ',', '-', '.',
		':', ';', '=', '[', ']', '_', '`', '{', '}', '~':
		return c
	}
	// Controls, DEL and # % / < > ? @ \ ^ |.
	return hostCharInvalid
}

// decodeEscape decodes the escape "%XX" at the start of s.
func decodeEscape(s string) (byte, bool) {
	if len(s) < 3 {
		return 0, false
	}
	hi, ok1 := digitValue(s[1], 16)
	lo, ok2 := digitValue(s[2], 16)
	if !ok1 || !ok2 {
		return 0, false
	}
	return byte(hi<<4 | lo), true
}

// writeEscaped writes c as an upper-case percent-escape.
func writeEscaped(b *strings.Builder, c byte) {
	const hex = "0123456789ABCDEF"
	b.WriteByte('%')
	b.WriteByte(hex[c>>4])
	b.WriteByte(hex[c&0xf])
}

// isASCII reports whether s is entirely 7-bit.
func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// utf16Len returns the length of the valid UTF-8 string s in UTF-16 units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
