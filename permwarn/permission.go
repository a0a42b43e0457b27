package permwarn

// id is one of Chromium's APIPermissionIDs (extensions/common/mojom/
// api_permission_id.mojom), for the permissions that lead to a message.
type id uint8

// The IDs, named after Chromium's.
const (
	idAccessibilityFeaturesModify id = iota + 1
	idAccessibilityFeaturesRead
	idBookmark
	idClipboardRead
	idClipboardWrite
	idContentSettings
	idDebugger
	idDeclarativeNetRequest
	idDeclarativeNetRequestFeedback
	idDeclarativeWebRequest
	idDesktopCapture
	idDownloads
	idDownloadsOpen
	idFavicon
	idGeolocation
	idHistory
	idHostReadWrite // one host, the parameter
	idHostsAll
	idIdentityEmail
	idManagement
	idNativeMessaging
	idNewTabPageOverride
	idNotifications
	idPrivacy
	idProcesses
	idReadingList
	idSessions
	idSystemStorage
	idTab
	idTabGroups
	idTopSites
	idTransientBackground
	idTTSEngine
	idWebAuthenticationProxy
	idWebNavigation
)

// permission is a name of the "permissions" key that leads to a message.
type permission struct {
	id id
	// minVersion and maxVersion bound the manifest versions for which Chrome
	// grants the permission; 0 means no bound.
	minVersion, maxVersion int
	// allHosts marks a permission with kFlagImpliesFullURLAccess: it warns
	// as "<all_urls>" does.
	allHosts bool
	// notOptional marks a permission with kFlagCannotBeOptional: Chrome drops
	// it from "optional_permissions".
	notOptional bool
}

// permissions maps each permission name (aliases included) to its ID, as
// chrome_api_permissions.cc and extensions_api_permissions.cc register them
// and _permission_features.json makes them available to an extension.
// Permissions without a message ("storage", "alarms", ...) are absent, but
// for "sessions", which changes the message of "tabs".
var permissions = map[string]permission{
	"accessibilityFeatures.modify":  {id: idAccessibilityFeaturesModify},
	"accessibilityFeatures.read":    {id: idAccessibilityFeaturesRead},
	"bookmarks":                     {id: idBookmark},
	"clipboardRead":                 {id: idClipboardRead},
	"clipboardWrite":                {id: idClipboardWrite},
	"contentSettings":               {id: idContentSettings},
	"debugger":                      {id: idDebugger, allHosts: true, notOptional: true},
	"declarativeNetRequest":         {id: idDeclarativeNetRequest, notOptional: true},
	"declarativeNetRequestFeedback": {id: idDeclarativeNetRequestFeedback},
	"declarativeWebRequest":         {id: idDeclarativeWebRequest, maxVersion: 2},
	"desktopCapture":                {id: idDesktopCapture},
	"downloads":                     {id: idDownloads},
	"downloads.open":                {id: idDownloadsOpen},
	"favicon":                       {id: idFavicon},
	"geolocation":                   {id: idGeolocation, notOptional: true},
	"history":                       {id: idHistory},
	"identity.email":                {id: idIdentityEmail},
	"management":                    {id: idManagement},
	"nativeMessaging":               {id: idNativeMessaging},
	"notifications":                 {id: idNotifications},
	"pageCapture":                   {allHosts: true},
	"privacy":                       {id: idPrivacy},
	"processes":                     {id: idProcesses},
	"proxy":                         {allHosts: true, notOptional: true},
	"readingList":                   {id: idReadingList, minVersion: 3},
	"sessions":                      {id: idSessions},
	"system.storage":                {id: idSystemStorage},
	"tabCapture":                    {allHosts: true},
	"tabGroups":                     {id: idTabGroups, minVersion: 3},
	"tabs":                          {id: idTab},
	"topSites":                      {id: idTopSites},
	"transientBackground":           {id: idTransientBackground, notOptional: true},
	"ttsEngine":                     {id: idTTSEngine, notOptional: true},
	"webAuthenticationProxy":        {id: idWebAuthenticationProxy, minVersion: 3, notOptional: true},
	"webNavigation":                 {id: idWebNavigation},
	"windows":                       {id: idTab}, // alias of "tabs"
}

// keyPermissions are the manifest keys whose handlers grant a permission of
// their own: replacing the new tab page, and a DevTools page, which can read
// every page it inspects (the internal "devtools" permission).
var keyPermissions = []struct {
	key, member string // member is "" for the key itself
	permission
}{
	{"chrome_url_overrides", "newtab", permission{id: idNewTabPageOverride}},
	{"devtools_page", "", permission{allHosts: true}},
}

// lookup returns the permission a name grants under a manifest version.
func lookup(name string, manifestVersion int) (permission, bool) {
	p, ok := permissions[name]
	if !ok ||
		(p.minVersion != 0 && manifestVersion < p.minVersion) ||
		(p.maxVersion != 0 && manifestVersion > p.maxVersion) {
		return permission{}, false
	}
	return p, true
}
