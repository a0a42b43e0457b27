package rules

import (
	"bytes"
	"io/fs"
	"slices"

	"github.com/crxlint/crxlint/extension"
	"github.com/crxlint/crxlint/jsscan"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// WebAccessibleUnneeded tells about resources exposed to every site when
// the content scripts that load them run on a few.
var WebAccessibleUnneeded = &lint.Rule{
	ID:         "web-accessible-unneeded",
	Title:      "web_accessible_resources exposes files to every site that only a few need",
	Category:   lint.Security,
	Severity:   lint.Info,
	Chrome:     lint.Accepts,
	NeedsFiles: true,
	Doc: "Every site a `web_accessible_resources` entry matches can load its files, and so can tell\n" +
		"that the extension is installed: exposing them to `<all_urls>` or `*://*/*` makes every\n" +
		"user of the extension recognisable to every site. Content scripts load these files into the\n" +
		"pages they run on, so an entry needs to match those pages only.\n\n" +
		"For an entry exposed to every site, crxlint finds the content scripts that may load its\n" +
		"files with `runtime.getURL`: those that name one of them, compute a path (which could name\n" +
		"any), or cannot be read, and those whose stylesheets name `__MSG_@@extension_id__`. When\n" +
		"they all run on particular sites, it suggests matching those sites' origins, and when there\n" +
		"are none, it says so. It says nothing when one of them runs on every site, when the files may\n" +
		"be loaded by a script that nothing in the manifest loads (`scripting.executeScript` may\n" +
		"inject it anywhere) or by one that injects functions, or when the folder holds no\n" +
		"JavaScript at all, nor about an entry that lists a file a `declarativeNetRequest` rule\n" +
		"redirects requests to (`extensionPath`, a `url` on the extension's origin, or a\n" +
		"`regexSubstitution` that makes one): every page whose request is redirected loads it, so it\n" +
		"must be web accessible. Manifest version 2 exposes every listed file to every site and has no\n" +
		"`matches` to narrow.\n\n" +
		"Ignore the finding when web pages themselves are meant to load the files.",
	Run: runWebAccessibleUnneeded,
}

func runWebAccessibleUnneeded(pass *lint.Pass) error {
	code := extensionCode(pass)
	if len(code.Scripts) == 0 {
		return nil // no code to read: the folder is not the built extension
	}
	opaque, redirects := opaqueLoaders(pass, code), dnrRedirects(pass)
	for _, e := range webAccessibleEntries(pass.Root()) {
		if redirects.reach(e) {
			continue // pages the rules redirect load the files: the entry is needed
		}
		var broad []warMatch
		for _, m := range e.matches {
			if m.pattern.MatchesAllHosts() {
				broad = append(broad, m)
			}
		}
		if len(broad) == 0 || len(e.resources) == 0 {
			continue
		}
		loaders, anywhere := slices.Clone(opaque), false
		for _, s := range code.Scripts {
			switch {
			case !mayLoad(s, e):
			case s.Contexts == 0 || injects(s):
				anywhere = true // it may be injected, or inject a function, anywhere
			case s.Contexts&extension.ContentScript != 0:
				loaders = append(loaders, s.ContentScripts...)
			}
		}
		if !anywhere {
			reportUnneeded(pass, e, broad, loaders)
		}
	}
	return nil
}

// reportUnneeded reports the broad patterns of an entry whose files only
// the content scripts loaders load, unless one of those runs everywhere.
func reportUnneeded(pass *lint.Pass, e warEntry, broad []warMatch, loaders []*manifest.Node) {
	var sites, origins []string
	for _, cs := range loaders {
		for _, p := range contentScriptPages(cs) {
			if p.pattern.MatchesAllHosts() {
				return
			}
			if site, _ := p.node.Str(); !slices.Contains(sites, site) {
				sites = append(sites, site)
			}
			if o := warOrigin(p.pattern); !slices.Contains(origins, o) {
				origins = append(origins, o)
			}
		}
	}
	listed := make([]string, len(e.resources))
	for i, r := range e.resources {
		listed[i] = r.text
	}
	for _, m := range broad {
		s, _ := m.node.Str()
		reach, _ := patternReach(m.pattern)
		if len(origins) == 0 {
			pass.Reportf(m.node, "%s lets %s load %s, and so detect the extension, but no content script loads them with runtime.getURL; match only the sites that need them, or remove the entry",
				quote(s), reach, quoteList(listed))
			continue
		}
		pass.Reportf(m.node, "%s lets %s load %s, and so detect the extension, but only content scripts on %s load them; narrow matches to [%s]",
			quote(s), reach, quoteList(listed), quoteList(sites), quoteList(origins))
	}
}

// mayLoad reports whether s may load a file the entry lists through
// getURL: it names one, computes a path, or could not be read.
func mayLoad(s *extension.Script, e warEntry) bool {
	if s.Scan.Err != nil && !s.Scan.Fallback {
		return true
	}
	return slices.ContainsFunc(s.Scan.GetURLs, func(g jsscan.GetURL) bool {
		if g.Arg == nil || g.Arg.Kind != jsscan.ArgString {
			return g.Arg != nil
		}
		name, inside := filePath(g.Arg.Value, true)
		return name != "" && inside && e.lists(name)
	})
}

// injects reports whether a script injects code into pages with
// scripting.executeScript or tabs.executeScript: a function it injects may
// call getURL in the page.
func injects(s *extension.Script) bool {
	return slices.ContainsFunc(s.Scan.Uses, func(u jsscan.APIUse) bool {
		return u.Called && (u.Is("scripting.executeScript") || u.Is("tabs.executeScript"))
	})
}

// opaqueLoaders returns the content_scripts entries that may load any file
// of the extension out of crxlint's sight: through a script it could not
// read, or a stylesheet that names __MSG_@@extension_id__.
func opaqueLoaders(pass *lint.Pass, code *extension.Sources) []*manifest.Node {
	var out []*manifest.Node
	for _, cs := range pass.Root().Get("content_scripts").Elems() {
		opaque := false
		for _, js := range cs.Get("js").Elems() {
			p, _ := js.Str()
			name, inside := filePath(p, false)
			opaque = opaque || !inside || code.Script(name) == nil
		}
		for _, css := range cs.Get("css").Elems() {
			p, _ := css.Str()
			name, inside := filePath(p, false)
			data, err := fs.ReadFile(pass.Files, name)
			opaque = opaque || inside && err == nil && bytes.Contains(data, []byte("__MSG_@@extension_id__"))
		}
		if opaque {
			out = append(out, cs)
		}
	}
	return out
}
