package urlcanon

import (
	"encoding/binary"
	"math"
	"strconv"
	"strings"
)

// This file follows Chromium's IP address parsers (url/url_canon_ip.cc)
// rather than net/netip, because Chromium accepts more forms ("0x7f.1",
// "[::ffff:0xc0.0xa8.0.1]") and rejects host names that end in a number
// ("example.1").

// ipAddress is url::CanonicalizeIPAddress for the canonical host name h: it
// rewrites an IPv4 or IPv6 address in its canonical form, returns any other
// host name unchanged, and gives a reason for one that looks like an address
// but is not a valid one (CanonHostInfo::BROKEN).
func ipAddress(h string) (canon string, family Family, reason string) {
	switch addr, _, verdict := parseIPv4(h); verdict {
	case ipv4Valid:
		return formatIPv4(addr), IPv4, ""
	case ipv4Broken:
		return "", HostName, "malformed IPv4 address"
	}
	if len(h) >= 2 && h[0] == '[' && h[len(h)-1] == ']' {
		if addr, ok := parseIPv6(h[1 : len(h)-1]); ok {
			return formatIPv6(addr), IPv6, ""
		}
	}
	if strings.ContainsAny(h, "[]:") {
		// Characters that may appear only in an IPv6 address.
		return "", HostName, "malformed IPv6 address"
	}
	return h, HostName, ""
}

// IsIPv6 reports whether s is an IPv6 address without the brackets of a URL
// host, in any form Chromium accepts between them ("::1", "2001:DB8::1",
// "::ffff:0xc0.0xa8.0.1"). Unlike [Host], it decodes no escapes.
func IsIPv6(s string) bool {
	_, ok := parseIPv6(s)
	return ok
}

// ipv4Verdict is the three-way answer of Chromium's IPv4 parser.
type ipv4Verdict uint8

const (
	notIPv4    ipv4Verdict = iota // a host name, not an address (NEUTRAL)
	ipv4Valid                     // a valid address (IPV4)
	ipv4Broken                    // looks like an address but is not a valid one (BROKEN)
)

