package schema

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
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

// schemaURL is the schema's $id. It is never fetched.
const schemaURL = "https://github.com/crxlint/crxlint/schema/manifest.schema.json"

//go:embed manifest.schema.json
var schemaJSON []byte

// tables.go holds what Version, Keys and Permissions read out of the schema,
// so that they cost nothing at run time.
//go:generate go run ../internal/cmd/schemagen -schema manifest.schema.json -out tables.go

// compiled is the schema compiled once, with the annotations Validate reads
// back, indexed by the canonical JSON pointer of their subschema.
type compiled struct {
	schema *jsonschema.Schema
	notes  map[string]*annotation
}

// load compiles the embedded schema on first use.
var load = sync.OnceValues(compile)

// compile parses and compiles the embedded schema and indexes its annotations.
func compile() (*compiled, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, fmt.Errorf("schema: parse manifest.schema.json: %w", err)
	}
	root, ok := doc.(map[string]any)
	if !ok {
		return nil, errors.New("schema: manifest.schema.json is not an object")
	}
	notes, err := collectAnnotations(root)
	if err != nil {
		return nil, err
	}

	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.UseLoader(offline{})
	if err := c.AddResource(schemaURL, doc); err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	sch, err := c.Compile(schemaURL)
	if err != nil {
		return nil, fmt.Errorf("schema: compile manifest.schema.json: %w", err)
	}
	return &compiled{schema: sch, notes: notes}, nil
}

// Keys returns the top-level manifest keys Chrome knows, sorted.
func Keys() []string { return slices.Clone(knownKeys) }

// Permissions returns every permission name Chrome registers for some kind
// of extension or app, aliases included, sorted.
func Permissions() []string { return slices.Clone(knownPermissions) }

// offline refuses every load: the schema is self-contained, and linting must
// never touch the network or the file system.
type offline struct{}

func (offline) Load(url string) (any, error) {
	return nil, fmt.Errorf("schema: refusing to load %q: the manifest schema is self-contained", url)
}

// Version returns the schema's version (its x-version), shown by
// `crxlint --version`.
func Version() string { return schemaVersion }

// Validate checks a decoded manifest, as produced by jsonschema.UnmarshalJSON
// (map[string]any, []any, json.Number, string, bool, nil), and returns its
// violations sorted by pointer, then message. The error is non-nil only when
// the schema itself is broken.
func Validate(doc any) ([]Violation, error) {
	c, err := load()
	if err != nil {
		return nil, err
	}
	err = c.schema.Validate(doc)
	if err == nil {
		return nil, nil
	}
	var verr *jsonschema.ValidationError
	if !errors.As(err, &verr) {
		return nil, fmt.Errorf("schema: validate: %w", err)
	}
	w := walker{doc: doc, notes: c.notes}
	w.walk(verr, nil, nil)
	return w.result(), nil
}
