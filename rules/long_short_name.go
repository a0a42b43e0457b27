package rules

import (
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// LongShortName notes a short_name longer than the 12 characters the
// Chrome Web Store recommends.
var LongShortName = &lint.Rule{
	ID:       "long-short-name",
	Title:    "short_name is longer than the 12 characters the Chrome Web Store recommends",
	Category: lint.Style,
	Severity: lint.Info,
	Chrome:   lint.Accepts,
	Doc: "`short_name` is the name Chrome shows where the full name does not fit, such as the app\n" +
		"launcher and the new tab page. Chrome's documentation and the Chrome Web Store recommend\n" +
		"12 characters at most, counted after `__MSG_` placeholders are replaced, in every locale;\n" +
		"a longer one is cut where space is short. Neither Chrome nor the store refuses it (Chromium\n" +
		"156 loads a 27-character short_name silently), so this is advice: shorten it if the cut\n" +
		"name reads badly.",
	Run: runLongShortName,
}

// shortNameLimit is the length the Chrome Web Store recommends for
// short_name.
var shortNameLimit = textLimit{"short_name", 12}

func runLongShortName(pass *lint.Pass) error {
	overLimit(pass, shortNameLimit, func(n *manifest.Node, count int, messages string) {
		if messages == "" {
			pass.Reportf(n, "short_name is %d characters, more than the %d the Chrome Web Store recommends; Chrome may cut it where space is short", count, shortNameLimit.limit)
			return
		}
		pass.Reportf(n, "short_name is %d characters in %s, more than the %d the Chrome Web Store recommends; Chrome may cut it where space is short", count, messages, shortNameLimit.limit)
	})
	return nil
}
