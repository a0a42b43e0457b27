package rules

import "github.com/crxlint/crxlint/lint"

// IgnoredActionCommand reports an action command Chrome ignores with a warning.
var IgnoredActionCommand = &lint.Rule{
	ID:       idIgnoredActionCommand,
	Aliases:  []string{"commands"},
	Title:    "An action command Chrome ignores with a warning",
	Category: lint.Correctness,
	Severity: lint.Warning,
	Chrome:   lint.Warns,
	Doc: "Chrome ignores `_execute_action` without an `action` key, and the Manifest V2 names\n" +
		"`_execute_browser_action` and `_execute_page_action` in manifest version 3, with a warning: the\n" +
		"shortcut does nothing. Name the command `_execute_action` and give the manifest an `action`.",
	Run: reportShare(commandFindings),
}
