package schema

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// rawSchema decodes the embedded schema.
func rawSchema(tb testing.TB) map[string]any {
	tb.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		tb.Fatal(err)
	}
	return doc.(map[string]any)
}

// enumOf returns the enum of a $defs entry.
func enumOf(tb testing.TB, root map[string]any, def string) []string {
	tb.Helper()
	d, ok := root["$defs"].(map[string]any)[def].(map[string]any)
	if !ok {
		tb.Fatalf("no $defs/%s", def)
	}
	var names []string
	for _, n := range d["enum"].([]any) {
		names = append(names, n.(string))
	}
	return names
}

// permissionClasses are the $defs that list permission names; all but the
// last are referenced by permission.names.
var permissionClasses = []string{
	"permissions.available",
	"permissions.minMV3",
	"permissions.maxMV2",
	"permissions.devChannel",
	"permissions.packagedAppsOnly",
	"permissions.withArguments",
	"permissions.otherPlatforms",
	"permissions.allowlisted",
	"permissions.componentOnly",
	"permissions.chromeOS",
	"permissions.chromeOSRestricted",
	"permissions.other",
	"permissions.unregistered",
}

// specPermissions is every permission name in the tables of chrome-rules.md
// §5.2, the aliases of §5.1 and the newer names §5.2 mentions (a copy, so the
// schema's data cannot silently lose one). "Not permissions" are left out.
var specPermissions = []string{
	// Public, MV2 and MV3.
	"accessibilityFeatures.modify", "accessibilityFeatures.read", "activeTab", "aiLanguageModelOriginTrial",
	"alarms", "background", "bookmarks", "browsingData", "clipboardRead", "clipboardWrite", "contentSettings",
	"contextMenus", "cookies", "debugger", "declarativeContent", "declarativeNetRequest",
	"declarativeNetRequestWithHostAccess", "declarativeNetRequestFeedback", "desktopCapture", "downloads",
	"downloads.open", "downloads.shelf", "downloads.ui", "favicon", "fontSettings", "gcm", "geolocation",
	"history", "identity", "identity.email", "idle", "management", "nativeMessaging", "notifications",
	"pageCapture", "power", "printerProvider", "privacy", "proxy", "search", "sessions", "storage",
	"system.cpu", "system.display", "system.memory", "system.storage", "tabCapture", "tabs", "windows",
	"topSites", "tts", "ttsEngine", "unlimitedStorage", "unlimited_storage", "webNavigation", "webRequest",
	"webRequestAuthProvider",
	// MV3 only, MV2 only.
	"offscreen", "readingList", "scripting", "sidePanel", "tabGroups", "userScripts", "webAuthenticationProxy",
	"webRequestBlocking", "declarativeWebRequest",
	// ChromeOS only.
	"certificateProvider", "documentScan", "fileBrowserHandler", "fileSystemProvider", "input", "loginState",
	"platformKeys", "printing", "vpnProvider", "wallpaper", "enterprise.deviceAttributes",
	"enterprise.networkingAttributes", "enterprise.platformKeys", "printingMetrics", "systemLog", "login",
	"loginScreenStorage", "enterprise.kioskInput", "audio", "enterprise.hardwarePlatform",
	// Non-stable channel or switch only.
	"processes", "transientBackground", "mdns", "dns", "system.network", "experimentalAiData", "idltest",
	"experimental", "usb", "usbDevices", "virtualKeyboard", "networking.onc",
	// Platform apps only, and aliases.
	"app.window.alwaysOnTop", "app.window.fullscreen", "app.window.fullscreen.overrideEsc", "app.window.shape",
	"app.window.alpha", "app.window.ime", "appview", "audioCapture", "videoCapture", "clipboard", "diagnostics",
	"fileSystem", "fileSystem.directory", "fileSystem.retainEntries", "fileSystem.write",
	"fileSystem.requestFileSystem", "hid", "lockScreen", "serial", "socket", "webview", "fullscreen",
	"alwaysOnTopWindows", "overrideEscFullscreen",
	// Allowlisted by extension ID.
	"externally_connectable.all_urls", "u2fDevices", "commands.accessibility", "accessibilityPrivate",
	"activityLogPrivate", "autotestPrivate", "bluetoothPrivate", "cecPrivate", "chromePrivate",
	"chromeosInfoPrivate", "crashReportPrivate", "developerPrivate", "echoPrivate",
	"enterprise.platformKeysPrivate", "enterprise.reportingPrivate", "feedbackPrivate", "fileManagerPrivate",
	"imageLoaderPrivate", "imageWriterPrivate", "inputMethodPrivate", "languageSettingsPrivate",
	"lockWindowFullscreenPrivate", "mediaPerceptionPrivate", "metricsPrivate", "networkingPrivate",
	"odfsConfigPrivate", "passwordsPrivate", "pdfViewerPrivate", "resourcesPrivate", "rtcPrivate",
	"safeBrowsingPrivate", "settingsPrivate", "sharedStoragePrivate", "smartCardProviderPrivate",
	"speechRecognitionPrivate", "systemPrivate", "terminalPrivate", "usersPrivate", "virtualKeyboardPrivate",
	"webcamPrivate", "webrtcAudioPrivate", "webrtcDesktopCapturePrivate", "webrtcLoggingPrivate",
	"webstorePrivate", "wmDesksPrivate",
	// Newer names.
	"omnibox.directInput", "experimentalActor", "enterprise.login", "enterprise.webrtc", "glicPrivate",
	"contextualTasksPrivate",
}

