package rules

import "github.com/crxlint/crxlint/lint"

// GuardedAPIWithoutPermission notes code that tests for an API before using
// it, when the manifest does not ask for the API: the code is sound, and
// never runs.
var GuardedAPIWithoutPermission = &lint.Rule{
	ID:         idGuardedAPIWithoutPermission,
	Title:      "Code that tests for an API the manifest does not ask for never runs",
	Category:   lint.Correctness,
	Severity:   lint.Info,
	Chrome:     lint.Accepts,
	NeedsFiles: true,
	Doc: "Testing for an API before using it is the documented way to use an optional one:\n" +
		"`if (chrome.scripting) { ... }`, `typeof chrome.sidePanel !== \"undefined\"`,\n" +
		"`if (!chrome.offscreen) return;`, `const ok = !!chrome.x; if (ok) ...`, or optional chaining as\n" +
		"in `chrome.offscreen?.createDocument(...)`. Such code does not fail without the permission, so\n" +
		"it is not missing-api-permission's error; but when the manifest never asks for the permission\n" +
		"(not even in `optional_permissions`), the test always fails and the code behind it never runs.\n" +
		"That is fine when the code is shared with a build that has the permission; otherwise add the\n" +
		"permission, or remove the dead branch.\n\n" +
		"A test must reach the object the permission creates: `if (chrome.runtime)` does not guard\n" +
		"`chrome.runtime.connectNative`, and no test guards a call Chrome refuses at run time, such as\n" +
		"`chrome.downloads.open` without `downloads.open`.",
	Run: reportShare(apiShortfalls),
}
