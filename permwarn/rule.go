package permwarn

// rule makes one message from a set of IDs, as ChromePermissionMessageRule
// does: it applies when every required ID is left, and takes its required
// and optional IDs away from later rules.
type rule struct {
	message  string
	required []id
	optional []id
	// hostList marks the rule that lists the hosts of idHostReadWrite
	// (HostListFormatter); message is unused then.
	hostList bool
}

// Optional IDs shared by several rules, as Chromium lists them.
var (
	allHostsOptional = []id{
		idDeclarativeWebRequest, idDeclarativeNetRequestFeedback, idFavicon,
		idHostReadWrite, idProcesses, idTab, idTopSites, idWebNavigation,
		idDeclarativeNetRequest, idWebAuthenticationProxy,
	}
	historyOptional = []id{idDeclarativeNetRequestFeedback, idFavicon, idProcesses, idTab, idTopSites, idWebNavigation}
)

// rules is ChromePermissionMessageRule::GetAllRules in its order, which is
// the order of the messages, without the rules for IDs an extension cannot
// get on desktop Chrome (packaged-app, ChromeOS, component and allowlisted
// permissions).
var rules = []rule{
	{message: msgDebugger, required: []id{idDebugger}},

	{message: msgAllHosts, required: []id{idHostsAll}, optional: allHostsOptional},
	{message: msgAllHosts, required: []id{idWebAuthenticationProxy}, optional: allHostsOptional},
	{hostList: true, required: []id{idHostReadWrite}},

	{message: msgNewTabPageOverride, required: []id{idNewTabPageOverride}},
	{message: msgGeolocation, required: []id{idGeolocation}},

	{message: msgHistoryWrite, required: []id{idHistory}, optional: historyOptional},
	{
		message: msgHistoryReadAllDevices, required: []id{idTab, idSessions},
		optional: []id{idDeclarativeNetRequestFeedback, idFavicon, idProcesses, idTopSites, idWebNavigation},
	},
	{
		message: msgHistoryRead, required: []id{idTab},
		optional: []id{idDeclarativeNetRequestFeedback, idFavicon, idProcesses, idTopSites, idWebNavigation},
	},
	{
		message: msgHistoryRead, required: []id{idProcesses},
		optional: []id{idDeclarativeNetRequestFeedback, idFavicon, idTopSites, idWebNavigation},
	},
	{
		message: msgHistoryRead, required: []id{idWebNavigation},
		optional: []id{idDeclarativeNetRequestFeedback, idFavicon, idTopSites},
	},
	{
		message: msgHistoryRead, required: []id{idDeclarativeNetRequestFeedback},
		optional: []id{idFavicon, idTopSites},
	},
	{message: msgFavicon, required: []id{idFavicon}},
	{message: msgTopSites, required: []id{idTopSites}},

	{message: msgDeclarativeWebRequest, required: []id{idDeclarativeWebRequest}},
	{message: msgDeclarativeNetRequest, required: []id{idDeclarativeNetRequest}},
	{message: msgNotifications, required: []id{idNotifications}},

	{message: msgAccessibilityReadMod, required: []id{idAccessibilityFeaturesModify, idAccessibilityFeaturesRead}},
	{message: msgAccessibilityModify, required: []id{idAccessibilityFeaturesModify}},
	{message: msgAccessibilityRead, required: []id{idAccessibilityFeaturesRead}},

	{message: msgBookmarks, required: []id{idBookmark}},
	{message: msgReadingList, required: []id{idReadingList}},
	{message: msgClipboardReadWrite, required: []id{idClipboardRead, idClipboardWrite}},
	{message: msgClipboard, required: []id{idClipboardRead}},
	{message: msgClipboardWrite, required: []id{idClipboardWrite}},
	{message: msgDesktopCapture, required: []id{idDesktopCapture}},
	{message: msgDownloads, required: []id{idDownloads}},
	{message: msgDownloadsOpen, required: []id{idDownloadsOpen}},
	{message: msgIdentityEmail, required: []id{idIdentityEmail}},
	{message: msgSystemStorage, required: []id{idSystemStorage}},
	{message: msgContentSettings, required: []id{idContentSettings}},
	{message: msgManagement, required: []id{idManagement}},
	{message: msgNativeMessaging, required: []id{idNativeMessaging}},
	{message: msgPrivacy, required: []id{idPrivacy}},
	{message: msgTabGroups, required: []id{idTabGroups}},
	{message: msgTTSEngine, required: []id{idTTSEngine}},
	{message: msgTransientBackground, required: []id{idTransientBackground}},
}
