// Package apiperm knows what Chrome's extension APIs need before they exist:
// a permission, a manifest key, or nothing; and which of them content
// scripts can reach. The table is data read from Chromium (see Source), not
// logic: update it from a newer snapshot rather than special-casing an API
// in a rule.
//
// A dependency in Chromium's feature files leaves the API undefined when it
// is not met: without the "bookmarks" permission chrome.bookmarks is
// undefined, and chrome.action exists only when the manifest has an
// "action" key. A few permissions are checked by the function itself
// instead, which then fails the call (Need.AtCall): chrome.downloads.open
// without "downloads.open".
package apiperm

import (
	"slices"
	"strings"
)

// Need is one condition an API needs before it works.
type Need struct {
	// Permissions are the permissions any one of which meets the need.
	Permissions []string
	// Key is a top-level manifest key that must be present instead, as
	// "action" is for chrome.action.
	Key string
	// AtCall reports that Chrome checks the need when the function runs
	// and fails the call, rather than leaving the API undefined.
	AtCall bool
}

// Feature is an API, a namespace or one of its members, with what it needs.
// Features returned by this package share the table's slices: do not
// modify them.
type Feature struct {
	Path string // dotted, as "runtime.connectNative"
	// Needs must all be met; empty when the API needs nothing.
	Needs []Need
	// ContentScript reports that content scripts can reach the API too.
	ContentScript bool
	// WebPage reports that web pages can reach the API: those that
	// externally_connectable matches, and content scripts running in the
	// page's MAIN world.
	WebPage bool
}

// Lookup returns the feature that governs a member chain such as
// ["bookmarks", "getTree"]: the table's entry with the longest path the
// chain starts with. It reports false for a chain the table does not know,
// and for one that reaches an enum or type, as chrome.runtime.OnInstalledReason,
// whose name starts with an upper-case letter: enums exist wherever their
// namespace does, which the table does not record.
func Lookup(chain []string) (Feature, bool) {
	for n := len(chain); n > 0; n-- {
		i, found := slices.BinarySearchFunc(features, strings.Join(chain[:n], "."), func(f Feature, path string) int {
			return strings.Compare(f.Path, path)
		})
		if !found {
			continue
		}
		if n < len(chain) && isTypeName(chain[n]) {
			return Feature{}, false
		}
		return features[i], true
	}
	return Feature{}, false
}

func isTypeName(member string) bool { return member != "" && 'A' <= member[0] && member[0] <= 'Z' }

// Canonical returns the name Chrome files a permission under: "tabs" for
// its alias "windows", "unlimitedStorage" for "unlimited_storage".
func Canonical(permission string) string {
	if name, ok := aliases[permission]; ok {
		return name
	}
	return permission
}

// Usage is what shows that an extension uses a permission.
type Usage struct {
	// APIs are the dotted paths whose use, or the use of a member, shows
	// the permission in use.
	APIs []string
	// Keys are top-level manifest keys whose presence shows it in use.
	Keys []string
	// Senders reports that a message or connection listener that reads
	// its sender shows it in use: "tabs" fills in the sender's tab.
	Senders bool
}

// UsesOf returns what shows that the canonical permission is used. It
// reports false for a permission whose use code cannot show: one without
// an API of its own (activeTab, background, unlimitedStorage), one that
// also grants a web platform API (notifications), or one the table does
// not know.
func UsesOf(permission string) (Usage, bool) {
	if slices.Contains(unjudged, permission) {
		return Usage{}, false
	}
	var u Usage
	for _, f := range features {
		for _, need := range f.Needs {
			if slices.Contains(need.Permissions, permission) {
				u.APIs = append(u.APIs, f.Path)
				break
			}
		}
	}
	for _, e := range extraUses {
		if e.permission == permission {
			u.APIs = append(u.APIs, e.apis...)
			u.Keys = append(u.Keys, e.keys...)
			u.Senders = u.Senders || e.senders
		}
	}
	if len(u.APIs) == 0 {
		return Usage{}, false
	}
	return u, true
}
