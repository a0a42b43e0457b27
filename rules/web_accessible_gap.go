package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crxlint/crxlint/extension"
	"github.com/crxlint/crxlint/jsscan"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/matchpattern"
)

// WebAccessibleGap reports files a content script loads through
// runtime.getURL that no web_accessible_resources entry exposes to the
// pages the content script runs on.
var WebAccessibleGap = &lint.Rule{
	ID:         idWebAccessibleGap,
	Title:      "A content script loads a file that web_accessible_resources does not expose to its pages",
	Category:   lint.Correctness,
	Severity:   lint.Error,
	Chrome:     lint.Accepts,
	NeedsFiles: true,
	Doc: "A content script runs inside a web page, so a file it loads from the extension, such as an\n" +
		"`<img>`, `<script>` or `<iframe>` pointed at `chrome.runtime.getURL(\"logo.png\")`, is loaded by\n" +
		"that page. Chrome allows it only when a `web_accessible_resources` entry lists the file for the\n" +
		"page's site, and otherwise blocks the request at run time: \"Denying load of\n" +
		"chrome-extension://…/logo.png. Resources must be listed in the web_accessible_resources\n" +
		"manifest key in order to be loaded by pages outside the extension.\" The extension itself\n" +
		"loads without a word.\n\n" +
		"crxlint reads the content scripts, and the modules they import, for `runtime.getURL` and\n" +
		"`extension.getURL` calls with a literal path. For each pattern of the content script's\n" +
		"`matches` some entry must list the path and have a `matches` pattern that contains the\n" +
		"content script's: an entry for `https://example.com/*` does not cover a content script on\n" +
		"`https://*.example.org/*`. Resources are globs (`*` matches any characters, `/` included; a\n" +
		"leading `/` is ignored), and `extension_ids` lets other extensions in, not pages. The message\n" +
		"names the call and the entry to add.\n\n" +
		"Extension pages and the service worker load their own files without an entry, so `getURL`\n" +
		"there is never reported, nor in a file that a content script shares with them (such as a\n" +
		"helper that shows a notification, whose icon the extension loads itself), nor is it in a content script of the `MAIN` world, which has no\n" +
		"extension APIs. `getURL(\"\")`, used to compare URLs, is ignored, and so are `exclude_matches`.\n" +
		"A computed path (`getURL(name)`) cannot be checked: web-accessible-computed-url notes it\n" +
		"when no entry exposes any file to the content script's pages.\n\n" +
		"When the content script only passes the URL on, to the service worker or to compare it with\n" +
		"`location.href`, no page loads it and the finding can be ignored.",
	Run: reportShare(webAccessibleGaps),
}

const (
	idWebAccessibleGap         = "web-accessible-gap"
	idWebAccessibleComputedURL = "web-accessible-computed-url"
)

const denyingLoad = "Denying load of chrome-extension://…/%s. Resources must be listed in the web_accessible_resources manifest key in order to be loaded by pages outside the extension."

// webAccessibleGaps finds the getURL calls of content scripts whose files
// no web_accessible_resources entry exposes to the scripts' pages, for
// web-accessible-gap and web-accessible-computed-url.
var webAccessibleGaps = lint.NewResult("web-accessible-gaps", func(pass *lint.Pass) (findings, error) {
	out := findings{}
	entries := webAccessibleEntries(pass.Root())
	mv, _ := pass.Root().Get("manifest_version").Int()
	for _, s := range extensionCode(pass).Scripts {
		if s.Contexts.Privileged() {
			continue // shared with the service worker or a page, where the URL may be all it is used
		}
		for _, cs := range s.ContentScripts {
			if world, _ := cs.Get("world").Str(); world == "MAIN" {
				continue // no extension APIs there
			}
			check := gapChecker{pass: pass, out: out, entries: entries, mv: mv, script: s, pages: contentScriptPages(cs)}
			seen := map[string]bool{}
			computed := false
			for _, g := range s.Scan.GetURLs {
				switch {
				case g.Arg == nil:
				case g.Arg.Kind != jsscan.ArgString:
					if !computed {
						computed = true
						check.computed(g)
					}
				case !seen[g.Arg.Value]:
					seen[g.Arg.Value] = true
					check.literal(g)
				}
			}
		}
	}
	return out, nil
})

// gapChecker checks the getURL calls of one script for the pages of one
// content_scripts entry that loads it.
type gapChecker struct {
	pass    *lint.Pass
	out     findings
	entries []warEntry
	mv      int
	script  *extension.Script
	pages   []csPage
}

