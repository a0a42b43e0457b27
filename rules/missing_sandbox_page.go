package rules

import "github.com/crxlint/crxlint/lint"

// MissingSandboxPage reports a sandbox page that is not in the extension's
// folder.
var MissingSandboxPage = &lint.Rule{
	ID:         idMissingSandboxPage,
	Title:      "A sandbox page the manifest names does not exist",
	Category:   lint.Correctness,
	Severity:   lint.Warning,
	Chrome:     lint.Accepts,
	NeedsFiles: true,
	Doc: "Chrome does not check `sandbox.pages` when it loads an extension: a missing page loads\n" +
		"silently and fails when used. Paths are relative to the folder that holds manifest.json,\n" +
		"and names are case-sensitive (see missing-file).",
	Run: reportShare(missingFiles),
}
