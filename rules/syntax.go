package rules

import "github.com/crxlint/crxlint/lint"

// Syntax reports a manifest.json that Chrome cannot read as JSON. It cannot
// be turned off: nothing else can be checked in such a manifest.
var Syntax = &lint.Rule{
	ID:            "syntax",
	Title:         "manifest.json is not JSON that Chrome can read",
	Category:      lint.Correctness,
	Severity:      lint.Error,
	Chrome:        lint.Rejects,
	OnSyntaxError: true,
	Doc: `Chrome reads manifest.json with its own JSON reader. It accepts ` + "`//`" + ` and ` + "`/* */`" + `
comments, a UTF-8 byte-order mark, raw line breaks inside strings and ` + "`\\xNN`" + ` escapes. It
refuses everything else that is not plain JSON: a trailing comma after the last element,
single quotes, a raw tab or other control character inside a string, invalid UTF-8, a file
saved as UTF-16, numbers too large for a double, nesting deeper than 199 levels, and a
top-level value that is not an object. Chrome then shows "Manifest is not valid JSON." and
the extension does not load.

` + "`crxlint --fix`" + ` removes a trailing comma. Nothing else can be checked in a manifest that does not parse, so this rule cannot be
turned off.`,
	Run: runSyntax,
}

func runSyntax(pass *lint.Pass) error {
	err := pass.Manifest.Err()
	if err == nil {
		return nil
	}
	d := lint.Diagnostic{
		Message:       err.Message,
		ChromeMessage: err.Chrome,
		Range:         pass.Manifest.Range(err.Span),
	}
	if err.Reason == "trailing comma" {
		d.Fixes = []lint.Fix{{
			Message: "remove the trailing comma",
			Edits:   []lint.Edit{{Start: err.Span.Start, End: err.Span.End}},
		}}
	}
	pass.Report(d)
	return nil
}
