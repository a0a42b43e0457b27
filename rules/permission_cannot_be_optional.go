package rules

import "github.com/crxlint/crxlint/lint"

// PermissionCannotBeOptional reports a schema violation: a permission that cannot be optional, which Chrome drops with a warning.
var PermissionCannotBeOptional = schemaRule(lint.Rule{
	ID:       idPermissionCannotBeOptional,
	Title:    "A permission that cannot be optional, which Chrome drops with a warning",
	Severity: lint.Warning,
	Chrome:   lint.Warns,
	Doc: `Some permissions, such as ` + "`debugger`" + `, ` + "`devtools`" + `, ` + "`proxy`" + ` or ` + "`unlimitedStorage`" + `, cannot be requested at
run time. Listed in ` + "`optional_permissions`" + `, Chrome warns "cannot be listed as optional" and omits them,
so the API is never available. Move the permission to ` + "`permissions`" + `.`,
})
