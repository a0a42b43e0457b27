package matchpattern

import (
	"strconv"
	"strings"
)

// hostFamily classifies a canonical host, like url::CanonHostInfo::Family
// without the BROKEN state (a broken host is reported as a failure instead).
type hostFamily int

const (
	familyName hostFamily = iota // NEUTRAL: a host name
	familyIPv4                   // IPV4
	familyIPv6                   // IPV6
)

// ipv4Verdict is the three-way answer of Chromium's IPv4 parser.
type ipv4Verdict int

const (
	ipv4Neutral ipv4Verdict = iota // not an IPv4 address; maybe a host name
	ipv4Valid                      // an IPv4 address
	ipv4Broken                     // looks like IPv4 but is not a valid one
)

// canonicalizeIPAddress is url::CanonicalizeIPAddress applied to an already
// canonicalized host name: it rewrites IPv4 and IPv6 literals into their
// canonical text. ok is false when the host looks like an IP address but is
// not a valid one (CanonHostInfo::BROKEN).
func canonicalizeIPAddress(host string) (canon string, family hostFamily, ok bool) {
	switch addr, _, verdict := ipv4ToNumber(host); verdict {
	case ipv4Valid:
		return formatIPv4(addr), familyIPv4, true
	case ipv4Broken:
		return "", familyName, false
	}
	if addr, ok := ipv6ToNumber(host); ok {
		return "[" + formatIPv6(addr) + "]", familyIPv6, true
	}
	if strings.ContainsAny(host, "[]:") {
		// Characters that may only appear in an IPv6 literal.
		return "", familyName, false
	}
	return host, familyName, true
}

// ipv4ToNumber is url::IPv4AddressToNumber. It reads one to four dotted
// components (decimal, 0x-hex or 0-octal; the last one may fill several
// bytes), ignoring one trailing dot, and reports how many components it saw.
func ipv4ToNumber(s string) (addr [4]byte, components int, verdict ipv4Verdict) {
	s = strings.TrimSuffix(s, ".")
	if s == "" {
		return addr, 0, ipv4Neutral
	}
	// Components are read from the last one backwards, so that a host whose
	// last label is not a number is recognised as a name straight away.
	var values [4]uint32
	n := 0
	for end := len(s); ; {
		start := strings.LastIndexByte(s[:end], '.') + 1
		v, verdict := ipv4ComponentToNumber(s[start:end])
		if verdict == ipv4Neutral && n == 0 {
			return addr, 0, ipv4Neutral
		}
		if verdict != ipv4Valid {
			return addr, 0, ipv4Broken
		}
		values[n] = v
		n++
		if start == 0 {
			break
		}
		if n == 4 {
			return addr, 0, ipv4Broken // more than four components
		}
		end = start - 1
	}
	// values[n-1] is the first component. All but the last fill one byte.
	for i := n - 1; i > 0; i-- {
		if values[i] > 0xff {
			return addr, 0, ipv4Broken
		}
		addr[n-1-i] = byte(values[i])
	}
	last := values[0]
	for i := 3; i >= n-1; i-- {
		addr[i] = byte(last)
		last >>= 8
	}
	if last != 0 {
		return addr, 0, ipv4Broken
	}
	return addr, n, ipv4Valid
}

// ipv4ComponentToNumber is url::IPv4ComponentToNumber for one dotted
// component.
func ipv4ComponentToNumber(c string) (uint32, ipv4Verdict) {
	if c == "" {
		return 0, ipv4Neutral
	}
	base, prefix := 10, 0
	if c[0] == '0' && len(c) > 1 {
		if c[1] == 'x' || c[1] == 'X' {
			base, prefix = 16, 2
		} else {
			base, prefix = 8, 1
		}
	}
	for prefix < len(c) && c[prefix] == '0' {
		prefix++ // leading zeros do not count
	}
	var value uint64
	brokenOctal := false
	for i := prefix; i < len(c); i++ {
		d, ok := digitValue(c[i], base)
		if !ok {
			if _, dec := digitValue(c[i], 10); !dec {
				return 0, ipv4Neutral
			}
			// An all-numeric component with a leading zero that is not
			// octal, such as 09.
			brokenOctal = true
			continue
		}
		if value <= 0xffffffff {
			value = value*uint64(base) + uint64(d)
		}
	}
	if brokenOctal || value > 0xffffffff {
		return 0, ipv4Broken
	}
	return uint32(value), ipv4Valid
}

// digitValue returns the value of the ASCII digit c in base 8, 10 or 16.
func digitValue(c byte, base int) (int, bool) {
	var d int
	switch {
	case '0' <= c && c <= '9':
		d = int(c - '0')
	case base == 16 && 'a' <= c && c <= 'f':
		d = int(c-'a') + 10
	case base == 16 && 'A' <= c && c <= 'F':
		d = int(c-'A') + 10
	default:
		return 0, false
	}
	return d, d < base
}

