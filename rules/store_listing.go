package rules

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/crxlint/crxlint/l10n"
	"github.com/crxlint/crxlint/lint"
)

// StoreListing reports a name, short name or description the Chrome Web
// Store refuses: longer than its limits, in any locale, or blank.
var StoreListing = &lint.Rule{
	ID:       "store-listing",
	Title:    "name, short_name or description exceeds the Chrome Web Store's limits",
	Category: lint.StorePolicy,
	Severity: lint.Warning,
	Chrome:   lint.Accepts,
	Doc: "Chrome itself puts no limit on these texts, but the Chrome Web Store refuses an upload whose\n" +
		"`name` is over 75 characters, `short_name` over 12 or `description` over 132, counted in\n" +
		"characters after `__MSG_` placeholders are replaced, in every locale of `_locales`. A name\n" +
		"that is only white space shows up blank in Chrome's menus. Shorten the text, in the locale\n" +
		"named in the message.",
	Run: runStoreListing,
}

var storeLimits = []struct {
	key   string
	limit int
}{
	{"name", 75},
	{"short_name", 12},
	{"description", 132},
}

func runStoreListing(pass *lint.Pass) error {
	root := pass.Root()
	catalogs := storeCatalogs(pass)
	for _, lim := range storeLimits {
		n := root.Get(lim.key)
		text, ok := n.Str()
		if !ok {
			continue
		}
		if lim.key == "name" && text != "" && strings.TrimSpace(text) == "" {
			pass.Reportf(n, "the name is only white space, so the extension shows up without a name; give it one")
			continue
		}
		if len(l10n.References(text)) == 0 {
			if count := utf8.RuneCountInString(text); count > lim.limit {
				pass.Reportf(n, "%s is %d characters, over the Chrome Web Store's limit of %d; shorten it", lim.key, count, lim.limit)
			}
			continue
		}
		for _, c := range catalogs {
			resolved, missing := c.Resolve(text)
			if len(missing) > 0 {
				continue // undefined-message reports undefined messages
			}
			if count := utf8.RuneCountInString(resolved); count > lim.limit {
				pass.Reportf(n, "%s is %d characters in %s, over the Chrome Web Store's limit of %d; shorten the message there", lim.key, count, l10n.MessagesPath(c.Locale()), lim.limit)
			}
		}
	}
	return nil
}

// storeCatalogs loads the messages of every locale folder that has them,
// sorted by locale; the store lists the extension in each.
func storeCatalogs(pass *lint.Pass) []*l10n.Catalog {
	if pass.Files == nil {
		return nil
	}
	entries, err := fs.ReadDir(pass.Files, "_locales")
	if err != nil {
		return nil
	}
	var out []*l10n.Catalog
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if _, err := fs.Stat(pass.Files, path.Join("_locales", e.Name(), "messages.json")); err != nil {
			continue
		}
		if c, err := l10n.Load(pass.Files, e.Name()); c != nil && err == nil {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b *l10n.Catalog) int { return strings.Compare(a.Locale(), b.Locale()) })
	return out
}
