package rules

import "github.com/crxlint/crxlint/lint"

// UnusedIgnore reports ignore comments that silence nothing. lint.Check
// finds them once every other rule has run, so its Run does nothing.
var UnusedIgnore = &lint.Rule{
	ID:       lint.UnusedIgnore,
	Title:    "A crxlint-ignore comment silences nothing",
	Category: lint.Style,
	Severity: lint.Warning,
	Chrome:   lint.Accepts,
	Doc: "A `// crxlint-ignore RULE-ID: reason` comment in manifest.json silences a rule for one value\n" +
		"and everything inside it: the value on the comment's line when the comment ends the line,\n" +
		"else the value on the next line. Chrome allows comments in manifest.json, so the reason stays\n" +
		"with the manifest. When the rule no longer finds anything there, the comment only hides the\n" +
		"next real problem: remove it. An ignore is judged only when a rule it names ran, so turning a\n" +
		"rule off in the configuration does not make its ignores unused.",
	Run: func(*lint.Pass) error { return nil },
}
