package rules

import "github.com/crxlint/crxlint/lint"

// IgnoredValue reports a schema violation: a value Chrome ignores with a warning.
var IgnoredValue = schemaRule(lint.Rule{
	ID:       idIgnoredValue,
	Title:    "A value Chrome ignores with a warning",
	Severity: lint.Warning,
	Chrome:   lint.Warns,
	Doc: `A few keys are read leniently: when their value is wrong, Chrome loads the extension with a warning
and ignores the key, as with an ` + "`options_ui`" + ` without a ` + "`page`" + `, an empty ` + "`trial_tokens`" + ` list, or an
` + "`externally_connectable`" + ` with neither ` + "`matches`" + ` nor ` + "`ids`" + `. What the key was meant to do does not
happen. Correct the value as Chrome's message says, or remove the key.`,
})
