package rules

import (
	"regexp"
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

// wrongType matches Chrome's message for a feature that the manifest's type
// may not use: "'fileSystem' is only allowed for packaged apps, but this is
// a extension." The schema describes an extension, so it always says "a
// extension".
var wrongType = regexp.MustCompile(`^('[^']*' is only allowed for )(.*), but this is a extension\.$`)

// asType turns a schema violation, found as if the manifest were an
// extension's, into what Chrome says to a manifest of type t: nothing when
// the feature is one that type may use (ok is false), the message naming
// the type when it may not. Chrome reads an unknown permission in manifest
// version 2 with its older text.
func asType(v schema.Violation, t manifestType, mv2 bool) (_ schema.Violation, ok bool) {
	if t != typeExtension {
		if m := wrongType.FindStringSubmatch(v.Message); m != nil {
			if allows(m[2], t) {
				return v, false
			}
			v.Message = m[1] + m[2] + ", but this is a " + t.String() + "."
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
	for _, name := range strings.Split(strings.ReplaceAll(list, " and ", ", "), ", ") {
		if strings.TrimPrefix(strings.TrimSpace(name), "and ") == t.String()+"s" {
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
