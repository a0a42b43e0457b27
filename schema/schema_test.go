package schema

import (
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// v is a compact expected violation.
type v struct {
	ptr    string
	onKey  bool
	chrome Verdict
	msg    string
}

type validateCase struct {
	name     string
	manifest string
	want     []v
}

// mv3 and mv2 wrap members in a minimal valid manifest of that version.
func mv3(members string) string { return manifestJSON(3, members) }
func mv2(members string) string { return manifestJSON(2, members) }

func manifestJSON(version int, members string) string {
	m := `{"manifest_version": ` + string(rune('0'+version)) + `, "name": "x", "version": "1"`
	if members != "" {
		m += ", " + members
	}
	return m + "}"
}

func decode(tb testing.TB, manifest string) any {
	tb.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(manifest))
	if err != nil {
		tb.Fatalf("decode %s: %v", manifest, err)
	}
	return doc
}

func runCases(t *testing.T, cases []validateCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Validate(decode(t, tc.manifest))
			if err != nil {
				t.Fatal(err)
			}
			if !equalViolations(got, tc.want) {
				t.Errorf("Validate(%s)\n got:\n%s want:\n%s", tc.manifest, formatGot(got), formatWant(tc.want))
			}
			sameAsReference(t, tc.manifest, decode(t, tc.manifest))
		})
	}
}

func equalViolations(got []Violation, want []v) bool {
	if len(got) != len(want) {
		return false
	}
	for i, g := range got {
		w := want[i]
		if g.Pointer != w.ptr || g.OnKey != w.onKey || g.Chrome != w.chrome || g.Message != w.msg {
			return false
		}
	}
	return true
}

func formatGot(vs []Violation) string {
	var sb strings.Builder
	for _, x := range vs {
		sb.WriteString("  {" + quote(x.Pointer) + ", " + boolText(x.OnKey) + ", " + string(x.Chrome) + ", " + quote(x.Message) + "} [" + x.Keyword + "]\n")
	}
	return sb.String()
}

func formatWant(vs []v) string {
	var sb strings.Builder
	for _, x := range vs {
		sb.WriteString("  {" + quote(x.ptr) + ", " + boolText(x.onKey) + ", " + string(x.chrome) + ", " + quote(x.msg) + "}\n")
	}
	return sb.String()
}

func quote(s string) string { return `"` + s + `"` }

func boolText(b bool) string {
	if b {
		return "onKey"
	}
	return "value"
}

func TestTopLevelScalars(t *testing.T) {
	runCases(t, []validateCase{
		{"minimal MV3", mv3(""), nil},
		{"name missing", `{"manifest_version": 3, "version": "1"}`, []v{
			{"", false, Rejects, "Required value 'name' is missing or invalid."},
		}},
		{"name not a string", `{"manifest_version": 3, "name": 1, "version": "1"}`, []v{
			{"/name", false, Rejects, "Required value 'name' is missing or invalid."},
		}},
		{"name empty", `{"manifest_version": 3, "name": "", "version": "1"}`, []v{
			{"/name", false, Rejects, "Required value 'name' is missing or invalid."},
		}},
		{"version missing", `{"manifest_version": 3, "name": "x"}`, []v{
			{"", false, Rejects, "Required value 'version' is missing or invalid. It must be between 1-4 dot-separated integers each between 0 and 65536."},
		}},
		{"version not a string", `{"manifest_version": 3, "name": "x", "version": 1.0}`, []v{
			{"/version", false, Rejects, "Required value 'version' is missing or invalid. It must be between 1-4 dot-separated integers each between 0 and 65536."},
		}},
		{"version format is another rule's", `{"manifest_version": 3, "name": "x", "version": "1.0-beta"}`, nil},
		{"manifest_version missing", `{"name": "x", "version": "1"}`, []v{
			{"", false, Rejects, "Missing 'manifest_version' key. Its value must be an integer either 2 or 3. See developer.chrome.com/extensions/manifestVersion for details."},
		}},
		{"manifest_version value is another rule's", `{"manifest_version": "3", "name": "x", "version": "1"}`, nil},
		{"everything missing", `{}`, []v{
			{"", false, Rejects, "Missing 'manifest_version' key. Its value must be an integer either 2 or 3. See developer.chrome.com/extensions/manifestVersion for details."},
			{"", false, Rejects, "Required value 'name' is missing or invalid."},
			{"", false, Rejects, "Required value 'version' is missing or invalid. It must be between 1-4 dot-separated integers each between 0 and 65536."},
		}},
		{"top level not an object", `[]`, []v{
			{"", false, Rejects, "Manifest file is invalid"},
		}},
		{"short_name empty", mv3(`"short_name": ""`), []v{
			{"/short_name", false, Rejects, "Invalid value for 'short_name'."},
		}},
		{"description and version_name not strings", mv3(`"description": 1, "version_name": null`), []v{
			{"/description", false, Rejects, "Invalid value for 'description'."},
			{"/version_name", false, Rejects, "Invalid value for 'version_name'."},
		}},
		{"default_locale", mv3(`"default_locale": ""`), []v{
			{"/default_locale", false, Rejects, "Invalid value for default locale - locale name must be a string."},
		}},
		{"key", mv3(`"key": {}`), []v{
			{"/key", false, Rejects, "Value 'key' is missing or invalid."},
		}},
		{"incognito", mv3(`"incognito": "sometimes", "offline_enabled": "yes"`), []v{
			{"/incognito", false, Rejects, "Error at key 'incognito'. Specified value 'sometimes' is invalid."},
			{"/offline_enabled", false, Rejects, "Invalid value for 'offline_enabled'."},
		}},
		{"incognito type, a double", mv3(`"incognito": 1.5`), []v{
			{"/incognito", false, Rejects, "Error at key 'incognito'. Type is invalid. Expected string, found double."},
		}},
		{"urls", mv3(`"homepage_url": 1, "update_url": [], "minimum_chrome_version": 120`), []v{
			{"/homepage_url", false, Rejects, "Invalid value for homepage url: '[]'."},
			{"/minimum_chrome_version", false, Rejects, "Invalid value for 'minimum_chrome_version'."},
			{"/update_url", false, Rejects, "Invalid value for update url: '[]'."},
		}},
		{"free-form keys", mv3(`"author": {"email": "a@example.com"}, "current_locale": 1, "platforms": "x", "converted_from_user_script": "x"`), nil},
	})
}

