package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoTestingPackage checks that docgen, a program go generate runs, does
// not link the testing package (through rules/ruletest, say), whose flags
// and init have no place outside a test binary.
func TestNoTestingPackage(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	out, err := exec.Command(goTool, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "testing" {
			t.Error("docgen links the testing package")
		}
	}
}
