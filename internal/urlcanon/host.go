package urlcanon

import (
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// Family is the kind of a canonical host, like url::CanonHostInfo::Family
// without BROKEN, which is an error here.
type Family uint8

// The families of a canonical host.
const (
	HostName Family = iota // a host name, not an IP address (NEUTRAL)
	IPv4                   // an IPv4 address, "127.0.0.1"
	IPv6                   // an IPv6 address in brackets, "[::1]"
)

// String returns "host name", "IPv4" or "IPv6".
func (f Family) String() string {
	switch f {
	case HostName:
		return "host name"
	case IPv4:
		return "IPv4"
	case IPv6:
		return "IPv6"
	}
	return fmt.Sprintf("Family(%d)", uint8(f))
}

// An Error reports a host that Chromium's canonicalizer rejects, for which it
// returns an invalid URL.
type Error struct {
	Host   string // the host given to [Host]
	Reason string // the first problem found, such as "forbidden character '<'"
}

// Error returns the host and the reason.
func (e *Error) Error() string {
	return fmt.Sprintf("urlcanon: invalid host %q: %s", e.Host, e.Reason)
}

// Host canonicalizes host as Chromium canonicalizes the host of a special
// URL (url::CanonicalizeHost): see the package documentation for what that
// does. It returns the canonical text and its family, or an [*Error] with an
// empty host when Chromium rejects the host.
func Host(host string) (canon string, family Family, err error) {
	if host == "" {
		return "", HostName, &Error{Host: host, Reason: "empty host"}
	}
	name, reason := hostname(host)
	if reason == "" {
		canon, family, reason = ipAddress(name)
	}
	if reason != "" {
		return "", HostName, &Error{Host: host, Reason: reason}
	}
	return canon, family, nil
}

// hostname is url's DoHostSubstring for a special URL: it returns the
// canonical host before IP addresses are recognised, or a non-empty reason
// why the host is invalid. Like Chromium, it runs IDNA only for a host that
// is not ASCII once %XX escapes are decoded.
func hostname(host string) (name, reason string) {
	hasEscape := strings.IndexByte(host, '%') >= 0
	if !hasEscape && isASCII(host) {
		name, _, reason = simpleHost(host)
		return name, reason
	}
	if hasEscape {
		var nonASCII bool
		name, nonASCII, reason = simpleHost(host)
		if reason != "" || !nonASCII {
			return name, reason
		}
		host = name
	}
	return idnHost(host)
}

// maxIDNHostLength bounds the escaped host handed to IDNA, in UTF-16 code
// units, like kMaxHostBufferLength in url/url_canon_host.cc.
const maxIDNHostLength = 253 * 5

// idnHost is url's DoIDNHost for a decoded host with non-ASCII bytes.
func idnHost(host string) (name, reason string) {
	if !utf8.ValidString(host) {
		return "", "invalid UTF-8"
	}
	// Chromium escapes the ASCII it does not like before IDNA. Each such
	// character would fail the last pass below all the same, so stop now
	// with the clearer reason.
	escaped, _, reason := simpleHost(host)
	if reason != "" {
		return "", reason
	}
	if utf16Len(escaped) > maxIDNHostLength {
		return "", "too long for IDNA processing"
	}
	ascii, err := idnaProfile().ToASCII(newerUTS46(escaped))
	if err != nil {
		return "", err.Error()
	}
	if ascii == "" {
		return "", "IDNA maps the host to nothing"
	}
	// UTS #46 maps some characters to '%' ("％41" becomes "%41"), and
	// Chromium decodes the escapes that make.
	name, nonASCII, reason := simpleHost(ascii)
	if reason == "" && nonASCII {
		reason = "escape in IDNA output decodes to non-ASCII"
	}
	return name, reason
}

// idnaProfile returns the UTS #46 processing Chromium asks ICU for
// (url/url_idna_icu.cc): non-transitional, with the Bidi and ContextJ rules,
// and without STD3 rules, CheckHyphens or the DNS length check.
func idnaProfile() *idna.Profile {
	return idna.New(
		idna.MapForLookup(),
		idna.Transitional(false),
		idna.BidiRule(),
		idna.CheckJoiners(true),
		idna.StrictDomainName(false),
		idna.CheckHyphens(false),
		idna.VerifyDNSLength(false),
	)
}

// newerUTS46 applies the two UTS #46 changes since Unicode 15.0 that Chromium
// 156 was seen to make and that x/net's Unicode 15.0 tables (before Go 1.27)
// lack: U+1E9E LATIN CAPITAL LETTER SHARP S maps to U+00DF, and U+180E
// MONGOLIAN VOWEL SEPARATOR is ignored. Newer tables do the same themselves.
func newerUTS46(s string) string {
	if !strings.ContainsAny(s, "\u1e9e\u180e") {
		return s
	}
	return strings.NewReplacer("\u1e9e", "\u00df", "\u180e", "").Replace(s)
}

// simpleHost is url's DoSimpleHost. It decodes %XX escapes, lower-cases
// ASCII letters, writes ' ' and '*' as escapes, and copies bytes >= 0x80
// unchanged, reporting whether there were any. reason describes the first
// escape or byte that makes the host invalid, or is empty.
func simpleHost(s string) (out string, nonASCII bool, reason string) {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' {
			v, ok := unescape(s[i:])
			if !ok {
				return "", false, "invalid percent-escape"
			}
			c = v
			i += 2
		}
		if c >= utf8.RuneSelf {
			b.WriteByte(c)
			nonASCII = true
			continue
		}
		switch canon := hostChar(c); canon {
		case forbidden:
			return "", false, fmt.Sprintf("forbidden character %q", c)
		case escaped:
			writeEscaped(&b, c)
		default:
			b.WriteByte(canon)
		}
	}
	return b.String(), nonASCII, ""
}