// specKeys is every top-level key of chrome-rules.md §3.2.
var specKeys = []string{
	"action", "author", "automation", "background", "bluetooth", "browser_action", "chrome_settings_overrides",
	"chrome_url_overrides", "commands", "content_capabilities", "content_scripts", "content_security_policy",
	"converted_from_user_script", "cross_origin_embedder_policy", "cross_origin_opener_policy",
	"current_locale", "declarative_net_request", "default_locale", "description", "devtools_page",
	"differential_fingerprint", "event_rules", "export", "externally_connectable", "file_browser_handlers",
	"file_handlers", "file_system_provider_capabilities", "homepage_url", "host_permissions", "icon_variants",
	"icons", "import", "incognito", "input_components", "key", "kiosk_enabled", "manifest_version",
	"mime_types", "mime_types_handler", "minimum_chrome_version", "nacl_modules", "name",
	"natively_connectable", "oauth2", "offline_enabled", "omnibox", "optional_host_permissions",
	"optional_permissions", "options_page", "options_ui", "page_action", "permissions", "platforms",
	"replacement_web_app", "requirements", "sandbox", "short_name", "side_panel", "sockets", "storage",
	"system_indicator", "theme", "trial_tokens", "tts_engine", "update_url", "version", "version_name",
	"web_accessible_resources", "about_page", "app", "kiosk", "url_handlers", "usb_printers", "webview",
	"action_handlers", "display_in_launcher", "display_in_new_tab_page",
	// Not reported at all (§1).
	"browser_specific_settings", "$schema",
}

func TestVersion(t *testing.T) {
	if got, want := Version(), rawSchema(t)["x-version"]; got == "" || got != want {
		t.Errorf("Version() = %q, want the schema's x-version %q", got, want)
	}
}

// TestUnknownKeywordsIgnored checks that jsonschema v6 ignores the x-
// annotation keywords (draft 2020-12 without vocabulary assertion), so they
// never change a verdict.
func TestUnknownKeywordsIgnored(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	doc := map[string]any{
		"type":      "string",
		"x-chrome":  "rejects",
		"x-message": map[string]any{"type": "Invalid value for '{path}'."},
		"x-on-key":  true,
		"x-source":  "guess",
	}
	if err := c.AddResource("mem:///t.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("mem:///t.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate("x"); err != nil {
		t.Errorf("annotated schema rejected a valid value: %v", err)
	}
	if err := sch.Validate(json.Number("1")); err == nil {
		t.Error("annotated schema accepted an invalid value")
	}
}

