package jsscan

import (
	"slices"
	"strings"
	"testing"
)

// scanCase is a snippet and the findings it must give, as formatResult
// renders them without ranges.
type scanCase struct {
	name, src, want string
}

func runCases(t *testing.T, cases []scanCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := formatResult(Scan(File{Path: "test.js", Src: []byte(tc.src)}), false)
			want := strings.TrimLeft(tc.want, "\n")
			if got != want {
				t.Errorf("Scan(%q):\ngot:\n%s\nwant:\n%s", tc.src, got, want)
			}
		})
	}
}

func TestAPIUses(t *testing.T) {
	runCases(t, []scanCase{
		{"call", `chrome.runtime.connectNative("com.example.host");`, `
use chrome.runtime.connectNative("com.example.host")
`},
		{"member not called", `const f = browser.bookmarks.create;`, `
use browser.bookmarks.create
`},
		{"deep chain", `chrome.storage.local.get(["k"], (r) => r);`, `
use chrome.storage.local.get(expr, expr)
`},
		{"literal brackets", "chrome[\"runtime\"]['sendMessage'](\"id\"); chrome[`tabs`].query({});", `
use chrome.runtime.sendMessage("id")
use chrome.tabs.query(expr)
`},
		{"optional chaining", `chrome?.runtime?.sendMessage?.("x"); chrome.tabs?.["query"]?.({});`, `
use chrome.runtime.sendMessage("x") guarded runtime runtime.sendMessage
use chrome.tabs.query(expr) guarded tabs tabs.query
`},
		{"computed key stops the chain", `chrome.runtime[name](); chrome.storage[area].get("k");`, `
use chrome.runtime
use chrome.storage
`},
		{"escaped identifier", `\u0063hrome.runtime.id; chrome.r\u0075ntime.id;`, `
use chrome.runtime.id
use chrome.runtime.id
`},
		{"literal arguments", `chrome.runtime.setUninstallURL("https://example.com/bye", 42, true, null, false, 0x1F, x);`, `
use chrome.runtime.setUninstallURL("https://example.com/bye", 42, true, null, false, 0x1F, expr)
`},
		{"constant arguments", `const HOST = "com.example.host", ID = 'abc' + "def"; let n = 1; n = 2; chrome.runtime.connectNative(HOST); chrome.runtime.connect(ID, n);`, `
use chrome.runtime.connectNative(HOST="com.example.host")
use chrome.runtime.connect(ID="abcdef", expr)
`},
		{"no arguments", `chrome.runtime.openOptionsPage();`, `
use chrome.runtime.openOptionsPage()
`},
		{"many arguments", `chrome.x.y(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);`, `
use chrome.x.y(1, 2, 3, 4, 5, 6, 7, 8, ...2 more)
`},
		{"string escapes", `chrome.runtime.connect("\x61\u0062\u{63}\
d\n\u00e9\uD83D\uDE00");`, `
use chrome.runtime.connect("abcd\né😀")
`},
		{"concatenation", `chrome.runtime.connect("abcdefgh" + 'ijklmnop' + ` + "`qrst`" + `);`, `
use chrome.runtime.connect("abcdefghijklmnopqrst")
`},
		{"template with substitution is not a literal", "chrome.runtime.connect(`id-${x}`);", `
use chrome.runtime.connect(expr)
`},
		{"comma call", `(0, chrome.runtime.sendMessage)("id", {}); (chrome.tabs.create)({});`, `
use chrome.runtime.sendMessage("id", expr)
use chrome.tabs.create(expr)
`},
		{"nested calls", `chrome.tabs.query({}, tabs => chrome.tabs.remove(tabs[0].id));`, `
use chrome.tabs.query(expr, expr)
use chrome.tabs.remove(expr)
`},
		{"result of a call", `chrome.runtime.getManifest().version;`, `
use chrome.runtime.getManifest()
`},
		{"in a template substitution", "const s = `v${chrome.runtime.id}`;", `
use chrome.runtime.id
`},
		{"division is not a regexp", `const r = a / chrome.runtime.id / 2;`, `
use chrome.runtime.id
`},
		{"global object", `window.chrome.runtime.id; globalThis.browser.tabs.query({}); self["chrome"].storage.local;`, `
use chrome.runtime.id
use browser.tabs.query(expr)
use chrome.storage.local
`},
		{"new", `new chrome.Event();`, `
use chrome.Event
`},
	})
}