// formatIPv4 is url::AppendIPv4Address.
func formatIPv4(a [4]byte) string {
	var b strings.Builder
	for i, x := range a {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(strconv.Itoa(int(x)))
	}
	return b.String()
}

// ipv6ToNumber is url::IPv6AddressToNumber: s must be a bracketed IPv6
// literal such as "[2001:db8::1]" or "[::ffff:192.0.2.1]".
func ipv6ToNumber(s string) (addr [16]byte, ok bool) {
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' {
		return addr, false
	}
	s = s[1 : len(s)-1]
	p, ok := parseIPv6(s)
	if !ok {
		return addr, false
	}
	// Hex pieces are two bytes each, an embedded IPv4 address four, and the
	// "::" contraction at least two.
	fixed := 2 * len(p.hex)
	if p.ipv4 != "" {
		fixed += 4
	}
	contraction := 0
	if p.contraction >= 0 {
		contraction = max(16-fixed, 2)
	}
	if fixed+contraction != 16 {
		return addr, false
	}
	i := 0
	for k := 0; k <= len(p.hex); k++ {
		if k == p.contraction {
			i += contraction // zero bytes
		}
		if k < len(p.hex) {
			v, _ := strconv.ParseUint(p.hex[k], 16, 16) // validated by parseIPv6
			addr[i], addr[i+1] = byte(v>>8), byte(v)
			i += 2
		}
	}
	if p.ipv4 != "" {
		// The URL Standard wants exactly four components and no final dot.
		v4, n, verdict := ipv4ToNumber(p.ipv4)
		if verdict != ipv4Valid || n != 4 || strings.HasSuffix(p.ipv4, ".") {
			return addr, false
		}
		copy(addr[i:], v4[:])
	}
	return addr, true
}

// ipv6Parts is url's IPv6Parsed: the hex pieces of an IPv6 literal, the
// index of the piece the "::" contraction precedes (-1 if none), and a
// trailing embedded IPv4 address.
type ipv6Parts struct {
	hex         []string
	contraction int
	ipv4        string
}

// parseIPv6 is url's DoParseIPv6, applied to the text between the brackets.
func parseIPv6(s string) (ipv6Parts, bool) {
	p := ipv6Parts{contraction: -1}
	if s == "" {
		return p, false
	}
	start := 0 // where the current piece begins
	for i := 0; ; i++ {
		colon := i < len(s) && s[i] == ':'
		contraction := colon && i+1 < len(s) && s[i+1] == ':'
		if colon || i == len(s) {
			n := i - start
			if n > 4 {
				return p, false
			}
			// Empty pieces are only allowed for a leading or trailing "::".
			leading := contraction && i == 0
			trailing := i == len(s) && p.contraction == len(p.hex)
			if n == 0 && !leading && !trailing {
				return p, false
			}
			if n > 0 {
				if len(p.hex) == 8 {
					return p, false
				}
				p.hex = append(p.hex, s[start:i])
			}
		}
		if i == len(s) {
			return p, true
		}
		if contraction {
			if p.contraction >= 0 {
				return p, false // at most one "::"
			}
			p.contraction = len(p.hex)
			i++ // the second colon
		}
		if colon {
			start = i + 1
			continue
		}
		c := s[i]
		if isHexDigit(c) {
			continue
		}
		if c == '.' || c == 'x' || c == 'X' {
			// The rest is an embedded IPv4 address.
			p.ipv4 = s[start:]
			return p, true
		}
		return p, false
	}
}

// isHexDigit reports whether c is an ASCII hexadecimal digit.
func isHexDigit(c byte) bool {
	_, ok := digitValue(c, 16)
	return ok
}

// formatIPv6 is url::AppendIPv6Address: lower-case hex pieces without
// leading zeros, the longest run of two or more zero pieces (the first if
// tied) written as "::".
func formatIPv6(a [16]byte) string {
	var piece [8]uint16
	for i := range piece {
		piece[i] = uint16(a[2*i])<<8 | uint16(a[2*i+1])
	}
	bestStart, bestLen := -1, 1
	for i := 0; i < 8; {
		if piece[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && piece[j] == 0 {
			j++
		}
		if j-i > bestLen {
			bestStart, bestLen = i, j-i
		}
		i = j
	}
	var b strings.Builder
	for i := 0; i < 8; {
		if i == bestStart {
			if i == 0 {
				b.WriteByte(':')
			}
			b.WriteByte(':')
			i += bestLen
			continue
		}
		b.WriteString(strconv.FormatUint(uint64(piece[i]), 16))
		i++
		if i < 8 {
			b.WriteByte(':')
		}
	}
	return b.String()
}