func TestUnknownKeys(t *testing.T) {
	runCases(t, []validateCase{
		{"unknown key warns on the key", mv3(`"applications": {"gecko": {}}`), []v{
			{"/applications", true, Warns, "Unrecognized manifest key 'applications'."},
		}},
		{"ignored keys", mv3(`"browser_specific_settings": {"gecko": {}}, "$schema": "https://json.schemastore.org/chrome-manifest"`), nil},
		{"one violation per key", mv3(`"zz": 1, "aa": 2`), []v{
			{"/aa", true, Warns, "Unrecognized manifest key 'aa'."},
			{"/zz", true, Warns, "Unrecognized manifest key 'zz'."},
		}},
		{"pointer escaping", mv3(`"a/b~c": 1`), []v{
			{"/a~1b~0c", true, Warns, "Unrecognized manifest key 'a/b~c'."},
		}},
		{"keys Chromium 156 no longer knows", mv3(`"nacl_modules": [], "system_indicator": {}`), []v{
			{"/nacl_modules", true, Warns, "Unrecognized manifest key 'nacl_modules'."},
			{"/system_indicator", true, Warns, "Unrecognized manifest key 'system_indicator'."},
		}},
		{"nested unknown keys are ignored", mv3(`"action": {"foo": 1}, "content_scripts": [{"matches": ["<all_urls>"], "js": ["a.js"], "foo": 1}]`), nil},
	})
}

func TestKeyAvailability(t *testing.T) {
	runCases(t, []validateCase{
		{"action in MV2", mv2(`"action": {}`), []v{
			{"/action", true, Warns, "'action' requires manifest version of at least 3."},
		}},
		{"browser_action and page_action in MV3, values unchecked", mv3(`"browser_action": "x", "page_action": 1`), []v{
			{"/browser_action", true, Warns, "'browser_action' requires manifest version of 2 or lower."},
			{"/page_action", true, Warns, "'page_action' requires manifest version of 2 or lower."},
		}},
		{"host_permissions in MV2", mv2(`"host_permissions": ["https://example.com/*"], "optional_host_permissions": 1`), []v{
			{"/host_permissions", true, Warns, "'host_permissions' requires manifest version of at least 3."},
			{"/optional_host_permissions", true, Warns, "'optional_host_permissions' requires manifest version of at least 3."},
		}},
		{"background page, scripts, persistent in MV3", mv3(`"background": {"service_worker": "sw.js", "scripts": "x", "page": "p.html", "persistent": false}`), []v{
			{"/background/page", true, Warns, "'background.page' requires manifest version of 2 or lower."},
			{"/background/persistent", true, Warns, "'background.persistent' requires manifest version of 2 or lower."},
			{"/background/scripts", true, Warns, "'background.scripts' requires manifest version of 2 or lower."},
		}},
		{"side_panel and trial_tokens in MV2", mv2(`"side_panel": 1, "trial_tokens": []`), []v{
			{"/side_panel", true, Warns, "'side_panel' requires manifest version of at least 3."},
			{"/trial_tokens", true, Warns, "'trial_tokens' requires manifest version of at least 3."},
		}},
		{"channel-gated key warns as on stable", mv3(`"natively_connectable": 1`), []v{
			{"/natively_connectable", true, Warns, "'natively_connectable' requires dev channel or newer, but this is the stable channel."},
		}},
		{"platform-gated key is the platform rule's", mv3(`"chrome_settings_overrides": {}, "bluetooth": {}, "kiosk_only": true`), nil},
		{"apps-only keys", mv3(`"kiosk_enabled": true, "display_in_launcher": true, "about_page": "a.html", "automation": {}`), []v{
			{"/about_page", true, Warns, "'about_page' is only allowed for shared modules, but this is a extension."},
			{"/automation", true, Warns, "'automation' is not allowed for specified extension ID."},
			{"/display_in_launcher", true, Warns, "'display_in_launcher' is only allowed for legacy packaged apps, packaged apps, and hosted apps, but this is a extension."},
			{"/kiosk_enabled", true, Warns, "'kiosk_enabled' is only allowed for packaged apps, but this is a extension."},
		}},
		{"file_handlers per manifest version", mv2(`"file_handlers": []`), []v{
			{"/file_handlers", true, Warns, "'file_handlers' is only allowed for packaged apps, but this is a extension."},
		}},
		{"differential_fingerprint", mv3(`"differential_fingerprint": "x"`), []v{
			{"/differential_fingerprint", true, Warns, "Manifest contains a differential_fingerprint key that will be overridden on extension update."},
		}},
		{"broken manifest_version: no version-dependent findings", `{"name": "x", "version": "1", "host_permissions": "x", "background": {"scripts": 1}, "browser_action": 1, "content_security_policy": 1}`, []v{
			{"", false, Rejects, "Missing 'manifest_version' key. Its value must be an integer either 2 or 3. See developer.chrome.com/extensions/manifestVersion for details."},
		}},
	})
}

