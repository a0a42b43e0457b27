package rules

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/crxlint/crxlint/l10n"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// Chrome's texts for a default_locale and a _locales folder that do not
// fit together.
const (
	msgLocalesTreeMissing = "Default locale was specified, but _locales subtree is missing."
	msgNoDefaultLocale    = "Localization used, but default_locale wasn't specified in the manifest."
	msgInvalidLocale      = "Invalid value for default locale - locale name must be a string."
)

// Locales reports translations Chrome refuses or never uses: a
// default_locale without its messages, a broken messages.json, a folder
// under _locales that Chrome rejects or ignores, and a __MSG_ placeholder
// that names no message.
var Locales = &lint.Rule{
	ID:         "locales",
	Title:      "default_locale, _locales or a __MSG_ placeholder is broken",
	Category:   lint.Correctness,
	Severity:   lint.Error,
	Chrome:     lint.Rejects,
	NeedsFiles: true,
	Doc: "An extension is translated with a `_locales` folder that holds one folder per locale,\n" +
		"such as `_locales/en` or `_locales/pt_BR`, each with a `messages.json`, and a\n" +
		"`default_locale` in the manifest that names one of them. Manifest strings then refer to\n" +
		"messages as `__MSG_name__`. Chrome checks all of this as it loads the extension, and\n" +
		"refuses it when:\n\n" +
		"- `default_locale` is set but there is no `_locales` folder, or the other way round;\n" +
		"- `default_locale` is not a locale Chrome knows by exactly that name (`en-US` and `en_us`\n" +
		"  are not; `en_US` is), or `_locales` has no folder of that name;\n" +
		"- a folder named after a locale has no `messages.json`, or one that is not JSON, or a\n" +
		"  message that is not `{\"message\": \"...\"}`, has a name other than ASCII letters,\n" +
		"  digits, `_` and `@`, or uses a `$placeholder$` it does not define;\n" +
		"- a `__MSG_name__` names a message that the default locale does not define. Names are\n" +
		"  case-insensitive. Chrome predefines `@@ui_locale` and the `@@bidi_*` messages, but not\n" +
		"  `@@extension_id`, which works only in CSS files and scripts.\n\n" +
		"Chromium 156 even crashes on a `messages.json` that is not a JSON object and on a folder\n" +
		"under `_locales` whose name is not ASCII.\n\n" +
		"The rule also warns about translations Chrome silently never uses: a folder whose name\n" +
		"is not a locale Chrome knows (`xx`) or is spelled differently (`en-US` or `iw` where Chrome\n" +
		"reads `en_US` and `he`); a `__MSG_name__` in a manifest without `_locales`, which Chrome\n" +
		"shows as written; and a `__MSG_name__` in a key Chrome does not localise. Chrome\n" +
		"substitutes messages only in `name`, `short_name`, `description`, the actions'\n" +
		"`default_title`, `omnibox.keyword`, the `commands` descriptions and a few keys of legacy\n" +
		"apps, file browser handlers, input components and `chrome_settings_overrides`.\n\n" +
		"A message defined in another locale but not in the default one works only for users whose\n" +
		"browser uses that locale: Chrome refuses the extension for everyone else.",
	Run: runLocales,
}

func runLocales(pass *lint.Pass) error {
	root := pass.Root()
	member, hasDefault := root.Member("default_locale")
	locale, ok := member.Value.Str()
	if hasDefault && (!ok || locale == "") {
		return nil // the schema rule reports a default_locale that is not a locale name
	}
	info, err := fs.Stat(pass.Files, l10n.Folder)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if hasDefault {
			reportNoLocalesFolder(pass, member.Value, locale)
		} else {
			reportLiteralPlaceholders(pass)
		}
	case err != nil:
		return fmt.Errorf("reading %s: %w", l10n.Folder, err)
	case !info.IsDir():
		const format = "%s is a file; it must be a folder that holds one folder per locale (Chrome: %q)"
		if hasDefault {
			pass.Reportf(member.Value, format, l10n.Folder, msgNoDefaultLocale)
		} else {
			pass.Report(localeFolderAt(pass, format, l10n.Folder, msgNoDefaultLocale))
		}
	default:
		var catalog *l10n.Catalog
		if hasDefault {
			if catalog, err = checkDefaultLocale(pass, member.Value, locale); err != nil {
				return err
			}
		} else {
			pass.Report(localeFolderAt(pass, "the extension has a %s folder but no default_locale; add \"default_locale\": %q (Chrome: %q)",
				l10n.Folder, suggestDefault(pass.Files), msgNoDefaultLocale))
		}
		if err := checkLocaleFolders(pass, hasDefault, locale); err != nil {
			return err
		}
		if catalog != nil {
			checkPlaceholders(pass, catalog)
		}
	}
	reportUnlocalized(pass)
	return nil
}