func TestSpecPermissionsKnown(t *testing.T) {
	root := rawSchema(t)
	known := map[string]string{}
	for _, class := range permissionClasses {
		for _, n := range enumOf(t, root, class) {
			known[n] = class
		}
	}
	for _, p := range specPermissions {
		if _, ok := known[p]; !ok {
			t.Errorf("permission %q of chrome-rules.md §5 is missing from the schema's permission data", p)
		}
	}
	if spec := readSpec(t); spec != "" {
		// §5.2 abbreviates families: "app.window.* (alwaysOnTop, ..., shape)",
		// "fileSystem (+ .directory, ...)".
		for _, p := range specPermissions {
			last := p[strings.LastIndexByte(p, '.')+1:]
			if !strings.Contains(spec, p) && !strings.Contains(spec, last) {
				t.Errorf("test data: %q does not occur in chrome-rules.md", p)
			}
		}
	}
}

func TestSpecKeysCovered(t *testing.T) {
	props := rawSchema(t)["properties"].(map[string]any)
	for _, k := range specKeys {
		if _, ok := props[k]; !ok {
			t.Errorf("key %q of chrome-rules.md §3 is not in the schema's properties", k)
		}
	}
}

// TestPermissionClasses checks that every listed name is known to the
// schema (no "unknown" warning), except the ones Chromium 156 no longer
// registers, and that no name sits in two classes by accident.
func TestPermissionClasses(t *testing.T) {
	root := rawSchema(t)
	seen := map[string]string{}
	for _, class := range permissionClasses {
		for _, name := range enumOf(t, root, class) {
			if prev, dup := seen[name]; dup && (class != "permissions.withArguments" || name != "fileSystem") {
				t.Errorf("%q is in both %s and %s", name, prev, class)
			}
			seen[name] = class
			for _, version := range []int{2, 3} {
				m, err := json.Marshal(name)
				if err != nil {
					t.Fatal(err)
				}
				vs, err := Validate(decode(t, manifestJSON(version, `"permissions": [`+string(m)+`]`)))
				if err != nil {
					t.Fatal(err)
				}
				unknown := slices.ContainsFunc(vs, func(x Violation) bool { return strings.HasSuffix(x.Message, "is unknown.") })
				if want := class == "permissions.unregistered"; unknown != want {
					t.Errorf("MV%d %s %q: unknown = %v, want %v (%v)", version, class, name, unknown, want, vs)
				}
			}
		}
	}
}

// TestAnnotations checks the annotation data itself: every per-keyword
// message names a keyword its subschema has, and every subschema whose
// failures can be reported is annotated (see TestNoUnannotatedFailures for
// the dynamic side).
func TestAnnotations(t *testing.T) {
	root := rawSchema(t)
	for ptr, a := range notesByPointer() {
		node := resolve(root, ptr)
		for _, e := range a.message.each {
			kw := e.keyword
			if _, ok := node[kw]; !ok && (kw != "propertyNames" || !strings.HasSuffix(ptr, "/propertyNames")) {
				t.Errorf("%s: x-message for %q, which the subschema does not have", ptr, kw)
			}
		}
	}
}

// TestNoUnannotatedFailures feeds every top-level key odd values under each
// manifest version and checks that each failure is claimed by an annotation
// and every placeholder is filled.
func TestNoUnannotatedFailures(t *testing.T) {
	values := []string{`null`, `true`, `1`, `1.5`, `""`, `"x"`, `[]`, `[1]`, `[""]`, `[{}]`, `{}`, `{"a": 1}`, `{"16": 1, "x": []}`, `[{"a": 1, "b": [1]}]`}
	placeholder := regexp.MustCompile(`\{(key|path|value|got|prop|#?[0-9]+)\}`)
	props := rawSchema(t)["properties"].(map[string]any)
	for key := range props {
		for _, val := range values {
			k, _ := json.Marshal(key)
			member := string(k) + ": " + val
			for _, m := range []string{mv2(member), mv3(member), `{"name": "x", "version": "1", ` + member + `}`} {
				vs, err := Validate(decode(t, m))
				if err != nil {
					t.Fatal(err)
				}
				for _, x := range vs {
					if strings.HasPrefix(x.Message, "crxlint schema:") || placeholder.MatchString(x.Message) {
						t.Errorf("%s: %+v", m, x)
					}
				}
			}
		}
	}
}

