package rules

import "github.com/crxlint/crxlint/lint"

// UnknownKey reports a schema violation: a key Chrome does not know, which it ignores with a warning.
var UnknownKey = schemaRule(lint.Rule{
	ID:       idUnknownKey,
	Title:    "A key Chrome does not know, which it ignores with a warning",
	Severity: lint.Warning,
	Chrome:   lint.Warns,
	Doc: `Chrome warns "Unrecognized manifest key" and ignores a top-level key it does not know. It is
usually a typo, a key of another browser, or a key from an older or newer manifest format; crxlint
suggests the key you probably meant, and names the Chrome key that does what a Firefox or Opera key
does.

` + "`browser_specific_settings`" + ` and ` + "`$schema`" + ` are allowed, as Chrome allows them, so one manifest can
serve Firefox too. Keep a key Chrome does not know only when another browser needs it.`,
})
