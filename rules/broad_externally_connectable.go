package rules

import (
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/matchpattern"
)

// BroadExternallyConnectable reports externally_connectable patterns that
// let whole swaths of the web message the extension.
var BroadExternallyConnectable = &lint.Rule{
	ID:       "broad-externally-connectable",
	Title:    "externally_connectable lets every site, or every site under a public suffix, message the extension",
	Category: lint.Security,
	Severity: lint.Error,
	Chrome:   lint.Accepts,
	Doc: "`externally_connectable.matches` lists the web pages that may call `chrome.runtime.sendMessage`\n" +
		"and `connect` on the extension. Every page it matches can send the extension messages and\n" +
		"call whatever its `onMessageExternal` listener does. A pattern that matches every URL\n" +
		"(`<all_urls>`), every host (`*://*/*`, `https://*/*`), every name under a public suffix\n" +
		"(`*.com`, `*.co.uk`, private registries such as `*.appspot.com` or `*.github.io`, where\n" +
		"anyone can get a subdomain, unknown top-level domains, and names such as `*.ck` or\n" +
		"`*.kawasaki.jp` under which the Public Suffix List's wildcard rules make every name a public\n" +
		"suffix) or local files opens the extension\n" +
		"to pages you do not control.\n\n" +
		"Chrome's documentation forbids these patterns, and Chrome up to version 106 dropped them with a\n" +
		"warning, but Chrome 107 and later load them silently. That is why crxlint reports them: list\n" +
		"the origins you own, such as `https://app.example.com/*`.",
	Run: runBroadExternallyConnectable,
}

func runBroadExternallyConnectable(pass *lint.Pass) error {
	for _, n := range pass.Root().Get("externally_connectable").Get("matches").Elems() {
		s, ok := n.Str()
		if !ok {
			continue
		}
		p, r := parsePattern(s, matchpattern.ExternallyConnectableSchemes)
		if r != matchpattern.Success {
			continue // externally-connectable reports what Chrome cannot parse
		}
		if reach, broad := patternReach(p); broad {
			pass.Reportf(n, "%s lets %s message the extension; list only origins you control, such as \"https://app.example.com/*\" (Chrome's documentation forbids such patterns, but Chrome 107 and later load them silently)", quote(s), reach)
		}
	}
	return nil
}
