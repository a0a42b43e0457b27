package publicsuffix

import (
	"cmp"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// Canonicalize returns host the way Chrome canonicalises the host of a URL
// or match pattern (url/url_canon_host.cc, url/url_canon_ip.cc): %XX escapes
// decoded, ASCII folded to lower case, IDNs converted to punycode (UTS #46
// non-transitional, as Chrome does), IPv4 addresses in any of the forms Chrome
// accepts ("0x7f.1") written as four decimal numbers, IPv6 addresses
// shortened, and one trailing dot removed.
//
// Canonicalize returns an error wrapping [ErrInvalidHost] for every host
// Chrome's canonicaliser rejects, and one wrapping [ErrEmptyLabel] for a host
// with an empty label, which Chrome accepts. Canonicalize is idempotent.
//
// Like Chrome, it keeps ' ' and '*' as the escapes "%20" and "%2A", so
// "foo bar.com" becomes "foo%20bar.com".
func Canonicalize(host string) (string, error) {
	h, _, err := canonicalize(host)
	return h, err
}

// IsIP reports whether host is an IP address literal: an IPv4 address in any
// form Chrome accepts (including "127.1" and "0x7f.0.0.1"), or an IPv6
// address with or without square brackets.
func IsIP(host string) bool {
	if _, fam, err := canonicalize(host); err == nil {
		return fam != domainName
	}
	// Chrome only accepts IPv6 in brackets, but a bare one is still an IP.
	_, ok := parseIPv6(host)
	return ok
}

// family is what kind of host a canonical host is (url::CanonHostInfo).
type family uint8

const (
	domainName family = iota
	ipv4Address
	ipv6Address
)

// canonicalize is Canonicalize, also reporting the host's family.
func canonicalize(host string) (string, family, error) {
	if host == "" {
		return "", domainName, invalidHost(host, "empty host")
	}
	out, problem := canonicalHostname(host)
	if problem != "" {
		return "", domainName, invalidHost(host, problem)
	}

	// Chrome looks for an IP address in the canonical output: IPv4 first,
	// then IPv6 (CanonicalizeIPAddress).
	switch addr, _, res := parseIPv4(out); res {
	case ipv4Valid:
		return formatIPv4(addr), ipv4Address, nil
	case ipv4Broken:
		return "", domainName, invalidHost(host, "malformed IPv4 address")
	}
	if addr, ok := parseBracketedIPv6(out); ok {
		return formatIPv6(addr), ipv6Address, nil
	}
	if strings.ContainsAny(out, "[]:") {
		return "", domainName, invalidHost(host, "malformed IPv6 address")
	}

	h := strings.TrimSuffix(out, ".")
	if h == "" || h[0] == '.' || h[len(h)-1] == '.' || strings.Contains(h, "..") {
		return "", domainName, fmt.Errorf("publicsuffix: %w in host %q", ErrEmptyLabel, host)
	}
	return h, domainName, nil
}

// maxIDNHostLength is Chrome's limit, in UTF-16 code units, on a host that
// goes through IDNA processing (kMaxHostBufferLength = 253*5).
const maxIDNHostLength = 253 * 5

// canonicalHostname is Chrome's DoHostSubstring for an http-like URL. It
// returns the canonical host (before IP address detection) or a description
// of the first problem found.
//
// Chrome runs IDNA only when the host has non-ASCII characters once %XX
// escapes are decoded, so an ASCII "xn--" label is never checked.
func canonicalHostname(host string) (canonical, problem string) {
	hasEscape := strings.IndexByte(host, '%') >= 0
	if isASCII(host) && !hasEscape {
		canonical, _, problem = simpleHost(host)
		return canonical, problem
	}

	src := host
	if hasEscape {
		var nonASCII bool
		canonical, nonASCII, problem = simpleHost(host)
		if problem != "" || !nonASCII {
			return canonical, problem
		}
		src = canonical
	}
	if !utf8.ValidString(src) {
		return "", "invalid UTF-8"
	}

	// Chrome escapes what it does not like in the ASCII part before calling
	// ICU. Every such character still fails the last pass below, so stop now
	// with the clearer message.
	escaped, _, problem := simpleHost(src)
	if problem != "" {
		return "", problem
	}
	if utf16Length(escaped) > maxIDNHostLength {
		return "", "too long for IDNA processing"
	}
	ascii, err := chromeIDNA().ToASCII(escaped)
	if err != nil {
		return "", err.Error()
	}
	if ascii == "" {
		return "", "IDNA maps the host to nothing"
	}
	// UTS #46 maps some characters to '%' ("％41"); Chrome decodes the
	// resulting escapes once more.
	canonical, nonASCII, problem := simpleHost(ascii)
	if problem == "" && nonASCII {
		problem = "escape in IDNA output decodes to non-ASCII"
	}
	return canonical, problem
}

// chromeIDNA returns an IDNA profile set up like Chrome's ICU
// (url/url_idna_icu.cc): UTS #46 non-transitional mapping, the Bidi rule and
// the ContextJ rules, but no STD3 rules (so '_' and other punctuation stay
// allowed), no CheckHyphens and no VerifyDnsLength. idna.Lookup enables the
// last three and so rejects hosts that Chrome accepts.
func chromeIDNA() *idna.Profile {
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

// simpleHost is Chrome's DoSimpleHost. It decodes %XX escapes, folds ASCII to
// lower case, writes ' ' and '*' as escapes, and copies other bytes >= 0x80
// unchanged, reporting them in nonASCII. problem describes the first byte
// that makes the host invalid, or is empty.
func simpleHost(s string) (out string, nonASCII bool, problem string) {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' {
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				b.WriteString("%25")
				problem = cmp.Or(problem, "invalid percent-escape")
				continue
			}
			c = unhex(s[i+1])<<4 | unhex(s[i+2])
			i += 2
		}
		if c >= utf8.RuneSelf {
			b.WriteByte(c)
			nonASCII = true
			continue
		}
		switch lower, class := classifyHostByte(c); class {
		case hostByteValid:
			b.WriteByte(lower)
		case hostByteEscaped:
			writeEscape(&b, c)
		default:
			writeEscape(&b, c)
			problem = cmp.Or(problem, fmt.Sprintf("forbidden character %q", c))
		}
	}
	return b.String(), nonASCII, problem
}

