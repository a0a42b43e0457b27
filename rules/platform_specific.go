package rules

import "github.com/crxlint/crxlint/lint"

// PlatformSpecific reports a schema violation: a key or permission that works on some platforms only.
var PlatformSpecific = schemaRule(lint.Rule{
	ID:       idPlatformSpecific,
	Title:    "A key or permission that works on some platforms only",
	Severity: lint.Info,
	Chrome:   lint.Accepts,
	Doc: `Some keys and permissions work on some platforms only, such as ` + "`chrome_settings_overrides`" + ` (Windows
and macOS) or ` + "`fileSystemProvider`" + ` (ChromeOS). Elsewhere Chrome warns and ignores them. This note
says where they work; keep them when you ship to those platforms.`,
})