// The results of hostChar that are not a character.
const (
	forbidden byte = 0    // the host is invalid
	escaped   byte = 0xff // the character is kept as a %XX escape
)

// hostChar is kHostCharLookup in url/url_canon_host.cc: the canonical form of
// the ASCII character c, or forbidden or escaped.
func hostChar(c byte) byte {
	switch {
	case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		return c
	case 'A' <= c && c <= 'Z':
		return c + ('a' - 'A')
	}
	switch c {
	case '!', '"', '$', '&', '\'', '(', ')', '+', ',', '-', '.',
		':', ';', '=', '[', ']', '_', '`', '{', '}', '~':
		return c
	case ' ', '*':
		// Chromium's feature DisallowSpaceCharacterInURLHostParsing, which
		// would forbid them (https://crbug.com/1416013), is off by default.
		return escaped
	}
	// C0 controls, DEL, '#', '%', '/', '<', '>', '?', '@', '\\', '^', '|'.
	return forbidden
}

// unescape decodes the escape "%XX" at the start of s.
func unescape(s string) (byte, bool) {
	if len(s) < 3 {
		return 0, false
	}
	hi, ok1 := digitValue(s[1], 16)
	lo, ok2 := digitValue(s[2], 16)
	return byte(hi<<4 | lo), ok1 && ok2
}

// writeEscaped writes c as %XX with upper-case hex digits, as Chromium does.
func writeEscaped(b *strings.Builder, c byte) {
	const hex = "0123456789ABCDEF"
	b.WriteByte('%')
	b.WriteByte(hex[c>>4])
	b.WriteByte(hex[c&0xf])
}

// digitValue returns the value of the ASCII digit c in base 8, 10 or 16.
func digitValue(c byte, base int) (int, bool) {
	var d int
	switch {
	case '0' <= c && c <= '9':
		d = int(c - '0')
	case 'a' <= c && c <= 'f':
		d = int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		d = int(c-'A') + 10
	default:
		return 0, false
	}
	return d, d < base
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

// utf16Len returns the length of the valid UTF-8 string s in UTF-16 code
// units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
