package rules

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/crxlint/crxlint/internal/chromemsg"

	"github.com/crxlint/crxlint/l10n"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// Chrome's texts for a default_locale and a _locales folder that do not
// fit together.
const (
	msgLocalesTreeMissing = "Default locale was specified, but _locales subtree is missing."
	msgNoDefaultLocale    = "Localization used, but default_locale wasn't specified in the manifest."
)

// localeFindings checks default_locale, the _locales folder and the
// __MSG_ placeholders, for invalid-locales, undefined-message,
// unused-locale-folder and unlocalized-placeholder.
var localeFindings = lint.NewResult("locales", func(pass *lint.Pass) (findings, error) {
	out := findings{}
	return out, checkLocales(pass, out)
})

const (
	idInvalidLocales         = "invalid-locales"
	idUndefinedMessage       = "undefined-message"
	idUnusedLocaleFolder     = "unused-locale-folder"
	idUnlocalizedPlaceholder = "unlocalized-placeholder"
)

func checkLocales(pass *lint.Pass, out findings) error {
	root := pass.Root()
	member, hasDefault := root.Member("default_locale")
	locale, ok := member.Value.Str()
	if hasDefault && (!ok || locale == "") {
		return nil // invalid-value reports a default_locale that is not a string
	}
	info, err := fs.Stat(pass.Files, l10n.Folder)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if hasDefault {
			reportNoLocalesFolder(pass, out, member.Value, locale)
		} else {
			reportLiteralPlaceholders(pass, out)
		}
	case err != nil:
		return nil // a link leaving the folder, say: the reader reports what it refused
	case !info.IsDir():
		const format = "%s is a file; it must be a folder that holds one folder per locale"
		d := localeFolderAt(pass, format, l10n.Folder)
		if hasDefault {
			d = pass.At(member.Value, format, l10n.Folder)
		}
		d.ChromeMessage = msgNoDefaultLocale
		out.add(idInvalidLocales, d)
	default:
		var catalog *l10n.Catalog
		if hasDefault {
			if catalog, err = checkDefaultLocale(pass, out, member.Value, locale); err != nil {
				return err
			}
		} else {
			d := localeFolderAt(pass, "the extension has a %s folder but no default_locale; add \"default_locale\": %q",
				l10n.Folder, suggestDefault(pass.Files))
			d.ChromeMessage = msgNoDefaultLocale
			out.add(idInvalidLocales, d)
		}
		if err := checkLocaleFolders(pass, out, hasDefault, locale); err != nil {
			return err
		}
		if catalog != nil {
			checkPlaceholders(pass, out, catalog)
		}
	}
	reportUnlocalized(pass, out)
	return nil
}

// reportNoLocalesFolder reports a default_locale without a _locales folder.
func reportNoLocalesFolder(pass *lint.Pass, out findings, n *manifest.Node, locale string) {
	if !l10n.ValidSyntax(locale) {
		out.report(pass, idInvalidLocales, n, fmt.Sprintf("default_locale %s is not a locale name such as \"en\" or \"pt_BR\"", quote(locale)), chromemsg.InvalidDefaultLocale)
		return
	}
	out.report(pass, idInvalidLocales, n, fmt.Sprintf("default_locale %s is set but the extension has no %s folder; add %s or remove default_locale",
		quote(locale), l10n.Folder, l10n.MessagesPath(locale)), msgLocalesTreeMissing)
}

// checkDefaultLocale checks the default locale's folder and messages, and
// returns its catalog when it is JSON Chrome can read.
func checkDefaultLocale(pass *lint.Pass, out findings, n *manifest.Node, locale string) (*l10n.Catalog, error) {
	if !l10n.Known(locale) {
		if canonical, ok := l10n.Canonical(locale); ok {
			out.report(pass, idInvalidLocales, n, fmt.Sprintf("Chrome names this locale %q, not %s; write %q and name the folder %s/%s",
				canonical, quote(locale), canonical, l10n.Folder, canonical), msgNoDefaultLocale)
		} else {
			out.report(pass, idInvalidLocales, n, fmt.Sprintf("default_locale %s is not a locale Chrome knows; use a code such as \"en\" or \"pt_BR\"",
				quote(locale)), msgNoDefaultLocale)
		}
		return nil, nil
	}
	dir := path.Join(l10n.Folder, locale)
	if _, err := fs.Stat(pass.Files, dir); err != nil {
		out.report(pass, idInvalidLocales, n, fmt.Sprintf("default_locale is %s but there is no folder %s; add %s",
			quote(locale), dir, l10n.MessagesPath(locale)), msgNoDefaultLocale)
		return nil, nil
	}
	catalog, err := l10n.Load(pass.Files, locale)
	return catalog, reportCatalogError(out, pass.At(n, ""), err)
}

