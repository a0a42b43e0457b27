package rules

import (
	"slices"

	"github.com/crxlint/crxlint/lint"
)

// UnknownURLOverride reports chrome_url_overrides entries for pages Chrome
// does not let extensions replace.
var UnknownURLOverride = &lint.Rule{
	ID:       "unknown-url-override",
	Aliases:  []string{"chrome-url-overrides"},
	Title:    "chrome_url_overrides names a page Chrome does not let extensions replace",
	Category: lint.Correctness,
	Severity: lint.Warning,
	Chrome:   lint.Accepts,
	Doc: "An extension may replace one of Chrome's pages: `newtab`, `history` or `bookmarks` (on\n" +
		"ChromeOS also `activationmessage` and `keyboard`). Any other name, such as `settings` or\n" +
		"`downloads`, is ignored without a word, so the override never happens.",
	Run: runUnknownURLOverride,
}

var overridablePages = []string{"activationmessage", "bookmarks", "history", "keyboard", "newtab"}

func runUnknownURLOverride(pass *lint.Pass) error {
	for m := range pass.Root().Get("chrome_url_overrides").Members() {
		if !slices.Contains(overridablePages, m.Key) {
			pass.ReportKeyf(m, "Chrome does not let extensions replace the %q page and ignores this entry; only newtab, history and bookmarks can be overridden", m.Key)
		}
	}
	return nil
}
