package schema

import (
	_ "embed"
	"slices"
)

// Verdict is what Chrome does with a problem.
type Verdict string

// Chrome's possible reactions to a manifest problem.
const (
	// Rejects: Chrome refuses to load the extension.
	Rejects Verdict = "rejects"
	// Warns: Chrome loads the extension with an install warning and usually
	// ignores the offending value.
	Warns Verdict = "warns"
	// Accepts: Chrome is silent; the finding is crxlint's own advice.
	Accepts Verdict = "accepts"
)

// Violation is one problem the schema found in a manifest.
type Violation struct {
	// Pointer is the RFC 6901 pointer to the offending value, or to the member
	// whose key is at fault when OnKey is set. A missing key is reported at the
	// object that should hold it.
	Pointer string
	// OnKey is true when the member's key itself is at fault (an unknown key, a
	// key unavailable for the manifest version), false when its value is.
	OnKey bool
	// Chrome is what Chrome does with the problem.
	Chrome Verdict
	// Message is Chrome's own text where it is known (see the x-source
	// annotations in the schema for the ones that are not).
	Message string
	// Source says where Message comes from: "" when it is Chrome's own
	// text, seen in a real Chromium; "spec" when it is Chrome's text taken
	// from its source; "guess" when it is crxlint's wording in Chrome's
	// style; "crxlint" when Chrome is silent and it is crxlint's advice.
	Source string
	// Rule is the ID of the crxlint rule that reports this kind of
	// problem (the x-rule annotation, or the verdict's default).
	Rule string
	// Keyword is the schema keyword that failed, for tests and debugging.
	Keyword string
}

// schemaJSON is the schema itself, for the tests and for tools: crxlint
// validates with the compiled form of it that go generate writes.
//
//go:embed manifest.schema.json
var schemaJSON []byte

// tables.go holds what Version, Keys and Permissions read out of the schema,
// and compiled.go the schema's subschemas as a table, so that they cost
// nothing at run time.
//go:generate go run ../internal/cmd/schemagen -schema manifest.schema.json -out tables.go -compiled compiled.go

// Keys returns the top-level manifest keys Chrome knows, sorted.
func Keys() []string { return slices.Clone(knownKeys) }

// Permissions returns every permission name Chrome registers for some kind
// of extension or app, aliases included, sorted.
func Permissions() []string { return slices.Clone(knownPermissions) }

// Version returns the schema's version (its x-version), shown by
// `crxlint --version`.
func Version() string { return schemaVersion }

// Validate checks a decoded manifest, as encoding/json decodes it with
// UseNumber (map[string]any, []any, json.Number, string, bool, nil; a
// float64 is accepted too), and returns its violations sorted by pointer,
// then message. The error is non-nil only when doc holds a value JSON
// cannot (another Go type, NaN, an infinity).
func Validate(doc any) ([]Violation, error) {
	if err := checkValues(doc); err != nil {
		return nil, err
	}
	return violations(doc, validateTree(doc)), nil
}

// validateTree applies the schema to doc and returns its failures.
func validateTree(doc any) *failure {
	var e evaluator
	return e.validate(1, doc)
}

// violations turns the failures of doc into violations.
func violations(doc any, f *failure) []Violation {
	if f == nil {
		return nil
	}
	w := walker{doc: doc}
	w.walk(f, nil)
	return w.result()
}
