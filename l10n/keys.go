package l10n

import (
	"iter"
	"strings"

	"github.com/crxlint/crxlint/manifest"
)

// LocalizedKeys returns the manifest values in which Chrome substitutes
// __MSG_name__ placeholders (extension_l10n_util::LocalizeManifest), as
// JSON pointers in which * stands for any array index or object key. Only
// string values are substituted; __MSG_ anywhere else stays as written.
// The slice is new on each call.
func LocalizedKeys() []string {
	return []string{
		"/name",
		"/short_name",
		"/description",
		"/browser_action/default_title",
		"/page_action/default_title",
		"/action/default_title",
		"/omnibox/keyword",
		"/file_browser_handlers/*/default_title",
		"/input_components/*/name",
		"/input_components/*/description",
		"/app/launch/local_path",
		"/app/launch/web_url",
		"/commands/*/description",
		"/chrome_settings_overrides/search_provider/*",
		"/chrome_settings_overrides/search_provider/alternate_urls/*",
		"/chrome_settings_overrides/homepage",
		"/chrome_settings_overrides/startup_pages/*",
	}
}

// Localized yields the string values of a manifest in which Chrome
// substitutes __MSG_name__ placeholders, in the order Chrome substitutes
// them; see LocalizedKeys. Chrome finds commands and search-provider
// fields by a dotted path, so it never reaches a key that holds a dot, and
// Localized skips such keys too.
func Localized(root *manifest.Node) iter.Seq[*manifest.Node] {
	return func(yield func(*manifest.Node) bool) {
		str := func(n *manifest.Node) bool {
			if _, ok := n.Str(); ok {
				return yield(n)
			}
			return true
		}
		list := func(n *manifest.Node) bool {
			for _, e := range n.Elems() {
				if !str(e) {
					return false
				}
			}
			return true
		}
		get := func(n *manifest.Node, path ...string) *manifest.Node {
			for _, key := range path {
				n = n.Get(key)
			}
			return n
		}
		for _, key := range []string{"name", "short_name", "description"} {
			if !str(root.Get(key)) {
				return
			}
		}
		for _, action := range []string{"browser_action", "page_action", "action"} {
			if !str(get(root, action, "default_title")) {
				return
			}
		}
		if !str(get(root, "omnibox", "keyword")) {
			return
		}
		for _, h := range root.Get("file_browser_handlers").Elems() {
			if !str(h.Get("default_title")) {
				return
			}
		}
		for _, ic := range root.Get("input_components").Elems() {
			if !str(ic.Get("name")) || !str(ic.Get("description")) {
				return
			}
		}
		if !str(get(root, "app", "launch", "local_path")) || !str(get(root, "app", "launch", "web_url")) {
			return
		}
		for _, c := range byKey(root.Get("commands")) {
			if !strings.Contains(c.Key, ".") && !str(c.Value.Get("description")) {
				return
			}
		}
		overrides := root.Get("chrome_settings_overrides")
		for _, f := range byKey(overrides.Get("search_provider")) {
			switch {
			case strings.Contains(f.Key, "."):
			case f.Key == "alternate_urls":
				if !list(f.Value) {
					return
				}
			default:
				if !str(f.Value) {
					return
				}
			}
		}
		if !str(overrides.Get("homepage")) {
			return
		}
		list(overrides.Get("startup_pages"))
	}
}