// reportNoLocalesFolder reports a default_locale without a _locales folder.
func reportNoLocalesFolder(pass *lint.Pass, n *manifest.Node, locale string) {
	if !l10n.ValidSyntax(locale) {
		pass.Reportf(n, "default_locale %s is not a locale name such as \"en\" or \"pt_BR\" (Chrome: %q)", quote(locale), msgInvalidLocale)
		return
	}
	pass.Reportf(n, "default_locale %s is set but the extension has no %s folder; add %s or remove default_locale (Chrome: %q)",
		quote(locale), l10n.Folder, l10n.MessagesPath(locale), msgLocalesTreeMissing)
}

// checkDefaultLocale checks the default locale's folder and messages, and
// returns its catalog when it is JSON Chrome can read.
func checkDefaultLocale(pass *lint.Pass, n *manifest.Node, locale string) (*l10n.Catalog, error) {
	if !l10n.Known(locale) {
		if canonical, ok := l10n.Canonical(locale); ok {
			pass.Reportf(n, "Chrome names this locale %q, not %s; write %q and name the folder %s/%s (Chrome: %q)",
				canonical, quote(locale), canonical, l10n.Folder, canonical, msgNoDefaultLocale)
		} else {
			pass.Reportf(n, "default_locale %s is not a locale Chrome knows; use a code such as \"en\" or \"pt_BR\" (Chrome: %q)",
				quote(locale), msgNoDefaultLocale)
		}
		return nil, nil
	}
	dir := path.Join(l10n.Folder, locale)
	if _, err := fs.Stat(pass.Files, dir); err != nil {
		pass.Reportf(n, "default_locale is %s but there is no folder %s; add %s (Chrome: %q)",
			quote(locale), dir, l10n.MessagesPath(locale), msgNoDefaultLocale)
		return nil, nil
	}
	catalog, err := l10n.Load(pass.Files, locale)
	return catalog, reportCatalogError(pass, pass.At(n, ""), err)
}

// checkLocaleFolders checks every folder under _locales but the default
// locale's.
func checkLocaleFolders(pass *lint.Pass, hasDefault bool, locale string) error {
	entries, err := fs.ReadDir(pass.Files, l10n.Folder)
	if err != nil {
		return fmt.Errorf("reading %s: %w", l10n.Folder, err)
	}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || strings.HasPrefix(name, ".") || hasDefault && name == locale {
			continue // Chrome ignores files and hidden folders
		}
		if err := checkLocaleFolder(pass, name); err != nil {
			return err
		}
	}
	return nil
}

// checkLocaleFolder checks a folder under _locales that is not the default
// locale's.
func checkLocaleFolder(pass *lint.Pass, name string) error {
	dir := path.Join(l10n.Folder, name)
	if strings.ContainsFunc(name, func(r rune) bool { return r >= utf8.RuneSelf }) {
		pass.Report(localeFolderAt(pass, "Chromium 156 crashes on a folder under %s whose name is not ASCII, such as %s; rename or remove it", l10n.Folder, quote(dir)))
		return nil
	}
	canonical, known := l10n.Canonical(name)
	hasMessages := pathExists(pass.Files, path.Join(dir, l10n.MessagesFile))
	if name == canonical {
		if !hasMessages {
			pass.Report(localeFolderAt(pass, "%s has no %s; add one or remove the folder (Chrome: %q)",
				dir, l10n.MessagesFile, missingMessagesText(dir)))
			return nil
		}
		_, err := l10n.Load(pass.Files, name)
		return reportCatalogError(pass, localeFolderAt(pass, ""), err)
	}

	// Chrome never reads the folder: it reads a locale's messages only
	// from the folder named exactly as the locale.
	who, why, remedy := "Chrome", quote(name)+" is not a locale Chrome knows", `remove the folder, or name it after a locale such as "fr" or "pt_BR"`
	if known {
		why = fmt.Sprintf("it reads the %s messages from %s/%s", canonical, l10n.Folder, canonical)
		if strings.EqualFold(name, canonical) {
			who, why = "Chrome on Linux and ChromeOS", "file names are case-sensitive there, and "+why
		}
		remedy = "rename the folder " + path.Join(l10n.Folder, canonical)
		if pathExists(pass.Files, path.Join(l10n.Folder, canonical)) {
			remedy = "remove the folder"
		}
	}
	if known && !hasMessages {
		// Chrome still requires a messages.json in any folder it takes for
		// a locale it knows.
		chrome := fmt.Sprintf("Catalog file is missing for locale %s.", l10n.Tag(canonical))
		if strings.EqualFold(name, canonical) {
			chrome = missingMessagesText(dir)
		}
		pass.Report(localeFolderAt(pass, "%s has no %s, which %s requires although it never reads the folder: %s; %s (Chrome: %q)",
			dir, l10n.MessagesFile, who, why, remedy, chrome))
		return nil
	}
	d := localeFolderAt(pass, "%s never reads %s: %s; %s", who, dir, why, remedy)
	d.Severity, d.Chrome = lint.Warning, lint.Accepts
	pass.Report(d)
	return nil
}

