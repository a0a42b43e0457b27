package rules

import "github.com/crxlint/crxlint/lint"

// UnknownPermission reports a schema violation: a permission Chrome does not know, which it ignores with a warning.
var UnknownPermission = schemaRule(lint.Rule{
	ID:       idUnknownPermission,
	Title:    "A permission Chrome does not know, which it ignores with a warning",
	Severity: lint.Warning,
	Chrome:   lint.Warns,
	Doc: `Chrome warns "Permission 'x' is unknown." and ignores a permission it does not know: the API it was
meant to unlock stays unavailable. crxlint suggests the permission you probably meant, names Chrome's
permission for a Firefox one (` + "`menus`" + ` is ` + "`contextMenus`" + `), and says when the entry is a host pattern,
which belongs in ` + "`host_permissions`" + ` in manifest version 3.`,
})