func TestPermissions(t *testing.T) {
	runCases(t, []validateCase{
		{"valid lists", mv3(`"permissions": ["storage", "tabs", "scripting", "sidePanel"], "optional_permissions": ["nativeMessaging", "downloads"]`), nil},
		// Chromium 156 loads "commands" silently, though no API needs it.
		{"commands is a permission", mv3(`"permissions": ["commands"], "optional_permissions": ["commands"]`), nil},
		{"not a list", mv3(`"permissions": "storage"`), []v{
			{"/permissions", false, Rejects, "Invalid value for 'permissions'."},
		}},
		{"optional_permissions not a list: Chrome still says 'permissions'", mv3(`"optional_permissions": {}`), []v{
			{"/optional_permissions", false, Rejects, "Invalid value for 'permissions'."},
		}},
		{"item not a string", mv3(`"permissions": ["storage", 1], "optional_permissions": [null]`), []v{
			{"/optional_permissions/0", false, Rejects, "Invalid value for 'permissions[0]'."},
			{"/permissions/1", false, Rejects, "Invalid value for 'permissions[1]'."},
		}},
		{"dictionary items", mv3(`"permissions": [{"storage": true}, {"foo": 1}, {"socket": ["tcp-connect"]}, {"a": 1, "b": 2}, {}]`), []v{
			{"/permissions/0", false, Rejects, "Invalid value for 'permissions[storage]'."},
			{"/permissions/1", false, Warns, "Permission 'foo' is unknown."},
			{"/permissions/2", false, Warns, "'socket' is only allowed for packaged apps, but this is a extension."},
			{"/permissions/3", false, Rejects, "Invalid value for 'permissions[3]'."},
			{"/permissions/4", false, Rejects, "Invalid value for 'permissions[4]'."},
		}},
		{"argument permission as a bare string", mv3(`"permissions": ["usbDevices"]`), []v{
			{"/permissions/0", false, Rejects, "Invalid value for 'permissions[usbDevices]': NULL or empty permission list."},
		}},
		{"unknown permission", mv3(`"permissions": ["foo", "runtime", "tab", ""]`), []v{
			{"/permissions/0", false, Warns, "Permission 'foo' is unknown."},
			{"/permissions/1", false, Warns, "Permission 'runtime' is unknown."},
			{"/permissions/2", false, Warns, "Permission 'tab' is unknown."},
			{"/permissions/3", false, Warns, "Permission '' is unknown."},
		}},
		{"host pattern in MV3 permissions", mv3(`"permissions": ["https://example.com/*"], "optional_permissions": ["<all_urls>"]`), []v{
			{"/optional_permissions/0", false, Warns, "Permission '<all_urls>' is unknown."},
			{"/permissions/0", false, Warns, "Permission 'https://example.com/*' is unknown."},
		}},
		{"host patterns in MV2 permissions are another rule's", mv2(`"permissions": ["https://example.com/*", "<all_urls>", "*://*/*", "ftp://x", "storage"], "optional_permissions": ["http://*/*"]`), nil},
		{"not a host pattern in MV2", mv2(`"permissions": ["example.com"]`), []v{
			{"/permissions/0", false, Warns, "Permission 'example.com' is unknown."},
		}},
		{"MV3-only permissions in MV2", mv2(`"permissions": ["scripting", "offscreen"], "optional_permissions": ["sidePanel"]`), []v{
			{"/optional_permissions/0", false, Warns, "'sidePanel' requires manifest version of at least 3."},
			{"/permissions/0", false, Warns, "'scripting' requires manifest version of at least 3."},
			{"/permissions/1", false, Warns, "'offscreen' requires manifest version of at least 3."},
		}},
		{"MV2-only permission in MV3", mv3(`"permissions": ["webRequest", "webRequestBlocking"]`), []v{
			{"/permissions/1", false, Warns, "'webRequestBlocking' requires manifest version of 2 or lower."},
		}},
		{"channel-gated permissions warn as on stable", mv3(`"permissions": ["processes", "declarativeWebRequest"]`), []v{
			{"/permissions/0", false, Warns, "'processes' requires dev channel or newer, but this is the stable channel."},
			{"/permissions/1", false, Warns, "'declarativeWebRequest' requires beta channel or newer, but this is the stable channel."},
		}},
		{"apps, allowlisted, component, switch (serial is the platform rule's)", mv3(`"permissions": ["serial", "hid", "metricsPrivate", "settingsPrivate", "experimental"]`), []v{
			{"/permissions/1", false, Warns, "'hid' is only allowed for packaged apps, but this is a extension."},
			{"/permissions/2", false, Warns, "'metricsPrivate' is not allowed for specified extension ID."},
			{"/permissions/3", false, Warns, "'settingsPrivate' is not allowed for specified install location."},
			{"/permissions/4", false, Warns, "'experimental' requires the 'experimental-extension-apis' command line switch to be enabled."},
		}},
		{"ChromeOS-only permission is the platform rule's", mv3(`"permissions": ["certificateProvider", "audio"], "optional_permissions": ["wallpaper"]`), nil},
		{"cannot be optional", mv3(`"optional_permissions": ["debugger", "geolocation", "declarativeNetRequest", "webAuthenticationProxy", "tabs"]`), []v{
			{"/optional_permissions/0", false, Warns, "Permission 'debugger' cannot be listed as optional. This permission will be omitted."},
			{"/optional_permissions/1", false, Warns, "Permission 'geolocation' cannot be listed as optional. This permission will be omitted."},
			{"/optional_permissions/2", false, Warns, "Permission 'declarativeNetRequest' cannot be listed as optional. This permission will be omitted."},
		}},
		{"unavailable permissions are dropped before the optional check", mv3(`"optional_permissions": ["transientBackground", "mdns"]`), []v{
			{"/optional_permissions/0", false, Warns, "'transientBackground' requires dev channel or newer, but this is the stable channel."},
			{"/optional_permissions/1", false, Warns, "'mdns' is not allowed for specified extension ID."},
		}},
		{"aliases accepted silently", mv3(`"permissions": ["windows", "unlimited_storage"], "optional_permissions": ["windows"]`), nil},
		{"alias reported under its real name", mv3(`"optional_permissions": ["unlimited_storage"], "permissions": ["fullscreen"]`), []v{
			{"/optional_permissions/0", false, Warns, "Permission 'unlimitedStorage' cannot be listed as optional. This permission will be omitted."},
			{"/permissions/0", false, Warns, "'app.window.fullscreen' is only allowed for packaged apps, but this is a extension."},
		}},
		{"host_permissions", mv3(`"host_permissions": ["https://example.com/*", 1], "optional_host_permissions": "x"`), []v{
			{"/host_permissions/1", false, Rejects, "Invalid value for 'host_permissions[1]'."},
			{"/optional_host_permissions", false, Rejects, "Invalid value for 'optional_host_permissions'."},
		}},
		{"declarative_net_request needs its permission", mv3(`"permissions": ["declarativeNetRequestFeedback"], "declarative_net_request": {"rule_resources": []}`), []v{
			{"/permissions", false, Rejects, "The extension requires the 'declarativeNetRequest' or the 'declarativeNetRequestWithHostAccess' permission for the 'declarative_net_request' manifest key."},
		}},
	})
}

