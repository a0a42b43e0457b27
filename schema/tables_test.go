package schema

import (
	"bytes"
	"os"
	"testing"

	"github.com/crxlint/crxlint/internal/schemagen"
)

// TestTablesUpToDate checks that tables.go is what go generate writes from
// the embedded schema.
func TestTablesUpToDate(t *testing.T) {
	want, err := schemagen.Tables(schemaJSON)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("tables.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("tables.go is stale: run go generate ./schema")
	}
}

// TestTablesNeedNoCompile checks that Version, Keys and Permissions, which
// crxlint --version and the rules' suggestions call, never compile the schema.
func TestTablesNeedNoCompile(t *testing.T) {
	saved := load
	t.Cleanup(func() { load = saved })
	load = func() (*compiled, error) {
		t.Error("the schema was compiled")
		return saved()
	}
	if Version() == "" || len(Keys()) == 0 || len(Permissions()) == 0 {
		t.Errorf("Version() = %q, %d keys, %d permissions: want all three", Version(), len(Keys()), len(Permissions()))
	}
}
