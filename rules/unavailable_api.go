package rules

import (
	"github.com/crxlint/crxlint/extension"
	"github.com/crxlint/crxlint/jsscan"
	"github.com/crxlint/crxlint/lint"
)

// UnavailableAPI reports extension APIs used where they do not exist,
// whatever the manifest asks for: in content scripts, in the MAIN world, in
// sandboxed pages.
var UnavailableAPI = &lint.Rule{
	ID:         "unavailable-api",
	Title:      "A script uses an extension API that does not exist where it runs",
	Category:   lint.Correctness,
	Severity:   lint.Error,
	Chrome:     lint.Accepts,
	NeedsFiles: true,
	Doc: "Only the service worker and the extension's own pages see the whole extension API. Content\n" +
		"scripts see a few parts of it: `chrome.runtime` messaging, `getURL`, `getManifest` and `id`,\n" +
		"`chrome.storage`, `chrome.i18n`, `chrome.dom`. In them `chrome.bookmarks`, `chrome.tabs` or\n" +
		"`chrome.runtime.getPlatformInfo` are undefined whatever the permissions, so adding one does not\n" +
		"help: send a message to the service worker with `chrome.runtime.sendMessage` and call the API\n" +
		"there. A content script in the `MAIN` world, and a sandboxed page, have no extension API at\n" +
		"all (a `MAIN`-world script can still message the extension when `externally_connectable`\n" +
		"matches the page). Chrome never reads the code when it loads the extension; the call throws\n" +
		"a TypeError when it runs.\n\n" +
		"A script that also runs in the service worker or a page, such as a shared library, is not\n" +
		"judged: it may test where it runs before calling. Nor is a bare reference such as\n" +
		"`if (chrome.tabs)`, nor a call that runs only when such a test finds the API (or that reads it\n" +
		"with `?.`), as a script shared with another browser does. `missing-api-permission` reports\n" +
		"APIs that exist in the script's context but lack their permission.",
	Run: runUnavailableAPI,
}

func runUnavailableAPI(pass *lint.Pass) error {
	for _, s := range extensionCode(pass).Scripts {
		if s.Contexts == 0 || s.Contexts.Privileged() {
			continue
		}
		var found []string
		var first jsscan.Range
		for i := range s.Scan.Uses {
			u := &s.Scan.Uses[i]
			if f, ok := apiFeature(u); ok && !reaches(s, f) && !guardedAtAll(u) {
				if len(found) == 0 {
					first = u.Range
				}
				found = append(found, usePlace(s, u))
			}
		}
		if len(found) > 0 {
			reportUnavailable(pass, s, places(found), first)
		}
	}
	return nil
}

func reportUnavailable(pass *lint.Pass, s *extension.Script, what string, first jsscan.Range) {
	report := func(d lint.Diagnostic) { pass.Report(withCode(pass, d, s, first, "the first use")) }
	switch {
	case s.Contexts&extension.ContentScript == 0:
		const format = "%s, but sandboxed pages have no extension API; post a message to the extension page that embeds the sandbox and call the API there"
		if pages := pass.Root().Get("sandbox").Get("pages"); pages != nil {
			pass.Reportf(pages, format, what)
			return
		}
		report(atScript(pass, s, format, what))
	case inMainWorld(s):
		report(atScript(pass, s, "%s, but content scripts in the MAIN world have no extension API; run the script in the isolated world, or relay through an isolated content script that messages the service worker", what))
	default:
		report(atScript(pass, s, "%s, which content scripts cannot use whatever the permissions; send a message to the service worker with chrome.runtime.sendMessage and call it there", what))
	}
}

// guardedAtAll reports whether the code copes with some part of the used
// chain being undefined, as a script written for several browsers or
// worlds does before it calls: `if (!browser.runtime) return;`.
func guardedAtAll(u *jsscan.APIUse) bool {
	for n := 1; n <= len(u.Chain); n++ {
		if u.Guarded(n) {
			return true
		}
	}
	return false
}
