package rules

import (
	"fmt"

	"github.com/crxlint/crxlint/lint"
)

// msgImportAndExport is Chrome's error for a manifest that is a shared
// module and imports one (extensions/common/manifest_handlers/
// shared_module_info.cc).
const msgImportAndExport = "Simultaneous 'import' and 'export' are not allowed."

// sharedModuleFindings returns what Chrome refuses in a shared module's
// export and in the imports of shared modules: both keys at once, an
// allowlist entry or an import id that is not an extension ID, a
// minimum_version that is not a version (checked in Chromium 156: "01.2",
// "1..2", "4294967296" and "" are refused, "1.0.0.0.0" is not).
func sharedModuleFindings(pass *lint.Pass) []lint.Diagnostic {
	root := pass.Root()
	var out []lint.Diagnostic
	if m, ok := root.Member("import"); ok && root.Get("export") != nil {
		d := pass.AtKey(m, "a shared module cannot import another; remove import, or export")
		d.ChromeMessage = msgImportAndExport
		out = append(out, d)
	}
	for i, n := range root.Get("export").Get("allowlist").Elems() {
		if s, ok := n.Str(); ok && !isExtensionID(s) {
			d := pass.At(n, "%q is not an extension ID (32 letters from a to p), so Chrome refuses the module", s)
			d.ChromeMessage = fmt.Sprintf("Invalid value for 'export.allowlist[%d]'.", i)
			out = append(out, d)
		}
	}
	for i, imp := range root.Get("import").Elems() {
		if s, ok := imp.Get("id").Str(); ok && !isExtensionID(s) {
			d := pass.At(imp.Get("id"), "%q is not an extension ID (32 letters from a to p), so Chrome refuses the extension", s)
			d.ChromeMessage = fmt.Sprintf("Invalid value for 'import[%d].id'.", i)
			out = append(out, d)
		}
		if s, ok := imp.Get("minimum_version").Str(); ok {
			if _, valid := parseVersion(s); !valid {
				d := pass.At(imp.Get("minimum_version"), "%q is not a version (numbers between dots, as 1.2.3), so Chrome refuses the extension", s)
				d.ChromeMessage = fmt.Sprintf("Invalid value for 'import[%d].minimum_version'.", i)
				out = append(out, d)
			}
		}
	}
	return out
}