func TestNotAPIUses(t *testing.T) {
	runCases(t, []scanCase{
		{"line comment", "// chrome.runtime.connectNative('x')\nlet a = 1;", ""},
		{"block comment", "/* chrome.tabs.create({}) */ let a = 1;", ""},
		{"html comment", "<!-- chrome.tabs.create({})\nlet a = 1;", ""},
		{"string", `const s = "chrome.runtime.connectNative('x')"; const t = 'browser.tabs.query()';`, ""},
		{"template", "const s = `chrome.runtime.connectNative('x')`;", ""},
		{"regexp", `const re = /chrome.runtime.connectNative()/g; re.test(s);`, ""},
		{"regexp after paren-less keyword", `function f() { return /chrome.runtime.x/.test(s); }`, ""},
		{"shadowing parameter", `function f(chrome) { chrome.runtime.connectNative("x"); }`, ""},
		{"shadowing arrow parameter", `const f = (browser) => browser.tabs.query({});`, ""},
		{"shadowing destructured parameter", `function f({ chrome }) { chrome.runtime.id; }`, ""},
		{"shadowing local", `function f() { let chrome = mock(); chrome.runtime.connectNative("x"); }`, ""},
		{"shadowing catch", `try {} catch (chrome) { chrome.runtime.id; }`, ""},
		{"shadowing import", `import chrome from "./mock.js"; chrome.runtime.connectNative("x");`, `
import "./mock.js"
`},
		{"shadowing hoisted var", `chrome.runtime.id; var chrome = {};`, ""},
		{"shadowing function", `function chrome() {} chrome.runtime;`, ""},
		{"shadowing class", `class browser {} browser.tabs;`, ""},
		{"object key", `const o = { chrome: 1, browser: { runtime: 2 } }; o.chrome.runtime.id;`, ""},
		{"property named chrome", `obj.chrome.runtime.connectNative("x"); a.browser.tabs;`, ""},
		{"bare namespace", `if (typeof chrome !== "undefined") use(chrome);`, ""},
		{"shadowed global object", `function f(window) { window.chrome.runtime.id; }`, ""},
	})
}

func TestScopes(t *testing.T) {
	runCases(t, []scanCase{
		{"outer use counts", `function f(chrome) { chrome.a.b; } chrome.runtime.id;`, `
use chrome.runtime.id
`},
		{"inner function sees the global", `function f(browser) { return () => chrome.tabs.query({}); }`, `
use chrome.tabs.query(expr)
`},
		{"block scope ends", `{ let chrome = 1; } chrome.runtime.id;`, `
use chrome.runtime.id
`},
	})
}