// hostByteClass is what Chrome's host canonicaliser does with an ASCII byte.
type hostByteClass uint8

const (
	hostByteInvalid hostByteClass = iota // the host is rejected
	hostByteValid                        // kept, folded to lower case
	hostByteEscaped                      // kept as a %XX escape
)

// classifyHostByte mirrors kHostCharLookup in Chrome's url/url_canon_host.cc.
// It returns c folded to lower case and its class.
func classifyHostByte(c byte) (byte, hostByteClass) {
	switch {
	case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		return c, hostByteValid
	case 'A' <= c && c <= 'Z':
		return c + ('a' - 'A'), hostByteValid
	}
	switch c {
	case '!', '"', '$', '&', '\'', '(', ')', '+', ',', '-', '.', ':', ';', '=',
		'[', ']', '_', '`', '{', '}', '~':
		return c, hostByteValid
	case ' ', '*':
		// Chrome keeps these as escapes (crbug.com/1416013); its feature
		// DisallowSpaceCharacterInURLHostParsing is off by default.
		return c, hostByteEscaped
	}
	// C0 controls, DEL, and '#', '%', '/', '<', '>', '?', '@', '\\', '^', '|'.
	return c, hostByteInvalid
}

// writeEscape writes c as %XX with upper-case hex digits, as Chrome does.
func writeEscape(b *strings.Builder, c byte) {
	const hexDigits = "0123456789ABCDEF"
	b.WriteByte('%')
	b.WriteByte(hexDigits[c>>4])
	b.WriteByte(hexDigits[c&0xf])
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// unhex returns the value of the hex digit c.
func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10
	}
	return 0
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// utf16Length returns the length of the valid UTF-8 string s in UTF-16 code
// units.
func utf16Length(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
