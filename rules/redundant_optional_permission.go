package rules

import (
	"github.com/crxlint/crxlint/apiperm"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/matchpattern"
)

// RedundantOptionalPermission reports an optional permission that the
// required ones already grant.
var RedundantOptionalPermission = &lint.Rule{
	ID:       "redundant-optional-permission",
	Title:    "An optional permission is already granted by a required one",
	Category: lint.Correctness,
	Severity: lint.Warning,
	Chrome:   lint.Warns,
	Doc: "An optional permission is one the extension asks for later, with `chrome.permissions.request`.\n" +
		"When the required permissions already grant it, Chrome drops it from the optional list with a\n" +
		"warning. For hosts Chrome compares origins, ignoring paths: `host_permissions: [\"<all_urls>\"]`\n" +
		"makes every optional host redundant, and `https://example.com/a/*` makes\n" +
		"`https://example.com/b/*` redundant too. Aliases count: `windows` is `tabs`. Remove the\n" +
		"optional entry, or move the permission out of the required list if users should grant it\n" +
		"later.",
	Run: runRedundantOptionalPermission,
}

func runRedundantOptionalPermission(pass *lint.Pass) error {
	root := pass.Root()
	t := typeOf(root)
	required := map[string]bool{}
	for _, n := range root.Get("permissions").Elems() {
		// A permission the manifest's type may not use is dropped from
		// both lists before they are compared.
		if s, ok := n.Str(); ok && !refusedToType(s, t) {
			required[apiperm.Canonical(s)] = true
		}
	}
	for _, n := range root.Get("optional_permissions").Elems() {
		if s, ok := n.Str(); ok && required[apiperm.Canonical(s)] {
			reportRedundant(pass, n, quote(s)+" is also a required permission", apiperm.Canonical(s))
		}
	}
	var hosts []matchpattern.Pattern
	for _, n := range root.Get("host_permissions").Elems() {
		if p, ok := originOf(n); ok {
			hosts = append(hosts, p)
		}
	}
	for _, n := range root.Get("optional_host_permissions").Elems() {
		opt, ok := originOf(n)
		if !ok {
			continue
		}
		for _, req := range hosts {
			if req.Contains(opt) {
				reportRedundant(pass, n, quote(opt.String())+" is already granted by the required host permission "+quote(req.String()), opt.String())
				break
			}
		}
	}
	return nil
}

// originOf parses a host permission and widens its path to "/*": Chrome
// grants host permissions by origin.
func originOf(n *manifest.Node) (matchpattern.Pattern, bool) {
	s, ok := n.Str()
	if !ok {
		return matchpattern.Pattern{}, false
	}
	p, r := parsePattern(s, matchpattern.HostPermissionSchemes)
	if r != matchpattern.Success {
		return matchpattern.Pattern{}, false
	}
	p, r = parsePattern(originPattern(p), matchpattern.HostPermissionSchemes)
	return p, r == matchpattern.Success
}

func reportRedundant(pass *lint.Pass, n *manifest.Node, fact, name string) {
	pass.ReportChrome(n, "Optional permission '"+name+"' is redundant with the required permissions;this permission will be omitted.", "%s, so Chrome drops it from the optional ones; remove it here", fact)
}
