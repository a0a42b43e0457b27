package publicsuffix

import (
	"encoding/binary"
	"strconv"
	"strings"
)

// This file follows Chrome's IP address parsers (url/url_canon_ip.h and
// url/url_canon_ip.cc) rather than net/netip, because Chrome accepts more
// forms ("0x7f.1", "[::ffff:0xc0.0xa8.0.1]") and rejects host names that end
// in a number ("example.1").

// ipv4Result is the outcome of parsing a host as an IPv4 address.
type ipv4Result uint8

const (
	notIPv4    ipv4Result = iota // a host name, not an address
	ipv4Valid                    // a valid address
	ipv4Broken                   // looks like an address but is malformed: the host is invalid
)

// parseIPv4 is Chrome's IPv4AddressToNumber. It also returns how many
// dot-separated components the address was written with.
func parseIPv4(s string) (addr [4]byte, components int, res ipv4Result) {
	s = strings.TrimSuffix(s, ".")
	if s == "" {
		return addr, 0, notIPv4
	}

	// Read the components right to left: the host is a name, not an
	// address, if and only if the last component is not a number.
	var values [4]uint32
	n := 0
	for rest := s; ; {
		dot := strings.LastIndexByte(rest, '.')
		v, r := parseIPv4Component(rest[dot+1:])
		if r == notIPv4 && n == 0 {
			return addr, 0, notIPv4
		}
		if r != ipv4Valid {
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

	// All components but the last are one byte each; the last fills the rest.
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

// parseIPv4Component is Chrome's IPv4ComponentToNumber: a decimal, octal
// (leading "0") or hexadecimal (leading "0x") number below 2^32.
func parseIPv4Component(c string) (uint32, ipv4Result) {
	if c == "" {
		return 0, notIPv4
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
		prefix++
	}
	digits := c[prefix:]

	brokenOctal := false
	for i := range len(digits) {
		d := digits[i]
		if isDigit(d, base) {
			continue
		}
		if !isDigit(d, 10) {
			return 0, notIPv4
		}
		brokenOctal = true // "08": all digits, but not octal ones
	}
	switch {
	case brokenOctal:
		return 0, ipv4Broken
	case digits == "":
		return 0, ipv4Valid // "0", "00", "0x"
	case len(digits) > 16:
		// Chrome parses at most 16 digits, which always overflow 32 bits.
		return 0, ipv4Broken
	}
	v, err := strconv.ParseUint(digits, base, 32)
	if err != nil {
		return 0, ipv4Broken // out of range; the digits are valid
	}
	return uint32(v), ipv4Valid
}

// isDigit reports whether c is a digit in base 8, 10 or 16.
func isDigit(c byte, base int) bool {
	switch base {
	case 8:
		return '0' <= c && c <= '7'
	case 16:
		return isHex(c)
	}
	return '0' <= c && c <= '9'
}

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

// parseBracketedIPv6 is Chrome's IPv6AddressToNumber: it parses an IPv6
// address in square brackets.
func parseBracketedIPv6(s string) (addr [16]byte, ok bool) {
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' {
		return addr, false
	}
	return parseIPv6(s[1 : len(s)-1])
}

// parseIPv6 parses an IPv6 address without the square brackets. An embedded
// IPv4 address must have four components but may use any form parseIPv4
// accepts.
func parseIPv6(s string) (addr [16]byte, ok bool) {
	if s == "" {
		return addr, false
	}

	// Split into at most eight groups of up to four hex digits, at most one
	// "::" contraction, and an optional trailing IPv4 address.
	var groups [8]uint16
	n := 0
	contraction := -1 // index in groups where "::" stands, or -1
	ipv4 := ""        // the trailing IPv4 address, if any
	begin := 0        // start of the current group
	for i := 0; ; i++ {
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
				// Every digit was checked as it was read.
				v, _ := strconv.ParseUint(s[begin:i], 16, 16)
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
				return addr, false
			}
			contraction = n
			i++
		}
		switch c := s[i]; {
		case colon:
			begin = i + 1
		case isHex(c):
			// part of the current group
		case c == '.' || c == 'x' || c == 'X':
			ipv4 = s[begin:]
		default:
			return addr, false
		}
		if ipv4 != "" {
			break
		}
	}

	size := 2 * n
	if ipv4 != "" {
		size += 4
	}
	zeros := 0
	if contraction >= 0 {
		zeros = max(2, 16-size)
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
		if strings.HasSuffix(ipv4, ".") {
			return addr, false
		}
		v4, parts, res := parseIPv4(ipv4)
		if res != ipv4Valid || parts != 4 {
			return addr, false
		}
		copy(addr[at:], v4[:])
	}
	return addr, true
}

// formatIPv6 is Chrome's AppendIPv6Address: lower-case hex without leading
// zeros, the first longest run of two or more zero groups written as "::",
// and square brackets around it all.
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