// checkLocaleFolders checks every folder under _locales but the default
// locale's.
func checkLocaleFolders(pass *lint.Pass, out findings, hasDefault bool, locale string) error {
	entries, err := fs.ReadDir(pass.Files, l10n.Folder)
	if err != nil {
		return nil // the reader reports what it refused
	}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || strings.HasPrefix(name, ".") || hasDefault && name == locale {
			continue // Chrome ignores files and hidden folders
		}
		if err := checkLocaleFolder(pass, out, name); err != nil {
			return err
		}
	}
	return nil
}

// checkLocaleFolder checks a folder under _locales that is not the default
// locale's.
func checkLocaleFolder(pass *lint.Pass, out findings, name string) error {
	dir := path.Join(l10n.Folder, name)
	if strings.ContainsFunc(name, func(r rune) bool { return r >= utf8.RuneSelf }) {
		out.add(idInvalidLocales, localeFolderAt(pass, "Chromium 156 crashes on a folder under %s whose name is not ASCII, such as %s; rename or remove it", l10n.Folder, quote(dir)))
		return nil
	}
	canonical, known := l10n.Canonical(name)
	hasMessages := pathExists(pass.Files, path.Join(dir, l10n.MessagesFile))
	if name == canonical {
		if !hasMessages {
			d := localeFolderAt(pass, "%s has no %s; add one or remove the folder", dir, l10n.MessagesFile)
			d.ChromeMessage = missingMessagesText(dir)
			out.add(idInvalidLocales, d)
			return nil
		}
		_, err := l10n.Load(pass.Files, name)
		return reportCatalogError(out, localeFolderAt(pass, ""), err)
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
		d := localeFolderAt(pass, "%s has no %s, which %s requires although it never reads the folder: %s; %s",
			dir, l10n.MessagesFile, who, why, remedy)
		d.ChromeMessage = chrome
		out.add(idInvalidLocales, d)
		return nil
	}
	out.add(idUnusedLocaleFolder, localeFolderAt(pass, "%s never reads %s: %s; %s", who, dir, why, remedy))
	return nil
}

// missingMessagesText is Chrome's text for a locale folder without a
// messages.json, the absolute path shortened.
func missingMessagesText(dir string) string {
	return "Messages file is missing for locale. .../" + path.Join(dir, l10n.MessagesFile)
}

// reportCatalogError reports each problem of a messages.json as a copy of
// the diagnostic at. It returns the errors that are not about the file.
func reportCatalogError(out findings, at lint.Diagnostic, err error) error {
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
			d.ChromeMessage = p.Chrome
		}
		out.add(idInvalidLocales, d)
	}
	return nil
}

// checkPlaceholders reports __MSG_ placeholders that name no message of the
// default locale.
func checkPlaceholders(pass *lint.Pass, out findings, catalog *l10n.Catalog) {
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
				out.report(pass, idUndefinedMessage, n, "Chrome does not define @@extension_id in the manifest, only in CSS files and scripts; write the text itself", chrome)
				continue
			}
			out.report(pass, idUndefinedMessage, n, fmt.Sprintf("message %q is not defined in %s, the default locale; define it there", name, file), chrome)
		}
	}
}

// reportLiteralPlaceholders warns about __MSG_ placeholders in a manifest
// without translations: Chrome shows them as written.
func reportLiteralPlaceholders(pass *lint.Pass, out findings) {
	for n := range l10n.Localized(pass.Root()) {
		s, _ := n.Str()
		if refs := l10n.References(s); len(refs) > 0 {
			d := pass.At(n, "Chrome shows \"__MSG_%s__\" as written: the extension has no default_locale and no %s folder; add \"default_locale\" and define %q in %s",
				refs[0], l10n.Folder, refs[0], l10n.MessagesPath("en"))
			out.add(idUnlocalizedPlaceholder, d)
		}
	}
}

// reportUnlocalized warns about __MSG_ placeholders in strings Chrome does
// not localise.
func reportUnlocalized(pass *lint.Pass, out findings) {
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
				out.add(idUnlocalizedPlaceholder, d)
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