func TestAliases(t *testing.T) {
	runCases(t, []scanCase{
		{"member alias", `const rt = chrome.runtime; rt.connectNative("host");`, `
use chrome.runtime
use chrome.runtime.connectNative("host") via rt
`},
		{"destructuring", `const { runtime } = chrome; runtime.sendNativeMessage("host", {});`, `
use chrome.runtime
use chrome.runtime.sendNativeMessage("host", expr) via runtime
`},
		{"renamed and nested destructuring", `const { runtime: r, storage: { local } } = browser; r.id; local.get("k");`, `
use browser.runtime
use browser.storage
use browser.storage.local
use browser.runtime.id via r
use browser.storage.local.get("k") via local
`},
		{"namespace alias", `var api = chrome; api.tabs.create({});`, `
use chrome.tabs.create(expr) via api
`},
		{"alias of an alias", `const a = chrome; const b = a.storage; b.local.set({});`, `
use chrome.storage via a
use chrome.storage.local.set(expr) via b
`},
		{"nullish", `const api = globalThis.browser ?? globalThis.chrome; api.runtime.sendMessage("x");`, `
use browser|chrome.runtime.sendMessage("x") via api
`},
		{"or", `const api = window.browser || window.chrome; api.runtime.id;`, `
use browser|chrome.runtime.id via api
`},
		{"typeof ternary", `const api = typeof browser !== 'undefined' ? browser : chrome; api.tabs.query({});`, `
use browser|chrome.tabs.query(expr) via api
`},
		{"inline ternary", `(typeof browser === "undefined" ? chrome : browser).runtime.getURL("a.html");`, `
use browser|chrome.runtime.getURL("a.html")
geturl browser|chrome.runtime.getURL "a.html"
`},
		{"guard", `const api = typeof chrome === "object" && chrome; api.runtime.id;`, `
use chrome.runtime.id via api
`},
		{"self reference", `var browser = browser || chrome; browser.runtime.id;`, `
use chrome.runtime.id via browser
`},
		{"declared later", `function f() { api.runtime.id; } const api = chrome;`, `
use chrome.runtime.id via api
`},
		{"function alias", `const send = chrome.runtime.sendMessage; send("id", 1); send(x);`, `
use chrome.runtime.sendMessage
use chrome.runtime.sendMessage("id", 1) via send
use chrome.runtime.sendMessage(expr) via send
`},
		{"destructured function", `const { connectNative } = chrome.runtime; connectNative("host");`, `
use chrome.runtime.connectNative
use chrome.runtime
use chrome.runtime.connectNative("host") via connectNative
`},
		{"reassigned is not an alias", `let rt = chrome.runtime; rt = other; rt.connectNative("x");`, `
use chrome.runtime
`},
		{"updated is not an alias", `var api = chrome; api++; api.x.y;`, ""},
		{"declared twice is not an alias", `var api = chrome; var api = other; api.x.y;`, ""},
		{"loop variable is not an alias", `for (const api of [chrome]) api.x.y;`, ""},
		{"parameter is not an alias", `function f(api = chrome) { api.x.y; }`, ""},
		{"cycle", `var a = b, b = a; a.x.y;`, ""},
		{"polyfill import", `import browser from "webextension-polyfill"; import * as b2 from 'webextension-polyfill'; import { x } from "webextension-polyfill"; browser.runtime.id; b2.tabs.query({}); x.y.z;`, `
use browser.runtime.id
use browser.tabs.query(expr)
import "webextension-polyfill"
import "webextension-polyfill"
import "webextension-polyfill"
`},
		{"polyfill require", `const browser = require("webextension-polyfill"); browser.storage.local.get("k"); const other = require("other"); other.runtime.id;`, `
use browser.storage.local.get("k") via browser
`},
		{"different chains are not merged", `const x = c ? chrome.tabs : chrome.windows; x.query({});`, `
use chrome.tabs
use chrome.windows
`},
	})
}

func TestGetURL(t *testing.T) {
	runCases(t, []scanCase{
		{"string", `chrome.runtime.getURL("popup.html");`, `
use chrome.runtime.getURL("popup.html")
geturl chrome.runtime.getURL "popup.html"
`},
		{"template and concatenation", "browser.runtime.getURL(`a/b.html`); chrome.runtime.getURL('pages/' + \"x.html\");", `
use browser.runtime.getURL("a/b.html")
use chrome.runtime.getURL("pages/x.html")
geturl browser.runtime.getURL "a/b.html"
geturl chrome.runtime.getURL "pages/x.html"
`},
		{"extension.getURL", `chrome.extension.getURL("old.html");`, `
use chrome.extension.getURL("old.html")
geturl chrome.extension.getURL "old.html"
`},
		{"non-literal", "chrome.runtime.getURL(path); chrome.runtime.getURL(`${dir}/x.html`); chrome.runtime.getURL();", `
use chrome.runtime.getURL(expr)
use chrome.runtime.getURL(expr)
use chrome.runtime.getURL()
geturl chrome.runtime.getURL expr
geturl chrome.runtime.getURL expr
geturl chrome.runtime.getURL none
`},
		{"through an alias", `const { runtime } = chrome; runtime.getURL("x.html");`, `
use chrome.runtime
use chrome.runtime.getURL("x.html") via runtime
geturl chrome.runtime.getURL "x.html"
`},
		{"not called", `const f = chrome.runtime.getURL;`, `
use chrome.runtime.getURL
`},
	})
}

