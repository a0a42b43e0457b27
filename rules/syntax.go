package rules

import (
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

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

Chrome stops at the first error; crxlint reports it with Chrome's words, then goes on to report
every further trailing comma and missing comma it finds, so that an editor gets them all at
once. ` + "`crxlint --fix`" + ` removes trailing commas and adds missing commas. When the only errors
are trailing commas, the other rules check the manifest as Chrome reads it once they are
removed; otherwise nothing else can be checked. This rule cannot be turned off.`,
	Run: runSyntax,
}

func runSyntax(pass *lint.Pass) error {
	errs := pass.Manifest.Errors()
	if len(errs) == 0 && pass.Manifest.Err() != nil {
		errs = []*manifest.SyntaxError{pass.Manifest.Err()} // a Document from Parse
	}
	for i, err := range errs {
		d := lint.Diagnostic{Message: err.Message, Range: pass.Manifest.Range(err.Span)}
		if i == 0 {
			d.ChromeMessage = err.Chrome // Chrome stops at its first error
		} else {
			d.Message += " (found after Chrome's first error)"
		}
		if err.Reason == "trailing comma" {
			d.Fixes = []lint.Fix{{Message: "remove the trailing comma", Edits: []lint.Edit{{Start: err.Span.Start, End: err.Span.End}}}}
		}
		if at := err.CommaAt; at > 0 {
			d.Fixes = []lint.Fix{{Message: "add the missing comma", Edits: []lint.Edit{{Start: at, End: at, New: ","}}}}
		}
		pass.Report(d)
	}
	return nil
}
