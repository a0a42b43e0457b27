package rules

import (
	"strings"

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
		if s, ok := n.Str(); ok && !validAbsoluteURL(s) {
			pass.ReportChrome(n, "Invalid value for update url: '["+s+"]'.", "update_url %s is not an absolute URL such as \"https://example.com/updates.xml\"", quote(s))
		}
	}
	if n := root.Get("homepage_url"); n != nil {
		if s, ok := n.Str(); ok && (!validAbsoluteURL(s) || !isHTTP(s)) {
			pass.ReportChrome(n, "Invalid value for homepage url: '["+s+"]'.", "homepage_url %s is not an http or https URL such as \"https://example.com\"", quote(s))
		}
	}
	return nil
}

// hostSchemes are the schemes whose URLs need a host.
var hostSchemes = map[string]bool{"http": true, "https": true, "ws": true, "wss": true, "ftp": true}

// validAbsoluteURL approximates Chrome's GURL::is_valid for an absolute
// URL: a scheme, and a host where the scheme needs one.
func validAbsoluteURL(s string) bool {
	if !hasScheme(s) || strings.HasPrefix(s, "//") {
		return false
	}
	scheme, rest, _ := strings.Cut(s, ":")
	if !hostSchemes[strings.ToLower(scheme)] {
		return true
	}
	host := strings.TrimLeft(rest, "/\\")
	if i := strings.IndexAny(host, "/\\?#"); i >= 0 {
		host = host[:i]
	}
	if i := strings.LastIndexByte(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	return host != "" && host[0] != ':'
}

func isHTTP(s string) bool {
	scheme, _, _ := strings.Cut(s, ":")
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https")
}
