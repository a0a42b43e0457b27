package rules

import (
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// msgOpenSharedModule is Chrome's warning for an empty export.allowlist
// (extensions/common/manifest_handlers/shared_module_info.cc).
const msgOpenSharedModule = "Empty 'export.allowlist' implies any extension can import this module."

// OpenSharedModule reports a shared module whose allowlist is empty: any
// extension may import it.
var OpenSharedModule = &lint.Rule{
	ID:       "open-shared-module",
	Title:    "A shared module's empty allowlist lets any extension import it",
	Category: lint.Security,
	Severity: lint.Warning,
	Chrome:   lint.Warns,
	Doc: "A shared module (a manifest with `export`) shares its files with the extensions that import it.\n" +
		"`export.allowlist` names those extensions by ID; an empty list does not mean none, it means any:\n" +
		"Chrome warns \"" + msgOpenSharedModule + "\" Name the extensions that may import\n" +
		"the module, or remove `allowlist` if the module is meant for every extension, which Chrome takes\n" +
		"without a warning.",
	Run: runOpenSharedModule,
}

func runOpenSharedModule(pass *lint.Pass) error {
	if list := pass.Root().Get("export").Get("allowlist"); list != nil && list.Kind() == manifest.Array && list.Len() == 0 {
		pass.ReportChrome(list, msgOpenSharedModule, "an empty allowlist lets any extension import this module; name the extensions that may, by ID, or remove allowlist if every extension may")
	}
	return nil
}
