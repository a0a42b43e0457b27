package main

import (
	"fmt"
	"io"

	"github.com/crxlint/crxlint/output"
	"github.com/crxlint/crxlint/runner"
)

// manifestPaths returns the manifests the paths on the command line stand
// for (standard input aside): each extension once, however many of its
// files are named. A file in no extension folder is read as a manifest,
// unless --only-extensions skips it.
func manifestPaths(cfg *options, stderr io.Writer) []string {
	var named []string
	for _, p := range cfg.paths {
		switch {
		case p == "-":
		case cfg.recursive:
			found, complete := runner.FindExtensions(p)
			if !complete {
				fmt.Fprintf(stderr, "crxlint: %s: the search for extensions stopped early (an unreadable folder, or more than %d entries)\n", output.EscapeLine(p), runner.MaxFindVisits)
			}
			named = append(named, found...)
		default:
			named = append(named, p)
		}
	}
	manifests, strays := runner.Manifests(named) // each once
	if cfg.onlyExtensions {
		return manifests
	}
	return append(manifests, runner.Unique(strays)...)
}
