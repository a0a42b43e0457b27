package rules

import (
	"net/url"
	"slices"
	"strings"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/schema"
)

// manifestType is the kind of package Chrome takes a manifest for: the
// rules judge a Chrome App, a theme or a shared module as Chrome does, not
// as an extension.
type manifestType = manifest.Type

const (
	typeExtension         = manifest.TypeExtension
	typeTheme             = manifest.TypeTheme
	typeSharedModule      = manifest.TypeSharedModule
	typeHostedApp         = manifest.TypeHostedApp
	typeLegacyPackagedApp = manifest.TypeLegacyPackagedApp
	typePlatformApp       = manifest.TypePlatformApp
)

// typeOf returns the type Chrome gives a manifest.
func typeOf(root *manifest.Node) manifestType { return manifest.TypeOf(root) }

// onlyForMessage is Chrome's message for a feature that a manifest of type
// t may not use, with the types it is for as Chrome words them: "'fileSystem'
// is only allowed for packaged apps, but this is a extension." (Chrome's
// grammar). parseOnlyFor reads it back.
func onlyForMessage(feature, list string, t manifestType) string {
	return "'" + feature + "' is only allowed for " + list + ", but this is a " + t.String() + "."
}

// parseOnlyFor reads a message onlyForMessage writes: the feature, the
// types it is for, and the type Chrome took the manifest for.
func parseOnlyFor(msg string) (feature, list, this string, ok bool) {
	rest, ok := strings.CutPrefix(msg, "'")
	if ok {
		feature, rest, ok = strings.Cut(rest, "' is only allowed for ")
	}
	if ok {
		list, rest, ok = strings.Cut(rest, ", but this is a ")
	}
	if ok {
		this, ok = strings.CutSuffix(rest, ".")
	}
	return feature, list, this, ok
}

// asType turns a schema violation, found as if the manifest were an
// extension's, into what Chrome says to a manifest of type t: nothing when
// the feature is one that type may use (ok is false), the message naming
// the type when it may not. Chrome reads an unknown permission in manifest
// version 2 with its older text.
func asType(v schema.Violation, t manifestType, mv2 bool) (_ schema.Violation, ok bool) {
	if t != typeExtension {
		// The schema describes an extension, so its messages say "a extension".
		if feature, list, this, ok := parseOnlyFor(v.Message); ok && this == typeExtension.String() {
			if allows(list, t) {
				return v, false
			}
			v.Message = onlyForMessage(feature, list, t)
		}
		if t == typePlatformApp && v.Keyword == "required" && strings.Contains(v.Message, "'manifest_version'") {
			return v, false // a platform app is version 2 unless it says otherwise
		}
	}
	if mv2 && v.Rule == idUnknownPermission && strings.HasSuffix(v.Message, "' is unknown.") {
		v.Message = strings.TrimSuffix(v.Message, ".") + " or URL pattern is malformed."
	}
	return v, true
}

// allows reports whether Chrome's list of the types a feature is for, as
// its message words it ("extensions, legacy packaged apps, and packaged
// apps"), holds t.
func allows(list string, t manifestType) bool {
	list = strings.ReplaceAll(strings.ReplaceAll(list, ", and ", ", "), " and ", ", ")
	for _, name := range strings.Split(list, ", ") {
		if name == t.String()+"s" {
			return true
		}
	}
	return false
}

// manifestVersion returns the manifest version Chrome reads: the integer
// manifest_version, 2 for a platform app that gives none, else 0.
func manifestVersion(root *manifest.Node) int {
	n := root.Get("manifest_version")
	if n == nil && typeOf(root) == typePlatformApp {
		return 2
	}
	v, _ := n.Int()
	return v
}

// msgLaunchRequired is Chrome's error for an app that says neither what it
// opens nor that it is a platform app (extensions/common/manifest_handlers).
const msgLaunchRequired = "Either 'app.launch.local_path' or 'app.launch.web_url' is required."

// missingLaunch reports a legacy packaged app without app.launch.local_path,
// the page it opens: Chrome refuses it. (A hosted app has web_url, a
// platform app app.background.)
func missingLaunch(pass *lint.Pass) (lint.Diagnostic, bool) {
	app := pass.Root().Get("app")
	if app.Get("launch").Get("local_path") != nil {
		return lint.Diagnostic{}, false
	}
	d := pass.AtPointer("/app", true, "this Chrome App says neither the page it opens nor that it is a platform app; add app.launch.local_path, or app.background for a platform app")
	d.ChromeMessage = msgLaunchRequired
	return d, true
}

// Chrome's errors for a hosted app's background page
// (extensions/common/manifest_handlers/background_info.cc), as Chromium 156
// words them.
const (
	msgHostedBackgroundURL        = "Invalid value for 'background_page'. Hosted apps must specify an absolute HTTPS URL for the background page."
	msgHostedBackgroundPermission = "Hosted apps that use 'background_page' must have the 'background' permission."
)

// hostedBackground reports what Chrome refuses in a hosted app's background
// page: it must be an absolute https URL (the app's files are a web site's),
// and the app must ask for the background permission.
func hostedBackground(pass *lint.Pass) (lint.Diagnostic, bool) {
	root := pass.Root()
	page := root.Get("background").Get("page")
	s, ok := page.Str()
	if !ok {
		return lint.Diagnostic{}, false
	}
	if u, err := url.Parse(s); err != nil || u.Scheme != "https" || u.Host == "" {
		d := pass.At(page, "a hosted app's background page is a page of its web site: write its absolute https URL")
		d.ChromeMessage = msgHostedBackgroundURL
		return d, true
	}
	for _, n := range root.Get("permissions").Elems() {
		if name, _ := n.Str(); name == "background" {
			return lint.Diagnostic{}, false
		}
	}
	d := pass.At(page, "a hosted app with a background page must ask for it: add \"background\" to permissions")
	d.ChromeMessage = msgHostedBackgroundPermission
	return d, true
}