func TestBackground(t *testing.T) {
	runCases(t, []validateCase{
		{"service worker", mv3(`"background": {"service_worker": "sw.js", "type": "module"}`), nil},
		{"service_worker not a string", mv3(`"background": {"service_worker": 1}`), []v{
			{"/background/service_worker", false, Rejects, "Invalid value for 'background.service_worker'."},
		}},
		{"type checked only with a service worker", mv3(`"background": {"service_worker": "sw.js", "type": "esm"}`), []v{
			{"/background/type", false, Rejects, "Invalid value for 'background.type'."},
		}},
		{"type ignored without a service worker", mv3(`"background": {"type": "esm"}`), nil},
		{"not a dictionary", mv3(`"background": "sw.js"`), []v{
			{"/background", false, Accepts, "'background' is not a dictionary: Chrome ignores it, so the extension has no background context"},
		}},
		{"MV2 types", mv2(`"background": {"scripts": ["a.js", 1], "persistent": "no", "page": 1}`), []v{
			{"/background/page", false, Rejects, "Invalid value for 'background.page'."},
			{"/background/persistent", false, Rejects, "Invalid value for 'background.persistent'."},
			{"/background/scripts/1", false, Rejects, "Invalid value for 'background.scripts[1]'."},
		}},
	})
}

