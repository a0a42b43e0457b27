package rules

import (
	"fmt"
	"slices"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/matchpattern"
	"github.com/crxlint/crxlint/schema"
)

// HostPermissionPattern reports entries of host_permissions and
// optional_host_permissions that Chrome ignores: patterns it cannot parse,
// and chrome:// patterns.
var HostPermissionPattern = &lint.Rule{
	ID:       "host-permission-pattern",
	Title:    "A host permission is not a match pattern Chrome can use",
	Category: lint.Correctness,
	Severity: lint.Warning,
	Chrome:   lint.Warns,
	Doc: "Each entry of `host_permissions` and `optional_host_permissions` must be a match pattern\n" +
		"such as `https://example.com/*`, `*://*.example.com/*` or `<all_urls>`: a scheme, `://`, a\n" +
		"host, and a path. Chrome loads an extension with a malformed entry, warns\n" +
		"\"URL pattern '...' is malformed.\", and ignores the entry, so the extension then lacks\n" +
		"the access it asked for. The usual mistakes are a missing path (`https://example.com`\n" +
		"needs `/*`), a missing scheme, a port with the `*` scheme (`*://localhost:3000/*`; write\n" +
		"`http://localhost:3000/*`), `*` in the middle of a host, an upper-case scheme, and an API\n" +
		"permission such as `tabs` that belongs in `permissions`.\n\n" +
		"The schemes allowed are `http`, `https`, `ws`, `wss`, `ftp`, `file` and `*` (http and\n" +
		"https). Extensions cannot access `chrome://` pages: Chrome warns about such an entry and\n" +
		"ignores it; for favicons, use the `favicon` permission.\n\n" +
		"The rule checks manifest version 3, where these keys exist.",
	Run: runHostPermissionPattern,
}

// hostPermissionSchemes names the schemes of matchpattern.HostPermissionSchemes
// that an extension can use.
const hostPermissionSchemes = `http, https, ws, wss, ftp or file, or "*" for http and https`

func runHostPermissionPattern(pass *lint.Pass) error {
	if mv, _ := pass.Root().Get("manifest_version").Int(); mv < 3 {
		return nil // MV2 ignores these keys, and unavailable-feature says so
	}
	for _, key := range []string{"host_permissions", "optional_host_permissions"} {
		for _, n := range pass.Root().Get(key).Elems() {
			if s, ok := n.Str(); ok {
				checkHostPermission(pass, key, n, s)
			}
		}
	}
	return nil
}

func checkHostPermission(pass *lint.Pass, key string, n *manifest.Node, s string) {
	p, r := parsePattern(s, matchpattern.HostPermissionSchemes)
	if r != matchpattern.Success {
		chrome := fmt.Sprintf("URL pattern '%s' is malformed.", s)
		if slices.Contains(schema.Permissions(), s) {
			pass.ReportChrome(n, chrome, "%s is an API permission, not a host pattern, so Chrome ignores it here; move it to permissions", quote(s))
			return
		}
		a := patternFault(s, r, matchpattern.HostPermissionSchemes, hostPermissionSchemes)
		d := pass.At(n, "host permission %s %s, so Chrome ignores it; %s", quote(s), a.fault, a.remedy).WithChrome(chrome)
		pass.Report(a.withFixes(d, n))
		return
	}
	if p.Scheme() != "chrome" {
		return
	}
	chrome := fmt.Sprintf("Invalid scheme for '%s[%s]'.", key, s)
	if p.Host() == "favicon" {
		pass.ReportChrome(n, chrome, "extensions cannot access chrome:// pages, so Chrome ignores %s; use the \"favicon\" permission instead", quote(s))
		return
	}
	pass.ReportChrome(n, chrome, "extensions cannot access chrome:// pages, so Chrome ignores %s; remove it", quote(s))
}
