package rules

import "github.com/crxlint/crxlint/lint"

// TLSChannelID reports externally_connectable.accepts_tls_channel_id,
// which has done nothing since Chrome removed TLS Channel ID.
var TLSChannelID = &lint.Rule{
	ID:       "tls-channel-id",
	Title:    "accepts_tls_channel_id has no effect",
	Category: lint.Style,
	Severity: lint.Warning,
	Chrome:   lint.Accepts,
	Doc: "`externally_connectable.accepts_tls_channel_id` asked Chrome to pass the TLS Channel ID of the\n" +
		"connecting page to the extension. Chrome removed TLS Channel ID from its network stack; the key\n" +
		"is still parsed but the sender never carries a channel ID, so code that relies on it gets\n" +
		"nothing. Remove the key.",
	Run: runTLSChannelID,
}

func runTLSChannelID(pass *lint.Pass) error {
	if m, ok := pass.Root().Get("externally_connectable").Member("accepts_tls_channel_id"); ok {
		pass.ReportKeyf(m, "accepts_tls_channel_id has no effect since Chrome removed TLS Channel ID: sender.tlsChannelId is never set; remove the key")
	}
	return nil
}