// TestPropertyNamesLocation checks the locations of propertyNames failures
// among later siblings (jsonschema v6.0.3, the reference, gets them wrong
// unless convert repairs them).
func TestPropertyNamesLocation(t *testing.T) {
	runCases(t, []validateCase{
		{"locations survive later siblings", mv3(`"icons": {"bad": "a.png", "16": "a.png"}, "permissions": [{"storage": true}, "tabs", "alarms", {"foo": 1}, "idle"], "zz": 1`), []v{
			{"/icons/bad", true, Rejects, `Invalid key in icons: "bad".`},
			{"/permissions/0", false, Rejects, "Invalid value for 'permissions[storage]'."},
			{"/permissions/3", false, Warns, "Permission 'foo' is unknown."},
			{"/zz", true, Warns, "Unrecognized manifest key 'zz'."},
		}},
	})
}

func TestChromeType(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{nil, "null"},
		{true, "boolean"},
		{"s", "string"},
		{[]any{}, "list"},
		{map[string]any{}, "dictionary"},
		{json.Number("3"), "integer"},
		{json.Number("3.0"), "double"},
		{json.Number("1e3"), "double"},
		{json.Number("4294967296"), "double"},
		{2.0, "integer"},
		{2.5, "double"},
	} {
		if got := chromeType(tc.v); got != tc.want {
			t.Errorf("chromeType(%#v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

func TestPointer(t *testing.T) {
	for _, tc := range []struct {
		tokens []string
		want   string
	}{
		{nil, ""}, {[]string{""}, "/"}, {[]string{"a/b", "~c", "0"}, "/a~1b/~0c/0"}, {[]string{"~1"}, "/~01"},
	} {
		if got := pointer(tc.tokens); got != tc.want {
			t.Errorf("pointer(%q) = %q, want %q", tc.tokens, got, tc.want)
		}
		if tc.want != "" {
			if got := schemaPointer("x#" + tc.want); got != tc.want {
				t.Errorf("schemaPointer(%q) = %q", tc.want, got)
			}
		}
	}
	if got := schemaPointer("x#/%24defs/a%20b"); got != "/$defs/a b" {
		t.Errorf("schemaPointer with percent-encoding = %q", got)
	}
}

// TestRealCorpus validates the complete, strict-JSON manifests of published
// extensions in shared/corpus/real: Chrome loads the MV3 ones, so the schema
// must not claim it rejects them.
func TestRealCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus", "real")
	index, err := os.Open(filepath.Join(dir, "INDEX.jsonl"))
	if err != nil {
		t.Skipf("no real-world corpus (%v): shared/ is not beside the project", err)
	}
	defer index.Close()
	checked := 0
	sc := bufio.NewScanner(index)
	for sc.Scan() {
		var entry struct {
			File   string `json:"file"`
			Role   string `json:"role"`
			Format string `json:"format"`
		}
		if err := json.Unmarshal(sc.Bytes(), &entry); err != nil {
			t.Fatalf("INDEX.jsonl: %v", err)
		}
		if entry.Role != "complete" || entry.Format != "json" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(entry.File)))
		if err != nil {
			t.Fatal(err)
		}
		if !json.Valid(data) {
			continue // JSONC: the manifest package's business
		}
		doc := decode(t, string(data))
		vs, err := Validate(doc)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		if mv, _ := doc.(map[string]any)["manifest_version"].(json.Number); mv != "3" {
			continue
		}
		for _, x := range vs {
			if x.Chrome == Rejects {
				t.Errorf("%s: %+v", entry.File, x)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("no manifest checked")
	}
	t.Logf("%d manifests checked", checked)
}

func readSpec(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "shared", "spec", "chrome-rules.md"))
	if err != nil {
		return ""
	}
	return string(b)
}

// resolve returns the schema object at a canonical pointer.
func resolve(root map[string]any, ptr string) map[string]any {
	var node any = root
	if ptr != "" {
		for _, t := range strings.Split(ptr[1:], "/") {
			t = unescapeToken(t)
			switch n := node.(type) {
			case map[string]any:
				node = n[t]
			case []any:
				i := 0
				for _, c := range t {
					i = i*10 + int(c-'0')
				}
				node = n[i]
			}
		}
	}
	obj, _ := node.(map[string]any)
	return obj
}

