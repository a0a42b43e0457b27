package rules

import "github.com/crxlint/crxlint/lint"

// UnavailableFeature reports a schema violation: a key or permission not available to this extension, which Chrome ignores with a warning.
var UnavailableFeature = schemaRule(lint.Rule{
	ID:       idUnavailableFeature,
	Title:    "A key or permission not available to this extension, which Chrome ignores with a warning",
	Severity: lint.Warning,
	Chrome:   lint.Warns,
	Doc: `Chrome's features are available to some extensions only: by manifest version ("requires manifest
version of at least 3"), by release channel ("requires dev channel or newer"), by type ("only allowed
for packaged apps"), by platform, or by extension ID. Elsewhere Chrome warns and ignores the key or
permission, so the feature it names does not work. Remove it, or meet the condition Chrome's message
names.`,
})
