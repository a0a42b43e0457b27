package rules

import (
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// Chrome's own texts (extensions/common/extension.cc, extension_management.cc).
const (
	msgUnsupportedMV = "Cannot install extension because it uses an unsupported manifest version."
	msgInvalidMV     = "Invalid value for 'manifest_version'. Must be an integer either 2 or 3. See developer.chrome.com/extensions/manifestVersion for details."
	msgInvalidAppMV  = "Invalid value for 'manifest_version'. Must be an integer either 2 or 3. See developer.chrome.com/apps/manifestVersion for details."
)

// ManifestVersion reports a manifest_version Chrome refuses or warns about.
var ManifestVersion = &lint.Rule{
	ID:       "manifest-version",
	Title:    "manifest_version is not 3",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: `Chrome loads manifest version 3 only. Since Chrome 139 it refuses to install a
` + "`\"manifest_version\": 2`" + ` extension ("Cannot install extension because it uses an unsupported
manifest version."); migrate it to manifest version 3. Chrome Apps (a manifest with an ` + "`app`" + ` key),
themes and shared modules still load with manifest version 2, and a platform app (one with
` + "`app.background`" + `) without manifest_version is version 2. Keep MV2 only for builds aimed at other
browsers, and lint those with this rule turned off (` + "`\"manifest-version\": \"off\"`" + ` in their
.crxlint.jsonc).

The value must be a JSON integer: Chrome refuses ` + "`\"3\"`" + ` (a string) and ` + "`3.0`" + ` (its JSON reader
keeps that as a double). A version above 3 is future-manifest-version.`,
	Run: runManifestVersion,
}

func runManifestVersion(pass *lint.Pass) error {
	n := pass.Root().Get("manifest_version")
	if n == nil {
		return nil // invalid-value reports the missing key
	}
	v, isInt := n.Int()
	switch {
	case !isInt:
		pass.ReportChrome(n, msgInvalidMV, "manifest_version must be the integer 3, not %s; write 3 without quotes or decimals", describe(n))
	case v < 2 && typeOf(pass.Root()) == typePlatformApp:
		pass.ReportChrome(n, msgInvalidAppMV, "manifest_version %d is not supported; use 2, the version of Chrome Apps", v)
	case v < 2:
		pass.ReportChrome(n, msgInvalidMV, "manifest_version %d is not supported; use 3", v)
	case v == 2 && typeOf(pass.Root()) == typeExtension: // apps, themes and shared modules still load
		pass.ReportChrome(n, msgUnsupportedMV, "Chrome 139 and later refuse manifest_version 2 extensions; migrate to manifest_version 3")
	}
	return nil
}

// describe names a value for a message: its literal when short, else its
// type.
func describe(n *manifest.Node) string {
	switch n.Kind() {
	case manifest.String:
		s, _ := n.Str()
		if len(s) <= 40 {
			return "the string " + quote(s)
		}
	case manifest.Number:
		lit, _ := n.Literal()
		return lit
	case manifest.Bool:
		b, _ := n.Boolean()
		if b {
			return "true"
		}
		return "false"
	}
	return "a " + n.Kind().String()
}
