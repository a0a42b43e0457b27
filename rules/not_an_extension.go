package rules

import "github.com/crxlint/crxlint/lint"

// NotAnExtension reports a schema violation: the manifest describes a Chrome App, a theme or a shared module.
var NotAnExtension = schemaRule(lint.Rule{
	ID:       idNotAnExtension,
	Title:    "The manifest describes a Chrome App, a theme or a shared module",
	Severity: lint.Info,
	Chrome:   lint.Accepts,
	Doc: `A manifest with ` + "`app`" + `, ` + "`theme`" + ` or ` + "`export`" + ` is not an extension's: Chrome then judges every other
key as an app's, a theme's or a shared module's. This note says which, so that the other findings read
right.`,
})
