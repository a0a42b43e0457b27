package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/crxlint/crxlint/schema"
)

const schemaUsage = `Usage: crxlint schema > .vscode/manifest.schema.json

Prints the JSON Schema (draft 2020-12) of manifest.json for editors, such
as VS Code's json.schemas setting: completion and hover with a description
and a documentation link for every key and permission, and an error for
each value Chrome refuses to load. What Chrome only warns about (unknown
keys and permissions, keys of the other manifest version) is no schema
error: crxlint PATH and crxlint lsp report it.
`

// runSchema is the schema subcommand.
func runSchema(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("crxlint schema", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprint(stderr, schemaUsage)
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitUsage
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "crxlint schema: unexpected argument %q: the schema goes to standard output; redirect it to a file\n", flags.Arg(0))
		return exitUsage
	}
	b, err := schema.EditorSchema()
	if err != nil {
		fmt.Fprintf(stderr, "crxlint schema: %v\n", err)
		return exitIO
	}
	if _, err := stdout.Write(b); err != nil {
		fmt.Fprintf(stderr, "crxlint schema: %v\n", err)
		return exitIO
	}
	return exitClean
}
