package rules

import "github.com/crxlint/crxlint/lint"

// MissingPage reports a popup or DevTools page that is not in the
// extension's folder.
var MissingPage = &lint.Rule{
	ID:         idMissingPage,
	Title:      "The popup or DevTools page the manifest names does not exist",
	Category:   lint.Correctness,
	Severity:   lint.Warning,
	Chrome:     lint.Warns,
	NeedsFiles: true,
	Doc: "A missing `default_popup` or `devtools_page` loads with a warning, and the popup or the\n" +
		"DevTools panel then fails when opened. Paths are relative to the folder that holds\n" +
		"manifest.json, and names are case-sensitive (see missing-file).",
	Run: reportShare(missingFiles),
}
