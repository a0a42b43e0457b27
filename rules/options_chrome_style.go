package rules

import "github.com/crxlint/crxlint/lint"

// OptionsChromeStyle reports options_ui.chrome_style in manifest version 3.
var OptionsChromeStyle = &lint.Rule{
	ID:       "options-chrome-style",
	Title:    "options_ui.chrome_style is not allowed in manifest version 3",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "`options_ui.chrome_style` gave manifest version 2 options pages Chrome's own look. Manifest\n" +
		"version 3 removed it, and Chrome refuses the extension when the key is present, even as\n" +
		"`false`: \"The chrome_style option cannot be used with manifest version 3.\" Remove the key and\n" +
		"style the page with your own CSS.",
	Run: runOptionsChromeStyle,
}

func runOptionsChromeStyle(pass *lint.Pass) error {
	if mv, _ := pass.Root().Get("manifest_version").Int(); mv < 3 {
		return nil
	}
	if m, ok := pass.Root().Get("options_ui").Member("chrome_style"); ok {
		pass.ReportKeyf(m, "chrome_style was removed in manifest version 3; delete it and style the page with your own CSS (Chrome: %q)",
			"The chrome_style option cannot be used with manifest version 3.")
	}
	return nil
}
