// Package permwarn tells what Chrome's install prompt will ask a user about an
// extension: the permission warnings ("Read and change all your data on all
// websites", "Read and change your bookmarks", ...) in Chrome's words and
// order, with Chrome's merging of several permissions into one message.
//
// It is a port of Chromium's ChromePermissionMessageProvider
// (chrome/common/extensions/permissions/chrome_permission_message_provider.cc)
// with its rules as data:
//
//   - Each permission the manifest grants becomes one or more permission IDs
//     (permission.go), host patterns become one ID per distinct host, or the
//     single ID "all hosts" (host.go).
//   - The rules of chrome_permission_message_rules.cc are applied in order
//     (rule.go): a rule whose required IDs are all left makes one message and
//     takes its required and optional IDs away from later rules. That is how
//     "history" swallows "tabs" and "<all_urls>" swallows "tabs" and
//     "topSites".
//   - The messages are the English strings of Chromium's
//     generated_resources.grd (message.go).
//
// Only what an extension can be granted on desktop Chrome is kept: rules
// whose permissions only packaged apps, ChromeOS or component extensions get
// are left out. Chromium 156 (checked with chrome-verdict, see
// testdata/chromium156) answers the same for every recorded manifest.
//
// # Deviations from Chrome
//
//   - A permission the build does not offer (a dev-channel permission such as
//     "processes" on the stable channel) is dropped by Chrome before the
//     prompt; this package follows a Chromium build without a channel, which
//     offers it.
//   - Chrome shows an internationalised host in Unicode unless its spoof
//     checks (url_formatter::IDNToUnicode) keep it in punycode; this package
//     always converts a valid punycode label.
//   - The package does not decide whether Chrome refuses the manifest; run the
//     linter for that. Warnings of a manifest Chrome refuses are meaningless.
package permwarn
