// Command schemagen writes schema/tables.go and schema/compiled.go from
// schema/manifest.schema.json. It is run by go generate in the schema
// package.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/crxlint/crxlint/internal/schemagen"
)

func main() {
	in := flag.String("schema", "manifest.schema.json", "the schema to read")
	out := flag.String("out", "tables.go", "the Go file of the tables to write")
	compiled := flag.String("compiled", "compiled.go", "the Go file of the compiled schema to write")
	flag.Parse()
	if err := write(*in, *out, *compiled); err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(1)
	}
}

func write(in, tablesOut, compiledOut string) error {
	src, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	tables, err := schemagen.Tables(src)
	if err != nil {
		return err
	}
	compiled, err := schemagen.Compiled(src)
	if err != nil {
		return err
	}
	if err := os.WriteFile(tablesOut, tables, 0o644); err != nil { //nolint:gosec // a source file of the repository
		return err
	}
	return os.WriteFile(compiledOut, compiled, 0o644) //nolint:gosec // a source file of the repository
}
