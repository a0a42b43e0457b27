package permwarn

// The messages of Chrome's install prompt that an extension can get, in
// Chromium 156's English (chrome/app/generated_resources.grd, the
// IDS_EXTENSION_PROMPT_WARNING_ message named in each comment). %s stands
// for the placeholders $1, $2 and $3.
const (
	msgAllHosts              = "Read and change all your data on all websites"                                                                                                               // ALL_HOSTS
	msg1Host                 = "Read and change your data on %s"                                                                                                                             // 1_HOST
	msg2Hosts                = "Read and change your data on %s and %s"                                                                                                                      // 2_HOSTS
	msg3Hosts                = "Read and change your data on %s, %s, and %s"                                                                                                                 // 3_HOSTS
	msgHostsList             = "Read and change your data on a number of websites"                                                                                                           // HOSTS_LIST
	msgHostAndSubdomain      = "all %s sites"                                                                                                                                                // HOST_AND_SUBDOMAIN
	msgAccessibilityModify   = "Change your accessibility settings"                                                                                                                          // ACCESSIBILITY_FEATURES_MODIFY
	msgAccessibilityRead     = "Read your accessibility settings"                                                                                                                            // ACCESSIBILITY_FEATURES_READ
	msgAccessibilityReadMod  = "Read and change your accessibility settings"                                                                                                                 // ACCESSIBILITY_FEATURES_READ_MODIFY
	msgBookmarks             = "Read and change your bookmarks"                                                                                                                              // BOOKMARKS
	msgClipboard             = "Read data you copy and paste"                                                                                                                                // CLIPBOARD
	msgClipboardReadWrite    = "Read and modify data you copy and paste"                                                                                                                     // CLIPBOARD_READWRITE
	msgClipboardWrite        = "Modify data you copy and paste"                                                                                                                              // CLIPBOARD_WRITE
	msgContentSettings       = "Change and grant access to features such as geolocation, microphone, camera, cookies, etc., for all your websites and extensions, including this extension." // CONTENT_SETTINGS
	msgDebugger              = "Access the page debugger backend"                                                                                                                            // DEBUGGER
	msgDeclarativeNetRequest = "Block content on any page"                                                                                                                                   // DECLARATIVE_NET_REQUEST
	msgDeclarativeWebRequest = "Block parts of web pages"                                                                                                                                    // DECLARATIVE_WEB_REQUEST
	msgDesktopCapture        = "Capture content of your screen"                                                                                                                              // DESKTOP_CAPTURE
	msgDownloads             = "Manage your downloads"                                                                                                                                       // DOWNLOADS
	msgDownloadsOpen         = "Open downloaded files"                                                                                                                                       // DOWNLOADS_OPEN
	msgFavicon               = "Read the icons of the websites you visit"                                                                                                                    // FAVICON
	msgGeolocation           = "Detect your physical location"                                                                                                                               // GEOLOCATION
	msgHistoryRead           = "Read your browsing history"                                                                                                                                  // HISTORY_READ
	msgHistoryReadAllDevices = "Read your browsing history on all your signed-in devices"                                                                                                    // HISTORY_READ_ON_ALL_DEVICES
	msgHistoryWrite          = "Read and change your browsing history on all your signed-in devices"                                                                                         // HISTORY_WRITE_ON_ALL_DEVICES
	msgIdentityEmail         = "Know your email address"                                                                                                                                     // IDENTITY_EMAIL
	msgManagement            = "Manage your apps, extensions, and themes"                                                                                                                    // MANAGEMENT
	msgNativeMessaging       = "Communicate with cooperating native applications"                                                                                                            // NATIVE_MESSAGING
	msgNewTabPageOverride    = "Replace the page you see when opening a new tab"                                                                                                             // NEW_TAB_PAGE_OVERRIDE
	msgNotifications         = "Display notifications"                                                                                                                                       // NOTIFICATIONS
	msgPrivacy               = "Change your privacy-related settings"                                                                                                                        // PRIVACY
	msgReadingList           = "Read and change entries in the reading list"                                                                                                                 // READING_LIST
	msgSystemStorage         = "Identify and eject storage devices"                                                                                                                          // SYSTEM_STORAGE
	msgTabGroups             = "View and manage your tab groups"                                                                                                                             // TAB_GROUPS
	msgTopSites              = "Read a list of your most frequently visited websites"                                                                                                        // TOPSITES
	msgTransientBackground   = "Run in the background when requested by a cooperating native application"                                                                                    // TRANSIENT_BACKGROUND
	msgTTSEngine             = "Read all text spoken using synthesized speech"                                                                                                               // TTS_ENGINE
)