// listenerLine keeps the listener lines of a result.
func listenerCases(cases []scanCase) []scanCase {
	for i := range cases {
		cases[i].want = strings.TrimLeft(cases[i].want, "\n")
	}
	return cases
}

func TestListeners(t *testing.T) {
	for _, tc := range listenerCases([]scanCase{
		{"external arrow ignoring the sender", `chrome.runtime.onMessageExternal.addListener((msg, sender, reply) => reply(msg));`, `
listener chrome.runtime.onMessageExternal handler=inline sender=ignored
`},
		{"external function checking the sender", `chrome.runtime.onMessageExternal.addListener(function (msg, sender) { if (sender.id !== ID) return; });`, `
listener chrome.runtime.onMessageExternal handler=inline sender=read
`},
		{"one parameter", `chrome.runtime.onMessage.addListener((msg) => handle(msg));`, `
listener chrome.runtime.onMessage handler=inline sender=ignored
`},
		{"sender read in a closure", `browser.runtime.onMessage.addListener((m, s) => { queue.push(() => log(s.url)); });`, `
listener browser.runtime.onMessage handler=inline sender=read
`},
		{"sender shadowed in a closure", `chrome.runtime.onMessageExternal.addListener((m, s) => { [1].map((s) => s + 1); });`, `
listener chrome.runtime.onMessageExternal handler=inline sender=ignored
`},
		{"sender destructured", `chrome.runtime.onMessageExternal.addListener((m, { id }) => allow(id));`, `
listener chrome.runtime.onMessageExternal handler=inline sender=read
`},
		{"arguments", `chrome.runtime.onMessageExternal.addListener(function (m) { check(arguments[1]); });`, `
listener chrome.runtime.onMessageExternal handler=inline sender=maybe
`},
		{"rest parameter", `chrome.runtime.onMessageExternal.addListener((...args) => route(args));`, `
listener chrome.runtime.onMessageExternal handler=inline sender=maybe
`},
		{"named function", `function onExternal(request, sender, sendResponse) { sendResponse({}); }
chrome.runtime.onMessageExternal.addListener(onExternal);`, `
listener chrome.runtime.onMessageExternal handler=named:onExternal sender=ignored
`},
		{"named const arrow", `const onMsg = (m, sender) => sender.tab && go(m);
chrome.runtime.onMessageExternal.addListener(onMsg);`, `
listener chrome.runtime.onMessageExternal handler=named:onMsg sender=read
`},
		{"bound function", `function h(m, s) { return s.id === ID; } chrome.runtime.onMessageExternal.addListener(h.bind(null));`, `
listener chrome.runtime.onMessageExternal handler=named:h sender=read
`},
		{"unknown handler", `import { handler } from "./h.js"; chrome.runtime.onMessageExternal.addListener(handler); chrome.runtime.onMessage.addListener(this.onMessage);`, `
listener chrome.runtime.onMessageExternal handler=unknown sender=unknown
listener chrome.runtime.onMessage handler=unknown sender=unknown
`},
		{"reassigned handler is unknown", `let h = (m, s) => s; h = other; chrome.runtime.onMessageExternal.addListener(h);`, `
listener chrome.runtime.onMessageExternal handler=unknown sender=unknown
`},
		{"connect ignoring the sender", `chrome.runtime.onConnectExternal.addListener((port) => { port.onMessage.addListener((m) => port.postMessage(m)); });`, `
listener chrome.runtime.onConnectExternal handler=inline sender=ignored
`},
		{"connect reading port.sender", `chrome.runtime.onConnectExternal.addListener(function (port) { if (!ok(port.sender.origin)) port.disconnect(); });`, `
listener chrome.runtime.onConnectExternal handler=inline sender=read
`},
		{"connect reading port['sender']", `chrome.runtime.onConnectExternal.addListener((p) => p["sender"]);`, `
listener chrome.runtime.onConnectExternal handler=inline sender=read
`},
		{"connect destructuring the port", `chrome.runtime.onConnectExternal.addListener(({ name, sender }) => sender && name);
chrome.runtime.onConnect.addListener((port) => { const { sender } = port; check(sender); });`, `
listener chrome.runtime.onConnectExternal handler=inline sender=read
listener chrome.runtime.onConnect handler=inline sender=read
`},
		{"connect passing the port on", `chrome.runtime.onConnectExternal.addListener((port) => ports.add(port));`, `
listener chrome.runtime.onConnectExternal handler=inline sender=maybe
`},
		{"connect with a name pattern", `chrome.runtime.onConnectExternal.addListener(({ name }) => name);`, `
listener chrome.runtime.onConnectExternal handler=inline sender=ignored
`},
		{"through an alias", `const ext = chrome.runtime.onMessageExternal; ext.addListener((m, s) => s.id);`, `
listener chrome.runtime.onMessageExternal handler=inline sender=read
`},
		{"other events are not listeners", `chrome.tabs.onUpdated.addListener((id, info) => 0); chrome.runtime.onInstalled.addListener(() => 0);`, ``},
		{"deprecated onRequestExternal", `chrome.extension.onRequestExternal.addListener(function (req, sender, send) {});`, `
listener chrome.extension.onRequestExternal handler=inline sender=ignored
`},
	}) {
		t.Run(tc.name, func(t *testing.T) {
			r := Scan(File{Src: []byte(tc.src)})
			got := formatResult(Result{Listeners: r.Listeners}, false)
			if got != tc.want {
				t.Errorf("Scan(%q) listeners:\ngot:\n%s\nwant:\n%s", tc.src, got, tc.want)
			}
			for _, l := range r.Listeners {
				if ext := strings.HasSuffix(l.Event[1], "External"); l.External() != ext {
					t.Errorf("External() = %v for %v", l.External(), l.Event)
				}
			}
		})
	}
}