// missingMessagesText is Chrome's text for a locale folder without a
// messages.json, the absolute path shortened.
func missingMessagesText(dir string) string {
	return "Messages file is missing for locale. .../" + path.Join(dir, l10n.MessagesFile)
}

// reportCatalogError reports each problem of a messages.json as a copy of
// the diagnostic at. It returns the errors that are not about the file.
func reportCatalogError(pass *lint.Pass, at lint.Diagnostic, err error) error {
	var e *l10n.Error
	if !errors.As(err, &e) {
		return err
	}
	for _, p := range e.Problems {
		d := at
		d.Message = p.Message
		if p.Line > 0 { // a problem inside the file; the others name it
			d.Message = fmt.Sprintf("%s:%d:%d: %s", e.Path, p.Line, p.Column, p.Message)
		}
		if p.Crash {
			d.Message += " (Chromium 156 crashes on such a file)"
		} else {
			d.Message += fmt.Sprintf(" (Chrome: %q)", p.Chrome)
		}
		pass.Report(d)
	}
	return nil
}

// checkPlaceholders reports __MSG_ placeholders that name no message of the
// default locale.
func checkPlaceholders(pass *lint.Pass, catalog *l10n.Catalog) {
	file := l10n.MessagesPath(catalog.Locale())
	for n := range l10n.Localized(pass.Root()) {
		s, _ := n.Str()
		_, missing := catalog.Resolve(s)
		seen := map[string]bool{}
		for _, name := range missing {
			if seen[strings.ToLower(name)] {
				continue
			}
			seen[strings.ToLower(name)] = true
			chrome := fmt.Sprintf("Variable __MSG_%s__ used but not defined.", name)
			if strings.EqualFold(name, "@@extension_id") {
				pass.Reportf(n, "Chrome does not define @@extension_id in the manifest, only in CSS files and scripts; write the text itself (Chrome: %q)", chrome)
				continue
			}
			pass.Reportf(n, "message %q is not defined in %s, the default locale; define it there (Chrome: %q)", name, file, chrome)
		}
	}
}

// reportLiteralPlaceholders warns about __MSG_ placeholders in a manifest
// without translations: Chrome shows them as written.
func reportLiteralPlaceholders(pass *lint.Pass) {
	for n := range l10n.Localized(pass.Root()) {
		s, _ := n.Str()
		if refs := l10n.References(s); len(refs) > 0 {
			d := pass.At(n, "Chrome shows \"__MSG_%s__\" as written: the extension has no default_locale and no %s folder; add \"default_locale\" and define %q in %s",
				refs[0], l10n.Folder, refs[0], l10n.MessagesPath("en"))
			d.Severity, d.Chrome = lint.Warning, lint.Accepts
			pass.Report(d)
		}
	}
}

// reportUnlocalized warns about __MSG_ placeholders in strings Chrome does
// not localise.
func reportUnlocalized(pass *lint.Pass) {
	localized := map[*manifest.Node]bool{}
	for n := range l10n.Localized(pass.Root()) {
		localized[n] = true
	}
	var walk func(n *manifest.Node)
	walk = func(n *manifest.Node) {
		switch n.Kind() {
		case manifest.String:
			s, _ := n.Str()
			if refs := l10n.References(s); len(refs) > 0 && !localized[n] {
				d := pass.At(n, "Chrome does not substitute messages in %s, so \"__MSG_%s__\" stays as written; write the text itself", n.Pointer(), refs[0])
				d.Severity, d.Chrome = lint.Warning, lint.Accepts
				pass.Report(d)
			}
		case manifest.Array:
			for _, e := range n.Elems() {
				walk(e)
			}
		case manifest.Object:
			for m := range n.Members() {
				walk(m.Value)
			}
		}
	}
	walk(pass.Root())
}

// atFolder builds a diagnostic about the extension's folders: on the
// manifest's first key, or on the manifest when it has none.
func localeFolderAt(pass *lint.Pass, format string, args ...any) lint.Diagnostic {
	for m := range pass.Root().Members() {
		return pass.AtKey(m, format, args...)
	}
	return pass.At(pass.Root(), format, args...)
}

// suggestDefault returns the locale to suggest as default_locale: "en" when
// there is such a folder, else the first folder that is a locale.
func suggestDefault(fsys fs.FS) string {
	entries, _ := fs.ReadDir(fsys, l10n.Folder)
	for _, preferred := range []string{"en", ""} {
		for _, e := range entries {
			if name := e.Name(); e.IsDir() && l10n.Known(name) && (preferred == "" || name == preferred) {
				return name
			}
		}
	}
	return "en"
}

// pathExists reports whether a file or folder exists in fsys.
func pathExists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return err == nil
}
