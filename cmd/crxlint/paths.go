package main

import "github.com/crxlint/crxlint/runner"

// manifestPaths returns the manifests the paths on the command line stand
// for (standard input aside): each extension once, however many of its
// files are named. A file in no extension folder is read as a manifest,
// unless --only-extensions skips it.
func manifestPaths(cfg *options) []string {
	var named []string
	for _, p := range cfg.paths {
		if p != "-" {
			named = append(named, p)
		}
	}
	manifests, strays := runner.Manifests(named)
	if cfg.onlyExtensions {
		return manifests
	}
	return append(manifests, strays...)
}
