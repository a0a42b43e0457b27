package rules

import "github.com/crxlint/crxlint/lint"

// UnusedLocaleFolder reports folders under _locales that Chrome never reads.
var UnusedLocaleFolder = &lint.Rule{
	ID:         idUnusedLocaleFolder,
	Aliases:    []string{"locales"},
	Title:      "A folder under _locales that Chrome never reads",
	Category:   lint.Correctness,
	Severity:   lint.Warning,
	Chrome:     lint.Accepts,
	NeedsFiles: true,
	Doc: "Chrome reads a locale's messages only from the folder named exactly as the locale. It silently\n" +
		"never uses a folder whose name is not a locale Chrome knows (`xx`) or is spelled differently\n" +
		"(`en-US` or `iw` where Chrome reads `en_US` and `he`), so those users see the default locale.\n" +
		"Rename the folder after the locale, or remove it.",
	Run: reportShare(localeFindings),
}
