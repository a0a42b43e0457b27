package permwarn

import "github.com/crxlint/crxlint/manifest"

// stringElems returns the strings of an array, skipping other values; nil
// for a node that is not an array.
func stringElems(n *manifest.Node) []string {
	if n == nil || n.Kind() != manifest.Array {
		return nil
	}
	var ss []string
	for _, e := range n.Elems() {
		if s, ok := e.Str(); ok {
			ss = append(ss, s)
		}
	}
	return ss
}

// hostStrings returns the host permissions of one set: under manifest
// version 3 the strings of hostKey ("host_permissions"), before it the
// strings of permKey ("permissions"), where Chrome takes every string that
// is not a permission name for a match pattern.
func hostStrings(root *manifest.Node, version int, permKey, hostKey string) []string {
	if version >= 3 {
		return stringElems(root.Get(hostKey))
	}
	var hosts []string
	for _, s := range stringElems(root.Get(permKey)) {
		if _, known := permissions[s]; !known {
			hosts = append(hosts, s)
		}
	}
	return hosts
}

// contentScriptMatches returns the "matches" of every content script: Chrome
// grants them as host permissions.
func contentScriptMatches(root *manifest.Node) []string {
	scripts := root.Get("content_scripts")
	if scripts == nil || scripts.Kind() != manifest.Array {
		return nil
	}
	var matches []string
	for _, s := range scripts.Elems() {
		if s.Kind() == manifest.Object {
			matches = append(matches, stringElems(s.Get("matches"))...)
		}
	}
	return matches
}

// keyGrants returns the permissions that the manifest's keys grant.
func keyGrants(root *manifest.Node) []permission {
	var ps []permission
	for _, k := range keyPermissions {
		n := root.Get(k.key)
		if k.member != "" {
			n = n.Get(k.member)
		}
		if n != nil {
			ps = append(ps, k.permission)
		}
	}
	return ps
}
