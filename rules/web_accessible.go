package rules

import (
	"slices"
	"strings"

	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/matchpattern"
)

// warOrigin is the web_accessible_resources pattern for the pages of a
// content script pattern: its origin, since entries match origins only.
func warOrigin(p matchpattern.Pattern) string {
	if p.MatchAllURLs() {
		return matchpattern.AllURLs
	}
	return originPattern(p)
}

// quoteList quotes strings and joins them with commas.
func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = quote(s)
	}
	return strings.Join(q, ", ")
}

func webAccessibleEntries(root *manifest.Node) []warEntry {
	var out []warEntry
	for i, n := range root.Get("web_accessible_resources").Elems() {
		e := warEntry{index: i, everyPage: n.Kind() == manifest.String}
		e.addResource(n)
		for _, r := range n.Get("resources").Elems() {
			e.addResource(r)
		}
		for _, m := range n.Get("matches").Elems() {
			s, _ := m.Str()
			if p, r := parsePattern(s, matchpattern.WebAccessibleResourcesSchemes); r == matchpattern.Success {
				e.matches = append(e.matches, warMatch{node: m, pattern: p})
			}
		}
		out = append(out, e)
	}
	return out
}

// warEntry is one web_accessible_resources entry, read to compare with
// the extension's files and code. What Chrome refuses is left out, for the
// web-accessible-resources and invalid-value to report.
type warEntry struct {
	index     int
	resources []warResource
	matches   []warMatch
	// everyPage is set for a manifest version 2 entry: a bare path that
	// Chrome exposes to every page.
	everyPage bool
}

type warResource struct {
	node *manifest.Node
	text string
	glob matchpattern.Pattern
}

type warMatch struct {
	node    *manifest.Node
	pattern matchpattern.Pattern
}

// addResource reads a resource path as Chrome does: the path of a pattern
// on the extension's origin, after any leading "/", where "*" matches any
// characters, "/" included, and nothing else is special.
func (e *warEntry) addResource(n *manifest.Node) {
	s, ok := n.Str()
	if !ok {
		return
	}
	glob, err := matchpattern.Parse("chrome-extension://crxlint/"+strings.TrimLeft(s, "/"), matchpattern.SchemeExtension)
	if err == nil {
		e.resources = append(e.resources, warResource{node: n, text: s, glob: glob})
	}
}

// lists reports whether the entry names the file at name.
func (e warEntry) lists(name string) bool {
	return slices.ContainsFunc(e.resources, func(r warResource) bool { return r.glob.MatchesPath("/" + name) })
}

// exposesTo reports whether the entry lets the pages page matches load
// what it lists.
func (e warEntry) exposesTo(page matchpattern.Pattern) bool {
	return e.everyPage || slices.ContainsFunc(e.matches, func(m warMatch) bool { return m.pattern.Contains(page) })
}