// typeSet is a set of manifest types.
type typeSet uint8

// has reports whether t is in s.
func (s typeSet) has(t manifestType) bool { return s&(1<<t) != 0 }

// The types that type_gates.go names.
const (
	inSharedModule      typeSet = 1 << typeSharedModule
	inHostedApp         typeSet = 1 << typeHostedApp
	inLegacyPackagedApp typeSet = 1 << typeLegacyPackagedApp
	inPlatformApp       typeSet = 1 << typePlatformApp
)

// typeGate is what Chrome says of a key or permission that an extension may
// use and some other types may not: the types its feature allows, as
// Chrome's message words them ("extensions and legacy packaged apps"), and
// the types it refuses. (The features no extension may use are the
// schema's: asType words its messages for the other types.)
type typeGate struct {
	allowed string
	refuses typeSet
}

// typeFinding is a key or permission that Chrome refuses to the manifest's
// type, as a schema violation would give it.
func typeFinding(gates []named[typeGate], name string, t manifestType, pointer string, onKey bool) (schema.Violation, bool) {
	g, ok := lookup(gates, name)
	if !ok || !g.refuses.has(t) {
		return schema.Violation{}, false
	}
	if feature, ok := lookup(typeGatedAliases, name); ok {
		name = feature
	}
	return schema.Violation{
		Pointer: pointer,
		OnKey:   onKey,
		Chrome:  schema.Warns,
		Message: onlyForMessage(name, g.allowed, t),
		Rule:    idUnavailableFeature,
		Keyword: "x-type",
	}, true
}

// typeFindings returns the keys and permissions that an extension may use
// and that Chrome refuses to a manifest of type t, which it ignores with a
// warning: the schema, written for extensions, does not see them. The
// permissions of a refused permissions key are not judged.
func typeFindings(root *manifest.Node, t manifestType) []schema.Violation {
	if t == typeExtension || root.Kind() != manifest.Object {
		return nil
	}
	var found []schema.Violation
	refused, said := map[string]bool{}, map[string]bool{}
	add := func(v schema.Violation) {
		if !said[v.Message] { // "windows" is "tabs": Chrome says it once
			said[v.Message] = true
			found = append(found, v)
		}
	}
	for m := range root.Members() {
		if v, ok := typeFinding(typeGatedKeys, m.Key, t, m.Value.Pointer(), true); ok {
			add(v)
			refused[m.Key] = true
		}
		for nm := range m.Value.Members() { // a nested key is a feature too ("background.scripts")
			if v, ok := typeFinding(typeGatedKeys, m.Key+"."+nm.Key, t, nm.Value.Pointer(), true); ok {
				add(v)
			}
		}
	}
	for _, list := range []string{"permissions", "optional_permissions"} {
		if refused[list] {
			continue
		}
		for _, n := range root.Get(list).Elems() {
			// Only a name: Chrome refuses the object form of these
			// permissions ("Invalid value for 'permissions[downloads]'.")
			// before it looks at the type, and the schema says so.
			if name, ok := n.Str(); ok {
				if v, ok := typeFinding(typeGatedPermissions, name, t, n.Pointer(), false); ok {
					add(v)
				}
			}
		}
	}
	return found
}

// refusedToType reports whether Chrome refuses the permission name to a
// manifest of type t, which it then drops with a warning.
func refusedToType(name string, t manifestType) bool {
	g, ok := lookup(typeGatedPermissions, name)
	return ok && g.refuses.has(t)
}

// withoutKeys returns the manifest's value without the top-level keys that
// Chrome refuses to its type: Chrome drops them before it reads the rest,
// so nothing else is said of them, nor of the keys that depend on them.
func withoutKeys(doc any, refused []schema.Violation) any {
	root, ok := doc.(map[string]any)
	if !ok {
		return doc
	}
	for _, v := range refused {
		if tokens, err := manifest.SplitPointer(v.Pointer); err == nil && v.OnKey && len(tokens) == 1 {
			delete(root, tokens[0])
		}
	}
	return root
}

// silentInApp reports whether Chrome loads the permission name in a
// manifest of type t without a word (typeSilentPermissions), whatever it
// would say to an extension: then crxlint says nothing of it either. The
// table was read off Chrome on Linux; what it overrides in the schema (a
// channel, an allowlist, a type) does not depend on the platform, and the
// platform gates use it on Linux only (addAppPlatformFindings).
func silentInApp(t manifestType, name string) bool {
	if t == typeExtension {
		return false
	}
	types, _ := lookup(typeSilentPermissions, name)
	return types.has(t)
}

// named is an entry of a table of type_gates.go. The tables are sorted by
// name, and laid out by the linker: no map is built at start.
type named[T any] struct {
	name string
	v    T
}

// lookup finds name in a table sorted by name.
func lookup[T any](table []named[T], name string) (T, bool) {
	i, ok := slices.BinarySearchFunc(table, name, func(e named[T], name string) int { return strings.Compare(e.name, name) })
	if !ok {
		var zero T
		return zero, false
	}
	return table[i].v, true
}

// silentViolation reports whether v is about a permission that Chrome
// loads without a word in a manifest of type t.
func silentViolation(pass *lint.Pass, t manifestType, v schema.Violation) bool {
	if t == typeExtension || !permissionItem.MatchString(v.Pointer) {
		return false
	}
	n, _, err := pass.Manifest.Lookup(v.Pointer)
	if err != nil {
		return false
	}
	name, ok := n.Str()
	return ok && silentInApp(t, name)
}
