package rules

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/crxlint/crxlint/l10n"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// StoreListing reports a name or description the Chrome Web Store
// refuses: longer than its limits, in any locale, or blank.
var StoreListing = &lint.Rule{
	ID:       "store-listing",
	Title:    "name or description exceeds the Chrome Web Store's limits",
	Category: lint.StorePolicy,
	Severity: lint.Warning,
	Chrome:   lint.Accepts,
	Doc: "Chrome itself puts no limit on these texts, but the Chrome Web Store refuses an upload whose\n" +
		"`name` is over 75 characters or `description` over 132, counted in characters after\n" +
		"`__MSG_` placeholders are replaced, in every locale of `_locales`. A name that is only white\n" +
		"space shows up blank in Chrome's menus. Shorten the text, in the locale named in the\n" +
		"message. The store only recommends a limit for `short_name`: long-short-name reports that.",
	Run: runStoreListing,
}

// textLimit is a limit on the length of a text of the manifest.
type textLimit struct {
	key   string
	limit int
}

var storeLimits = []textLimit{
	{"name", 75},
	{"description", 132},
}

func runStoreListing(pass *lint.Pass) error {
	if n := pass.Root().Get("name"); n != nil {
		if text, ok := n.Str(); ok && text != "" && strings.TrimSpace(text) == "" {
			pass.Reportf(n, "the name is only white space, so the extension shows up without a name; give it one")
			return nil
		}
	}
	for _, lim := range storeLimits {
		overLimit(pass, lim, func(n *manifest.Node, count int, messages string) {
			if messages == "" {
				pass.Reportf(n, "%s is %d characters, over the Chrome Web Store's limit of %d; shorten it", lim.key, count, lim.limit)
				return
			}
			pass.Reportf(n, "%s is %d characters in %s, over the Chrome Web Store's limit of %d; shorten the message there", lim.key, count, messages, lim.limit)
		})
	}
	return nil
}

// overLimit calls over for the manifest's text lim.key when it is longer
// than lim.limit characters: once for the text itself, or once for each
// locale whose messages make it longer, naming that locale's messages.json.
func overLimit(pass *lint.Pass, lim textLimit, over func(n *manifest.Node, count int, messages string)) {
	n := pass.Root().Get(lim.key)
	text, ok := n.Str()
	if !ok {
		return
	}
	if len(l10n.References(text)) == 0 {
		if count := utf8.RuneCountInString(text); count > lim.limit {
			over(n, count, "")
		}
		return
	}
	for _, c := range storeCatalogs(pass) {
		resolved, missing := c.Resolve(text)
		if len(missing) > 0 {
			continue // undefined-message reports undefined messages
		}
		if count := utf8.RuneCountInString(resolved); count > lim.limit {
			over(n, count, l10n.MessagesPath(c.Locale()))
		}
	}
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