func TestImports(t *testing.T) {
	runCases(t, []scanCase{
		{"static", `import a from "./a.js"; import { b, c as d } from './b.js'; import * as e from "./e.js"; import "./side.js";`, `
import "./a.js"
import "./b.js"
import "./e.js"
import "./side.js"
`},
		{"export from", `export * from "./x.js"; export { y } from "./y.js"; export * as z from "./z.js"; export const w = 1;`, `
export-from "./x.js"
export-from "./y.js"
export-from "./z.js"
`},
		{"dynamic", "import(\"./lazy.js\"); const m = await import(`./t.js`); import(name); import('./a' + '.js');", `
dynamic-import "./lazy.js"
dynamic-import "./t.js"
dynamic-import ?
dynamic-import "./a.js"
`},
		{"importScripts", `importScripts("a.js", 'lib/b.js'); self.importScripts(dir + "/c.js"); globalThis.importScripts("d.js");`, `
importScripts "a.js"
importScripts "lib/b.js"
importScripts ?
importScripts "d.js"
`},
		{"shadowed importScripts", `function f(importScripts) { importScripts("x.js"); } obj.importScripts("y.js");`, ``},
		{"import in a string or comment", `const s = 'import("./x.js")'; // importScripts("y.js")`, ``},
	})
}

func TestParseErrorFallback(t *testing.T) {
	runCases(t, []scanCase{
		{"fallback finds chains and imports", `import x from "./x.js";
chrome.runtime.connectNative("host"); chrome["tabs"].query({}, cb);
// chrome.runtime.notThis()
importScripts("a.js"); import("./d.js"); export * from "./e.js";
function (`, `
error 5:10: syntax error: expected Identifier instead of ( in function declaration
fallback
use chrome.runtime.connectNative("host")
use chrome.tabs.query(expr, expr)
import "./x.js"
importScripts "a.js"
dynamic-import "./d.js"
export-from "./e.js"
`},
		{"fallback skips strings, regexps and keys", `const s = "chrome.runtime.x()"; const r = /chrome.tabs.y()/; const o = { chrome: 1 }; a.chrome.b; )`, `
error 1:99: syntax error: unexpected ) in expression
fallback
`},
		{"fallback finds optional chaining", `chrome.offscreen?.createDocument({}); chrome.a?.["b"]?.(); chrome?.c.d; )`, `
error 1:73: syntax error: unexpected ) in expression
fallback
use chrome.offscreen.createDocument(expr) guarded offscreen
use chrome.a.b() guarded a a.b
use chrome.c.d
`},
		{"lexer error", "chrome.runtime.id; const s = 'unterminated", `
error 1:30: syntax error: unterminated string literal in expression
fallback
use chrome.runtime.id
`},
	})
}

