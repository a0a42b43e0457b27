package schema

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/tools/txtar"

	"github.com/crxlint/crxlint/internal/testenv"
	"github.com/crxlint/crxlint/manifest"
)

// The reference: the embedded schema compiled by a general JSON Schema
// validator, github.com/santhosh-tekuri/jsonschema/v6, which crxlint used at
// run time before the schema was compiled at build time. The tests here
// require the two to report the same violations.

// schemaURL is the schema's $id. It is never fetched.
const schemaURL = "https://github.com/crxlint/crxlint/schema/manifest.schema.json"

// reference compiles the embedded schema once, validating it against the
// draft 2020-12 meta-schema on the way.
var reference = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.UseLoader(offline{})
	if err := c.AddResource(schemaURL, doc); err != nil {
		return nil, err
	}
	return c.Compile(schemaURL)
})

// offline refuses every load: the schema is self-contained.
type offline struct{}

func (offline) Load(url string) (any, error) {
	return nil, fmt.Errorf("refusing to load %q: the manifest schema is self-contained", url)
}

// TestSchemaIsValid validates the embedded schema against the JSON Schema
// draft 2020-12 meta-schema, which crxlint no longer does at run time.
func TestSchemaIsValid(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := doc.(map[string]any)["$schema"].(string); s != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %q, want draft 2020-12", s)
	}
	meta, err := jsonschema.NewCompiler().Compile("https://json-schema.org/draft/2020-12/schema")
	if err != nil {
		t.Fatal(err)
	}
	if err := meta.Validate(doc); err != nil {
		t.Errorf("manifest.schema.json is not a valid draft 2020-12 schema: %v", err)
	}
	if _, err := reference(); err != nil {
		t.Errorf("manifest.schema.json does not compile: %v", err)
	}
}

// referenceViolations validates doc with the reference validator.
func referenceViolations(tb testing.TB, doc any) []Violation {
	tb.Helper()
	sch, err := reference()
	if err != nil {
		tb.Fatal(err)
	}
	err = sch.Validate(doc)
	if err == nil {
		return nil
	}
	var verr *jsonschema.ValidationError
	if !errors.As(err, &verr) {
		tb.Fatalf("reference: %v", err)
	}
	return violations(doc, convert(tb, verr, nil))
}

// convert turns the reference's error tree into failures. parent is the
// location of the enclosing error: jsonschema v6.0.3 gives a propertyNames
// failure its validator's location slice without copying it, so later
// sibling validations overwrite its tokens; the schema reaches each
// propertyNames keyword through a $ref or allOf on the same object, so the
// enclosing error's location is the right one.
func convert(tb testing.TB, e *jsonschema.ValidationError, parent []string) *failure {
	tb.Helper()
	at, ok := nodeAt[schemaPointer(e.SchemaURL)]
	if !ok {
		tb.Fatalf("reference: no node for %s", e.SchemaURL)
	}
	f := &failure{at: at, loc: e.InstanceLocation}
	switch k := e.ErrorKind.(type) {
	case *kind.Schema, *kind.Group:
		f.kind = failGroup
	case *kind.FalseSchema:
		f.kind = failFalse
	case *kind.Type:
		f.kind = failType
	case *kind.Const:
		f.kind = failConst
	case *kind.Enum:
		f.kind = failEnum
	case *kind.Reference:
		f.kind = failRef
	case *kind.MinProperties:
		f.kind = failMinProperties
	case *kind.MaxProperties:
		f.kind = failMaxProperties
	case *kind.Required:
		f.kind, f.props = failRequired, k.Missing
	case *kind.AdditionalProperties:
		f.kind, f.props = failAdditionalProperties, k.Properties
	case *kind.PropertyNames:
		f.kind, f.name = failPropertyNames, k.Property
		if len(parent) == len(f.loc) {
			f.loc = parent
		}
	case *kind.MinItems:
		f.kind = failMinItems
	case *kind.Contains:
		f.kind = failContains
	case *kind.MinLength:
		f.kind = failMinLength
	case *kind.Pattern:
		f.kind = failPattern
	case *kind.Minimum:
		f.kind = failMinimum
	case *kind.Maximum:
		f.kind = failMaximum
	case *kind.Not:
		f.kind = failNot
	case *kind.AllOf:
		f.kind = failAllOf
	case *kind.AnyOf:
		f.kind = failAnyOf
	default:
		tb.Fatalf("reference: error kind %T, which the compiled schema cannot report", k)
	}
	for _, c := range e.Causes {
		f.causes = append(f.causes, convert(tb, c, f.loc))
	}
	return f
}

