package rules

import (
	"github.com/crxlint/crxlint/lint"
)

// ExternallyConnectableIDs reports who externally_connectable lets in
// among other extensions: all of them (ids "*"), or none (no ids).
var ExternallyConnectableIDs = &lint.Rule{
	ID:       "externally-connectable-ids",
	Title:    "externally_connectable lets every extension in, or shuts all of them out",
	Category: lint.Security,
	Severity: lint.Warning,
	Chrome:   lint.Accepts,
	Doc: "Without an `externally_connectable` key, every other extension may message this one. With the\n" +
		"key, only the extensions its `ids` list may, and `\"ids\": [\"*\"]` lets every installed\n" +
		"extension in again, including malicious ones. crxlint warns about `\"*\"` and, as info, about a\n" +
		"key with no `ids` at all, which often surprises authors who only meant to add web pages: it\n" +
		"cuts off every other extension. List the IDs of the extensions that should talk to yours.",
	Run: runExternallyConnectableIDs,
}

func runExternallyConnectableIDs(pass *lint.Pass) error {
	m, ok := pass.Root().Member("externally_connectable")
	if !ok {
		return nil
	}
	ids := m.Value.Get("ids")
	if ids == nil {
		d := pass.AtKey(m, "externally_connectable has no ids, so no other extension can message this one; add \"ids\" with the extensions that should, or ignore this if none should")
		d.Severity = lint.Info
		pass.Report(d)
		return nil
	}
	for _, n := range ids.Elems() {
		if s, ok := n.Str(); ok && s == "*" {
			pass.Reportf(n, "\"*\" lets every installed extension message this one, malicious ones included; list the IDs of the extensions that should")
		}
	}
	return nil
}
