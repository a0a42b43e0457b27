package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/crxlint/crxlint/internal/suggest"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/schema"
)

// Schema checks the manifest against crxlint's JSON Schema of manifest.json:
// the type of every key's value, the keys Chrome knows, and which keys and
// permissions each manifest version and the stable channel allow. The
// schema carries Chrome's verdict and message for each constraint.
var Schema = &lint.Rule{
	ID:       "schema",
	Title:    "A key, value or permission Chrome does not accept",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: `crxlint checks every manifest against its own JSON Schema of manifest.json, written from
Chromium's source and checked against a real Chromium. Each problem says what Chrome does:

- a value of the wrong type, or a required key that is missing, stops the load, with
  Chrome's own message;
- a key Chrome does not know ("Unrecognized manifest key 'k'."), an unknown permission
  ("Permission 'k' is unknown."), and a key or permission the manifest version or the
  stable channel does not allow load with a warning, and Chrome ignores them; crxlint
  suggests the name you probably meant;
- a key or permission that works only on some platforms is noted as info.

` + "`browser_specific_settings`" + ` and ` + "`$schema`" + ` are allowed, as Chrome allows them, so one manifest
can serve Firefox too.`,
	Run: runSchema,
}

var schemaVerdicts = map[schema.Verdict]struct {
	severity lint.Severity
	chrome   lint.Chrome
}{
	schema.Rejects: {lint.Error, lint.Rejects},
	schema.Warns:   {lint.Warning, lint.Warns},
	schema.Accepts: {lint.Info, lint.Accepts},
}

// otherBrowserNames explains keys and permissions of other browsers that a
// manifest shared with them often holds: what Chrome calls the same thing,
// or that Chrome has none.
var otherBrowserNames = map[string]string{
	// keys
	"applications":          `Firefox's old name for "browser_specific_settings", which Chrome allows`,
	"sidebar_action":        `Firefox's sidebar; Chrome's is "side_panel", with the sidePanel permission`,
	"developer":             "a Firefox and Opera key Chrome does not have",
	"minimum_opera_version": "an Opera key Chrome does not have",
	"theme_experiment":      "a Firefox key Chrome does not have",
	"user_scripts":          `Firefox's key; Chrome's userScripts API needs the "userScripts" permission`,
	// permissions
	"menus":                 `Firefox's name for "contextMenus"`,
	"menus.overrideContext": "a Firefox permission Chrome does not have",
	"contextualIdentities":  "a Firefox permission Chrome does not have",
	"browserSettings":       "a Firefox permission Chrome does not have",
	"captivePortal":         "a Firefox permission Chrome does not have",
	"find":                  "a Firefox permission Chrome does not have",
	"pkcs11":                "a Firefox permission Chrome does not have",
	"tabHide":               "a Firefox permission Chrome does not have",
	"theme":                 "a Firefox permission Chrome does not have",
}

// permissionItem addresses an entry of a permissions list.
var permissionItem = regexp.MustCompile(`^/(optional_)?permissions/[0-9]+$`)

func runSchema(pass *lint.Pass) error {
	violations, err := schema.Validate(pass.Root().Value())
	if err != nil {
		return err
	}
	for _, v := range violations {
		d := pass.AtPointer(v.Pointer, v.OnKey, "%s", schemaMessage(pass, v))
		if n, _, err := pass.Manifest.Lookup(v.Pointer); err == nil && v.Keyword == "required" && n.Kind() == manifest.Object {
			d.Range = openingBrace(pass.Manifest, n) // the key is missing: show where the object starts
		}
		s := schemaVerdicts[v.Chrome]
		d.Severity, d.Chrome = s.severity, s.chrome
		pass.Report(d)
	}
	return nil
}

// schemaMessage puts crxlint's advice before Chrome's text where crxlint
// knows better: what an unknown name was probably meant to be, and where a
// host pattern belongs.
func schemaMessage(pass *lint.Pass, v schema.Violation) string {
	switch {
	case v.OnKey && v.Keyword == "additionalProperties" && strings.Count(v.Pointer, "/") == 1:
		tokens, err := manifest.SplitPointer(v.Pointer)
		if err != nil {
			break
		}
		name := tokens[0]
		if other, ok := otherBrowserNames[name]; ok {
			return fmt.Sprintf("unknown key %q: %s; Chrome ignores it (Chrome: %q)", name, other, v.Message)
		}
		if best := suggest.Closest(name, schema.Keys()); best != "" {
			return fmt.Sprintf("unknown key %q: did you mean %q? Chrome ignores it (Chrome: %q)", name, best, v.Message)
		}
	case v.Chrome == schema.Warns && permissionItem.MatchString(v.Pointer) && strings.HasSuffix(v.Message, "is unknown."):
		n, _, err := pass.Manifest.Lookup(v.Pointer)
		if err != nil {
			break
		}
		name, _ := n.Str()
		if strings.Contains(name, "://") || name == "<all_urls>" {
			return fmt.Sprintf("%q is a host pattern: in manifest version 3 it belongs in host_permissions, and Chrome ignores it here (Chrome: %q)", name, v.Message)
		}
		if other, ok := otherBrowserNames[name]; ok {
			return fmt.Sprintf("unknown permission %q: %s; Chrome ignores it (Chrome: %q)", name, other, v.Message)
		}
		if best := suggest.Closest(name, schema.Permissions()); best != "" {
			return fmt.Sprintf("unknown permission %q: did you mean %q? Chrome ignores it (Chrome: %q)", name, best, v.Message)
		}
	}
	return v.Message
}
