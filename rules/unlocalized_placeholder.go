package rules

import "github.com/crxlint/crxlint/lint"

// UnlocalizedPlaceholder reports __MSG_ placeholders Chrome does not substitute.
var UnlocalizedPlaceholder = &lint.Rule{
	ID:         idUnlocalizedPlaceholder,
	Aliases:    []string{"locales"},
	Title:      "A __MSG_ placeholder Chrome shows as written",
	Category:   lint.Correctness,
	Severity:   lint.Warning,
	Chrome:     lint.Accepts,
	NeedsFiles: true,
	Doc: "Chrome substitutes messages only in `name`, `short_name`, `description`, the actions'\n" +
		"`default_title`, `omnibox.keyword`, the `commands` descriptions and a few keys of legacy\n" +
		"apps, file browser handlers, input components and `chrome_settings_overrides`, and only when\n" +
		"the extension has a `_locales` folder and a `default_locale`. Elsewhere a `__MSG_name__` is\n" +
		"shown as written. Write the text itself, or add the translations.",
	Run: reportShare(localeFindings),
}
