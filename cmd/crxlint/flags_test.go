package main

import (
	"strings"
	"testing"
)

func TestHelpGoesToStdout(t *testing.T) {
	for _, arg := range []string{"--help", "-h"} {
		got := runCLI(t, "", env(), arg)
		if got.code != exitClean || got.stderr != "" || !strings.HasPrefix(got.stdout, "Usage: crxlint") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want the usage on stdout and exit 0", arg, got.code, got.stdout, got.stderr)
		}
		for _, want := range []string{
			"\n  --only-extensions\n",
			"\n  --format format\n    \toutput format: github, json, sarif, text (default \"text\")\n",
			"report what it says;\n    \tthis runs", // a usage of two lines keeps its indent
			"\nExit codes: ",
		} {
			if !strings.Contains(got.stdout, want) {
				t.Errorf("%s: the usage lacks %q:\n%s", arg, want, got.stdout)
			}
		}
	}
}

func TestUnknownFlagNamesTheClosest(t *testing.T) {
	tests := []struct{ arg, want string }{
		{"--formt", "crxlint: unknown flag --formt; did you mean --format?\n"},
		{"--list-rule", "crxlint: unknown flag --list-rule; did you mean --list-rules?\n"},
		{"-sarf=x.sarif", "crxlint: unknown flag --sarf; did you mean --sarif?\n"},
		{"--zzzzzz", "crxlint: unknown flag --zzzzzz\n"},
	}
	for _, tt := range tests {
		got := runCLI(t, "", env(), tt.arg, cleanPath)
		if got.code != exitUsage || got.stdout != "" || !strings.HasPrefix(got.stderr, tt.want) || strings.Contains(got.stderr, "Usage:") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 2 and %q, without the usage", tt.arg, got.code, got.stdout, got.stderr, tt.want)
		}
	}
	if got := runCLI(t, "", env(), "--fail-on"); got.code != exitUsage || !strings.Contains(got.stderr, "flag needs an argument: -fail-on") {
		t.Errorf("a flag without its value: exit %d, stderr %q", got.code, got.stderr)
	}
}
