package rules

import (
	"github.com/crxlint/crxlint/lint"
)

// ExternallyConnectableIDs reports externally_connectable ids that let
// every other extension in.
var ExternallyConnectableIDs = &lint.Rule{
	ID:       "externally-connectable-ids",
	Title:    "externally_connectable lets every extension in",
	Category: lint.Security,
	Severity: lint.Warning,
	Chrome:   lint.Accepts,
	Doc: "Without an `externally_connectable` key, every other extension may message this one. With the\n" +
		"key, only the extensions its `ids` list may, and `\"ids\": [\"*\"]` lets every installed\n" +
		"extension in again, including malicious ones. List the IDs of the extensions that should\n" +
		"talk to yours.",
	Run: runExternallyConnectableIDs,
}

func runExternallyConnectableIDs(pass *lint.Pass) error {
	for _, n := range pass.Root().Get("externally_connectable").Get("ids").Elems() {
		if s, ok := n.Str(); ok && s == "*" {
			pass.Reportf(n, "\"*\" lets every installed extension message this one, malicious ones included; list the IDs of the extensions that should")
		}
	}
	return nil
}
