package rules

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf16"

	"github.com/crxlint/crxlint/extension"
	"github.com/crxlint/crxlint/jsscan"
	"github.com/crxlint/crxlint/lint"
)

// RuntimeLiteralMisuse reports runtime API calls that fail every time, as
// their literal arguments or the manifest show.
var RuntimeLiteralMisuse = &lint.Rule{
	ID:         "runtime-literal-misuse",
	Title:      "A runtime API call fails every time, as its literal arguments or the manifest show",
	Category:   lint.Correctness,
	Severity:   lint.Error,
	Chrome:     lint.Accepts,
	NeedsFiles: true,
	Doc: "Chrome loads the extension, and these calls then fail whenever they run:\n\n" +
		"- `runtime.setUninstallURL(url)` takes an `http` or `https` URL of at most 1023 characters.\n" +
		"  Another scheme, or a relative path such as `\"goodbye.html\"` (the extension is gone by then),\n" +
		"  fails with \"Invalid URL\"; a longer URL throws.\n" +
		"- `runtime.openOptionsPage()` fails with \"Could not create an options page.\" when the manifest\n" +
		"  declares neither `options_page` nor `options_ui.page`.\n" +
		"- `runtime.connect(id)` and `runtime.sendMessage(id, message)` throw \"Invalid extension id\"\n" +
		"  when `id` is not 32 letters from `a` to `p`. An ID in upper case passes that check but\n" +
		"  matches no extension, since Chrome compares IDs with the lower-case ID of the extension, so\n" +
		"  the message never arrives. `connect(\"name\")` is a common slip for `connect({name: \"name\"})`.\n" +
		"  Chrome reads a string first argument of `sendMessage` as the ID unless it is the only\n" +
		"  argument besides a callback; crxlint reports it only when Chrome surely reads it so: with a\n" +
		"  literal, object or array message after it, or with options or a callback too. `sendMessage(text, reply)`, where\n" +
		"  `reply` may be a function, sends `text` as the message, whatever it looks like. The ID of a\n" +
		"  Firefox add-on (`name@example.org`, `{…}`) is left alone: it is an ID, in code meant for Firefox.\n\n" +
		"Only literal arguments are checked: strings, templates without substitutions, `+` of them,\n" +
		"and constants bound to them. The three checks share one rule because each reports a call\n" +
		"that cannot succeed, never a judgement call: there is no reason to keep one and silence\n" +
		"another.",
	Run: runRuntimeLiteralMisuse,
}

// maxUninstallURL is the maxLength of setUninstallURL's url in runtime.json,
// counted in UTF-16 code units.
const maxUninstallURL = 1023

func runRuntimeLiteralMisuse(pass *lint.Pass) error {
	optionsPage, _ := pass.Root().Get("options_page").Str()
	optionsUI, _ := pass.Root().Get("options_ui").Get("page").Str()
	options := optionsPage != "" || optionsUI != ""
	for _, s := range extensionCode(pass).Scripts {
		for _, u := range s.Scan.Uses {
			if !u.Called {
				continue
			}
			switch {
			case u.Is("runtime.setUninstallURL"):
				checkUninstallURL(pass, s, u)
			case u.Is("runtime.openOptionsPage") && !options:
				pass.Report(withCode(pass, atScript(pass, s, "runtime.openOptionsPage() at %s fails, as the manifest declares no options page; add options_ui.page, or remove the call", jsPos(s, u.Range)).WithChrome("Could not create an options page."), s, u.Range, "the call"))
			case u.Is("runtime.connect") || u.Is("runtime.sendMessage"):
				checkTargetID(pass, s, u)
			}
		}
	}
	return nil
}

