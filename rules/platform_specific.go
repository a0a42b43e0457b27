package rules

import (
	"fmt"
	"maps"
	"slices"

	"github.com/crxlint/crxlint/internal/chromemsg"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/schema"
)

// PlatformSpecific reports a key or permission that works on the platform
// crxlint judges by but not on every platform.
var PlatformSpecific = schemaRule(lint.Rule{
	ID:       idPlatformSpecific,
	Title:    "A key or permission that works on some platforms only",
	Severity: lint.Info,
	Chrome:   lint.Accepts,
	Doc: `Some keys and permissions work on some platforms only, such as ` + "`chrome_settings_overrides`" + ` (Windows
and macOS) or ` + "`fileBrowserHandler`" + ` (ChromeOS). crxlint judges by one platform: ` + "`--platform`" + `
(` + "`linux`, `mac`, `win` or `chromeos`" + `), the ` + "`platform`" + ` of ` + "`.crxlint.jsonc`" + `, or else the
platform crxlint runs on. Where the key or permission works on that platform, this note says which
platforms ignore it, with the warning Chrome shows there; keep it if you ship to the platforms where it
works. Where it does not work on that platform, Chrome warns and ignores it, and crxlint reports that as
` + "`unavailable-feature`" + `.

Some ChromeOS permissions work there only for extensions installed by policy, in kiosk sessions or on
the login screen (` + "`enterprise.deviceAttributes`, `audio`" + `, ...): on ChromeOS this note says so, since an
extension loaded any other way gets a warning there too.`,
})

// platformGate is what Chrome on each platform does with a key or
// permission that an extension may use on some platforms only, or on none
// in words that depend on the platform. It is Chromium 156's
// _manifest_features.json and _permission_features.json for the type
// "extension", with the texts Chromium 156 printed on Linux and the
// feature files' texts elsewhere.
type platformGate struct {
	// on are the platforms where an extension may use it; none when it is
	// available to no extension.
	on []lint.Platform
	// restricted is set when, even there, only extensions installed by
	// policy, in kiosk sessions or on the login screen may use it.
	restricted bool
	// elsewhere is Chrome's warning on the other platforms, a format with
	// the name for %s; "" is chromemsg.NotAllowedForPlatform.
	elsewhere string
	// there is Chrome's warning on some platforms that are not in on,
	// where it is not elsewhere's.
	there map[lint.Platform]string
	// cannotBeOptional is set when Chrome drops it from
	// optional_permissions where it is available.
	cannotBeOptional bool
	// minMV3 gates it in manifest version 3 only (the key of that name is
	// another feature in version 2).
	minMV3 bool
}

// chromeOSOnly is a key or permission that extensions may use on ChromeOS
// only.
var chromeOSOnly = platformGate{on: []lint.Platform{lint.ChromeOS}}

// packagedAppOnChromeOS is a packaged-app key of ChromeOS: no extension may
// use it, and ChromeOS says so by type.
var packagedAppOnChromeOS = platformGate{there: map[lint.Platform]string{lint.ChromeOS: chromemsg.OnlyForPackagedApps}}

// restrictedChromeOS is a ChromeOS permission for extensions installed by
// policy, in kiosk sessions or on the login screen.
var restrictedChromeOS = platformGate{on: []lint.Platform{lint.ChromeOS}, restricted: true}