// literal reports the pages where the file a getURL call names is not
// exposed.
func (c gapChecker) literal(g jsscan.GetURL) {
	name, inside := filePath(g.Arg.Value, true)
	if name == "" || !inside || hasScheme(g.Arg.Value) {
		return
	}
	gap := uncovered(c.pages, c.entries, func(e warEntry) bool { return e.lists(name) })
	if len(gap) == 0 {
		return
	}
	add := quoteList(origins(gap))
	entry := fmt.Sprintf(`{"resources": [%s], "matches": [%s]}`, quote(name), add)
	remedy := "add " + entry + " to web_accessible_resources"
	var fix lint.Fix
	war, hasWAR := c.pass.Root().Member("web_accessible_resources")
	switch i := slices.IndexFunc(c.entries, func(e warEntry) bool { return !e.everyPage && e.lists(name) }); {
	case i >= 0:
		remedy = fmt.Sprintf("add %s to the matches of web_accessible_resources[%d], which lists it", add, c.entries[i].index)
		if m := war.Value.Elem(c.entries[i].index).Get("matches"); m.Kind() == manifest.Array {
			fix = lint.Fix{Message: remedy, Edits: []lint.Edit{appendEdit(m, add)}}
		}
	case c.mv < 3:
		remedy = fmt.Sprintf("add %s to web_accessible_resources", quote(name))
		fix = c.addEntry(war, hasWAR, remedy, quote(name))
	default:
		fix = c.addEntry(war, hasWAR, remedy, entry)
	}
	d := c.pass.At(gap[0].node, "%s(%s) at %s runs on %s, but no web_accessible_resources entry exposes %s to those pages, so Chrome blocks its load there; %s",
		strings.Join(g.Chain, "."), quote(g.Arg.Value), jsPos(c.script, g.Range), pageList(gap), quote(name), remedy)
	d.ChromeMessage = fmt.Sprintf(denyingLoad, name)
	if fix.Edits != nil {
		d.Fixes = []lint.Fix{fix}
	}
	c.out.add(idWebAccessibleGap, withCode(c.pass, d, c.script, g.Range, "the call"))
}

// addEntry is the fix that adds entry to web_accessible_resources, making
// the key when the manifest has none; none when the key is not a list.
func (c gapChecker) addEntry(war manifest.Member, hasWAR bool, message, entry string) lint.Fix {
	switch {
	case !hasWAR:
		return lint.Fix{Message: message, Edits: addMemberEdits(c.pass.Manifest.Source(), c.pass.Root(), "web_accessible_resources", "["+entry+"]")}
	case war.Value.Kind() == manifest.Array:
		return lint.Fix{Message: message, Edits: []lint.Edit{appendEdit(war.Value, entry)}}
	}
	return lint.Fix{}
}

// computed tells about a getURL call with a computed path on pages where
// no file at all is exposed.
func (c gapChecker) computed(g jsscan.GetURL) {
	gap := uncovered(c.pages, c.entries, func(warEntry) bool { return true })
	if len(gap) == 0 {
		return
	}
	d := c.pass.At(gap[0].node, "%s with a computed path at %s runs on %s, where no web_accessible_resources entry exposes any file, so Chrome blocks every load of such a URL there; list the files it can name for those pages",
		strings.Join(g.Chain, "."), jsPos(c.script, g.Range), pageList(gap))
	c.out.add(idWebAccessibleComputedURL, withCode(c.pass, d, c.script, g.Range, "the call"))
}

// pageGap is a pattern of a content script on whose pages, all or some,
// no entry exposes a file.
type pageGap struct {
	csPage
	missing []matchpattern.Pattern // the pieces no entry covers
}

// uncovered returns the pages where no entry that lists a file (as lists
// says) exposes it.
func uncovered(pages []csPage, entries []warEntry, lists func(warEntry) bool) []pageGap {
	var out []pageGap
	for _, p := range pages {
		missing := slices.DeleteFunc(slices.Clone(p.pieces), func(piece matchpattern.Pattern) bool {
			return slices.ContainsFunc(entries, func(e warEntry) bool { return lists(e) && e.exposesTo(piece) })
		})
		if len(missing) > 0 {
			out = append(out, pageGap{csPage: p, missing: missing})
		}
	}
	return out
}

// pageList names the pages of gaps: the patterns as the manifest writes
// them, and the schemes left out when the others are covered.
func pageList(gaps []pageGap) string {
	list := make([]string, len(gaps))
	for i, g := range gaps {
		s, _ := g.node.Str()
		list[i] = quote(s)
		if len(g.missing) < len(g.pieces) {
			var schemes []string
			for _, m := range g.missing {
				schemes = append(schemes, m.Scheme())
			}
			list[i] += " (its " + strings.Join(schemes, " and ") + " pages)"
		}
	}
	return strings.Join(list, ", ")
}

// origins returns the web_accessible_resources patterns that would cover
// the gaps.
func origins(gaps []pageGap) []string {
	var out []string
	for _, g := range gaps {
		add := []matchpattern.Pattern{g.pattern}
		if len(g.missing) < len(g.pieces) {
			add = g.missing
		}
		for _, p := range add {
			if o := warOrigin(p); !slices.Contains(out, o) {
				out = append(out, o)
			}
		}
	}
	return out
}
