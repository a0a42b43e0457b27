package rules

import (
	"fmt"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/matchpattern"
)

// ExternallyConnectable reports what Chrome refuses or warns about in
// externally_connectable beyond the types of its values: match patterns it
// cannot parse, and accepts_tls_channel_id without matches.
var ExternallyConnectable = &lint.Rule{
	ID:       "externally-connectable",
	Title:    "externally_connectable has a value Chrome refuses or warns about",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "`externally_connectable.matches` lists the web pages that may send messages to the\n" +
		"extension, as match patterns such as `https://app.example.com/*`. A pattern Chrome\n" +
		"cannot parse stops the extension from loading. The usual mistakes are a missing path\n" +
		"(`https://example.com` needs `/*`), a missing scheme, a port with the `*` scheme\n" +
		"(`*://localhost:3000/*`; write `http://localhost:3000/*`) and `*` in the middle of a host.\n\n" +
		"`accepts_tls_channel_id` only applies to the pages in `matches`: without them Chrome warns\n" +
		"that it has no effect, whatever its value. TLS channel IDs are gone from Chrome anyway, so\n" +
		"the key can be removed.\n\n" +
		"Invalid `ids`, and an `externally_connectable` with neither `matches` nor `ids`, are\n" +
		"reported by the schema rule, as is `accepts_tls_channel_id: true` without `matches`.",
	Run: runExternallyConnectable,
}

const msgTLSChannelIDWithoutMatches = "'externally_connectable' specifies 'accepts_tls_channel_id' but not 'matches'; 'accepts_tls_channel_id' has no efect"

func runExternallyConnectable(pass *lint.Pass) error {
	ec := pass.Root().Get("externally_connectable")
	matches := ec.Get("matches")
	for _, n := range matches.Elems() {
		s, ok := n.Str()
		if !ok {
			continue
		}
		if _, r := parsePattern(s, matchpattern.ExternallyConnectableSchemes); r != matchpattern.Success {
			fault, remedy := patternFault(s, r, matchpattern.ExternallyConnectableSchemes, "")
			pass.Reportf(n, "match pattern %s %s; %s (Chrome: %q)", quote(s), fault, remedy,
				fmt.Sprintf("Invalid match pattern '%s' (%s)", s, r))
		}
	}
	// Chrome warns whenever accepts_tls_channel_id is given and matches is
	// missing or empty. The schema rule reports the value true; this is false.
	tls, _ := ec.Member("accepts_tls_channel_id")
	noMatches := matches == nil || matches.Kind() == manifest.Array && matches.Len() == 0
	if value, ok := tls.Value.Boolean(); ok && !value && noMatches {
		d := pass.AtKey(tls, "accepts_tls_channel_id has no effect without matches, even when false; remove it (Chrome: %q)", msgTLSChannelIDWithoutMatches)
		d.Severity, d.Chrome = lint.Warning, lint.Warns
		pass.Report(d)
	}
	return nil
}