// platformKeys are the top-level keys (and chrome_url_overrides' members,
// as "chrome_url_overrides.NAME") Chrome gates by platform.
var platformKeys = map[string]platformGate{
	"chrome_settings_overrides":              {on: []lint.Platform{lint.Windows, lint.Mac}},
	"file_handlers":                          {on: []lint.Platform{lint.ChromeOS}, elsewhere: chromemsg.OnlyForPackagedApps, minMV3: true},
	"file_system_provider_capabilities":      {on: []lint.Platform{lint.ChromeOS}, elsewhere: chromemsg.UnrecognizedKey},
	"chrome_url_overrides.activationmessage": chromeOSOnly,
	"chrome_url_overrides.keyboard":          chromeOSOnly,
	"action_handlers":                        packagedAppOnChromeOS,
	"kiosk_only":                             packagedAppOnChromeOS,
	// A packaged-app key on ChromeOS, Windows and macOS; Linux says so by platform.
	"bluetooth": {there: map[lint.Platform]string{lint.ChromeOS: chromemsg.OnlyForPackagedApps, lint.Windows: chromemsg.OnlyForPackagedApps, lint.Mac: chromemsg.OnlyForPackagedApps}},
}

// Private and Chrome Apps' permissions that no extension may use on any
// platform: Chromium 156 on Linux names the platform, ChromeOS the next
// restriction its feature files name (the allowlist, the install location,
// the channel or the type).
var (
	allowlistedOnChromeOS = platformGate{there: map[lint.Platform]string{lint.ChromeOS: "'%s' is not allowed for specified extension ID."}}
	componentOnChromeOS   = platformGate{there: map[lint.Platform]string{lint.ChromeOS: "'%s' is not allowed for specified install location."}}
	appOnChromeOS         = packagedAppOnChromeOS
	devOnChromeOS         = platformGate{there: map[lint.Platform]string{lint.ChromeOS: "'%s' requires dev channel or newer, but this is the stable channel."}}
)

// platformPermissions are the permissions Chrome gates by platform.
var platformPermissions = map[string]platformGate{
	"accessibilityPrivate":           allowlistedOnChromeOS,
	"accessibilityServicePrivate":    allowlistedOnChromeOS,
	"app.window.ime":                 allowlistedOnChromeOS,
	"appview":                        appOnChromeOS,
	"cecPrivate":                     appOnChromeOS,
	"chromeosInfoPrivate":            allowlistedOnChromeOS,
	"clipboard":                      devOnChromeOS,
	"echoPrivate":                    componentOnChromeOS,
	"enterprise.platformKeysPrivate": allowlistedOnChromeOS,
	"fileSystem.requestFileSystem":   appOnChromeOS,
	"imageLoaderPrivate":             allowlistedOnChromeOS,
	"lockWindowFullscreenPrivate":    allowlistedOnChromeOS,
	"mediaPerceptionPrivate":         appOnChromeOS,
	"mediaPlayerPrivate":             componentOnChromeOS,
	"odfsConfigPrivate":              allowlistedOnChromeOS,
	"serial":                         appOnChromeOS,
	"smartCardProviderPrivate":       devOnChromeOS,
	"terminalPrivate":                allowlistedOnChromeOS,
	"usersPrivate":                   {there: map[lint.Platform]string{lint.ChromeOS: "'%s' requires trunk channel or newer, but this is the stable channel."}},
	"virtualKeyboardPrivate":         allowlistedOnChromeOS,
	"webcamPrivate":                  allowlistedOnChromeOS,
	"webview":                        appOnChromeOS,
	"wmDesksPrivate":                 allowlistedOnChromeOS,

	"certificateProvider":             chromeOSOnly,
	"documentScan":                    chromeOSOnly,
	"fileBrowserHandler":              {on: []lint.Platform{lint.ChromeOS}, cannotBeOptional: true},
	"fileSystemProvider":              {on: []lint.Platform{lint.ChromeOS}, elsewhere: chromemsg.UnknownPermission},
	"input":                           chromeOSOnly,
	"loginState":                      chromeOSOnly,
	"platformKeys":                    chromeOSOnly,
	"printing":                        chromeOSOnly,
	"vpnProvider":                     {on: []lint.Platform{lint.ChromeOS}, cannotBeOptional: true},
	"wallpaper":                       {on: []lint.Platform{lint.ChromeOS}, cannotBeOptional: true},
	"webAuthenticationProxy":          {on: []lint.Platform{lint.Linux, lint.Mac, lint.Windows}, cannotBeOptional: true},
	"audio":                           restrictedChromeOS,
	"enterprise.deviceAttributes":     restrictedChromeOS,
	"enterprise.kioskInput":           restrictedChromeOS,
	"enterprise.login":                restrictedChromeOS,
	"enterprise.networkingAttributes": restrictedChromeOS,
	"enterprise.platformKeys":         restrictedChromeOS,
	"login":                           restrictedChromeOS,
	"loginScreenStorage":              restrictedChromeOS,
	"loginScreenUi":                   restrictedChromeOS,
	"networking.onc":                  restrictedChromeOS,
	"printingMetrics":                 restrictedChromeOS,
	"systemLog":                       restrictedChromeOS,
	"usb":                             restrictedChromeOS,
	"virtualKeyboard":                 restrictedChromeOS,
}

