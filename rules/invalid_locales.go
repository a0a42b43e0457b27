package rules

import "github.com/crxlint/crxlint/lint"

// InvalidLocales reports translations Chrome refuses.
var InvalidLocales = &lint.Rule{
	ID:         idInvalidLocales,
	Aliases:    []string{"locales"},
	Title:      "default_locale, _locales or a messages.json Chrome refuses",
	Category:   lint.Correctness,
	Severity:   lint.Error,
	Chrome:     lint.Rejects,
	NeedsFiles: true,
	Doc: "An extension is translated with a `_locales` folder that holds one folder per locale,\n" +
		"such as `_locales/en` or `_locales/pt_BR`, each with a `messages.json`, and a\n" +
		"`default_locale` in the manifest that names one of them. Chrome checks all of this as it\n" +
		"loads the extension, and refuses it when:\n\n" +
		"- `default_locale` is set but there is no `_locales` folder, or the other way round;\n" +
		"- `default_locale` is not a locale Chrome knows by exactly that name (`en-US` and `en_us`\n" +
		"  are not; `en_US` is), or `_locales` has no folder of that name;\n" +
		"- a folder named after a locale has no `messages.json`, or one that is not JSON, or a\n" +
		"  message that is not `{\"message\": \"...\"}`, has a name other than ASCII letters,\n" +
		"  digits, `_` and `@`, or uses a `$placeholder$` it does not define.\n\n" +
		"Chromium 156 even crashes on a `messages.json` that is not a JSON object and on a folder\n" +
		"under `_locales` whose name is not ASCII.",
	Run: reportShare(localeFindings),
}
