// Package lint is crxlint's rule API: rules are immutable values that report
// diagnostics through a Pass, as go/analysis analyzers do.
package lint

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/crxlint/crxlint/manifest"
)

// Severity orders findings: Info < Warning < Error.
type Severity uint8

// The severities.
const (
	Info Severity = iota + 1
	Warning
	Error
)

var severityNames = map[Severity]string{Info: "info", Warning: "warning", Error: "error"}

func (s Severity) String() string {
	if name, ok := severityNames[s]; ok {
		return name
	}
	return fmt.Sprintf("Severity(%d)", uint8(s))
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) {
	if _, ok := severityNames[s]; !ok {
		return nil, fmt.Errorf("invalid severity %d", uint8(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseSeverity reads "info", "warning" or "error".
func ParseSeverity(name string) (Severity, error) {
	for s, n := range severityNames {
		if n == name {
			return s, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q: want info, warning or error", name)
}

// Chrome is what Chrome itself does with a problem.
type Chrome uint8

// The verdicts.
const (
	// Accepts means Chrome is silent: the finding is crxlint's own.
	Accepts Chrome = iota + 1
	// Warns means the extension loads with an install warning.
	Warns
	// Rejects means the extension does not load.
	Rejects
)

var chromeNames = map[Chrome]string{Accepts: "accepts", Warns: "warns", Rejects: "rejects"}

func (c Chrome) String() string {
	if name, ok := chromeNames[c]; ok {
		return name
	}
	return fmt.Sprintf("Chrome(%d)", uint8(c))
}

// MarshalText writes the verdict's name.
func (c Chrome) MarshalText() ([]byte, error) {
	if _, ok := chromeNames[c]; !ok {
		return nil, fmt.Errorf("invalid chrome verdict %d", uint8(c))
	}
	return []byte(c.String()), nil
}

// Diagnostic is one finding in one manifest.
type Diagnostic struct {
	Rule     string
	Severity Severity
	Chrome   Chrome
	// Message is crxlint's own words: what is wrong, then what to do.
	Message string
	// ChromeMessage is Chrome's own message for the problem, verbatim, as
	// Chrome shows it as a load error or an install warning; "" when
	// Chrome says nothing or crxlint cannot know its words. It is kept out
	// of Message so that a reader can tell crxlint's advice from Chrome's.
	ChromeMessage string
	// Pointer is the RFC 6901 pointer of the offending value or member;
	// "" is the whole document.
	Pointer string
	Range   manifest.Range
	Related []Related
	Fixes   []Fix
	// ChromeDrops says that Chrome ignores the value at Pointer as a whole,
	// before it reads what is in it: a key or permission the manifest's
	// type may not use. CheckDocument then drops the other diagnostics at
	// or under Pointer, which would judge what Chrome never reads.
	ChromeDrops bool
}

// Text is the message as crxlint prints it for people: crxlint's words,
// then Chrome's own in a quoted aside when there are any.
func (d Diagnostic) Text() string {
	if d.ChromeMessage == "" {
		return d.Message
	}
	return fmt.Sprintf("%s (Chrome: %q)", d.Message, d.ChromeMessage)
}

// Related points at another place that explains a diagnostic, such as the
// earlier occurrence of a duplicate key.
type Related struct {
	Pointer string
	Range   manifest.Range
	Message string
	// Path is the file the place is in, slash-separated and relative to
	// the extension's folder, such as the script whose call a finding is
	// about; "" is the manifest. Pointer is "" then.
	Path string
	// Line is the source line the range starts on, and LineStart the
	// offset of its first byte, for a place in another file than the
	// manifest, so that formats can show it.
	Line      string
	LineStart int
	// Ignored are the rules a crxlint-ignore comment with a reason, at the
	// end of Line or on the line before it, silences there; lint.Check
	// drops a diagnostic of such a rule.
	Ignored []string
}

// Fix is one way to repair a diagnostic: text edits applied together.
type Fix struct {
	Message string // an imperative phrase: "remove the trailing comma"
	Edits   []Edit
}

// Edit replaces the source bytes [Start, End) with New.
type Edit struct {
	Start, End int
	New        string
}

// Compare orders diagnostics by position, then rule, then message: the order
// crxlint prints them in.
func Compare(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.Range.Start.Offset, b.Range.Start.Offset),
		cmp.Compare(a.Range.End.Offset, b.Range.End.Offset),
		strings.Compare(a.Rule, b.Rule),
		strings.Compare(a.Message, b.Message),
	)
}

// Sort sorts diagnostics with Compare and removes exact repeats.
func Sort(ds []Diagnostic) []Diagnostic {
	slices.SortStableFunc(ds, Compare)
	return slices.CompactFunc(ds, func(a, b Diagnostic) bool {
		return Compare(a, b) == 0 && a.Pointer == b.Pointer
	})
}

// WithChrome returns the diagnostic with Chrome's own message for the
// problem.
func (d Diagnostic) WithChrome(message string) Diagnostic {
	d.ChromeMessage = message
	return d
}
