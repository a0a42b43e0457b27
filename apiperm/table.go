package apiperm

// Source names the Chromium files and snapshots the table was read from.
const Source = "chromium/chromium: extensions/common/api/_api_features.json at 3fa6937b, " +
	"chrome/common/extensions/api/_api_features.json at 80f16b1b, " +
	"extensions/common/api/_permission_features.json at dad54968, " +
	"chrome/browser/extensions/api/downloads/downloads_api.cc and " +
	"extensions/browser/api/declarative_net_request/utils.cc for the permissions checked at call time; " +
	"what extension pages, content scripts and sandboxed pages see was checked in Chromium 156.0.8078.79"

func api(path string, needs ...Need) Feature { return Feature{Path: path, Needs: needs} }

// inContentScripts marks a feature content scripts can reach.
func inContentScripts(f Feature) Feature {
	f.ContentScript = true
	return f
}

// inWebPages marks a feature web pages can reach, which content scripts can
// then reach too.
func inWebPages(f Feature) Feature {
	f.ContentScript, f.WebPage = true, true
	return f
}

func perm(names ...string) Need { return Need{Permissions: names} }

func key(name string) Need { return Need{Key: name} }

func atCall(n Need) Need {
	n.AtCall = true
	return n
}

var (
	dnr      = perm("declarativeNetRequest", "declarativeNetRequestWithHostAccess")
	download = perm("downloads")
)

// features is sorted by path. A member's entry states all it needs: it
// does not inherit its namespace's needs (management.getSelf needs
// nothing, though the rest of chrome.management needs "management").
// Namespaces that need nothing are listed too, so that their members are
// known; an API missing from the table is never judged.
var features = []Feature{
	api("accessibilityFeatures", perm("accessibilityFeatures.read", "accessibilityFeatures.modify")),
	api("action", key("action")),
	api("alarms", perm("alarms")),
	api("audio", perm("audio")),
	api("bookmarks", perm("bookmarks")),
	api("browserAction", key("browser_action")),
	api("browsingData", perm("browsingData")),
	api("certificateProvider", perm("certificateProvider")),
	api("commands", key("commands")),
	api("contentSettings", perm("contentSettings")),
	api("contextMenus", perm("contextMenus")),
	api("cookies", perm("cookies")),
	api("debugger", perm("debugger")),
	api("declarativeContent", perm("declarativeContent")),
	api("declarativeNetRequest", dnr),
	api("declarativeNetRequest.getMatchedRules", dnr, atCall(perm("declarativeNetRequestFeedback", "activeTab"))),
	api("declarativeNetRequest.onRuleMatchedDebug", dnr, perm("declarativeNetRequestFeedback")),
	api("declarativeWebRequest", perm("declarativeWebRequest")),
	api("desktopCapture", perm("desktopCapture")),
	// devtools.inspectedWindow, .network, .panels, .performance, .recorder
	api("devtools", key("devtools_page")),
	api("dns", perm("dns")),
	api("documentScan", perm("documentScan")),
	inContentScripts(api("dom")),
	api("downloads", download),
	api("downloads.open", download, atCall(perm("downloads.open"))),
	api("downloads.setShelfEnabled", download, atCall(perm("downloads.shelf"))),
	api("downloads.setUiOptions", download, atCall(perm("downloads.ui"))),
	api("enterprise.deviceAttributes", perm("enterprise.deviceAttributes")),
	api("enterprise.hardwarePlatform", perm("enterprise.hardwarePlatform")),
	api("enterprise.networkingAttributes", perm("enterprise.networkingAttributes")),
	api("enterprise.platformKeys", perm("enterprise.platformKeys")),
	api("extension"),
	inContentScripts(api("extension.getURL")),
	inContentScripts(api("extension.inIncognitoContext")),
	inContentScripts(api("extension.lastError")),
	inContentScripts(api("extension.onRequest")),
	inContentScripts(api("extension.sendRequest")),
	api("fileBrowserHandler", perm("fileBrowserHandler")),
	api("fileSystemProvider", perm("fileSystemProvider")),
	api("fontSettings", perm("fontSettings")),
	api("gcm", perm("gcm")),
	api("history", perm("history")),
	inContentScripts(api("i18n")),
	api("identity", perm("identity")),
	api("idle", perm("idle")),
	api("input.ime", perm("input")),
	api("instanceID", perm("gcm")),
	api("loginState", perm("loginState")),
	api("management", perm("management")),
	api("management.getPermissionWarningsByManifest"),
	api("management.getSelf"),
	api("management.installReplacementWebApp", key("replacement_web_app")),
	api("management.uninstallSelf"),
	api("notifications", perm("notifications")),
	api("offscreen", perm("offscreen")),
	api("omnibox", key("omnibox")),
	api("pageAction", key("page_action")),
	api("pageCapture", perm("pageCapture")),
	api("permissions"),
	api("platformKeys", perm("platformKeys")),
	api("power", perm("power")),
	api("printerProvider", perm("printerProvider")),
	api("printing", perm("printing")),
	api("printingMetrics", perm("printingMetrics")),
	api("privacy", perm("privacy")),
	api("processes", perm("processes")),
	api("proxy", perm("proxy")),
	api("readingList", perm("readingList")),
	api("runtime"),
	inWebPages(api("runtime.connect")),
	api("runtime.connectNative", perm("nativeMessaging")),
	inContentScripts(api("runtime.dynamicId")),
	inContentScripts(api("runtime.getManifest")),
	inContentScripts(api("runtime.getURL")),
	inContentScripts(api("runtime.getVersion")),
	inContentScripts(api("runtime.id")),
	inWebPages(api("runtime.lastError")),
	inContentScripts(api("runtime.onConnect")),
	api("runtime.onConnectNative", perm("nativeMessaging")),
	inContentScripts(api("runtime.onMessage")),
	inWebPages(api("runtime.sendMessage")),
	api("runtime.sendNativeMessage", perm("nativeMessaging")),
	api("scripting", perm("scripting")),
	api("search", perm("search")),
	api("sessions", perm("sessions")),
	api("sidePanel", perm("sidePanel")),
	inContentScripts(api("storage", perm("storage"))),
	api("system.cpu", perm("system.cpu")),
	api("system.display", perm("system.display")),
	api("system.memory", perm("system.memory")),
	api("system.network", perm("system.network")),
	api("system.storage", perm("system.storage")),
	api("systemIndicator", key("system_indicator")),
	api("tabCapture", perm("tabCapture")),
	api("tabGroups", perm("tabGroups")),
	api("tabs"),
	api("topSites", perm("topSites")),
	api("tts", perm("tts")),
	api("ttsEngine", perm("ttsEngine")),
	api("userScripts", perm("userScripts")),
	api("vpnProvider", perm("vpnProvider")),
	api("wallpaper", perm("wallpaper")),
	api("webAuthenticationProxy", perm("webAuthenticationProxy")),
	api("webNavigation", perm("webNavigation")),
	api("webRequest", perm("webRequest")),
	api("windows"), // needs what chrome.tabs needs: nothing
}

