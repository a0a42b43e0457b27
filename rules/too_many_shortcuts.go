package rules

import "github.com/crxlint/crxlint/lint"

// TooManyShortcuts reports more than four commands have shortcuts.
var TooManyShortcuts = &lint.Rule{
	ID:       idTooManyShortcuts,
	Aliases:  []string{"commands"},
	Title:    "More than four commands have shortcuts",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "Chrome refuses an extension with more than four commands that suggest a shortcut on one\n" +
		"platform (media keys do not count). Users set shortcuts at chrome://extensions/shortcuts, so\n" +
		"suggest few and let users add the others.",
	Run: reportShare(commandFindings),
}
