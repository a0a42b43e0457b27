package rules

import "github.com/crxlint/crxlint/lint"

// InvalidValue reports a schema violation: a value Chrome refuses, so the extension does not load.
var InvalidValue = schemaRule(lint.Rule{
	ID:       idInvalidValue,
	Title:    "A value Chrome refuses, so the extension does not load",
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: `Chrome reads every key it knows with a parser generated from its own schema of manifest.json, and
refuses to load the extension when a value has the wrong type (a string where a list belongs), when a
required key such as ` + "`name`" + `, ` + "`version`" + ` or ` + "`manifest_version`" + ` is missing, or when a value is out of
range. crxlint checks every manifest against its own JSON Schema of manifest.json, written from
Chromium's source and checked against a real Chromium, and quotes Chrome's message.`,
})
