package rules

import "github.com/crxlint/crxlint/lint"

// DuplicateShortcut reports two commands suggest the same shortcut.
var DuplicateShortcut = &lint.Rule{
	ID:       idDuplicateShortcut,
	Aliases:  []string{"commands"},
	Title:    "Two commands suggest the same shortcut",
	Category: lint.Correctness,
	Severity: lint.Warning,
	Chrome:   lint.Accepts,
	Doc: "Of two commands that suggest one shortcut on a platform, only one gets it, without a word from\n" +
		"Chrome. Give each command its own shortcut.",
	Run: reportShare(commandFindings),
}
