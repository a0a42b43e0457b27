package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// readYAML reads a YAML file as the JSON value it stands for.
func readYAML(t *testing.T, path string) any {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return jsonValue(t, v)
}

// jsonValue round-trips v through JSON, giving the types the schema
// validator expects.
func jsonValue(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestIntegrationFilesMatchTheirSchemas checks action.yml and
// .pre-commit-hooks.yaml against the schemas GitHub's and pre-commit's
// formats are described by (copies in testdata/schemas), and that each
// schema rejects a broken copy, so that the check can fail.
func TestIntegrationFilesMatchTheirSchemas(t *testing.T) {
	tests := []struct {
		file, schema string
		// breakIt damages a copy of the file in a way the schema forbids.
		breakIt func(v any)
	}{
		{"../../action.yml", "testdata/schemas/github-action.json", func(v any) {
			steps := v.(map[string]any)["runs"].(map[string]any)["steps"].([]any)
			delete(steps[len(steps)-1].(map[string]any), "shell")
		}},
		{"../../.pre-commit-hooks.yaml", "testdata/schemas/pre-commit-hooks.json", func(v any) {
			delete(v.([]any)[0].(map[string]any), "entry")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			schema, err := jsonschema.NewCompiler().Compile(tt.schema)
			if err != nil {
				t.Fatal(err)
			}
			v := readYAML(t, tt.file)
			if err := schema.Validate(v); err != nil {
				t.Errorf("%s does not match %s: %v", tt.file, tt.schema, err)
			}
			tt.breakIt(v)
			if schema.Validate(v) == nil {
				t.Errorf("%s accepts a broken %s", tt.schema, tt.file)
			}
		})
	}
}

// TestActionPassesInputsThroughEnv checks that no script of the action
// interpolates an input: a path such as "$(rm -rf ~)" must stay a path.
func TestActionPassesInputsThroughEnv(t *testing.T) {
	action := readYAML(t, "../../action.yml").(map[string]any)
	inputs := action["inputs"].(map[string]any)
	passed := map[string]bool{}
	for _, s := range action["runs"].(map[string]any)["steps"].([]any) {
		step := s.(map[string]any)
		if run, ok := step["run"].(string); ok && strings.Contains(run, "${{") {
			t.Errorf("a run script interpolates an expression, which can inject code: %q", run)
		}
		env, _ := step["env"].(map[string]any)
		for _, v := range env {
			for name := range inputs {
				if v == "${{ inputs."+name+" }}" {
					passed[name] = true
				}
			}
		}
	}
	for name := range inputs {
		if !passed[name] {
			t.Errorf("input %q never reaches the script through env:", name)
		}
	}
}
