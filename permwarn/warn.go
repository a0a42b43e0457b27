package permwarn

import (
	"cmp"
	"slices"

	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/matchpattern"
)

// Warnings is what Chrome asks a user about an extension.
type Warnings struct {
	// Required are the warnings of the install prompt, in Chrome's order.
	Required []string
	// Optional are the warnings Chrome shows when the extension asks for
	// all its optional permissions at once (chrome.permissions.request): what
	// the user may be asked later.
	Optional []string
}

// For returns the warnings of the manifest whose top-level object is root.
// It reads the manifest as Chrome grants it: values of the wrong type and
// permissions Chrome ignores (unknown names, host patterns in "permissions"
// under manifest version 3, permissions of another manifest version) are
// skipped.
func For(root *manifest.Node) Warnings {
	version, _ := root.Get("manifest_version").Int()
	required := grants(requested{
		names:   stringElems(root.Get("permissions")),
		hosts:   hostStrings(root, version, "permissions", "host_permissions"),
		scripts: contentScriptMatches(root),
		newTab:  root.Get("chrome_url_overrides").Get("newtab") != nil,
		version: version,
	})
	optional := grants(requested{
		names:    stringElems(root.Get("optional_permissions")),
		hosts:    hostStrings(root, version, "optional_permissions", "optional_host_permissions"),
		version:  version,
		optional: true,
	})
	return Warnings{Required: messages(required), Optional: messages(optional)}
}

// requested is what a manifest asks for, in one of its two sets.
type requested struct {
	names   []string // permission names
	hosts   []string // host permissions
	scripts []string // content script matches
	newTab  bool     // it replaces the new tab page
	version int      // the manifest version
	// optional marks the optional set, where Chrome drops the permissions
	// that cannot be optional.
	optional bool
}

// grant is one permission ID and its parameter (the host of
// idHostReadWrite), an element of Chromium's PermissionIDSet.
type grant struct {
	id    id
	param string
}

func compareGrants(a, b grant) int {
	return cmp.Or(cmp.Compare(a.id, b.id), cmp.Compare(a.param, b.param))
}

// grants returns the IDs a request grants, sorted and without duplicates.
func grants(r requested) []grant {
	var gs []grant
	allHosts := false
	for _, name := range r.names {
		p, ok := lookup(name, r.version)
		if !ok || (r.optional && p.notOptional) {
			continue
		}
		allHosts = allHosts || p.allHosts
		if p.id != 0 {
			gs = append(gs, grant{id: p.id})
		}
	}
	if r.newTab {
		gs = append(gs, grant{id: idNewTabPageOverride})
	}
	patterns := parsePatterns(r.hosts, matchpattern.HostPermissionSchemes)
	if r.version < 3 && slices.ContainsFunc(patterns, isFavicon) {
		gs = append(gs, grant{id: idFavicon})
	}
	patterns = append(patterns, parsePatterns(r.scripts, matchpattern.ContentScriptSchemes)...)
	gs = append(gs, hostGrants(patterns, allHosts)...)
	slices.SortFunc(gs, compareGrants)
	return slices.Compact(gs)
}

// messages applies the rules in order, as
// ChromePermissionMessageProvider::GetPermissionMessagesHelper does.
func messages(gs []grant) []string {
	var out []string
	for _, r := range rules {
		if r.appliesTo(gs) {
			var used []grant
			used, gs = partition(gs, r.uses)
			out = append(out, r.format(used))
		}
	}
	return out
}

// appliesTo reports whether every ID the rule requires is among gs.
func (r rule) appliesTo(gs []grant) bool {
	for _, want := range r.required {
		if !slices.ContainsFunc(gs, func(g grant) bool { return g.id == want }) {
			return false
		}
	}
	return true
}

// partition splits gs into those whose ID in satisfies and the rest.
func partition(gs []grant, in func(id) bool) (yes, no []grant) {
	for _, g := range gs {
		if in(g.id) {
			yes = append(yes, g)
		} else {
			no = append(no, g)
		}
	}
	return yes, no
}

// uses reports whether the rule takes an ID.
func (r rule) uses(x id) bool {
	return slices.Contains(r.required, x) || slices.Contains(r.optional, x)
}

// format makes the rule's message from the IDs it took.
func (r rule) format(used []grant) string {
	if !r.hostList {
		return r.message
	}
	var hosts []string
	for _, g := range used {
		hosts = append(hosts, g.param)
	}
	return hostMessage(hosts)
}

// parsePatterns parses the match patterns Chrome accepts under a scheme
// mask and skips the rest, as Chrome does with a warning.
func parsePatterns(ss []string, schemes matchpattern.SchemeMask) []matchpattern.Pattern {
	var ps []matchpattern.Pattern
	for _, s := range ss {
		if p, err := matchpattern.Parse(s, schemes); err == nil {
			ps = append(ps, p)
		}
	}
	return ps
}
