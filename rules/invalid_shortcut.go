package rules

import "github.com/crxlint/crxlint/lint"

// InvalidShortcut reports a command's shortcut Chrome refuses.
var InvalidShortcut = &lint.Rule{
	ID:       idInvalidShortcut,
	Aliases:  []string{"commands"},
	Title:    "A command's shortcut Chrome refuses",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "A `suggested_key` is `Ctrl` or `Alt`, optionally `Shift`, and one key: `A`-`Z`, `0`-`9`, `Comma`,\n" +
		"`Period`, `Up`, `Down`, `Left`, `Right`, `Insert`, `Delete`, `Home`, `End`, `PageUp`, `PageDown`,\n" +
		"`Space` or `Tab`, as in `Ctrl+Shift+Y`; names are case-sensitive. On a Mac `Ctrl` is Command;\n" +
		"only `\"mac\"` entries may use `MacCtrl` and `Option`, and only `\"chromeos\"` ones `Search`.\n" +
		"Named commands may use `MediaNextTrack`, `MediaPlayPause`, `MediaPrevTrack` or `MediaStop`\n" +
		"alone. Chrome checks every entry on every platform, needs one for its own platform or a\n" +
		"`\"default\"`, and refuses the extension for a shortcut it cannot read, such as `Ctrl+Alt+Y`,\n" +
		"`Shift+Y`, `Y` or `Ctrl+F5`, for an empty one and for an unknown platform.",
	Run: reportShare(commandFindings),
}
