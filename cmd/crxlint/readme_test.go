package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// sample is a ```text block of the README that starts with a command line.
var sample = regexp.MustCompile("(?s)```text\n\\$ crxlint ([^\n]*)\n(.*?)```")

// TestREADMESamples runs each command the README shows with its output, as
// "$ crxlint ARGS" at the top of a text block, from the repository's root,
// and checks that the README shows the whole output. Run with -update to
// rewrite the README's samples.
func TestREADMESamples(t *testing.T) {
	t.Chdir("../..")
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	matches := sample.FindAllSubmatchIndex(readme, -1)
	if len(matches) == 0 {
		t.Fatal("the README shows no sample output")
	}
	var updated []byte
	last := 0
	for _, m := range matches {
		args := strings.Fields(string(readme[m[2]:m[3]]))
		shown := string(readme[m[4]:m[5]])
		got := runCLI(t, "", env(), args...)
		if got.stdout != shown {
			t.Errorf("the README shows for crxlint %s:\n%s\nbut crxlint prints (go test -update rewrites the README):\n%s", strings.Join(args, " "), shown, got.stdout)
		}
		updated = append(append(updated, readme[last:m[4]]...), got.stdout...)
		last = m[5]
	}
	if *update {
		if err := os.WriteFile("README.md", append(updated, readme[last:]...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