const typicalMV3 = `{
  "manifest_version": 3,
  "name": "__MSG_extName__",
  "short_name": "Typical",
  "description": "__MSG_extDescription__",
  "version": "2.14.3",
  "version_name": "2.14.3 beta",
  "default_locale": "en",
  "minimum_chrome_version": "120",
  "author": "Example Authors",
  "homepage_url": "https://example.com/extension",
  "icons": { "16": "icons/16.png", "32": "icons/32.png", "48": "icons/48.png", "128": "icons/128.png" },
  "action": {
    "default_icon": { "16": "icons/16.png", "32": "icons/32.png" },
    "default_title": "__MSG_actionTitle__",
    "default_popup": "popup/popup.html"
  },
  "background": { "service_worker": "background.js", "type": "module" },
  "permissions": ["storage", "tabs", "contextMenus", "alarms", "scripting", "declarativeNetRequest", "offscreen", "sidePanel", "notifications"],
  "optional_permissions": ["downloads", "history", "bookmarks"],
  "host_permissions": ["https://*.example.com/*", "https://api.example.org/*"],
  "optional_host_permissions": ["<all_urls>"],
  "content_scripts": [
    { "matches": ["https://*.example.com/*"], "js": ["content/main.js"], "css": ["content/main.css"], "run_at": "document_idle" },
    { "matches": ["<all_urls>"], "exclude_matches": ["https://accounts.example.com/*"], "js": ["content/inject.js"], "all_frames": true, "world": "MAIN", "run_at": "document_start" }
  ],
  "web_accessible_resources": [
    { "resources": ["images/*.png", "fonts/*.woff2"], "matches": ["https://*.example.com/*"] },
    { "resources": ["inject/page.js"], "matches": ["<all_urls>"], "use_dynamic_url": true }
  ],
  "externally_connectable": { "matches": ["https://*.example.com/*"], "ids": ["abcdefghijklmnopabcdefghijklmnop"] },
  "content_security_policy": { "extension_pages": "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
  "declarative_net_request": { "rule_resources": [{ "id": "ruleset_1", "enabled": true, "path": "rules/rules_1.json" }] },
  "commands": {
    "_execute_action": { "suggested_key": { "default": "Ctrl+Shift+Y", "mac": "Command+Shift+Y" } },
    "toggle-feature": { "suggested_key": { "default": "Alt+Shift+T" }, "description": "__MSG_toggleFeature__" }
  },
  "options_ui": { "page": "options/options.html", "open_in_tab": true },
  "side_panel": { "default_path": "panel/panel.html" },
  "omnibox": { "keyword": "typ" },
  "incognito": "split",
  "storage": { "managed_schema": "schema.json" },
  "chrome_url_overrides": { "newtab": "newtab/newtab.html" },
  "browser_specific_settings": { "gecko": { "id": "typical@example.com" } }
}`

func BenchmarkValidate(b *testing.B) {
	doc := decode(b, typicalMV3)
	if vs, err := Validate(doc); err != nil || len(vs) != 0 {
		b.Fatalf("typical manifest: %v %v", vs, err)
	}
	b.SetBytes(int64(len(typicalMV3)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Validate(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// TestUnverifiedMessages lists the messages not seen in a real Chromium 156,
// so they can be checked against one later (go test -v -run Unverified).
func TestUnverifiedMessages(t *testing.T) {
	notes := notesByPointer()
	ptrs := make([]string, 0, len(notes))
	for p := range notes {
		ptrs = append(ptrs, p)
	}
	slices.Sort(ptrs)
	for _, p := range ptrs {
		a := notes[p]
		if a.source == "" {
			continue
		}
		msgs := a.message.strings()
		slices.Sort(msgs)
		for _, m := range msgs {
			if m != "" {
				t.Logf("%-8s %s: %s", a.source, p, m)
			}
		}
	}
}

// notesByPointer returns the annotations of the compiled subschemas by
// their pointer.
func notesByPointer() map[string]*annotation {
	m := map[string]*annotation{}
	for i := range nodes {
		if nodes[i].note != nil {
			m[nodes[i].ptr] = nodes[i].note
		}
	}
	return m
}
