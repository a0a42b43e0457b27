package schema

import (
	"bytes"
	"os"
	"testing"

	"github.com/crxlint/crxlint/internal/schemagen"
)

// TestGeneratedUpToDate checks that tables.go and compiled.go are what go
// generate writes from the embedded schema.
func TestGeneratedUpToDate(t *testing.T) {
	for _, g := range []struct {
		file string
		gen  func([]byte) ([]byte, error)
	}{{"tables.go", schemagen.Tables}, {"compiled.go", schemagen.Compiled}} {
		want, err := g.gen(schemaJSON)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(g.file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate ./schema", g.file)
		}
	}
}

// TestTables checks that Version, Keys and Permissions, which crxlint
// --version and the rules' suggestions call, give the schema's data.
func TestTables(t *testing.T) {
	if Version() == "" || len(Keys()) == 0 || len(Permissions()) == 0 {
		t.Errorf("Version() = %q, %d keys, %d permissions: want all three", Version(), len(Keys()), len(Permissions()))
	}
}
