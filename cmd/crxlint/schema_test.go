package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/schema"
)

func TestSchemaCommand(t *testing.T) {
	got := runCLI(t, "", env(), "schema")
	want, err := schema.EditorSchema()
	if err != nil {
		t.Fatal(err)
	}
	if got.code != exitClean || got.stderr != "" || got.stdout != string(want) {
		t.Fatalf("exit %d, stderr %q, stdout %d bytes; want exit 0, the editor schema (%d bytes) and no stderr", got.code, got.stderr, len(got.stdout), len(want))
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(got.stdout), &doc); err != nil {
		t.Fatalf("the output is not JSON: %v", err)
	}
	if doc["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema is %v", doc["$schema"])
	}
}

func TestSchemaExitCodes(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"help", []string{"schema", "--help"}, exitClean, "Usage: crxlint schema"},
		{"an argument", []string{"schema", "manifest.json"}, exitUsage, `unexpected argument "manifest.json"`},
		{"an unknown flag", []string{"schema", "--output", "x.json"}, exitUsage, "flag provided but not defined: -output"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := runCLI(t, "", env(), tc.args...)
			if got.code != tc.code || got.stdout != "" || !strings.Contains(got.stderr, tc.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and %q", got.code, got.stdout, got.stderr, tc.code, tc.stderr)
			}
		})
	}
	// A folder named schema is still linted when named as a path.
	dir := filepath.Join(t.TempDir(), "schema")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(clean), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Dir(dir))
	if got := runCLI(t, "", env(), "./schema"); got.code != exitClean || strings.HasPrefix(got.stdout, "{") {
		t.Errorf("crxlint ./schema: exit %d, stdout %q", got.code, got.stdout)
	}
}

// TestGoldenSchemaExcerpt shows what an editor gets for one key and one
// permission (testdata/schema-excerpt.golden; go test -update rewrites it).
func TestGoldenSchemaExcerpt(t *testing.T) {
	got := runCLI(t, "", env(), "schema")
	var doc struct {
		Properties map[string]json.RawMessage                   `json:"properties"`
		Defs       map[string]struct{ AnyOf []json.RawMessage } `json:"$defs"`
	}
	if err := json.Unmarshal([]byte(got.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	var excerpt bytes.Buffer
	excerpt.WriteString("properties.incognito:\n")
	if err := json.Indent(&excerpt, doc.Properties["incognito"], "", "  "); err != nil {
		t.Fatal(err)
	}
	excerpt.WriteString("\n\nthe permission \"storage\":\n")
	for _, choice := range doc.Defs["permission.documented"].AnyOf {
		if bytes.Contains(choice, []byte(`"const":"storage"`)) || bytes.Contains(choice, []byte(`"const": "storage"`)) {
			if err := json.Indent(&excerpt, choice, "", "  "); err != nil {
				t.Fatal(err)
			}
		}
	}
	excerpt.WriteString("\n")
	path := filepath.Join("testdata", "schema-excerpt.golden")
	if *update {
		if err := os.WriteFile(path, excerpt.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if excerpt.String() != string(want) {
		t.Errorf("the excerpt differs from %s (go test -update rewrites it):\n%s", path, excerpt.String())
	}
}