func TestPositions(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"ascii", "  chrome.runtime.connect('abc');", `
use 1:3-1:25 chrome.runtime.connect("abc"@1:26-1:31)
`},
		{"utf-16 columns", "const s = \"😀é\"; chrome.runtime.id;", `
use 1:18-1:35 chrome.runtime.id
`},
		{"lines", "\n\r\n\rx;\n  browser.tabs.query({a: 1},\n  cb);", `
use 5:3-5:21 browser.tabs.query(expr@5:22-5:28, expr@6:3-6:5)
`},
		{"comments inside a chain", "chrome /* a */ . // b\n runtime ?. [ 'id' ];", `
use 1:1-2:21 chrome.runtime.id guarded runtime
`},
		{"parenthesised root", "(a ? chrome : browser).tabs.query();", `
use 1:1-1:34 browser|chrome.tabs.query()
`},
		{"byte order mark", "\ufeffchrome.runtime.id;", `
use 1:1-1:18 chrome.runtime.id
`},
		{"hashbang", "#!/usr/bin/env node\nchrome.runtime.id; x = a / 2 / 3;", `
use 2:1-2:18 chrome.runtime.id
`},
		{"regexps before and after", "x = /a(/.source; chrome.runtime.connect(/[)]/); y = /\\//;", `
use 1:18-1:40 chrome.runtime.connect(expr@1:41-1:46)
`},
		{"function alias", "const send = chrome.runtime.sendMessage;\nsend?.(x, \"id\");", `
use 1:14-1:40 chrome.runtime.sendMessage
use 2:1-2:5 chrome.runtime.sendMessage(expr@2:8-2:9, "id"@2:11-2:15) via send guarded runtime.sendMessage
`},
		{"function alias without anchor", "const send = chrome.runtime.sendMessage; send();", `
use 1:14-1:40 chrome.runtime.sendMessage
use ? chrome.runtime.sendMessage() via send
`},
		{"destructuring keys", "const { runtime, 'storage': s } = chrome;", `
use 1:9-1:16 chrome.runtime
use 1:18-1:27 chrome.storage
`},
		{"imports", "import a from './a.js';\nimportScripts(x);", `
import 1:15-1:23 "./a.js"
importScripts 2:15-2:16 ?
`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := format(Scan(File{Src: []byte(tc.src)}))
			if want := strings.TrimLeft(tc.want, "\n"); got != want {
				t.Errorf("Scan(%q):\ngot:\n%s\nwant:\n%s", tc.src, got, want)
			}
		})
	}
}

// TestRangesCoverText checks that every placed range of a realistic file
// covers the text it should.
func TestRangesCoverText(t *testing.T) {
	src := []byte("const rt = chrome.runtime;\nrt.connectNative('h');\nchrome.runtime.getURL(`x.html`);\nimport('./m.js');")
	r := Scan(File{Src: src})
	for _, u := range r.Uses {
		text := string(src[u.Range.Start.Offset:u.Range.End.Offset])
		if !strings.HasSuffix(text, u.Chain[len(u.Chain)-1]) {
			t.Errorf("use %v covers %q", u.Chain, text)
		}
		for _, a := range u.Args {
			if got := string(src[a.Range.Start.Offset:a.Range.End.Offset]); !strings.Contains(got, a.Value) {
				t.Errorf("arg %q covers %q", a.Value, got)
			}
		}
	}
}

