package permwarn

import (
	"cmp"
	"slices"

	"github.com/crxlint/crxlint/apiperm"
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
// skipped, and so are optional permissions that are also required.
func For(root *manifest.Node) Warnings {
	required := required(root).request()
	version := required.version
	optional := requested{
		names:    stringElems(root.Get("optional_permissions")),
		hosts:    parsePatterns(hostStrings(root, version, "optional_permissions", "optional_host_permissions"), matchpattern.HostPermissionSchemes),
		version:  version,
		optional: true,
	}
	optional.removeRequired(required)
	return Warnings{Required: messages(grants(required)), Optional: messages(grants(optional))}
}

// requested is what a manifest asks for, in one of its two sets.
type requested struct {
	names   []string               // permission names
	hosts   []matchpattern.Pattern // host permissions
	scripts []matchpattern.Pattern // content script matches
	keys    []permission           // permissions that manifest keys grant
	version int                    // the manifest version
	// optional marks the optional set, where Chrome drops the permissions
	// that cannot be optional.
	optional bool
}

// removeRequired drops from an optional set what the required set already
// has, as PermissionsParser's RemoveOverlappingAPIPermissions and
// RemoveOverlappingHostPermissions do: the same permission (an alias is the
// same), and host patterns that a required host permission contains.
func (r *requested) removeRequired(required requested) {
	names := make([]string, len(required.names))
	for i, n := range required.names {
		names[i] = apiperm.Canonical(n)
	}
	r.names = slices.DeleteFunc(r.names, func(n string) bool { return slices.Contains(names, apiperm.Canonical(n)) })
	hosts := make([]matchpattern.Pattern, len(required.hosts))
	for i, h := range required.hosts {
		hosts[i] = withAllPaths(h)
	}
	r.hosts = slices.DeleteFunc(r.hosts, func(p matchpattern.Pattern) bool {
		return slices.ContainsFunc(hosts, func(h matchpattern.Pattern) bool { return h.Contains(p) })
	})
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
	perms := slices.Clone(r.keys)
	for _, name := range r.names {
		if p, ok := lookup(name, r.version); ok && (!r.optional || !p.notOptional) {
			perms = append(perms, p)
		}
	}
	var gs []grant
	allHosts := false
	for _, p := range perms {
		allHosts = allHosts || p.allHosts
		if p.id != 0 {
			gs = append(gs, grant{id: p.id})
		}
	}
	if r.version < 3 && slices.ContainsFunc(r.hosts, isFavicon) {
		gs = append(gs, grant{id: idFavicon})
	}
	gs = append(gs, hostGrants(slices.Concat(r.hosts, r.scripts), allHosts)...)
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
