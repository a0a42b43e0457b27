package main

import (
	"fmt"
	"runtime/debug"

	"github.com/crxlint/crxlint/publicsuffix"
	"github.com/crxlint/crxlint/rules"
	"github.com/crxlint/crxlint/schema"
)

// version is set at release time with -ldflags "-X main.version=v1.2.3".
var version = ""

// moduleVersion returns the version crxlint was built as.
func moduleVersion() string {
	if version != "" {
		return version
	}
	info, _ := debug.ReadBuildInfo()
	return versionFrom(info)
}

// versionFrom names a build: the module version when there is one (what
// "go install ...@v1.2.3" records, or the pseudo-version of a commit),
// else the commit of the work tree it was built in, else "(devel)".
func versionFrom(info *debug.BuildInfo) string {
	if info == nil {
		return "(devel)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var revision, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if revision == "" {
		return "(devel)"
	}
	v := "(devel) commit " + revision[:min(12, len(revision))]
	if modified == "true" {
		v += ", modified"
	}
	return v
}

func versionLine() string {
	return fmt.Sprintf("crxlint %s\nmanifest schema %s, checked against Chrome %d\npublic suffix list: %s",
		moduleVersion(), schema.Version(), rules.ChromeVersion, publicsuffix.ListRevision())
}
