package rules

import "github.com/crxlint/crxlint/lint"

// SilentlyIgnoredValue reports a schema violation: a value Chrome ignores without a word.
var SilentlyIgnoredValue = schemaRule(lint.Rule{
	ID:       idSilentlyIgnoredValue,
	Title:    "A value Chrome ignores without a word",
	Severity: lint.Warning,
	Chrome:   lint.Accepts,
	Doc: `Chrome ignores some wrong values without any warning, such as a ` + "`background`" + ` that is not an object:
the extension loads, but what the key was meant to do never happens.`,
})