func TestActionFamily(t *testing.T) {
	runCases(t, []validateCase{
		{"valid action", mv3(`"action": {"default_icon": {"16": "a.png", "+32": "b.png"}, "default_popup": "p.html", "default_title": "t", "default_state": "disabled"}`), nil},
		{"default_icon as a string", mv3(`"action": {"default_icon": "a.png"}`), nil},
		{"not a dictionary", mv3(`"action": []`), []v{
			{"/action", false, Rejects, "Invalid value for 'action'."},
		}},
		{"member types", mv3(`"action": {"default_icon": "", "default_popup": 1, "default_title": 2, "default_state": "on"}`), []v{
			{"/action/default_icon", false, Rejects, "Invalid value for 'default_icon'."},
			{"/action/default_popup", false, Rejects, "Invalid type for 'default_popup'."},
			{"/action/default_state", false, Rejects, "Invalid value for 'default_state'."},
			{"/action/default_title", false, Rejects, "Invalid value for 'default_title'."},
		}},
		{"default_icon dictionary", mv3(`"action": {"default_icon": {"abc": "a.png", "16": 1}}`), []v{
			{"/action/default_icon/16", false, Rejects, `Invalid value for 'icons["16"]'.`},
			{"/action/default_icon/abc", true, Rejects, `Invalid key in icons: "abc".`},
		}},
		{"MV2 browser_action", mv2(`"browser_action": {"default_state": "enabled", "default_popup": 1}`), []v{
			{"/browser_action/default_popup", false, Rejects, "Invalid type for 'default_popup'."},
			{"/browser_action/default_state", true, Rejects, "The default_state key cannot be set for browser_action or page_action keys."},
		}},
		{"MV2 page_action not a dictionary", mv2(`"page_action": "x"`), []v{
			{"/page_action", false, Rejects, "Invalid value for 'page_action'."},
		}},
	})
}

func TestIcons(t *testing.T) {
	runCases(t, []validateCase{
		{"valid", mv3(`"icons": {"16": "a.png", "128": "b.png", "2048": "c.png"}`), nil},
		{"not a dictionary", mv3(`"icons": ["a.png"]`), []v{
			{"/icons", false, Rejects, "Invalid value for 'icons'."},
		}},
		{"bad keys and values", mv3(`"icons": {"0": "a.png", "4096": "b.png", "16": "", "32": null}`), []v{
			{"/icons/0", true, Rejects, `Invalid key in icons: "0".`},
			{"/icons/16", false, Rejects, `Invalid value for 'icons["16"]'.`},
			{"/icons/32", false, Rejects, `Invalid value for 'icons["32"]'.`},
			{"/icons/4096", true, Rejects, `Invalid key in icons: "4096".`},
		}},
	})
}