// aliases are the permission names Chrome maps to another
// (chrome_api_permissions.cc, extensions_api_permissions.cc).
var aliases = map[string]string{
	"unlimited_storage": "unlimitedStorage",
	"windows":           "tabs",
}

// extraUses are uses that show a permission in use beyond the APIs that
// need it.
var extraUses = []struct {
	permission string
	apis, keys []string
	senders    bool
}{
	// Declarative rules apply without a call; the side panel's page opens
	// without one (Chrome shows it only with the "sidePanel" permission).
	{permission: "declarativeNetRequest", keys: []string{"declarative_net_request"}},
	{permission: "declarativeNetRequestWithHostAccess", keys: []string{"declarative_net_request"}},
	{permission: "sidePanel", keys: []string{"side_panel"}},
	{permission: "ttsEngine", keys: []string{"tts_engine"}},
	// chrome.identity.getProfileUserInfo returns the email only with it.
	{permission: "identity.email", apis: []string{"identity.getProfileUserInfo", "identity.onSignInChanged"}},
	// "tabs" needs no API of its own: it fills in the url, title and
	// favIconUrl of the Tab objects these APIs and message senders hand out.
	{permission: "tabs", senders: true, apis: []string{
		"tabs", "windows", "sessions", "action.onClicked", "browserAction.onClicked",
		"commands.onCommand", "contextMenus.onClicked", "pageAction.onClicked",
	}},
	{permission: "webRequestAuthProvider", apis: []string{"webRequest.onAuthRequired"}},
	{permission: "webRequestBlocking", apis: []string{"webRequest"}},
}

// unjudged are permissions that an API of the table needs but that grant
// more than the table sees used: activeTab grants host access for the
// current tab, notifications grants the web Notification API too.
var unjudged = []string{"activeTab", "notifications"}