// works reports whether an extension may use the feature on p.
func (g platformGate) works(p lint.Platform) bool { return slices.Contains(g.on, p) }

// warning is Chrome's warning on p, where the feature does not work.
func (g platformGate) warning(name string, p lint.Platform) string {
	format := g.elsewhere
	if t, ok := g.there[p]; ok {
		format = t
	}
	if format == "" {
		format = chromemsg.NotAllowedForPlatform
	}
	return fmt.Sprintf(format, name)
}

// notOn returns the platforms where the feature does not work.
func (g platformGate) notOn() []lint.Platform {
	return slices.DeleteFunc(slices.Clone(lint.Platforms), g.works)
}

// platformNamesOf lists platforms for people: "Windows and macOS".
func platformNamesOf(ps []lint.Platform) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name()
	}
	return joinWords(names, "and")
}

// ordinaryExtension reports whether the manifest is an extension, not an
// app, theme, shared module or ChromeOS system extension: the feature
// tables are for extensions.
func ordinaryExtension(root *manifest.Node) bool {
	return typeOf(root) == typeExtension && root.Get("chromeos_system_extension") == nil
}

// addPlatformFindings files, among the schema's findings, what Chrome on
// the pass's platform does with the keys and permissions it gates by
// platform: unavailable-feature where Chrome there warns and ignores one,
// permission-cannot-be-optional where it drops one from
// optional_permissions, and platform-specific where it works there but
// not everywhere.
func addPlatformFindings(pass *lint.Pass, found findings) {
	root := pass.Root()
	if root == nil || root.Kind() != manifest.Object {
		return
	}
	if typeOf(root).IsApp() {
		addAppPlatformFindings(pass, found)
		return
	}
	if !ordinaryExtension(root) {
		return
	}
	mv, _ := root.Get("manifest_version").Int()
	for m := range root.Members() {
		if g, ok := platformKeys[m.Key]; ok && (!g.minMV3 || mv >= 3) {
			reportGate(pass, found, g, m.Key, pass.AtKey(m, "%s", m.Key), false)
		}
	}
	for m := range root.Get("chrome_url_overrides").Members() {
		name := "chrome_url_overrides." + m.Key
		if g, ok := platformKeys[name]; ok {
			reportGate(pass, found, g, name, pass.AtKey(m, "%s", name), false)
		}
	}
	for _, list := range []string{"permissions", "optional_permissions"} {
		for _, n := range root.Get(list).Elems() {
			name, _ := n.Str()
			if g, ok := platformPermissions[name]; ok {
				reportGate(pass, found, g, name, pass.At(n, "%s", name), list == "optional_permissions")
			}
		}
	}
}

