package rules

import "github.com/crxlint/crxlint/lint"

// UndefinedMessage reports __MSG_ placeholders that name no message.
var UndefinedMessage = &lint.Rule{
	ID:         idUndefinedMessage,
	Aliases:    []string{"locales"},
	Title:      "A __MSG_ placeholder names a message the default locale does not define",
	Category:   lint.Correctness,
	Severity:   lint.Error,
	Chrome:     lint.Rejects,
	NeedsFiles: true,
	Doc: "Manifest strings refer to messages as `__MSG_name__`. Chrome refuses the extension when one\n" +
		"names a message that the default locale's `messages.json` does not define. Names are\n" +
		"case-insensitive. Chrome predefines `@@ui_locale` and the `@@bidi_*` messages, but not\n" +
		"`@@extension_id`, which works only in CSS files and scripts.\n\n" +
		"A message defined in another locale but not in the default one works only for users whose\n" +
		"browser uses that locale: Chrome refuses the extension for everyone else.",
	Run: reportShare(localeFindings),
}