// parseIPv4 is url::IPv4AddressToNumber: one to four dot-separated
// components (decimal, 0x-hex or 0-octal), of which the last fills the bytes
// that remain, and one trailing dot, which is ignored. It also returns how
// many components there were.
func parseIPv4(s string) (addr [4]byte, components int, verdict ipv4Verdict) {
	s = strings.TrimSuffix(s, ".")
	if s == "" {
		return addr, 0, notIPv4
	}
	// Read the components right to left: the host is a name, not an
	// address, if and only if its last component is not a number.
	var values [4]uint32
	n := 0
	for rest := s; ; {
		dot := strings.LastIndexByte(rest, '.')
		v, verdict := parseIPv4Component(rest[dot+1:])
		if verdict == notIPv4 && n == 0 {
			return addr, 0, notIPv4
		}
		if verdict != ipv4Valid {
			return addr, 0, ipv4Broken
		}
		values[n] = v
		n++
		if dot < 0 {
			break
		}
		if n == len(values) {
			return addr, 0, ipv4Broken // more than four components
		}
		rest = rest[:dot]
	}
	// values[n-1] is the first component. All but the last fill one byte.
	for i := n - 1; i > 0; i-- {
		if values[i] > math.MaxUint8 {
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

// parseIPv4Component is url::IPv4ComponentToNumber: a decimal, octal
// (leading "0") or hexadecimal (leading "0x") number below 2^32.
func parseIPv4Component(c string) (uint32, ipv4Verdict) {
	if c == "" {
		return 0, notIPv4
	}
	base, digits := 10, c
	if len(c) > 1 && c[0] == '0' {
		if c[1] == 'x' || c[1] == 'X' {
			base, digits = 16, c[2:]
		} else {
			base, digits = 8, c[1:]
		}
	}
	digits = strings.TrimLeft(digits, "0") // leading zeros do not count
	var value uint64
	brokenOctal := false
	for i := range len(digits) {
		d, ok := digitValue(digits[i], base)
		if !ok {
			if _, ok := digitValue(digits[i], 10); !ok {
				return 0, notIPv4
			}
			brokenOctal = true // "08": all digits, but not octal ones
			continue
		}
		if value <= math.MaxUint32 {
			value = value*uint64(base) + uint64(d)
		}
	}
	if brokenOctal || value > math.MaxUint32 {
		return 0, ipv4Broken
	}
	return uint32(value), ipv4Valid
}

// formatIPv4 is url::AppendIPv4Address.
func formatIPv4(addr [4]byte) string {
	b := make([]byte, 0, len("255.255.255.255"))
	for i, x := range addr {
		if i > 0 {
			b = append(b, '.')
		}
		b = strconv.AppendUint(b, uint64(x), 10)
	}
	return string(b)
}

// parseIPv6 is url::IPv6AddressToNumber for the text between the brackets:
// up to eight groups of up to four hex digits, at most one "::", and an
// optional IPv4 address at the end, which must have four components but may
// use any form parseIPv4 accepts.
func parseIPv6(s string) (addr [16]byte, ok bool) {
	if s == "" {
		return addr, false
	}
	var groups [8]uint16
	n := 0
	contraction := -1 // the index in groups where "::" stands, or -1
	ipv4 := ""        // the IPv4 address at the end, if any
	begin := 0        // where the current group begins
	for i := 0; ipv4 == ""; i++ {
		end := i == len(s)
		colon := !end && s[i] == ':'
		double := colon && i+1 < len(s) && s[i+1] == ':'
		if colon || end {
			switch size := i - begin; {
			case size > 4:
				return addr, false
			case size > 0:
				if n == len(groups) {
					return addr, false
				}
				v, _ := strconv.ParseUint(s[begin:i], 16, 16) // digits checked as read
				groups[n] = uint16(v)
				n++
			case double && i == 0, end && contraction == n:
				// An empty group only at a leading or trailing "::".
			default:
				return addr, false
			}
		}
		if end {
			break
		}
		if double {
			if contraction >= 0 {
				return addr, false // at most one "::"
			}
			contraction = n
			i++
		}
		switch c := s[i]; {
		case colon:
			begin = i + 1
		case c == '.' || c == 'x' || c == 'X':
			ipv4 = s[begin:] // the rest is an IPv4 address
		default:
			if _, ok := digitValue(c, 16); !ok {
				return addr, false
			}
		}
	}

	// Each group is two bytes, an IPv4 address four, and "::" the rest, but
	// at least two.
	size := 2 * n
	if ipv4 != "" {
		size += 4
	}
	zeros := 0
	if contraction >= 0 {
		zeros = max(16-size, 2)
	}
	if size+zeros != 16 {
		return addr, false
	}
	at := 0
	for i := 0; i <= n; i++ {
		if i == contraction {
			at += zeros // addr is zero already
		}
		if i < n {
			binary.BigEndian.PutUint16(addr[at:], groups[i])
			at += 2
		}
	}
	if ipv4 != "" {
		// The URL Standard wants four components and no final dot.
		v4, components, verdict := parseIPv4(ipv4)
		if verdict != ipv4Valid || components != 4 || strings.HasSuffix(ipv4, ".") {
			return addr, false
		}
		copy(addr[at:], v4[:])
	}
	return addr, true
}

// formatIPv6 is url::AppendIPv6Address with the brackets: lower-case hex
// without leading zeros, and the first longest run of two or more zero
// groups written as "::".
func formatIPv6(addr [16]byte) string {
	group := func(i int) uint16 { return binary.BigEndian.Uint16(addr[2*i:]) }

	runStart, runLen := -1, 1 // a run must be longer than one group
	for i := 0; i < 8; {
		if group(i) != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && group(j) == 0 {
			j++
		}
		if j-i > runLen {
			runStart, runLen = i, j-i
		}
		i = j
	}

	b := make([]byte, 0, len("[ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]"))
	b = append(b, '[')
	for i := 0; i < 8; {
		if i == runStart {
			if i == 0 {
				b = append(b, ':')
			}
			b = append(b, ':')
			i += runLen
			continue
		}
		b = strconv.AppendUint(b, uint64(group(i)), 16)
		i++
		if i < 8 {
			b = append(b, ':')
		}
	}
	return string(append(b, ']'))
}
