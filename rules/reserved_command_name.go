package rules

import "github.com/crxlint/crxlint/lint"

// ReservedCommandName reports a command name starting with "_", which Chrome ignores.
var ReservedCommandName = &lint.Rule{
	ID:       idReservedCommandName,
	Aliases:  []string{"commands"},
	Title:    "A command name starting with \"_\", which Chrome ignores",
	Category: lint.Correctness,
	Severity: lint.Warning,
	Chrome:   lint.Accepts,
	Doc: "Command names that start with `_` are Chrome's own (`_execute_action`, `_execute_side_panel`).\n" +
		"Chrome ignores any other such name without a word, so its shortcut never fires. Rename it.",
	Run: reportShare(commandFindings),
}