func TestErrors(t *testing.T) {
	t.Run("too large", func(t *testing.T) {
		r := Scan(File{Path: "big.js", Src: make([]byte, MaxSize+1)})
		if r.Err == nil || r.Err.Kind != ErrTooLarge || r.Path != "big.js" {
			t.Fatalf("Scan(MaxSize+1 bytes) = %+v, want ErrTooLarge", r)
		}
	})
	t.Run("empty", func(t *testing.T) {
		if r := Scan(File{}); r.Err != nil || len(r.Uses) != 0 {
			t.Fatalf("Scan(empty) = %+v", r)
		}
	})
	t.Run("syntax error position", func(t *testing.T) {
		r := Scan(File{Src: []byte("let a = 1;\n  let 😀 = 2;")})
		if r.Err == nil || r.Err.Kind != ErrSyntax || r.Err.Pos.Line != 2 || r.Err.Pos.Column != 7 || r.Err.Pos.Offset != 17 {
			t.Fatalf("Scan = %+v, want a syntax error at 2:7 (offset 17)", r.Err)
		}
		if got := r.Err.Error(); !strings.HasPrefix(got, "2:7: syntax error: ") {
			t.Errorf("Error() = %q", got)
		}
	})
	t.Run("source untouched", func(t *testing.T) {
		src := make([]byte, 0, 64)
		src = append(src, "chrome.runtime.id;"...)
		full := src[:cap(src)]
		full[len(src)] = 'X'
		Scan(File{Src: src})
		if full[len(src)] != 'X' {
			t.Error("Scan wrote past the end of the caller's source")
		}
	})
}

func TestStrings(t *testing.T) {
	for _, s := range []fmtStringer{
		Chrome, Browser, Chrome | Browser, Namespace(8), ArgString, ArgKind(9),
		HandlerNamed, HandlerKind(9), SenderMaybe, SenderUse(9), ImportScripts, ImportKind(9), ErrSyntax, ErrorKind(0),
	} {
		if s.String() == "" {
			t.Errorf("%#v has no name", s)
		}
	}
	u := APIUse{Chain: []string{"runtime", "getURL"}}
	for path, want := range map[string]bool{"runtime.getURL": true, "runtime": false, "runtime.getURL.x": false, "runtimegetURL": false, "": false} {
		if got := u.Is(path); got != want {
			t.Errorf("Is(%q) = %v, want %v", path, got, want)
		}
	}
	if !(Arg{Kind: ArgNull}).Literal() || (Arg{}).Literal() {
		t.Error("Literal() is wrong")
	}
}

type fmtStringer interface{ String() string }

func TestObjectArgs(t *testing.T) {
	src := `const MSG = { hello: true }, LIST = [1], f = () => {};
let later = {}; later = g;
chrome.runtime.sendMessage("id", { a: 1 }, [2], (MSG), LIST, f, later, x);`
	res := Scan(File{Path: "test.js", Src: []byte(src)})
	if len(res.Uses) != 1 {
		t.Fatalf("uses = %+v", res.Uses)
	}
	var got []bool
	for _, a := range res.Uses[0].Args {
		got = append(got, a.Object)
	}
	want := []bool{false, true, true, true, true, false, false, false}
	if !slices.Equal(got, want) {
		t.Errorf("Object of each argument = %v, want %v", got, want)
	}
}

// TestPassedOn: the API object itself handed to a function written in
// place or exported is noted, since its uses then go through a name the
// scan does not follow; a member of it, and a named function it is passed
// to (the webextension-polyfill's wrapAPIs(chrome)), are not.
func TestPassedOn(t *testing.T) {
	tests := []struct {
		src  string
		want int // how many places
	}{
		{`((api) => api.storage.local.get())(chrome)`, 1},
		{`(function (b) { b.tabs.query({}) })(typeof browser === "object" ? browser : chrome)`, 1},
		{`export const webext = self.browser || self.chrome;`, 1},
		{`export default chrome;`, 1},
		{`const api = chrome; export const a = api, b = 2;`, 1},
		{`((rt) => rt.id)(chrome.runtime)`, 0},
		{`wrapAPIs(chrome); foo(chrome)`, 0},
		{`export const x = chrome.runtime.id;`, 0},
		{`((chrome) => chrome)(window.chrome2)`, 0},
	}
	for _, tt := range tests {
		r := Scan(File{Path: "a.js", Src: []byte(tt.src)})
		if len(r.PassedOn) != tt.want {
			t.Errorf("%s: API object passed on at %v, want %d places", tt.src, r.PassedOn, tt.want)
		}
	}
}