func checkUninstallURL(pass *lint.Pass, s *extension.Script, u jsscan.APIUse) {
	if len(u.Args) == 0 || u.Args[0].Kind != jsscan.ArgString || u.Args[0].Value == "" {
		return // "" clears the URL
	}
	url := u.Args[0].Value
	shown := url
	if len(shown) > 60 {
		shown = strings.ToValidUTF8(shown[:48], "") + "…"
	}
	at := fmt.Sprintf("runtime.setUninstallURL(%s) at %s", quote(shown), jsPos(s, u.Range))
	scheme, _, _ := strings.Cut(strings.TrimSpace(url), ":")
	switch n := len(utf16.Encode([]rune(url))); {
	case n > maxUninstallURL:
		pass.Report(withCode(pass, atScript(pass, s, "%s throws: the URL has %d characters, more than the %d Chrome takes; shorten it, keeping details on your server", at, n, maxUninstallURL).WithChrome(fmt.Sprintf("Error at parameter 'url': String must have at most %d characters; found %d.", maxUninstallURL, n)), s, u.Range, "the call"))
	case !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https"):
		pass.Report(withCode(pass, atScript(pass, s, "%s fails: Chrome opens only http and https URLs after an uninstall, when the extension's own pages are gone; give the https URL of a page on your site", at).WithChrome(`Invalid URL: "`+shown+`".`), s, u.Range, "the call"))
	}
}

// checkTargetID reports a connect or sendMessage call whose first argument
// is a string Chrome reads as an extension ID that is not a valid one.
func checkTargetID(pass *lint.Pass, s *extension.Script, u jsscan.APIUse) {
	if len(u.Args) == 0 || u.Args[0].Kind != jsscan.ArgString || u.Args[0].Value == "" {
		return // "" is the extension itself
	}
	id := u.Args[0].Value
	connect := u.Is("runtime.connect")
	// sendMessage(string, f) with a function f sends the string as the
	// message: Chrome surely reads the string as an ID only with a literal,
	// object or array message after it, or with options or a callback too.
	surely := connect || u.NumArgs >= 3 || u.NumArgs == 2 && (u.Args[1].Literal() || u.Args[1].Object)
	if !surely || id == strings.ToLower(id) && isExtensionID(id) || firefoxID.MatchString(id) {
		return // a Firefox add-on's ID is an ID, in code meant for Firefox
	}
	at := fmt.Sprintf("runtime.%s(%s, …) at %s", u.Chain[len(u.Chain)-1], quote(id), jsPos(s, u.Range))
	switch {
	case isExtensionID(id):
		pass.Report(withCode(pass, atScript(pass, s, "%s names the extension in upper case, and Chrome compares IDs with the lower-case ID, so it reaches no extension; write %q", at, strings.ToLower(id)).WithChrome("Could not establish connection. Receiving end does not exist."), s, u.Range, "the call"))
	case connect && !looksLikeID(id):
		pass.Report(withCode(pass, atScript(pass, s, "%s throws, as Chrome reads %s as the ID of the extension to connect to; to name the port, write connect({name: %s})", at, quote(id), quote(id)).WithChrome(fmt.Sprintf("Invalid extension id: '%s'", id)), s, u.Range, "the call"))
	case !looksLikeID(id):
		pass.Report(withCode(pass, atScript(pass, s, "%s throws, as Chrome reads %s as the ID of the extension to message; to send it, make it part of one message, such as {type: %s, …}", at, quote(id), quote(id)).WithChrome(fmt.Sprintf("Invalid extension id: '%s'", id)), s, u.Range, "the call"))
	default:
		pass.Report(withCode(pass, atScript(pass, s, "%s throws, as Chrome reads %s as the ID of the extension to message and an ID is 32 letters from a to p; if it is an ID, copy it from chrome://extensions, and if it is data, make it part of one message", at, quote(id)).WithChrome(fmt.Sprintf("Invalid extension id: '%s'", id)), s, u.Range, "the call"))
	}
}

// firefoxID matches the ID of a Firefox add-on, which an extension shared
// with Firefox messages there: "name@example.org" or a braced UUID.
var firefoxID = regexp.MustCompile(`^([A-Za-z0-9._+-]*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*|\{[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}\})$`)

// looksLikeID reports whether s looks meant as an extension ID: about 32
// letters and digits, all in one case.
func looksLikeID(s string) bool {
	if len(s) < 28 || len(s) > 36 {
		return false
	}
	lower, upper := true, true
	for _, c := range []byte(s) {
		lower = lower && ('a' <= c && c <= 'z' || '0' <= c && c <= '9')
		upper = upper && ('A' <= c && c <= 'Z' || '0' <= c && c <= '9')
	}
	return lower || upper
}
