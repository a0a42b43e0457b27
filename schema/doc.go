// Package schema holds crxlint's own JSON Schema (draft 2020-12) of a Chrome
// extension's manifest.json and turns its validation errors into violations
// that say what Chrome itself does: where the problem is, whether Chrome
// rejects the extension, loads it with a warning, or accepts it silently, and
// Chrome's own message.
//
// # Where the verdicts come from
//
// The schema, manifest.schema.json, is compiled at build time: go generate
// (internal/schemagen) writes compiled.go, a table of its subschemas with
// their $ref resolved and their annotations parsed, and [Validate] applies it
// with a small evaluator of the draft 2020-12 keywords the schema uses (the
// generator refuses any other), so a run compiles nothing. The tests validate
// the schema against the draft 2020-12 meta-schema and require the same
// violations as a general validator (github.com/santhosh-tekuri/jsonschema/v6)
// on every example, the shared corpus and a fuzz target. Chrome's behaviour
// is data in the schema, not code here: subschemas carry annotation keywords
// that validation ignores and [Validate] reads back from the subschema whose
// keyword failed.
//
//	x-chrome   "rejects" | "warns" | "accepts", or an object mapping a keyword
//	           ("type", "required", "additionalProperties", ...) to a verdict
//	x-message  Chrome's text as a template, or an object mapping a keyword to one
//	           (an x-message of the form "@name" is Chrome's message of that
//	           name in package chromemsg, which the rules quote too)
//	x-on-key   true when the member's key is at fault rather than its value;
//	           false on a propertyNames subschema points at the holder of the key
//	x-rule     the ID of the crxlint rule that reports the failures; absent:
//	           invalid-value for "rejects", unavailable-feature for "warns",
//	           platform-specific for "accepts"
//	x-source   absent: seen in a real Chromium 156; "spec": taken from
//	           chrome-rules.md or Chromium's source, not reproducible in
//	           Chromium 156 (MV2, stable channel only, another platform);
//	           "guess": Chrome's text is unknown and this is crxlint's wording in
//	           Chrome's style; "crxlint": Chrome is silent and the text is advice
//
// A string x-message claims every failure reported at its subschema, including
// those nested under its $ref, allOf, anyOf, oneOf or contains; an object claims
// only the keywords it names, and the walk goes on into the others. Failures
// under an unclaimed anyOf or oneOf are reported for the closest branch only.
//
// Template placeholders:
//
//	{key}    the last token of the failing value's location
//	{0} {1}  the tokens of that location, from the root
//	{#n}     the 1-based position of token n among its sibling keys in sorted
//	         order, the way Chrome numbers dictionary entries ('commands[1]')
//	{path}   Chrome's dotted path of the location: a.b[0].c
//	{value}  the failing value (a string as is, anything else as JSON)
//	{got}    Chrome's name for the value's type: dictionary, list, string,
//	         integer, double, boolean, null
//	{prop}   the missing, unknown or badly named property
//
// # Manifest versions
//
// Constraints that depend on manifest_version sit in if/then branches: one for
// version 3 and later, one for version 2, one for "not 3" (2, missing or
// malformed). A manifest whose manifest_version is missing or not an integer
// gets only the version-independent checks, so a broken manifest is not buried
// in follow-on findings. A key Chrome drops for the manifest version (browser_action
// in MV3, host_permissions in MV2) is reported on its key and its value is not
// checked further, because Chrome never looks at it.
//
// # Policy decisions
//
// Channel: crxlint targets the stable channel, so channel-gated keys and
// permissions warn as stable Chrome does.
//
// Platform: the schema knows no platform. Keys and permissions that work on
// some platforms only (chrome_settings_overrides on Windows and macOS,
// fileBrowserHandler and the other ChromeOS APIs) are known names here, and
// rules/platform_specific.go judges them by the platform crxlint is told;
// one that warns on every platform (private APIs, packaged-app APIs) gets
// "warns" with the text Chromium 156 prints on Linux.
//
// Out of scope: the format of version, manifest_version's exact value (3
// versus 3.0 or "3"), match patterns, CSP contents, file existence and the
// relations between keys that JSON Schema cannot express (a permission both
// required and optional) are checked by other crxlint rules.
package schema
