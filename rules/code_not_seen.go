package rules

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/crxlint/crxlint/apiperm"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// CodeNotSeen notes, once, that rules which judge all of an extension's
// code say nothing because crxlint cannot see all of it.
var CodeNotSeen = &lint.Rule{
	ID:         "code-not-seen",
	Title:      "crxlint cannot see all the code, so it does not judge the permissions' use",
	Category:   lint.StorePolicy,
	Severity:   lint.Info,
	Chrome:     lint.Accepts,
	NeedsFiles: true,
	Doc: "unused-permission can only say that no script uses a permission when it has read every\n" +
		"script. When it cannot, it says nothing, and this rule says why, once: a script the manifest,\n" +
		"a page or a module loads is not in the extension (often because a build writes it), the\n" +
		"folder holds TypeScript, JSX, Vue, Svelte or CoffeeScript sources that a build turns into the\n" +
		"JavaScript Chrome runs, or a script does not parse. Lint the folder the build writes, the one\n" +
		"you load in Chrome, to have the permissions judged.\n\n" +
		"The rule stays silent when no permission would be judged, and when the folder has no\n" +
		"JavaScript at all and the manifest loads none, as when a manifest is checked alone: there is\n" +
		"then no code to miss, and unused-permission says nothing either.",
	Run: runCodeNotSeen,
}

func runCodeNotSeen(pass *lint.Pass) error {
	judged := judgedPermissions(pass.Root())
	if len(judged) == 0 {
		return nil
	}
	why := codeGap(pass)
	if why == "" || why == noJavaScript {
		return nil
	}
	var names []string
	for _, n := range judged {
		s, _ := n.Str()
		names = append(names, quote(s))
	}
	what := "whether the permission " + names[0] + " is used"
	if len(names) > 1 {
		what = "whether the permissions " + joinWords(names, "and") + " are used"
	}
	m, _ := pass.Root().Member("permissions")
	pass.Report(pass.AtKey(m, "crxlint cannot see all the code (%s), so it does not judge %s; lint the folder you load in Chrome", why, what))
	return nil
}

// noJavaScript is codeGap's answer for a folder with no JavaScript at all,
// where the manifest loads none either.
const noJavaScript = "the extension has no JavaScript"

// compiledSources are the extensions of source files a build turns into
// the JavaScript an extension runs.
var compiledSources = map[string]string{
	".coffee": "CoffeeScript",
	".cts":    "TypeScript",
	".jsx":    "JSX",
	".mts":    "TypeScript",
	".svelte": "Svelte",
	".ts":     "TypeScript",
	".tsx":    "TypeScript",
	".vue":    "Vue",
}

// codeGap says why crxlint cannot see all the extension's code, or ""
// when it can: a script that something loads is missing, the folder holds
// sources a build compiles, a script does not parse or is too large, or
// there is no JavaScript at all.
func codeGap(pass *lint.Pass) string {
	root, src, list := pass.Root(), extensionCode(pass), files(pass)
	if t := typeOf(root); t.IsApp() {
		return "crxlint does not follow the code of a Chrome App, and this is a " + t.String()
	}
	for _, n := range namedScripts(root) {
		if p, ok := n.Str(); ok {
			if _, inside := filePath(p, false); !inside {
				return fmt.Sprintf("the manifest loads %q, which is outside the extension", p)
			}
		}
	}
	if len(src.Unread) > 0 {
		u := src.Unread[0]
		by := "the manifest"
		if u.By != "" {
			by = u.By
		}
		return fmt.Sprintf("%s loads %q, which is not in the extension", by, u.Path)
	}
	for _, p := range list.All() {
		ext := strings.ToLower(path.Ext(p))
		if lang, ok := compiledSources[ext]; ok && !strings.HasSuffix(strings.ToLower(p), ".d.ts") {
			return fmt.Sprintf("%q is %s, which a build turns into JavaScript crxlint does not see here", p, lang)
		}
	}
	for _, s := range src.Scripts {
		switch {
		case s.Scan.Err != nil:
			return fmt.Sprintf("%s:%d:%d: %s", s.Path, s.Scan.Err.Pos.Line, s.Scan.Err.Pos.Column, s.Scan.Err.Msg)
		case s.Scan.Incomplete:
			return s.Path + " is nested too deeply to read whole"
		case len(s.Scan.PassedOn) > 0:
			at := s.Path
			if p := s.Scan.PassedOn[0].Start; p.Line > 0 {
				at = fmt.Sprintf("%s:%d:%d", s.Path, p.Line, p.Column)
			}
			return at + " passes the chrome object on under another name, to a function's parameter or out of the module, and crxlint does not follow it there"
		}
	}
	switch {
	case !list.Complete():
		return "the extension has more files than crxlint lists"
	case len(src.Scripts) == 0:
		return noJavaScript
	}
	return ""
}

// namedScripts returns the manifest's values that name scripts Chrome
// runs: the service worker, background scripts (manifest version 2) and
// content scripts.
func namedScripts(root *manifest.Node) []*manifest.Node {
	var named []*manifest.Node
	if n := root.Get("background").Get("service_worker"); n != nil {
		named = append(named, n)
	}
	if v, _ := root.Get("manifest_version").Int(); v == 2 { // manifest version 3 ignores them
		for _, n := range root.Get("background").Get("scripts").Elems() {
			named = append(named, n)
		}
	}
	for _, cs := range root.Get("content_scripts").Elems() {
		for _, n := range cs.Get("js").Elems() {
			named = append(named, n)
		}
	}
	return named
}

// judgedPermissions returns the entries of permissions whose use
// unused-permission judges: those with an API of their own, which no
// manifest key uses.
func judgedPermissions(root *manifest.Node) []*manifest.Node {
	var out []*manifest.Node
	for _, n := range root.Get("permissions").Elems() {
		name, ok := n.Str()
		if !ok {
			continue
		}
		usage, ok := apiperm.UsesOf(apiperm.Canonical(name))
		if ok && !slices.ContainsFunc(usage.Keys, func(k string) bool { return root.Get(k) != nil }) {
			out = append(out, n)
		}
	}
	return out
}
