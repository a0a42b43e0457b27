package rules

import (
	"slices"
	"strings"

	"github.com/crxlint/crxlint/apiperm"
	"github.com/crxlint/crxlint/extension"
	"github.com/crxlint/crxlint/jsscan"
	"github.com/crxlint/crxlint/lint"
)

// UnusedPermission reports a permission whose API no script references.
var UnusedPermission = &lint.Rule{
	ID:         "unused-permission",
	Title:      "A permission's API is never used",
	Category:   lint.StorePolicy,
	Severity:   lint.Warning,
	Chrome:     lint.Accepts,
	NeedsFiles: true,
	Doc: "The Chrome Web Store rejects extensions that ask for more permissions than they use, and every\n" +
		"permission widens what a compromised extension can do. crxlint reports a permission in\n" +
		"`permissions` whose API no script references: not the service worker, the pages, the content\n" +
		"scripts, nor any other .js file of the extension. Aliases and destructuring count as\n" +
		"references; comments and strings do not. Remove the permission, or move it to\n" +
		"`optional_permissions` and request it when a feature needs it.\n\n" +
		"Only permissions with an API of their own are judged: never `activeTab`, `background`,\n" +
		"`unlimitedStorage`, `clipboardRead`, `clipboardWrite`, `geolocation` and the like, nor\n" +
		"`notifications`, which grants the web Notification API too. `declarativeNetRequest` is used\n" +
		"by `declarative_net_request` rulesets, `sidePanel` by a `side_panel` page, and `tabs` by any\n" +
		"use of `chrome.tabs`, `chrome.windows` or `chrome.sessions`, by an event that hands out a\n" +
		"tab, and by a message listener that reads its sender (`sender.tab.url` needs it).\n\n" +
		"The rule stays silent when it cannot see all the code, since the use could hide there: when\n" +
		"a script the manifest, a page or a module loads is missing (a build writes it), when the\n" +
		"folder holds TypeScript or other sources a build compiles, and when a script does not parse;\n" +
		"code-not-seen then says why, once. It is silent too when the extension has no JavaScript at\n" +
		"all. A reference to an object on the way to an API, such as `chrome.runtime` passed to a\n" +
		"function, counts as a use of `chrome.runtime.connectNative`.\n" +
		"Code that reaches an API through a computed name (`chrome[name]`) is not seen.",
	Run: runUnusedPermission,
}

func runUnusedPermission(pass *lint.Pass) error {
	root := pass.Root()
	judged := judgedPermissions(root)
	if len(judged) == 0 || codeGap(pass) != "" {
		return nil // code-not-seen says why
	}
	src := extensionCode(pass)
	for _, n := range judged {
		name, _ := n.Str()
		usage, _ := apiperm.UsesOf(apiperm.Canonical(name))
		if referenced(src, usage.APIs) || usage.Senders && readsSender(src) {
			continue
		}
		var names []string
		for _, api := range usage.APIs {
			names = append(names, "chrome."+api)
		}
		list := joinWords(names, "or")
		if len(names) > maxPlaces {
			list = strings.Join(names[:maxPlaces], ", ") + " or the like"
		}
		d := pass.At(n, "permission %s is never used: no script references %s; remove it, since the Chrome Web Store rejects extensions that ask for more than they use", quote(name), list)
		d.Fixes = []lint.Fix{{Message: "remove " + quote(name), Edits: []lint.Edit{removeEdit(pass.Manifest.Source(), n.Span())}}}
		pass.Report(d)
	}
	return nil
}

// readsSender reports whether a message or connection listener may read
// who sent the message, as sender.tab.url.
func readsSender(src *extension.Sources) bool {
	return slices.ContainsFunc(src.Scripts, func(s *extension.Script) bool {
		return slices.ContainsFunc(s.Scan.Listeners, func(l jsscan.Listener) bool { return l.Sender != jsscan.SenderIgnored })
	})
}

// referenced reports whether any script references one of the API paths,
// a member of one, or an object on the way to one: `const rt = chrome.runtime`
// may reach chrome.runtime.connectNative through a name the scanner does not
// follow.
func referenced(src *extension.Sources, apis []string) bool {
	paths := make([][]string, len(apis))
	for i, api := range apis {
		paths[i] = strings.Split(api, ".")
	}
	for _, s := range src.Scripts {
		for i := range s.Scan.Uses {
			chain := s.Scan.Uses[i].Chain
			for _, path := range paths {
				n := min(len(path), len(chain))
				if slices.Equal(chain[:n], path[:n]) {
					return true
				}
			}
		}
	}
	return false
}
