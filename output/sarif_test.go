package output

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/crxlint/crxlint/runner"
)

// sarifSchemaFile is a copy of OASIS's SARIF 2.1.0 schema.
const sarifSchemaFile = "testdata/sarif-2.1.0.json"

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(sarifSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(sarifSchemaFile, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(sarifSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	return schema
}

// TestSARIFIsValid checks the SARIF output against the SARIF 2.1.0 schema.
func TestSARIFIsValid(t *testing.T) {
	schema := compileSARIFSchema(t)
	for name, results := range map[string][]runner.Result{
		"findings and an unreadable file": fixture(t, fixtureManifest),
		"no input":                        nil,
	} {
		t.Run(name, func(t *testing.T) {
			log, err := jsonschema.UnmarshalJSON(bytes.NewReader(format(t, "sarif", results)))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(log); err != nil {
				t.Errorf("SARIF output does not match the schema: %v", err)
			}
			// The schema must be able to say no: a result without its message is invalid.
			log.(map[string]any)["runs"].([]any)[0].(map[string]any)["results"] = []any{map[string]any{"ruleId": "x"}}
			if schema.Validate(log) == nil {
				t.Error("the schema accepts a result without a message; is it the SARIF schema?")
			}
		})
	}
}

// TestSARIFFingerprints checks that a finding keeps its fingerprint when
// lines are added above it, and that findings with the same rule and
// pointer still get different ones.
func TestSARIFFingerprints(t *testing.T) {
	fingerprints := func(src string) []string {
		var log struct {
			Runs []struct {
				Results []struct {
					Message             struct{ Text string }
					PartialFingerprints map[string]string
				}
			}
		}
		if err := json.Unmarshal(format(t, "sarif", fixture(t, src)), &log); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range log.Runs[0].Results {
			out = append(out, r.Message.Text+" "+r.PartialFingerprints[fingerprintKey])
		}
		return out
	}
	before := fingerprints(fixtureManifest)
	after := fingerprints("\n\n// a comment\n" + fixtureManifest)
	seen := map[string]bool{}
	for i := range before {
		if before[i] != after[i] {
			t.Errorf("fingerprint changed when lines were added above:\n%s\n%s", before[i], after[i])
		}
		fp := before[i][len(before[i])-32:]
		if seen[fp] {
			t.Errorf("fingerprint %s given twice", fp)
		}
		seen[fp] = true
	}
}
