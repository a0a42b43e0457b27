package jsscan

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// identName returns an identifier's name with its \u escapes decoded, so
// that \u0063hrome is chrome. An invalid escape is kept as written, which
// matches no name this package looks for.
func identName(b []byte) string {
	if bytes.IndexByte(b, '\\') < 0 {
		if s, ok := knownName(b); ok {
			return s // spares an allocation for the names looked up most
		}
		return string(b)
	}
	var sb strings.Builder
	for i := 0; i < len(b); {
		if b[i] != '\\' || i+1 >= len(b) || b[i+1] != 'u' {
			sb.WriteByte(b[i])
			i++
			continue
		}
		r, n, ok := unicodeEscape(b[i+2:])
		if !ok {
			sb.WriteByte(b[i])
			i++
			continue
		}
		sb.WriteRune(r)
		i += 2 + n
	}
	return sb.String()
}

// nameView returns an identifier's name like identName, without copying
// it when it has no escape: the string shares b's memory, so it is for
// comparing, and keep copies what is kept.
func nameView(b []byte) string {
	if bytes.IndexByte(b, '\\') < 0 {
		return view(b)
	}
	return identName(b)
}

// view returns b as a string that shares its memory. b must not change
// while the string is in use, which holds for the source the parser read.
func view(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	//nolint:gosec // G103: the string is read while the source lives, and copied by keep to be kept.
	return unsafe.String(&b[0], len(b))
}

// keep returns a copy of a name that may be a view into the source, to be
// kept in a finding without keeping the source alive; the names looked up
// most are not copied.
func keep(name string) string {
	for _, s := range knownNames {
		if name == s {
			return s
		}
	}
	return strings.Clone(name)
}

var knownNames = [...]string{"chrome", "browser", "globalThis", "window", "self", "runtime", "sender"}

// knownName returns the names the analysis compares most, without
// allocating.
func knownName(b []byte) (string, bool) {
	for _, s := range knownNames {
		if string(b) == s {
			return s, true
		}
	}
	return "", false
}

// unicodeEscape reads the part of a \u escape after "\u": four hex digits
// or a braced code point. It returns the code unit or code point and the
// number of bytes read.
func unicodeEscape(b []byte) (r rune, n int, ok bool) {
	if len(b) > 0 && b[0] == '{' {
		end := bytes.IndexByte(b, '}')
		if end < 2 || end > 9 {
			return 0, 0, false
		}
		v, ok := hexValue(b[1:end])
		if !ok || v > utf8.MaxRune {
			return 0, 0, false
		}
		return v, end + 1, true
	}
	if len(b) < 4 {
		return 0, 0, false
	}
	v, ok := hexValue(b[:4])
	return v, 4, ok
}

func hexValue(b []byte) (rune, bool) {
	var v rune
	for _, c := range b {
		switch {
		case '0' <= c && c <= '9':
			v = v<<4 | rune(c-'0')
		case 'a' <= c && c <= 'f':
			v = v<<4 | rune(c-'a'+10)
		case 'A' <= c && c <= 'F':
			v = v<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return v, len(b) > 0
}

// stringValue returns the value of a string literal token, quotes
// included, with its escapes decoded. ok is false for a malformed literal.
func stringValue(tok []byte) (string, bool) {
	if len(tok) < 2 || tok[0] != tok[len(tok)-1] || tok[0] != '"' && tok[0] != '\'' {
		return "", false
	}
	return unescape(tok[1:len(tok)-1], false)
}

// stringView is stringValue, with a value that shares tok's memory when
// the literal has no escape (see view).
func stringView(tok []byte) (string, bool) {
	if len(tok) < 2 || tok[0] != tok[len(tok)-1] || tok[0] != '"' && tok[0] != '\'' {
		return "", false
	}
	if b := tok[1 : len(tok)-1]; bytes.IndexByte(b, '\\') < 0 && utf8.Valid(b) {
		return view(b), true
	}
	return unescape(tok[1:len(tok)-1], false)
}

// templateValue returns the cooked value of a template literal without
// substitutions, backquotes included.
func templateValue(tok []byte) (string, bool) {
	if len(tok) < 2 || tok[0] != '`' || tok[len(tok)-1] != '`' {
		return "", false
	}
	return unescape(tok[1:len(tok)-1], true)
}

// unescape decodes a literal's escapes. Strings decode legacy octal
// escapes; templates do not (a template with one has no cooked value), and
// normalise their line ends to "\n". Code units are collected and joined
// as UTF-16, so that an escaped surrogate pair is one character; a lone
// surrogate, like a byte that is not UTF-8, becomes U+FFFD.
func unescape(b []byte, template bool) (string, bool) {
	if bytes.IndexByte(b, '\\') < 0 && (!template || bytes.IndexByte(b, '\r') < 0) && utf8.Valid(b) {
		return string(b), true
	}
	units := make([]uint16, 0, len(b))
	appendRune := func(r rune) {
		if r >= 0x10000 {
			r1, r2 := utf16.EncodeRune(r)
			units = append(units, uint16(r1), uint16(r2))
		} else {
			units = append(units, uint16(r))
		}
	}
	for i := 0; i < len(b); {
		c := b[i]
		if c == '\r' && template {
			appendRune('\n')
			i++
			if i < len(b) && b[i] == '\n' {
				i++
			}
			continue
		}
		if c != '\\' {
			r, size := utf8.DecodeRune(b[i:])
			appendRune(r)
			i += size
			continue
		}
		i++
		if i >= len(b) {
			return "", false
		}
		c = b[i]
		i++
		switch c {
		case 'n':
			appendRune('\n')
		case 't':
			appendRune('\t')
		case 'r':
			appendRune('\r')
		case 'b':
			appendRune('\b')
		case 'f':
			appendRune('\f')
		case 'v':
			appendRune('\v')
		case '\n':
			// A line continuation.
		case '\r':
			if i < len(b) && b[i] == '\n' {
				i++
			}
		case 'x':
			if i+2 > len(b) {
				return "", false
			}
			v, ok := hexValue(b[i : i+2])
			if !ok {
				return "", false
			}
			appendRune(v)
			i += 2
		case 'u':
			r, n, ok := unicodeEscape(b[i:])
			if !ok {
				return "", false
			}
			if r < 0x10000 {
				units = append(units, uint16(r)) // possibly half of a pair
			} else {
				appendRune(r)
			}
			i += n
		case '0', '1', '2', '3', '4', '5', '6', '7':
			if c == '0' && (i >= len(b) || b[i] < '0' || b[i] > '9') {
				appendRune(0)
				break
			}
			if template {
				return "", false
			}
			// A legacy octal escape: up to three digits, at most 0377.
			v := rune(c - '0')
			for n := 1; n < 3 && i < len(b) && '0' <= b[i] && b[i] <= '7' && v*8+rune(b[i]-'0') <= 0o377; n++ {
				v = v*8 + rune(b[i]-'0')
				i++
			}
			appendRune(v)
		case '8', '9':
			if template {
				return "", false
			}
			appendRune(rune(c))
		default:
			if c == 0xE2 && i+1 < len(b) && b[i] == 0x80 && (b[i+1] == 0xA8 || b[i+1] == 0xA9) {
				i += 2 // a line continuation by U+2028 or U+2029
				continue
			}
			r, size := utf8.DecodeRune(b[i-1:])
			appendRune(r)
			i += size - 1
		}
	}
	return string(utf16.Decode(units)), true
}
