package rules

import (
	"github.com/crxlint/crxlint/internal/gurl"
	"github.com/crxlint/crxlint/lint"
)

// URLFormat reports an update_url or homepage_url Chrome cannot use.
var URLFormat = &lint.Rule{
	ID:       "url-format",
	Title:    "update_url or homepage_url is not a valid URL",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "`update_url` must be an absolute URL, such as `https://example.com/updates.xml`, and\n" +
		"`homepage_url` an absolute `http` or `https` URL. A relative path, an empty string or a URL\n" +
		"without a host is refused: \"Invalid value for update url: '[...]'.\" Extensions from the\n" +
		"Chrome Web Store need no `update_url`: the store sets it.",
	Run: runURLFormat,
}

func runURLFormat(pass *lint.Pass) error {
	root := pass.Root()
	if n := root.Get("update_url"); n != nil {
		if s, ok := n.Str(); ok && !validUpdateURL(s) {
			pass.ReportChrome(n, "Invalid value for update url: '["+s+"]'.", "update_url %s is not an absolute URL such as \"https://example.com/updates.xml\"", quote(s))
		}
	}
	if n := root.Get("homepage_url"); n != nil {
		if s, ok := n.Str(); ok && !validHomepageURL(s) {
			pass.ReportChrome(n, "Invalid value for homepage url: '["+s+"]'.", "homepage_url %s is not an http or https URL such as \"https://example.com\"", quote(s))
		}
	}
	return nil
}

// validUpdateURL is UpdateURLHandler::Parse
// (extensions/common/manifest_url_handlers.cc): a valid GURL without a
// fragment, not even an empty one.
func validUpdateURL(s string) bool {
	u, ok := gurl.Parse(s)
	return ok && !u.HasFragment
}

// validHomepageURL is HomepageURLHandler::Parse: a valid http or https
// GURL.
func validHomepageURL(s string) bool {
	u, ok := gurl.Parse(s)
	return ok && (u.Scheme == "http" || u.Scheme == "https")
}
