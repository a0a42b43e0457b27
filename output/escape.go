package output

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// escape makes text from the input safe to print on one line of a
// terminal or a CI log: control characters (newlines, ESC, C1 controls),
// line and paragraph separators, bidirectional overrides and bytes that are
// not UTF-8 are written as Go escapes, so that input can neither start a
// line of its own (a GitHub "::error" command, say) nor send an escape
// sequence to the terminal nor reorder what is shown. Tabs become tabs
// spaces; "\t" keeps them visible where they would mislead.
func escape(s, tabs string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t':
			b.WriteString(tabs)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case unsafeRune(r) && r < utf8.RuneSelf:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// escapeLine escapes a one-line field: a path, a message.
func escapeLine(s string) string { return escape(s, `\t`) }

func needsEscape(s string) bool {
	for _, r := range s {
		if r == '\t' || r == utf8.RuneError || unsafeRune(r) {
			return true
		}
	}
	return false
}

// unsafeRune reports whether r must not reach a terminal or a log as is.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20 && r != '\t', r == 0x7f, 0x80 <= r && r < 0xa0: // C0, DEL, C1
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	case 0x202a <= r && r <= 0x202e, 0x2066 <= r && r <= 0x2069: // bidirectional overrides
		return true
	}
	return false
}

// EscapeLine makes a one-line field from the input, such as a path, safe to
// print on a terminal or in a CI log, as every report does.
func EscapeLine(s string) string { return escapeLine(s) }
