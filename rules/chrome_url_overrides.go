package rules

import (
	"slices"

	"github.com/crxlint/crxlint/lint"
)

// ChromeURLOverrides reports chrome_url_overrides that Chrome refuses or
// ignores.
var ChromeURLOverrides = &lint.Rule{
	ID:       "chrome-url-overrides",
	Title:    "chrome_url_overrides names more than one page, or a page Chrome does not let extensions replace",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "An extension may replace one of Chrome's pages: `newtab`, `history` or `bookmarks` (on\n" +
		"ChromeOS also `activationmessage` and `keyboard`). Naming two is refused: \"An extension\n" +
		"cannot override more than one page.\" Any other name, such as `settings` or `downloads`, is\n" +
		"ignored without a word, so the override never happens.",
	Run: runChromeURLOverrides,
}

var overridablePages = []string{"activationmessage", "bookmarks", "history", "keyboard", "newtab"}

func runChromeURLOverrides(pass *lint.Pass) error {
	overrides := pass.Root().Get("chrome_url_overrides")
	count := 0
	for m := range overrides.Members() {
		if !slices.Contains(overridablePages, m.Key) {
			d := pass.AtKey(m, "Chrome does not let extensions replace the %q page and ignores this entry; only newtab, history and bookmarks can be overridden", m.Key)
			d.Severity, d.Chrome = lint.Warning, lint.Accepts
			pass.Report(d)
			continue
		}
		if count++; count == 2 {
			pass.ReportKeyf(m, "an extension can replace only one of Chrome's pages; keep one override (Chrome: %q)",
				"An extension cannot override more than one page.")
		}
	}
	return nil
}
