package rules

import (
	"github.com/crxlint/crxlint/internal/chromemsg"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// URLInsteadOfPath reports a page or script given as a URL where Chrome
// wants a file of the extension.
var URLInsteadOfPath = &lint.Rule{
	ID:       idURLInsteadOfPath,
	Title:    "A page or script is a URL, not a file of the extension",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "The popup, the options page, the DevTools page, the side panel, `chrome_url_overrides`\n" +
		"pages and the service worker must be files inside the extension, named by a path relative\n" +
		"to manifest.json. A URL (`https://…`, `//host/…`, `data:…`, even the extension's own\n" +
		"`chrome-extension://…` URL) is refused, each key with its own message (for `options_ui.page`\n" +
		"Chrome only warns: url-instead-of-options-page). Manifest version 3 does not allow remote code:\n" +
		"bundle the page into the extension and name its path.",
	Run: reportShare(pageURLs),
}

const (
	idURLInsteadOfPath        = "url-instead-of-path"
	idURLInsteadOfOptionsPage = "url-instead-of-options-page"
)

// pageURLRefs are the keys that must name a file of the extension, with
// what Chromium 156 says when one is a URL.
var pageURLRefs = []struct {
	path    []string
	chrome  lint.Chrome
	message string
}{
	{[]string{"action", "default_popup"}, lint.Rejects, chromemsg.InvalidDefaultPopup},
	{[]string{"background", "service_worker"}, lint.Rejects, "Invalid value for 'background.service_worker'."},
	{[]string{"devtools_page"}, lint.Rejects, "Invalid value for 'devtools_page'."},
	{[]string{"options_page"}, lint.Rejects, chromemsg.InvalidOptionsPage},
	{[]string{"options_ui", "page"}, lint.Warns, chromemsg.InvalidOptionsUIPage},
	{[]string{"side_panel", "default_path"}, lint.Rejects, chromemsg.InvalidSidePanelPath},
}

// pageURLs finds the pages and scripts given as URLs, for
// url-instead-of-path and url-instead-of-options-page.
var pageURLs = lint.NewResult("page-urls", func(pass *lint.Pass) (findings, error) {
	out := findings{}
	root := pass.Root()
	for _, ref := range pageURLRefs {
		n := root
		for _, key := range ref.path {
			n = n.Get(key)
		}
		checkPageURL(pass, out, n, ref.chrome, ref.message)
	}
	for m := range root.Get("chrome_url_overrides").Members() {
		checkPageURL(pass, out, m.Value, lint.Rejects, "File not found: .")
	}
	return out, nil
})

// checkPageURL reports n if it is a URL. Chrome refuses the extension for
// it, or, where chrome is Warns, ignores the key with a warning.
func checkPageURL(pass *lint.Pass, out findings, n *manifest.Node, chrome lint.Chrome, message string) {
	s, ok := n.Str()
	if !ok || !hasScheme(s) {
		return
	}
	id := idURLInsteadOfPath
	if chrome == lint.Warns {
		id = idURLInsteadOfOptionsPage
	}
	out.report(pass, id, n, quote(s)+" is a URL; name a file inside the extension instead, such as \"popup.html\", since extensions cannot load remote pages here", message)
}
