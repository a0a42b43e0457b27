package rules

import (
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// URLInsteadOfPath reports a page or script given as a URL where Chrome
// wants a file of the extension.
var URLInsteadOfPath = &lint.Rule{
	ID:       "url-instead-of-path",
	Title:    "A page or script is a URL, not a file of the extension",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "The popup, the options page, the DevTools page, the side panel, `chrome_url_overrides`\n" +
		"pages and the service worker must be files inside the extension, named by a path relative\n" +
		"to manifest.json. A URL (`https://…`, `//host/…`, `data:…`, even the extension's own\n" +
		"`chrome-extension://…` URL) is refused, each key with its own message; for `options_ui.page`\n" +
		"Chrome only warns and shows no options page. Manifest version 3 does not allow remote code:\n" +
		"bundle the page into the extension and name its path.",
	Run: runURLInsteadOfPath,
}

// pageURLRefs are the keys that must name a file of the extension, with
// what Chromium 156 says when one is a URL.
var pageURLRefs = []struct {
	path    []string
	chrome  lint.Chrome
	message string
}{
	{[]string{"action", "default_popup"}, lint.Rejects, "Invalid type for 'default_popup'."},
	{[]string{"background", "service_worker"}, lint.Rejects, "Invalid value for 'background.service_worker'."},
	{[]string{"devtools_page"}, lint.Rejects, "Invalid value for 'devtools_page'."},
	{[]string{"options_page"}, lint.Rejects, "Invalid value for 'input_components[options_page].options_page'."},
	{[]string{"options_ui", "page"}, lint.Warns, "Invalid value for 'input_components[options_ui].options_page'."},
	{[]string{"side_panel", "default_path"}, lint.Rejects, "Side panel file path must be a relative URL to a valid extension resource."},
}

func runURLInsteadOfPath(pass *lint.Pass) error {
	root := pass.Root()
	for _, ref := range pageURLRefs {
		n := root
		for _, key := range ref.path {
			n = n.Get(key)
		}
		checkPageURL(pass, n, ref.chrome, ref.message)
	}
	for m := range root.Get("chrome_url_overrides").Members() {
		checkPageURL(pass, m.Value, lint.Rejects, "File not found: .")
	}
	// An empty service worker path is refused the same way.
	if n := root.Get("background").Get("service_worker"); n != nil {
		if s, ok := n.Str(); ok && s == "" {
			report(pass, n, lint.Error, lint.Rejects, "the service worker path is empty; name the script, such as \"background.js\"", "Invalid value for 'background.service_worker'.")
		}
	}
	return nil
}

func checkPageURL(pass *lint.Pass, n *manifest.Node, chrome lint.Chrome, message string) {
	s, ok := n.Str()
	if !ok || !hasScheme(s) {
		return
	}
	severity := lint.Error
	if chrome == lint.Warns {
		severity = lint.Warning
	}
	report(pass, n, severity, chrome, quote(s)+" is a URL; name a file inside the extension instead, such as \"popup.html\", since extensions cannot load remote pages here", message)
}
