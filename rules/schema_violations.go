package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/crxlint/crxlint/internal/suggest"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/schema"
)

// schemaViolations checks the manifest against crxlint's JSON Schema of
// manifest.json once, for the rules that report what it finds: the schema
// names the rule of each constraint (its x-rule annotation).
var schemaViolations = lint.NewResult("schema", func(pass *lint.Pass) (findings, error) {
	t, mv2 := typeOf(pass.Root()), manifestVersion(pass.Root()) == 2
	refused := typeFindings(pass.Root(), t)
	violations, err := schema.Validate(withoutKeys(pass.Root().Value(), refused))
	if err != nil {
		return nil, err
	}
	found, names := findings{}, newSuggester(pass.Root())
	for _, v := range violations {
		if v, ok := asType(v, t, mv2); ok && !silentViolation(pass, t, v) {
			found.add(v.Rule, schemaDiagnostic(pass, v, names))
		}
	}
	for _, v := range refused {
		d := schemaDiagnostic(pass, v, names)
		d.ChromeDrops = true // what the schema and the other rules say of its content, Chrome never reads
		found.add(v.Rule, d)
	}
	if t == typeLegacyPackagedApp {
		if d, ok := missingLaunch(pass); ok {
			found.add(idInvalidValue, d)
		}
	}
	if t == typeHostedApp {
		if d, ok := hostedBackground(pass); ok {
			found.add(idInvalidValue, d)
		}
	}
	for _, d := range slices.Concat(themeFindings(pass), sharedModuleFindings(pass)) {
		found.add(idInvalidValue, d)
	}
	addPlatformFindings(pass, found) // the schema knows no platform
	return found, nil
})

// The IDs of the rules that report schema violations.
const (
	idInvalidValue               = "invalid-value"
	idUnknownKey                 = "unknown-key"
	idUnknownPermission          = "unknown-permission"
	idUnavailableFeature         = "unavailable-feature"
	idPermissionCannotBeOptional = "permission-cannot-be-optional"
	idIgnoredValue               = "ignored-value"
	idSilentlyIgnoredValue       = "silently-ignored-value"
	idNotAnExtension             = "not-an-extension"
	idPlatformSpecific           = "platform-specific"
)

// schemaRule declares a rule that reports one kind of schema violation.
// Every such rule answers to the old "schema" ID in configuration.
func schemaRule(r lint.Rule) *lint.Rule {
	r.Category = lint.Correctness
	r.Aliases = append(r.Aliases, "schema")
	r.Run = reportShare(schemaViolations)
	return &r
}

func schemaDiagnostic(pass *lint.Pass, v schema.Violation, names *suggester) lint.Diagnostic {
	d := pass.AtPointer(v.Pointer, v.OnKey, "%s", schemaAdvice(pass, v, names))
	if best := suggestion(pass, v, names); best != "" {
		span := pass.Manifest.SpanOf(v.Pointer, v.OnKey)
		d.Fixes = []lint.Fix{{Message: "write " + quote(best), Edits: []lint.Edit{{Start: span.Start, End: span.End, New: quote(best)}}}}
	}
	if n, _, err := pass.Manifest.Lookup(v.Pointer); err == nil && v.Keyword == "required" && n.Kind() == manifest.Object {
		d.Range = openingBrace(pass.Manifest, n) // the key is missing: show where the object starts
	}
	switch v.Source {
	case "crxlint": // the schema's text is crxlint's advice
	case "guess": // crxlint's wording in Chrome's style: not Chrome's words
		d.Message += ": " + strings.TrimSuffix(v.Message, ".")
	default:
		d.ChromeMessage = v.Message
	}
	return d
}

// otherBrowserNames explains keys and permissions of other browsers that a
// manifest shared with them often holds: what Chrome calls the same thing,
// or that Chrome has none.
var otherBrowserNames = map[string]string{
	// keys
	"applications":          `Firefox's old name for "browser_specific_settings", which Chrome allows`,
	"sidebar_action":        `Firefox's sidebar; Chrome's is "side_panel", with the sidePanel permission`,
	"developer":             "a Firefox and Opera key Chrome does not have",
	"minimum_opera_version": "an Opera key Chrome does not have",
	"theme_experiment":      "a Firefox key Chrome does not have",
	"user_scripts":          `Firefox's key; Chrome's userScripts API needs the "userScripts" permission`,
	// permissions
	"menus":                 `Firefox's name for "contextMenus"`,
	"menus.overrideContext": "a Firefox permission Chrome does not have",
	"contextualIdentities":  "a Firefox permission Chrome does not have",
	"browserSettings":       "a Firefox permission Chrome does not have",
	"captivePortal":         "a Firefox permission Chrome does not have",
	"find":                  "a Firefox permission Chrome does not have",
	"pkcs11":                "a Firefox permission Chrome does not have",
	"tabHide":               "a Firefox permission Chrome does not have",
	"theme":                 "a Firefox permission Chrome does not have",
}

// permissionItem addresses an entry of a permissions list.
var permissionItem = regexp.MustCompile(`^/(optional_)?permissions/[0-9]+$`)

