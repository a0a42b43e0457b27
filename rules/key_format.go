package rules

import (
	"encoding/base64"
	"strings"

	"github.com/crxlint/crxlint/internal/chromemsg"

	"github.com/crxlint/crxlint/lint"
)

// KeyFormat reports a "key" that is not base64.
var KeyFormat = &lint.Rule{
	ID:       "key-format",
	Title:    "key is not a base64 public key",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "`key` pins an unpacked extension's ID to that of the published one. It is the extension's\n" +
		"public key in standard base64, on one line, with its `=` padding: the value Chrome shows as\n" +
		"\"public key\" when you pack the extension, or the Web Store's developer dashboard. Line breaks,\n" +
		"spaces, missing padding or the URL-safe alphabet make Chrome refuse the extension: \"Value\n" +
		"'key' is missing or invalid.\"",
	Run: runKeyFormat,
}

func runKeyFormat(pass *lint.Pass) error {
	n := pass.Root().Get("key")
	s, ok := n.Str()
	if !ok {
		return nil
	}
	// Go's decoder skips line breaks; Chrome's does not.
	if _, err := base64.StdEncoding.Strict().DecodeString(s); err == nil && s != "" && !strings.ContainsAny(s, "\r\n") {
		return nil
	}
	pass.ReportChrome(n, chromemsg.InvalidKey, "key is not one line of standard base64 with its padding; paste the public key exactly as Chrome or the Web Store shows it")
	return nil
}