func TestContentScripts(t *testing.T) {
	runCases(t, []validateCase{
		{"valid", mv3(`"content_scripts": [{"matches": ["<all_urls>"], "js": ["a.js"], "run_at": "document_start", "world": "MAIN", "all_frames": true}]`), nil},
		{"not a list", mv3(`"content_scripts": {}`), []v{
			{"/content_scripts", false, Rejects, "Error at key 'content_scripts'. Type is invalid. Expected list, found dictionary."},
		}},
		{"item not a dictionary", mv3(`"content_scripts": [1]`), []v{
			{"/content_scripts/0", false, Rejects, "Error at key 'content_scripts'. Parsing array failed at index 0: expected dictionary, got integer"},
		}},
		{"matches missing, no scripts", mv3(`"content_scripts": [{}]`), []v{
			{"/content_scripts/0", false, Rejects, "At least one js or css file is required for 'content_scripts[0]'."},
			{"/content_scripts/0", false, Rejects, "Error at key 'content_scripts'. Parsing array failed at index 0: 'matches' is required"},
		}},
		{"member types", mv3(`"content_scripts": [{"matches": 1, "js": [1], "all_frames": "yes"}]`), []v{
			{"/content_scripts/0/all_frames", false, Rejects, "Error at key 'content_scripts'. Parsing array failed at index 0: 'all_frames': expected all_frames, got string"},
			{"/content_scripts/0/js/0", false, Rejects, "Error at key 'content_scripts'. Parsing array failed at index 0: Error at key 'js': Parsing array failed at index 0: expected string, got integer"},
			{"/content_scripts/0/matches", false, Rejects, "Error at key 'content_scripts'. Parsing array failed at index 0: 'matches': expected list, got integer"},
		}},
		{"enums", mv3(`"content_scripts": [{"matches": ["<all_urls>"], "css": ["a.css"]}, {"matches": ["<all_urls>"], "js": ["a.js"], "run_at": "load", "world": 1}]`), []v{
			{"/content_scripts/1/run_at", false, Rejects, `Error at key 'content_scripts'. Parsing array failed at index 1: 'RunAt': expected "document_start" or "document_end" or "document_idle", got "load"`},
			{"/content_scripts/1/world", false, Rejects, "Error at key 'content_scripts'. Parsing array failed at index 1: 'ExecutionWorld': expected string, got integer"},
		}},
		{"empty matches and scripts", mv3(`"content_scripts": [{"matches": [], "js": [], "css": []}]`), []v{
			{"/content_scripts/0", false, Rejects, "At least one js or css file is required for 'content_scripts[0]'."},
			{"/content_scripts/0/matches", false, Rejects, "Invalid value for 'content_scripts[0].matches'. There must be at least one match specified."},
		}},
		{"world in MV2", mv2(`"content_scripts": [{"matches": ["<all_urls>"], "js": ["a.js"], "world": "MAIN"}]`), []v{
			{"/content_scripts/0/world", true, Warns, "The 'world' property is restricted to extensions with 'manifest_version' set to 3 or higher."},
		}},
	})
}

func TestWebAccessibleResources(t *testing.T) {
	runCases(t, []validateCase{
		{"MV3 valid", mv3(`"web_accessible_resources": [{"resources": ["a.png"], "matches": ["https://example.com/*"]}, {"resources": ["b.png"], "matches": []}, {"resources": ["c.png"], "use_dynamic_url": true}]`), nil},
		{"not a list", mv3(`"web_accessible_resources": {}`), []v{
			{"/web_accessible_resources", false, Rejects, "Error at key 'web_accessible_resources'. Type is invalid. Expected list, found dictionary."},
		}},
		{"MV2 list under MV3", mv3(`"web_accessible_resources": ["a.png"]`), []v{
			{"/web_accessible_resources/0", false, Rejects, "Error at key 'web_accessible_resources'. Parsing array failed at index 0: expected dictionary, got string"},
		}},
		{"MV3 entry rules", mv3(`"web_accessible_resources": [{}, {"resources": ["a"]}, {"resources": ["a"], "use_dynamic_url": false}]`), []v{
			{"/web_accessible_resources/0", false, Rejects, "Error at key 'web_accessible_resources'. Parsing array failed at index 0: 'resources' is required"},
			{"/web_accessible_resources/1", false, Rejects, "Invalid value for 'web_accessible_resources[1]'. Entry must at least have resources, and one other valid key."},
			{"/web_accessible_resources/2", false, Rejects, "Invalid value for 'web_accessible_resources[2]'. Entry must at least have resources, and one other valid key."},
		}},
		{"MV3 member types", mv3(`"web_accessible_resources": [{"resources": [1], "matches": "x", "use_dynamic_url": "x"}]`), []v{
			{"/web_accessible_resources/0/matches", false, Rejects, "Error at key 'web_accessible_resources'. Parsing array failed at index 0: 'matches': expected list, got string"},
			{"/web_accessible_resources/0/resources/0", false, Rejects, "Error at key 'web_accessible_resources'. Parsing array failed at index 0: Error at key 'resources': Parsing array failed at index 0: expected string, got integer"},
			{"/web_accessible_resources/0/use_dynamic_url", false, Rejects, "Error at key 'web_accessible_resources'. Parsing array failed at index 0: 'use_dynamic_url': expected use_dynamic_url, got string"},
		}},
		{"MV2 valid", mv2(`"web_accessible_resources": ["a.png", "*.js", ""]`), nil},
		{"MV3 objects under MV2", mv2(`"web_accessible_resources": [{"resources": ["a.png"]}]`), []v{
			{"/web_accessible_resources/0", false, Rejects, "Error at key 'web_accessible_resources'. Parsing array failed at index 0: expected string, got dictionary"},
		}},
	})
}

