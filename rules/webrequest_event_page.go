package rules

import (
	"github.com/crxlint/crxlint/apiperm"
	"github.com/crxlint/crxlint/lint"
)

// WebRequestEventPage reports the webRequest permission in a manifest
// version 2 extension whose background page is an event page.
var WebRequestEventPage = &lint.Rule{
	ID:       "webrequest-event-page",
	Title:    "webRequest cannot be used with an event page",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "In manifest version 2, a background page with `\"persistent\": false` is an event page, which\n" +
		"Chrome unloads when it is idle, and the `webRequest` API needs a page that stays loaded.\n" +
		"Chrome refuses the extension: \"The 'webRequest' API cannot be used with event pages.\" (It\n" +
		"says so before it refuses manifest version 2 itself.) Manifest version 3's service worker\n" +
		"may use `webRequest`, without blocking; `declarativeNetRequest` replaces blocking requests.",
	Run: runWebRequestEventPage,
}

func runWebRequestEventPage(pass *lint.Pass) error {
	root := pass.Root()
	bg := root.Get("background")
	if v, _ := root.Get("manifest_version").Int(); v != 2 || bg.Get("page") == nil && bg.Get("scripts") == nil {
		return nil
	}
	if persistent, ok := bg.Get("persistent").Boolean(); !ok || persistent {
		return nil // a persistent page, the default
	}
	for _, n := range root.Get("permissions").Elems() {
		if s, ok := n.Str(); ok && apiperm.Canonical(s) == "webRequest" {
			pass.ReportChrome(n, "The 'webRequest' API cannot be used with event pages.",
				`permission "webRequest" needs a persistent background page, and this one is an event page ("persistent": false); migrate to manifest version 3 and declarativeNetRequest, or make the page persistent`)
		}
	}
	return nil
}
