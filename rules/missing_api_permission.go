package rules

import (
	"slices"
	"strings"

	"github.com/crxlint/crxlint/apiperm"
	"github.com/crxlint/crxlint/extension"
	"github.com/crxlint/crxlint/jsscan"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// MissingAPIPermission reports extension APIs the code uses without the
// permission or manifest key that makes them exist.
var MissingAPIPermission = &lint.Rule{
	ID:         idMissingAPIPermission,
	Title:      "The code uses an extension API without the permission it needs",
	Category:   lint.Correctness,
	Severity:   lint.Error,
	Chrome:     lint.Accepts,
	NeedsFiles: true,
	Doc: "Most extension APIs exist only when the manifest asks for them: `chrome.bookmarks` needs the\n" +
		"`bookmarks` permission, `chrome.runtime.connectNative` needs `nativeMessaging`, `chrome.action`\n" +
		"needs an `action` key. Chrome never reads the code when it loads an extension: it loads it, and\n" +
		"the API is simply undefined when the code runs (or, for `chrome.downloads.open` and a few\n" +
		"others, the call fails). crxlint reads the service worker, the extension's pages, their\n" +
		"scripts and modules, and every other .js file, finds the `chrome.*` and `browser.*` APIs they\n" +
		"call (through aliases and destructuring too, never in comments or strings), and reports each\n" +
		"missing permission once, citing where the code uses it. A file nothing in the manifest loads\n" +
		"is judged as if the service worker ran it. Content scripts are judged on the APIs they can\n" +
		"reach, such as `chrome.storage`; `unavailable-api` reports the others.\n\n" +
		"A permission listed only in `optional_permissions` is optional-permission-not-requested.\n" +
		"A bare reference such as `if (chrome.bookmarks)` is a feature test and is not reported, nor is\n" +
		"an enum such as `chrome.runtime.OnInstalledReason`. A use behind such a test\n" +
		"(`if (chrome.scripting) chrome.scripting.executeScript(...)`, `typeof chrome.x !== \"undefined\"`,\n" +
		"`if (!chrome.x) return`, a variable bound to the test) or through optional chaining\n" +
		"(`chrome.offscreen?.createDocument(...)`) is the documented way to use an optional API: it is\n" +
		"not an error, and guarded-api-without-permission notes it. The table of what each API needs\n" +
		"comes from Chromium's feature files (package apiperm, which names the snapshot).",
	Run: reportShare(apiShortfalls),
}

const (
	idMissingAPIPermission           = "missing-api-permission"
	idGuardedAPIWithoutPermission    = "guarded-api-without-permission"
	idOptionalPermissionNotRequested = "optional-permission-not-requested"
)

// shortfall is one need of the code the manifest does not meet.
type shortfall struct {
	need   apiperm.Need
	apis   []string // the undefined objects, as "runtime.connectNative"
	places []string
	// script and at are the first use, where formats point in the code.
	script *extension.Script
	at     jsscan.Range
	// guarded reports that every use tests the object first, or reaches
	// it with optional chaining: without the permission, the code skips it.
	guarded bool
}

// apiShortfalls compares the APIs the code uses with the permissions and
// keys of the manifest, for missing-api-permission and
// optional-permission-not-requested.
var apiShortfalls = lint.NewResult("api-shortfalls", func(pass *lint.Pass) (findings, error) {
	root := pass.Root()
	granted := map[string]bool{}
	for _, n := range root.Get("permissions").Elems() {
		if s, ok := n.Str(); ok {
			granted[apiperm.Canonical(s)] = true
		}
	}
	var found, guarded []*shortfall
	requested := false
	for _, s := range extensionCode(pass).Scripts {
		for i := range s.Scan.Uses {
			u := &s.Scan.Uses[i]
			requested = requested || u.Called && u.Is("permissions.request")
			f, ok := apiFeature(u)
			if !ok || !reaches(s, f) {
				continue
			}
			for _, need := range f.Needs {
				if met(root, granted, need) {
					continue
				}
				api := undefinedAt(f, need)
				if !need.AtCall && u.Guarded(strings.Count(api, ".")+1) {
					guarded = addShortfall(guarded, need, api, s, u)
				} else {
					found = addShortfall(found, need, api, s, u)
				}
			}
		}
	}
	out := findings{}
	for _, sf := range found {
		reportShortfall(pass, out, sf, requested)
	}
	for _, sf := range guarded {
		if !slices.ContainsFunc(found, func(other *shortfall) bool { return sameNeed(other.need, sf.need) }) {
			sf.guarded = true
			reportShortfall(pass, out, sf, requested)
		}
	}
	return out, nil
})

// met reports whether the manifest meets need: it has the key, or grants
// one of the permissions.
func met(root *manifest.Node, granted map[string]bool, need apiperm.Need) bool {
	if need.Key != "" {
		return root.Get(need.Key) != nil
	}
	return slices.ContainsFunc(need.Permissions, func(p string) bool { return granted[p] })
}

func addShortfall(found []*shortfall, need apiperm.Need, api string, s *extension.Script, u *jsscan.APIUse) []*shortfall {
	i := slices.IndexFunc(found, func(sf *shortfall) bool { return sameNeed(sf.need, need) })
	if i < 0 {
		found = append(found, &shortfall{need: need, script: s, at: u.Range})
		i = len(found) - 1
	}
	sf := found[i]
	if !slices.Contains(sf.apis, api) {
		sf.apis = append(sf.apis, api)
	}
	sf.places = append(sf.places, usePlace(s, u))
	return found
}

func sameNeed(a, b apiperm.Need) bool {
	return a.Key == b.Key && slices.Equal(a.Permissions, b.Permissions)
}

// undefinedAt returns the object a need governs: the shortest path in the
// table on the way to f that has it, as "downloads" for chrome.downloads.open
// without "downloads", and "runtime.connectNative" without nativeMessaging.
func undefinedAt(f apiperm.Feature, need apiperm.Need) string {
	parts := strings.Split(f.Path, ".")
	for n := 1; n < len(parts); n++ {
		g, ok := apiperm.Lookup(parts[:n])
		if ok && g.Path == strings.Join(parts[:n], ".") && slices.ContainsFunc(g.Needs, func(h apiperm.Need) bool { return sameNeed(h, need) }) {
			return g.Path
		}
	}
	return f.Path
}

func reportShortfall(pass *lint.Pass, out findings, sf *shortfall, requested bool) {
	add := func(id string, d lint.Diagnostic) { out.add(id, withCode(pass, d, sf.script, sf.at, "the first use")) }
	root := pass.Root()
	verb := "needs"
	if len(sf.places) > 1 {
		verb = "need"
	}
	what, outcome := places(sf.places), sf.outcome()
	if sf.need.Key != "" {
		id, format := idMissingAPIPermission, "%s, which %s the manifest key %q; add it to the manifest (Chrome loads the extension, but %s at run time)"
		if sf.guarded {
			id = idGuardedAPIWithoutPermission
			format = "%s behind a test that it exists, which %s the manifest key %q: without it that code never runs; add it to the manifest if the feature should work (%s at run time)"
		}
		d := pass.At(root, format, what, verb, sf.need.Key, outcome)
		d.Range = openingBrace(pass.Manifest, root)
		add(id, d)
		return
	}
	var quoted []string
	for _, p := range sf.need.Permissions {
		quoted = append(quoted, quote(p))
	}
	perms := "the " + joinWords(quoted, "or") + " permission"
	if n := optionalPermission(root, sf.need); n != nil {
		if !requested {
			add(idOptionalPermissionNotRequested, pass.At(n, "%s, which %s %s, only optional here, and no script calls chrome.permissions.request; request it before calling (until the user grants it, %s)", what, verb, perms, outcome))
		}
		return
	}
	fix := "add it to permissions"
	if len(quoted) > 1 {
		fix = "add one of them to permissions"
	}
	if requested && !sf.guarded {
		fix += ", or to optional_permissions and request it before use"
	}
	id, format := idMissingAPIPermission, "%s, which %s %s; %s (Chrome loads the extension, but %s at run time)"
	if sf.guarded {
		id = idGuardedAPIWithoutPermission
		format = "%s behind a test that it exists, which %s %s: without it that code never runs; %s if the feature should work (%s at run time)"
	}
	var d lint.Diagnostic
	if m, ok := root.Member("permissions"); ok {
		d = pass.AtKey(m, format, what, verb, perms, fix, outcome)
	} else {
		d = pass.At(root, format, what, verb, perms, fix, outcome)
		d.Range = openingBrace(pass.Manifest, root)
	}
	if !sf.guarded { // a guarded use may be left out on purpose
		keys := []string{"permissions"}
		if requested { // the code asks for permissions at run time: this one may be meant as optional
			keys = append(keys, "optional_permissions")
		}
		for _, key := range keys {
			for _, p := range sf.need.Permissions { // one fix per choice: --fix applies one only when it is the only one
				d = withAdded(pass, d, key, p)
			}
		}
	}
	add(id, d)
}

// withAdded gives d the fix that adds the permission p to the list key,
// making the key when the manifest has none.
func withAdded(pass *lint.Pass, d lint.Diagnostic, key, p string) lint.Diagnostic {
	fix := lint.Fix{Message: "add " + quote(p) + " to " + key}
	m, ok := pass.Root().Member(key)
	switch {
	case !ok:
		fix.Edits = addMemberEdits(pass.Manifest.Source(), pass.Root(), key, "["+quote(p)+"]")
	case m.Value.Kind() == manifest.Array:
		fix.Edits = []lint.Edit{appendEdit(m.Value, quote(p))}
	default:
		return d // invalid-value reports a key that is not a list
	}
	d.Fixes = append(d.Fixes, fix)
	return d
}

// outcome says what happens at run time: "chrome.bookmarks is undefined".
func (sf *shortfall) outcome() string {
	var names []string
	for _, api := range sf.apis {
		names = append(names, "chrome."+api)
	}
	switch {
	case sf.need.AtCall && len(sf.places) > 1:
		return "the calls fail"
	case sf.need.AtCall:
		return "the call fails"
	case len(names) > 1:
		return joinWords(names, "and") + " are undefined"
	}
	return joinWords(names, "and") + " is undefined"
}

// optionalPermission returns the optional_permissions entry that would
// meet need, or nil.
func optionalPermission(root *manifest.Node, need apiperm.Need) *manifest.Node {
	for _, n := range root.Get("optional_permissions").Elems() {
		if s, ok := n.Str(); ok && slices.Contains(need.Permissions, apiperm.Canonical(s)) {
			return n
		}
	}
	return nil
}
