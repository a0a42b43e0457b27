package rules

import "github.com/crxlint/crxlint/lint"

// OptionalPermissionNotRequested notes APIs the code uses whose permission
// is optional while no script asks the user for it.
var OptionalPermissionNotRequested = &lint.Rule{
	ID:         idOptionalPermissionNotRequested,
	Title:      "The code uses an API whose permission is optional, and never requests it",
	Category:   lint.Correctness,
	Severity:   lint.Info,
	Chrome:     lint.Accepts,
	NeedsFiles: true,
	Doc: "An API whose permission is listed only in `optional_permissions` exists once the user has\n" +
		"granted it, after a call to `chrome.permissions.request`. When no script of the extension\n" +
		"makes that call, the API stays undefined unless the user grants the permission from\n" +
		"chrome://extensions. Request the permission before the call, or move it to `permissions`.",
	Run: reportShare(apiShortfalls),
}
