package rules

import "github.com/crxlint/crxlint/lint"

// ExternallyConnectableNoIDs notes an externally_connectable without ids,
// which shuts every other extension out.
var ExternallyConnectableNoIDs = &lint.Rule{
	ID:       "externally-connectable-no-ids",
	Title:    "externally_connectable shuts every other extension out",
	Category: lint.Security,
	Severity: lint.Info,
	Chrome:   lint.Accepts,
	Doc: "Without an `externally_connectable` key, every other extension may message this one. With the\n" +
		"key, only the extensions its `ids` list may: a key with `matches` and no `ids`, which authors\n" +
		"often add only to let their web pages in, cuts off every other extension. List the IDs of the\n" +
		"extensions that should talk to yours, or ignore this when none should.",
	Run: runExternallyConnectableNoIDs,
}

func runExternallyConnectableNoIDs(pass *lint.Pass) error {
	m, ok := pass.Root().Member("externally_connectable")
	if !ok || m.Value.Get("ids") != nil || m.Value.Get("matches") == nil {
		return nil // with neither matches nor ids, Chrome warns itself
	}
	pass.ReportKeyf(m, "externally_connectable has no ids, so no other extension can message this one; add \"ids\" with the extensions that should, or ignore this if none should")
	return nil
}