func TestExternallyConnectable(t *testing.T) {
	runCases(t, []validateCase{
		{"valid", mv3(`"externally_connectable": {"matches": ["https://example.com/*"], "ids": ["*", "abcdefghijklmnopabcdefghijklmnop"]}`), nil},
		{"not a dictionary", mv3(`"externally_connectable": "x"`), []v{
			{"/externally_connectable", false, Rejects, "expected dictionary, got string"},
		}},
		{"member types", mv3(`"externally_connectable": {"ids": "x", "matches": [1], "accepts_tls_channel_id": "x"}`), []v{
			{"/externally_connectable/accepts_tls_channel_id", false, Rejects, "'accepts_tls_channel_id': expected accepts_tls_channel_id, got string"},
			{"/externally_connectable/ids", false, Rejects, "'ids': expected list, got string"},
			{"/externally_connectable/matches/0", false, Rejects, "Error at key 'matches': Parsing array failed at index 0: expected string, got integer"},
		}},
		{"nothing can connect", mv3(`"externally_connectable": {"ids": []}`), []v{
			{"/externally_connectable", false, Warns, "'externally_connectable' specifies neither 'matches' nor 'ids'; nothing will be able to connect"},
		}},
		{"tls channel id without matches", mv3(`"externally_connectable": {"ids": ["*"], "accepts_tls_channel_id": true}`), []v{
			{"/externally_connectable", false, Warns, "'externally_connectable' specifies 'accepts_tls_channel_id' but not 'matches'; 'accepts_tls_channel_id' has no efect"},
		}},
		{"invalid id", mv3(`"externally_connectable": {"ids": ["abc"]}`), []v{
			{"/externally_connectable/ids/0", false, Rejects, "Invalid ID 'abc'"},
		}},
	})
}

func TestContentSecurityPolicy(t *testing.T) {
	runCases(t, []validateCase{
		{"MV3 valid", mv3(`"content_security_policy": {"extension_pages": "script-src 'self'", "sandbox": "sandbox"}`), nil},
		{"MV3 string", mv3(`"content_security_policy": "script-src 'self'"`), []v{
			{"/content_security_policy", false, Rejects, "Invalid value for 'content_security_policy'."},
		}},
		{"MV3 members", mv3(`"content_security_policy": {"extension_pages": [], "sandbox": 1}`), []v{
			{"/content_security_policy/extension_pages", false, Rejects, "Invalid value for 'content_security_policy.extension_pages'."},
			{"/content_security_policy/sandbox", false, Rejects, "Invalid value for 'content_security_policy.sandbox'."},
		}},
		{"MV2 valid", mv2(`"content_security_policy": "script-src 'self'; object-src 'self'"`), nil},
		{"MV2 dictionary", mv2(`"content_security_policy": {"extension_pages": "script-src 'self'"}`), []v{
			{"/content_security_policy", false, Rejects, "Invalid value for 'content_security_policy'."},
		}},
		{"MV3 sandbox CSP in the wrong place", mv3(`"sandbox": {"pages": ["s.html"], "content_security_policy": "sandbox"}`), []v{
			{"/sandbox/content_security_policy", true, Rejects, "The Content Security Policy for sandboxed pages should be specified in 'content_security_policy.sandbox'."},
		}},
		{"sandbox pages", mv3(`"sandbox": {"pages": ["s.html", 2]}`), []v{
			{"/sandbox/pages/1", false, Rejects, "Invalid value for 'sandbox.pages[1]'."},
		}},
	})
}

func TestOptions(t *testing.T) {
	runCases(t, []validateCase{
		{"valid", mv3(`"options_page": "o.html", "options_ui": {"page": "o.html", "open_in_tab": false}`), nil},
		{"options_page not a string", mv3(`"options_page": 1`), []v{
			{"/options_page", false, Rejects, "Invalid value for 'input_components[options_page].options_page'."},
		}},
		{"options_ui errors only warn", mv3(`"options_ui": {"page": 1, "open_in_tab": "yes"}`), []v{
			{"/options_ui/open_in_tab", false, Warns, "'open_in_tab': expected open_in_tab, got string"},
			{"/options_ui/page", false, Warns, "'page': expected page, got integer"},
		}},
		{"options_ui page missing", mv3(`"options_ui": {}`), []v{
			{"/options_ui", false, Warns, "'page' is required"},
		}},
		{"options_ui not a dictionary is ignored", mv3(`"options_ui": "o.html"`), nil},
		{"chrome_style in MV3", mv3(`"options_ui": {"page": "o.html", "chrome_style": true}`), []v{
			{"/options_ui/chrome_style", true, Rejects, "The chrome_style option cannot be used with manifest version 3."},
		}},
		{"chrome_style in MV2", mv2(`"options_ui": {"page": "o.html", "chrome_style": true}`), nil},
	})
}

