package rules

import "github.com/crxlint/crxlint/lint"

const idTooManyURLOverrides = "too-many-url-overrides"

// TooManyURLOverrides reports chrome_url_overrides with more than one page,
// which the schema refuses.
var TooManyURLOverrides = schemaRule(lint.Rule{
	ID:       idTooManyURLOverrides,
	Aliases:  []string{"chrome-url-overrides"},
	Title:    "chrome_url_overrides replaces more than one page",
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "An extension may replace one of Chrome's pages, `newtab`, `history` or `bookmarks`, with its\n" +
		"own. Chrome refuses to load an extension whose `chrome_url_overrides` names two or more:\n" +
		"\"An extension cannot override more than one page.\" Keep the one override your extension is for.",
})
