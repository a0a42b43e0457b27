package rules

import (
	"strings"

	"github.com/crxlint/crxlint/jsscan"
	"github.com/crxlint/crxlint/lint"
)

// ExternalListenerSender tells about listeners for messages from outside
// the extension that never look at who sent them.
var ExternalListenerSender = &lint.Rule{
	ID:         "external-listener-sender",
	Title:      "A listener for external messages never checks the sender",
	Category:   lint.Security,
	Severity:   lint.Info,
	Chrome:     lint.Accepts,
	NeedsFiles: true,
	Doc: "`runtime.onMessageExternal` and `runtime.onConnectExternal` receive messages from outside\n" +
		"the extension: from every other installed extension when the manifest has no\n" +
		"`externally_connectable`, or from the pages its `matches` cover and the extensions its `ids`\n" +
		"list. A listener that acts on a message without looking at `sender.origin` or `sender.id`\n" +
		"(the second parameter of an `onMessageExternal` listener, `port.sender` in an\n" +
		"`onConnectExternal` one) does whatever any of them asks, including a page with an injected\n" +
		"script or a malicious extension. Check the sender first:\n\n" +
		"```js\n" +
		"chrome.runtime.onMessageExternal.addListener((message, sender, sendResponse) => {\n" +
		"  if (sender.origin !== \"https://app.example.com\") return;\n" +
		"  // ...\n" +
		"});\n" +
		"```\n\n" +
		"crxlint follows listeners written in the call, and functions of the same file passed by\n" +
		"name. A listener that passes its arguments or its port on, or reads `arguments`, may check\n" +
		"the sender out of sight and is not reported; neither is a handler imported from elsewhere.\n" +
		"`extension.onRequestExternal`, the old name, is checked too. The finding is an info: a\n" +
		"listener that only answers harmless questions, such as the extension's version, needs no\n" +
		"check.",
	Run: runExternalListenerSender,
}

func runExternalListenerSender(pass *lint.Pass) error {
	root := pass.Root()
	ec, declared := root.Member("externally_connectable")
	who := "every other installed extension"
	if declared {
		ids, matches := ec.Value.Get("ids").Len() > 0, ec.Value.Get("matches").Len() > 0
		switch {
		case !ids && !matches:
			return nil // nothing can connect, as ignored-value says
		case !ids:
			who = "every page externally_connectable matches"
		case !matches:
			who = "every extension externally_connectable lists"
		default:
			who = "every page and extension externally_connectable lets in"
		}
	}
	for _, s := range extensionCode(pass).Scripts {
		for _, l := range s.Scan.Listeners {
			if !l.External() || l.Sender != jsscan.SenderIgnored {
				continue
			}
			sender := "its sender (the second parameter)"
			if l.Connect {
				sender = "port.sender"
			}
			format := "%s listener at %s never reads %s, so %s can use it unchecked; check sender.origin or sender.id first"
			args := []any{strings.Join(l.Event, "."), jsPos(s, l.Range), sender, who}
			if declared {
				pass.ReportKeyf(ec, format, args...)
			} else {
				pass.Report(withCode(pass, atScript(pass, s, format, args...), s, l.Range, "the listener"))
			}
		}
	}
	return nil
}
