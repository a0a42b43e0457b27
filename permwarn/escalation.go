package permwarn

import (
	"slices"

	"github.com/crxlint/crxlint/apiperm"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/matchpattern"
)

// An Escalation is a warning that an update adds to the install prompt.
// Chrome disables an updated extension until the user accepts the new
// warnings (PermissionMessageProvider::IsPrivilegeIncrease), and many users
// never do.
type Escalation struct {
	// Warning is the new warning, in Chrome's words.
	Warning string
	// Causes are the values of the new manifest that bring it: permission
	// names, match patterns and manifest keys.
	Causes []string
}

// Escalations returns the warnings the manifest next adds to those of the
// manifest prev. Like Chrome, it compares what the permissions grant, not
// how the manifests list them: a permission whose warning prev already
// shows, or that another one's warning covers, and a host that prev already
// reaches, add nothing.
func Escalations(prev, next *manifest.Node) []Escalation {
	old, now := required(prev), required(next)
	oldGrants := grants(old.request())
	oldMessages := messages(oldGrants)
	added := now.without(old)
	var out []Escalation
	for _, w := range increases(oldGrants, oldMessages, grants(now.request())) {
		e := Escalation{Warning: w}
		for i, item := range added {
			// the item brings w when the manifest without it does not warn so
			if !slices.Contains(increases(oldGrants, oldMessages, grants(now.drop(added, i).request())), w) {
				e.Causes = append(e.Causes, item.value)
			}
		}
		out = append(out, e)
	}
	return out
}

// increases returns the warnings of gs that the old grants' warnings do
// not cover: a message they do not show, or a host list with a host they
// do not reach.
func increases(old []grant, oldMessages []string, gs []grant) []string {
	hostList := ""
	var hosts []string
	for _, g := range gs {
		if g.id == idHostReadWrite {
			hosts = append(hosts, g.param)
		}
	}
	if len(hosts) > 0 {
		hostList = hostMessage(hosts)
	}
	var out []string
	for _, m := range messages(gs) {
		switch {
		case m == hostList:
			if slices.ContainsFunc(hosts, func(h string) bool { return !reaches(old, h) }) {
				out = append(out, m)
			}
		case !slices.Contains(oldMessages, m):
			out = append(out, m)
		}
	}
	return out
}

// reaches reports whether the grants cover a host: the host itself, or all
// hosts.
func reaches(gs []grant, host string) bool {
	return slices.ContainsFunc(gs, func(g grant) bool {
		return g.id == idHostsAll || g.id == idHostReadWrite && g.param == host
	})
}

// item is one value of a manifest's required permissions.
type item struct {
	kind  int // itemName, itemHost, itemScript
	value string
}

const (
	itemName = iota
	itemHost
	itemScript
)

// requiredSet is a manifest's required permissions as the values it lists.
type requiredSet struct {
	items   []item
	keys    []permission
	version int
}

func required(root *manifest.Node) requiredSet {
	version, _ := root.Get("manifest_version").Int()
	s := requiredSet{keys: keyGrants(root), version: version}
	for _, n := range stringElems(root.Get("permissions")) {
		s.items = append(s.items, item{itemName, n})
	}
	for _, h := range hostStrings(root, version, "permissions", "host_permissions") {
		s.items = append(s.items, item{itemHost, h})
	}
	for _, m := range contentScriptMatches(root) {
		s.items = append(s.items, item{itemScript, m})
	}
	return s
}

// request is the set as For reads it.
func (s requiredSet) request() requested {
	r := requested{keys: s.keys, version: s.version}
	var hosts, scripts []string
	for _, it := range s.items {
		switch it.kind {
		case itemName:
			r.names = append(r.names, it.value)
		case itemHost:
			hosts = append(hosts, it.value)
		case itemScript:
			scripts = append(scripts, it.value)
		}
	}
	r.hosts = parsePatterns(hosts, matchpattern.HostPermissionSchemes)
	r.scripts = parsePatterns(scripts, matchpattern.ContentScriptSchemes)
	return r
}

// without returns the items of s that old does not list (names compared
// canonically).
func (s requiredSet) without(old requiredSet) []item {
	var out []item
	for _, it := range s.items {
		if !slices.ContainsFunc(old.items, func(o item) bool { return o.kind == it.kind && same(o, it) }) {
			out = append(out, it)
		}
	}
	return out
}

func same(a, b item) bool {
	if a.kind == itemName {
		return apiperm.Canonical(a.value) == apiperm.Canonical(b.value)
	}
	return a.value == b.value
}

// drop returns s without the item added[i].
func (s requiredSet) drop(added []item, i int) requiredSet {
	out := s
	out.items = slices.DeleteFunc(slices.Clone(s.items), func(it item) bool { return it == added[i] })
	return out
}
