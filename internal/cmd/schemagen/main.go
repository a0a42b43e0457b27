// Command schemagen writes schema/tables.go from schema/manifest.schema.json.
// It is run by go generate in the schema package.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/crxlint/crxlint/internal/schemagen"
)

func main() {
	in := flag.String("schema", "manifest.schema.json", "the schema to read")
	out := flag.String("out", "tables.go", "the Go file to write")
	flag.Parse()
	if err := write(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(1)
	}
}

func write(in, out string) error {
	src, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	tables, err := schemagen.Tables(src)
	if err != nil {
		return err
	}
	return os.WriteFile(out, tables, 0o644) //nolint:gosec // a source file of the repository
}