// addAppPlatformFindings files what Chrome on Linux does with the keys and
// permissions it gates by platform in a Chrome App: Chromium 156 on Linux
// warns about each as for an extension (the webview, serial, usb and
// bluetooth samples of Google's Chrome Apps). On the other platforms the
// feature files restrict them by type, which crxlint has not checked in a
// Chrome there, so it says nothing.
func addAppPlatformFindings(pass *lint.Pass, found findings) {
	if pass.Platform() != lint.Linux {
		return
	}
	root := pass.Root()
	report := func(g platformGate, name string, d lint.Diagnostic) {
		if g.works(lint.Linux) {
			return
		}
		d.Message = fmt.Sprintf("%q is not available to Chrome Apps on Linux, so Chrome ignores it; remove it", name)
		if slices.Contains(g.on, lint.ChromeOS) || g.there[lint.ChromeOS] != "" { // ChromeOS, where Chrome Apps live on, has it
			d.Message = fmt.Sprintf("%q is not available to Chrome Apps on Linux, so Chrome ignores it; keep it only in a build for ChromeOS", name)
		}
		d.ChromeMessage = g.warning(name, lint.Linux)
		found.add(idUnavailableFeature, d)
	}
	for m := range root.Members() {
		if g, ok := platformKeys[m.Key]; ok && !g.minMV3 {
			report(g, m.Key, pass.AtKey(m, "%s", m.Key))
		}
	}
	t := typeOf(root)
	for _, list := range []string{"permissions", "optional_permissions"} {
		for _, n := range root.Get(list).Elems() {
			name, _ := n.Str()
			if g, ok := platformPermissions[name]; ok && !silentInApp(t, name) {
				report(g, name, pass.At(n, "%s", name))
			}
		}
	}
}

// reportGate files the finding of one gated key or permission, at d.
func reportGate(pass *lint.Pass, found findings, g platformGate, name string, d lint.Diagnostic, optional bool) {
	p := pass.Platform()
	switch {
	case !g.works(p) && len(g.on) == 0:
		d.Message = fmt.Sprintf("%q is not available to extensions on %s or any other platform, so Chrome ignores it; remove it", name, p.Name())
		d.ChromeMessage = g.warning(name, p)
		found.add(idUnavailableFeature, d)
	case !g.works(p):
		d.Message = fmt.Sprintf("%q works on %s only%s, so Chrome on %s ignores it; remove it, or keep it only in a build for %s",
			name, platformNamesOf(g.on), g.condition(), p.Name(), platformNamesOf(g.on))
		d.ChromeMessage = g.warning(name, p)
		found.add(idUnavailableFeature, d)
	case optional && g.cannotBeOptional:
		d.Message = schemaAdvice(pass, schema.Violation{Rule: idPermissionCannotBeOptional, Pointer: d.Pointer}, nil)
		d.ChromeMessage = fmt.Sprintf(chromemsg.CannotBeOptional, name)
		found.add(idPermissionCannotBeOptional, d)
	case len(g.notOn()) > 0:
		d.Message = fmt.Sprintf("%q works on %s only%s; Chrome on %s ignores it with the warning %q, so keep it out of builds for those, or ignore this note",
			name, platformNamesOf(g.on), g.condition(), platformNamesOf(g.notOn()), g.warning(name, g.notOn()[0]))
		if g.restricted {
			d.Message = fmt.Sprintf("%q works on %s only%s: Chrome warns about it in an extension loaded any other way, and on %s; keep it only in builds installed that way, or ignore this note",
				name, platformNamesOf(g.on), g.condition(), platformNamesOf(g.notOn()))
		}
		found.add(idPlatformSpecific, d)
	}
}

// condition is what restricts the feature on its platforms, for messages.
func (g platformGate) condition() string {
	if g.restricted {
		return ", and there only in extensions installed by policy, in kiosk sessions or on the login screen"
	}
	return ""
}

// PlatformGated returns the names of the keys (chrome_url_overrides'
// members as "chrome_url_overrides.NAME") and of the permissions that
// crxlint judges by platform, sorted, for the tests that ask Chrome about
// each.
func PlatformGated() (keys, permissions []string) {
	return slices.Sorted(maps.Keys(platformKeys)), slices.Sorted(maps.Keys(platformPermissions))
}
