package policy

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/matchpattern"
	"github.com/crxlint/crxlint/permwarn"
)

// Kind is what a finding of the policy means.
type Kind uint8

// The kinds.
const (
	// Blocks: with this policy, Chrome does not install or load the extension.
	Blocks Kind = iota + 1
	// Restricts: Chrome loads it, but withholds something at run time.
	Restricts
	// Violates: crxlint's own policy forbids it; Chrome says nothing.
	Violates
)

// A Finding is one thing the policy does to the extension.
type Finding struct {
	Kind    Kind
	Pointer string // the manifest value at fault; "" for the whole extension
	OnKey   bool   // the finding concerns the member's key
	Message string
}

// Check says what the policy does to the extension whose manifest is doc
// and whose ID is id ("" when unknown: only "*" then applies).
func (p *Policy) Check(doc *manifest.Document, id string) []Finding {
	root := doc.Root()
	if root == nil {
		return nil
	}
	s := p.For(id)
	var out []Finding
	add := func(kind Kind, n *manifest.Node, format string, args ...any) {
		f := Finding{Kind: kind, Message: fmt.Sprintf(format, args...)}
		if n != nil {
			f.Pointer = n.Pointer()
		}
		out = append(out, f)
	}
	admin := ""
	if s.BlockedInstallMessage != "" {
		admin = fmt.Sprintf(" (the admin's message: %q)", s.BlockedInstallMessage)
	}
	whose := "this extension"
	if _, own := p.Settings[id]; id == "" || !own {
		whose = "extensions it does not name by ID"
	}
	if s.InstallationMode == "blocked" || s.InstallationMode == "removed" {
		add(Blocks, nil, "the organisation's policy blocks installing %s (installation_mode %q)%s", whose, s.InstallationMode, admin)
	}
	if t := extensionType(root); len(s.AllowedTypes) > 0 && !slices.Contains(s.AllowedTypes, t) {
		add(Blocks, nil, "the organisation's policy allows only %s, and this is a %s%s", strings.Join(s.AllowedTypes, ", "), t, admin)
	}
	blocked := slices.DeleteFunc(slices.Clone(s.BlockedPermissions), func(b string) bool { return slices.Contains(s.AllowedPermissions, b) })
	for _, key := range []string{"permissions", "optional_permissions"} {
		for _, n := range root.Get(key).Elems() {
			name, _ := n.Str()
			if !slices.Contains(blocked, name) {
				continue
			}
			if key == "permissions" {
				add(Blocks, n, "the organisation's policy blocks the %q permission, so Chrome does not install or load the extension%s", name, admin)
			} else {
				add(Restricts, n, "the organisation's policy blocks the %q permission: Chrome denies it whenever the extension asks", name)
			}
		}
	}
	if want := s.MinimumVersionRequired; want != "" {
		if v, _ := root.Get("version").Str(); compareVersions(v, want) < 0 {
			add(Blocks, root.Get("version"), "the organisation's policy requires version %s or later, and Chrome disables version %s", want, v)
		}
	}
	for _, h := range hostPatterns(root) {
		if host := overlaps(h.pattern, s.RuntimeBlockedHosts, s.RuntimeAllowedHosts); host != "" {
			add(Restricts, h.node, "the organisation's policy keeps extensions off %s (runtime_blocked_hosts), so Chrome withholds %s there", host, h.what)
		}
		if host := overlaps(h.pattern, p.Own.DenyHosts, nil); host != "" {
			add(Violates, h.node, "crxlint's policy denies %s (deny_hosts), which %s reaches", host, h.what)
		}
	}
	if m, ok := root.Member("externally_connectable"); ok && p.Own.ForbidExternallyConnectable {
		out = append(out, Finding{
			Kind: Violates, Pointer: m.Value.Pointer(), OnKey: true,
			Message: "crxlint's policy forbids externally_connectable (forbid_externally_connectable): no web page or other extension may message extensions here",
		})
	}
	if limit := p.Own.MaxInstallWarnings; limit > 0 {
		if w := permwarn.For(root).Required; len(w) > limit {
			add(Violates, root, "the install prompt shows %d warnings, and crxlint's policy allows %d (max_install_warnings): %s", len(w), limit, strings.Join(w, "; "))
		}
	}
	if want := p.Own.MinimumChromeVersion; want != "" {
		if n := root.Get("minimum_chrome_version"); n == nil {
			add(Violates, root, "crxlint's policy requires minimum_chrome_version %s or later, and the manifest declares none; add \"minimum_chrome_version\": %q", want, want)
		} else if v, _ := n.Str(); compareVersions(v, want) < 0 {
			add(Violates, n, "crxlint's policy requires minimum_chrome_version %s or later", want)
		}
	}
	return out
}

// allowedTypeNames are the manifest types as allowed_types names them; a
// shared module counts as an extension.
var allowedTypeNames = map[manifest.Type]string{
	manifest.TypeExtension: "extension", manifest.TypeSharedModule: "extension", manifest.TypeTheme: "theme",
	manifest.TypeHostedApp: "hosted_app", manifest.TypeLegacyPackagedApp: "legacy_packaged_app", manifest.TypePlatformApp: "platform_app",
}

// extensionType is the manifest's type, as allowed_types names it.
func extensionType(root *manifest.Node) string { return allowedTypeNames[manifest.TypeOf(root)] }

// hostPattern is a match pattern through which the extension reaches sites.
type hostPattern struct {
	node    *manifest.Node
	pattern matchpattern.Pattern
	what    string
}

func hostPatterns(root *manifest.Node) []hostPattern {
	var out []hostPattern
	add := func(n *manifest.Node, what string) {
		s, _ := n.Str()
		if p, err := matchpattern.Parse(s, matchpattern.HostPermissionSchemes); err == nil {
			out = append(out, hostPattern{n, p, what})
		}
	}
	for _, key := range []string{"host_permissions", "optional_host_permissions", "permissions"} {
		for _, n := range root.Get(key).Elems() {
			add(n, "its host access")
		}
	}
	for _, cs := range root.Get("content_scripts").Elems() {
		for _, n := range cs.Get("matches").Elems() {
			add(n, "this content script")
		}
	}
	return out
}

// overlaps returns the first of the host patterns (written as policies
// write them, without a path) that p overlaps and the exceptions do not
// cover, or "".
func overlaps(p matchpattern.Pattern, hosts, exceptions []string) string {
	for _, h := range hosts {
		hp, ok := hostPolicyPattern(h)
		if !ok || !p.OverlapsWith(hp) {
			continue
		}
		if slices.ContainsFunc(exceptions, func(e string) bool {
			ep, ok := hostPolicyPattern(e)
			return ok && ep.Contains(p)
		}) {
			continue
		}
		return h
	}
	return ""
}

// hostPolicyPattern reads a policy's host pattern as Chrome does: with
// "/*" appended, unless it is <all_urls>.
func hostPolicyPattern(s string) (matchpattern.Pattern, bool) {
	if s != matchpattern.AllURLs {
		s += "/*"
	}
	p, err := matchpattern.Parse(s, matchpattern.SchemeAll)
	return p, err == nil
}

// compareVersions compares dot-separated versions numerically; a missing
// part is 0 and a part that is not a number is lower than any.
func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := range max(len(as), len(bs)) {
		x, y := part(as, i), part(bs, i)
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

func part(parts []string, i int) int64 {
	if i >= len(parts) {
		return 0
	}
	n, err := strconv.ParseInt(parts[i], 10, 64)
	if err != nil {
		return -1
	}
	return n
}