// schemaAdvice is crxlint's own words for a violation: what Chrome does
// and what to do, with the name an unknown key or permission was probably
// meant to be.
func schemaAdvice(pass *lint.Pass, v schema.Violation, names *suggester) string {
	if v.Source == "crxlint" {
		return v.Message
	}
	name := ""
	if n, _, err := pass.Manifest.Lookup(v.Pointer); err == nil {
		name, _ = n.Str()
	}
	if v.OnKey {
		if tokens, err := manifest.SplitPointer(v.Pointer); err == nil && len(tokens) > 0 {
			name = tokens[len(tokens)-1]
		}
	}
	switch v.Rule {
	case idUnknownKey:
		return unknownName("key", name, names.closest("key", name))
	case idUnknownPermission:
		if permissionItem.MatchString(v.Pointer) && (strings.Contains(name, "://") || name == "<all_urls>") {
			return fmt.Sprintf("%q is a host pattern: in manifest version 3 it belongs in host_permissions, and Chrome ignores it here", name)
		}
		return unknownName("permission", name, names.closest("permission", name))
	case idUnavailableFeature:
		t := typeOf(pass.Root())
		if _, list, _, ok := parseOnlyFor(v.Message); ok {
			if tokens, err := manifest.SplitPointer(v.Pointer); err == nil && v.OnKey && len(tokens) > 1 {
				name = strings.Join(tokens, ".") // Chrome names a nested key by its path: 'background.scripts'
			}
			return fmt.Sprintf("%q is only for %s, so Chrome ignores it in this %s; remove it", name, list, t)
		}
		return fmt.Sprintf("%q is not available to this %s, so Chrome ignores it; remove it, or meet the condition in Chrome's message", name, t)
	case idPermissionCannotBeOptional:
		return fmt.Sprintf("%q cannot be an optional permission, so Chrome drops it; move it to permissions", name)
	case idOptionsChromeStyle:
		return "chrome_style was removed in manifest version 3; delete it and style the page with your own CSS"
	case idTooManyURLOverrides:
		return "an extension can replace only one of Chrome's pages; keep one override"
	case idIgnoredValue:
		return "Chrome ignores this value with a warning; correct it as Chrome's message says"
	}
	switch v.Keyword {
	case "required":
		return "a key Chrome requires is missing here, so Chrome refuses to load the extension"
	case "type":
		return "Chrome expects another type of value here and refuses to load the extension"
	}
	return "Chrome refuses this value and does not load the extension"
}

// unknownName advises on a key or permission Chrome does not know, given
// the known name closest to it.
func unknownName(what, name, best string) string {
	if other, ok := otherBrowserNames[name]; ok {
		return fmt.Sprintf("unknown %s %q: %s; Chrome ignores it", what, name, other)
	}
	if best != "" {
		return fmt.Sprintf("unknown %s %q: did you mean %q? Chrome ignores it", what, name, best)
	}
	return fmt.Sprintf("unknown %s %q; Chrome ignores it, so check its spelling", what, name)
}

// suggestion returns the name an unknown key or permission was surely
// meant to be, for a fix: the closest known name, when no other browser
// has the name; "" otherwise.
func suggestion(pass *lint.Pass, v schema.Violation, names *suggester) string {
	var name, kind string
	switch v.Rule {
	case idUnknownKey:
		tokens, err := manifest.SplitPointer(v.Pointer)
		if err != nil || len(tokens) != 1 || !v.OnKey {
			return ""
		}
		name, kind = tokens[0], "key"
	case idUnknownPermission:
		n, _, err := pass.Manifest.Lookup(v.Pointer)
		if err != nil || !permissionItem.MatchString(v.Pointer) {
			return ""
		}
		name, _ = n.Str()
		kind = "permission"
	default:
		return ""
	}
	if _, ok := otherBrowserNames[name]; ok || strings.Contains(name, "://") {
		return ""
	}
	best := names.closest(kind, name)
	if best == "" || pass.Root().Get(best) != nil || names.listed(best) {
		return "" // renaming would give a duplicate
	}
	return best
}

// stringsOf returns the strings of an array.
func stringsOf(list *manifest.Node) []string {
	var out []string
	for _, n := range list.Elems() {
		if s, ok := n.Str(); ok {
			out = append(out, s)
		}
	}
	return out
}

// suggester finds the closest known name of each unknown key or permission
// of one manifest, so that each name costs one search however often it is
// asked, and knows which permissions the manifest lists.
type suggester struct {
	root    *manifest.Node
	found   map[[2]string]string
	known   map[string][]string // by kind, taken once
	granted map[string]bool     // the manifest's permissions, gathered once
}

func newSuggester(root *manifest.Node) *suggester {
	return &suggester{root: root, found: map[[2]string]string{}, known: map[string][]string{}}
}

// closest returns the known name of a kind ("key" or "permission")
// closest to name.
func (s *suggester) closest(kind, name string) string {
	best, ok := s.found[[2]string{kind, name}]
	if !ok {
		known, ok := s.known[kind]
		if !ok {
			known = schema.Keys()
			if kind == "permission" {
				known = schema.Permissions()
			}
			s.known[kind] = known
		}
		best = suggest.Closest(name, known)
		s.found[[2]string{kind, name}] = best
	}
	return best
}

// listed reports whether the manifest's permissions list name.
func (s *suggester) listed(name string) bool {
	if s.granted == nil {
		s.granted = map[string]bool{}
		for _, p := range stringsOf(s.root.Get("permissions")) {
			s.granted[p] = true
		}
	}
	return s.granted[name]
}