func TestCommands(t *testing.T) {
	runCases(t, []validateCase{
		{"valid", mv3(`"commands": {"_execute_action": {"suggested_key": {"default": "Ctrl+Shift+Y"}}, "run": {"description": "Run", "suggested_key": "Alt+R"}}`), nil},
		{"not a dictionary", mv3(`"commands": []`), []v{
			{"/commands", false, Rejects, "Invalid value for 'commands'."},
		}},
		{"numbered in sorted key order", mv3(`"commands": {"b": 1, "a": {"description": "A"}}`), []v{
			{"/commands/b", false, Rejects, "Contents of 'commands[2]' invalid."},
		}},
		{"description", mv3(`"commands": {"x": {}, "y": {"description": ""}, "_execute_action": {"description": 1}}`), []v{
			{"/commands/x", false, Rejects, "Invalid value for 'commands[2].description'."},
			{"/commands/y/description", false, Rejects, "Invalid value for 'commands[3].description'."},
		}},
		{"suggested key not a string", mv3(`"commands": {"x": {"description": "X", "suggested_key": {"default": 1}}}`), []v{
			{"/commands/x/suggested_key/default", false, Rejects, "Invalid value for 'commands[1].suggested_key': Missing."},
		}},
	})
}

func TestOtherKeys(t *testing.T) {
	runCases(t, []validateCase{
		{"side_panel", mv3(`"side_panel": {}`), []v{
			{"/side_panel", false, Rejects, "Error at key 'side_panel.default_path'. Manifest key is required."},
		}},
		{"side_panel path", mv3(`"side_panel": {"default_path": ""}`), []v{
			{"/side_panel/default_path", false, Rejects, "Side panel file path must be a relative URL to a valid extension resource."},
		}},
		{"chrome_url_overrides", mv3(`"chrome_url_overrides": {"newtab": 1, "history": "h.html"}`), []v{
			{"/chrome_url_overrides", false, Rejects, "An extension cannot override more than one page."},
			{"/chrome_url_overrides/newtab", false, Rejects, "Error at key 'chrome_url_overrides.newtab'. Type is invalid. Expected string, found integer."},
		}},
		{"declarative_net_request", mv3(`"permissions": ["declarativeNetRequest"], "declarative_net_request": {"rule_resources": [{"id": "r", "path": 1}]}`), []v{
			{"/declarative_net_request/rule_resources/0", false, Rejects, "Error at key 'declarative_net_request.rule_resources'. Parsing array failed at index 0: 'enabled' is required"},
			{"/declarative_net_request/rule_resources/0/path", false, Rejects, "Error at key 'declarative_net_request.rule_resources'. Parsing array failed at index 0: 'path': expected path, got integer"},
		}},
		{"oauth2", mv3(`"oauth2": {"client_id": 1}`), []v{
			{"/oauth2", false, Rejects, "Error at key 'oauth2.scopes'. Manifest key is required."},
			{"/oauth2/client_id", false, Rejects, "Error at key 'oauth2.client_id'. Type is invalid. Expected string, found integer."},
		}},
		{"omnibox", mv3(`"omnibox": {"keyword": ""}`), []v{
			{"/omnibox/keyword", false, Rejects, "Invalid value for 'omnibox.keyword'. It must be non-empty."},
		}},
		{"trial_tokens warn", mv3(`"trial_tokens": ["", 1]`), []v{
			{"/trial_tokens/0", false, Warns, "Invalid element in 'trial_tokens'. Must be a non-empty string."},
			{"/trial_tokens/1", false, Warns, "Invalid element in 'trial_tokens'. Must be a non-empty string."},
		}},
		{"import", mv3(`"import": [{"minimum_version": 1}]`), []v{
			{"/import/0", false, Rejects, "Error at key 'import'. Parsing array failed at index 0: 'id' is required"},
			{"/import/0/minimum_version", false, Rejects, "Error at key 'import'. Parsing array failed at index 0: 'minimum_version': expected minimum_version, got integer"},
		}},
		{"cross-origin policies", mv3(`"cross_origin_embedder_policy": "x", "cross_origin_opener_policy": {"value": 1}`), []v{
			{"/cross_origin_embedder_policy", false, Rejects, "Error at key 'cross_origin_embedder_policy'. Type is invalid. Expected dictionary, found string."},
			{"/cross_origin_opener_policy/value", false, Rejects, "Error at key 'cross_origin_opener_policy.value'. Type is invalid. Expected string, found integer."},
		}},
		{"tts_engine, storage, event_rules", mv3(`"tts_engine": {"voices": [{"voice_name": 1}]}, "storage": {"managed_schema": 1}, "event_rules": {}`), []v{
			{"/event_rules", false, Rejects, "'event_rules' expected list, got dictionary"},
			{"/storage/managed_schema", false, Rejects, "storage.managed_schema must be a string"},
			{"/tts_engine/voices/0/voice_name", false, Rejects, "Invalid value for 'tts_engine.voices[*].voice_name'."},
		}},
		{"type-changing keys are advice", mv3(`"theme": {}`), []v{
			{"/theme", true, Accepts, "'theme' makes this manifest a theme, not an extension: Chrome then judges every other key as a theme's"},
		}},
	})
}
