package rules

import "github.com/crxlint/crxlint/lint"

const idOptionsChromeStyle = "options-chrome-style"

// OptionsChromeStyle reports options_ui.chrome_style in manifest version 3,
// which the schema refuses.
var OptionsChromeStyle = schemaRule(lint.Rule{
	ID:       idOptionsChromeStyle,
	Title:    "options_ui.chrome_style is not allowed in manifest version 3",
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "`options_ui.chrome_style` gave manifest version 2 options pages Chrome's own look. Manifest\n" +
		"version 3 removed it, and Chrome refuses the extension when the key is present, even as\n" +
		"`false`: \"The chrome_style option cannot be used with manifest version 3.\" Remove the key and\n" +
		"style the page with your own CSS.",
})