// nodeAt indexes the compiled nodes by their pointer.
var nodeAt = func() map[string]int32 {
	m := make(map[string]int32, len(nodes))
	for i := 1; i < len(nodes); i++ {
		m[nodes[i].ptr] = int32(i)
	}
	return m
}()

// schemaPointer returns the canonical JSON pointer of the fragment of a
// compiled schema's location (the library percent-encodes its tokens).
func schemaPointer(location string) string {
	_, frag, ok := strings.Cut(location, "#")
	if !ok || frag == "" {
		return ""
	}
	tokens := strings.Split(strings.TrimPrefix(frag, "/"), "/")
	for i, t := range tokens {
		if u, err := url.PathUnescape(t); err == nil {
			t = u
		}
		tokens[i] = unescapeToken(t)
	}
	return pointer(tokens)
}

// unescapeToken undoes the RFC 6901 escaping of one reference token.
func unescapeToken(t string) string {
	tokens, err := manifest.SplitPointer("/" + t)
	if err != nil || len(tokens) != 1 {
		return t
	}
	return tokens[0]
}

// sameAsReference fails the test when Validate and the reference disagree
// on doc; name says where doc comes from.
func sameAsReference(tb testing.TB, name string, doc any) {
	tb.Helper()
	got, err := Validate(doc)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	want := referenceViolations(tb, doc)
	if len(got) == len(want) {
		same := true
		for i := range got {
			same = same && got[i] == want[i]
		}
		if same {
			return
		}
	}
	tb.Errorf("%s: the compiled schema and the reference disagree\n compiled:\n%s reference:\n%s", name, formatFull(got), formatFull(want))
}

func formatFull(vs []Violation) string {
	var sb strings.Builder
	for _, x := range vs {
		fmt.Fprintf(&sb, "  %q onKey=%v %s [%s %s %s] %q\n", x.Pointer, x.OnKey, x.Chrome, x.Keyword, x.Rule, x.Source, x.Message)
	}
	return sb.String()
}

// parseManifest decodes a manifest as crxlint does, or returns false when
// it does not parse.
func parseManifest(src []byte) (any, bool) {
	d, err := manifest.Parse(src)
	if err != nil || d.Err() != nil || d.Root() == nil {
		return nil, false
	}
	return d.Root().Value(), true
}

// exampleManifests returns the manifests of the rules' examples and of the
// repository's test data, by name.
func exampleManifests(tb testing.TB) map[string][]byte {
	tb.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if !strings.Contains(filepath.ToSlash(path), "/testdata/") || d.IsDir() {
			return nil
		}
		switch {
		case strings.HasSuffix(path, ".txtar"):
			a, err := txtar.ParseFile(path)
			if err != nil {
				return err
			}
			for _, f := range a.Files {
				if f.Name == "manifest.json" {
					out[path] = f.Data
				}
			}
		case d.Name() == "manifest.json":
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			out[path] = data
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// TestSameAsReferenceOnExamples compares the two validators on every
// example manifest of the rules and the repository's test data.
func TestSameAsReferenceOnExamples(t *testing.T) {
	examples := exampleManifests(t)
	checked := 0
	for name, src := range examples {
		if doc, ok := parseManifest(src); ok {
			sameAsReference(t, name, doc)
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d example manifests parsed; want the rules' examples", checked)
	}
}

// TestSameAsReferenceOnCorpus compares the two validators on every JSON
// file of the shared corpus (manifests of published extensions, Chromium's
// test manifests).
func TestSameAsReferenceOnCorpus(t *testing.T) {
	dir := filepath.Join(testenv.Shared(t), "corpus")
	checked := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if doc, ok := parseManifest(src); ok {
			sameAsReference(t, path, doc)
			checked++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("no manifest in the corpus")
	}
	t.Logf("%d corpus files compared", checked)
}

// FuzzSameAsReference compares the two validators on any manifest.
func FuzzSameAsReference(f *testing.F) {
	for _, src := range exampleManifests(f) {
		f.Add(src)
	}
	f.Add([]byte(typicalMV3))
	f.Fuzz(func(t *testing.T, src []byte) {
		if doc, ok := parseManifest(src); ok {
			sameAsReference(t, "input", doc)
		}
	})
}
