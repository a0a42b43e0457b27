package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionFrom(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "0f99f4b1a2b3c4d5e6f708192a3b4c5d6e7f8091"
	tests := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"go install ...@v1.2.3", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "v1.2.3"},
		{"go install ...@main", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202041219-0f99f4b1a2b3"}}, "v0.0.0-20261202041219-0f99f4b1a2b3"},
		{"built in a clean clone", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "false")}, "(devel) commit 0f99f4b1a2b3"},
		{"built in an edited clone", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "true")}, "(devel) commit 0f99f4b1a2b3, modified"},
		{"built without VCS information", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "(devel)"},
		{"no build information", nil, "(devel)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionFrom(tt.info); got != tt.want {
				t.Errorf("versionFrom = %q, want %q", got, tt.want)
			}
		})
	}
}
