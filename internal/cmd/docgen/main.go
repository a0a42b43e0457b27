// Command docgen writes docs/rules from the rules and their examples. It is
// run by go generate in the rules package.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/crxlint/crxlint/internal/docgen"
	"github.com/crxlint/crxlint/rules"
)

func main() {
	out := flag.String("out", "docs/rules", "the folder to write")
	testdata := flag.String("testdata", "rules/testdata", "the rules' testdata folder")
	flag.Parse()
	if err := write(*out, *testdata); err != nil {
		fmt.Fprintln(os.Stderr, "docgen:", err)
		os.Exit(1)
	}
}

func write(out, testdata string) error {
	pages, err := docgen.Render(rules.All(), testdata)
	if err != nil {
		return err
	}
	entries, err := os.ReadDir(out)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	for _, e := range entries {
		if _, ok := pages[e.Name()]; !ok && filepath.Ext(e.Name()) == ".md" {
			if err := os.Remove(filepath.Join(out, e.Name())); err != nil {
				return err
			}
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil { //nolint:gosec // docs are public files of the repository
		return err
	}
	for name, page := range pages {
		if err := os.WriteFile(filepath.Join(out, name), page, 0o644); err != nil { //nolint:gosec // docs are public files of the repository
			return err
		}
	}
	return nil
}
