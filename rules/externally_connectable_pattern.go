package rules

import (
	"fmt"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/matchpattern"
)

// ExternallyConnectablePattern reports externally_connectable match
// patterns Chrome cannot parse.
var ExternallyConnectablePattern = &lint.Rule{
	ID:       "externally-connectable-pattern",
	Aliases:  []string{"externally-connectable"},
	Title:    "An externally_connectable match pattern Chrome cannot parse",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "`externally_connectable.matches` lists the web pages that may send messages to the\n" +
		"extension, as match patterns such as `https://app.example.com/*`. A pattern Chrome\n" +
		"cannot parse stops the extension from loading. The usual mistakes are a missing path\n" +
		"(`https://example.com` needs `/*`), a missing scheme, a port with the `*` scheme\n" +
		"(`*://localhost:3000/*`; write `http://localhost:3000/*`) and `*` in the middle of a host.",
	Run: runExternallyConnectablePattern,
}

func runExternallyConnectablePattern(pass *lint.Pass) error {
	for _, n := range pass.Root().Get("externally_connectable").Get("matches").Elems() {
		s, ok := n.Str()
		if !ok {
			continue
		}
		if _, r := parsePattern(s, matchpattern.ExternallyConnectableSchemes); r != matchpattern.Success {
			a := patternFault(s, r, matchpattern.ExternallyConnectableSchemes, "")
			d := pass.At(n, "match pattern %s %s; %s", quote(s), a.fault, a.remedy).WithChrome(fmt.Sprintf("Invalid match pattern '%s' (%s)", s, r))
			pass.Report(a.withFixes(d, n))
		}
	}
	return nil
}
