package jsscan

import "testing"

func TestGuards(t *testing.T) {
	runCases(t, []scanCase{
		{"if", `if (chrome.scripting) { chrome.scripting.executeScript({}); }`, `
use chrome.scripting
use chrome.scripting.executeScript(expr) guarded scripting
`},
		{"else of a negation", `if (!chrome.scripting) console.log("no"); else chrome.scripting.executeScript({});`, `
use chrome.scripting
use chrome.scripting.executeScript(expr) guarded scripting
`},
		{"not in the other branch", `if (chrome.scripting) f(); else chrome.scripting.executeScript({}); chrome.scripting.executeScript({});`, `
use chrome.scripting
use chrome.scripting.executeScript(expr)
use chrome.scripting.executeScript(expr)
`},
		{"early return", `function f() { if (!chrome.offscreen) return; chrome.offscreen.createDocument({}); } chrome.offscreen.closeDocument();`, `
use chrome.offscreen
use chrome.offscreen.createDocument(expr) guarded offscreen
use chrome.offscreen.closeDocument()
`},
		{"no early return without an exit", `function f() { if (!chrome.offscreen) g(); chrome.offscreen.createDocument({}); }`, `
use chrome.offscreen
use chrome.offscreen.createDocument(expr)
`},
		{"optional chaining", `chrome.offscreen?.createDocument({}); chrome.offscreen.createDocument?.({});`, `
use chrome.offscreen.createDocument(expr) guarded offscreen
use chrome.offscreen.createDocument(expr) guarded offscreen.createDocument
`},
		{"parentheses end an optional chain", `(chrome.offscreen?.x).y();`, `
use chrome.offscreen.x.y()
`},
		{"boolean variable", `const ok = !!chrome.sidePanel; if (ok) chrome.sidePanel.open({});`, `
use chrome.sidePanel
use chrome.sidePanel.open(expr) guarded sidePanel
`},
		{"variable written twice is no guard", `let ok = !!chrome.sidePanel; ok = true; if (ok) chrome.sidePanel.open({});`, `
use chrome.sidePanel
use chrome.sidePanel.open(expr)
`},
		{"typeof", `if (typeof chrome.x !== 'undefined') chrome.x.a(); if (typeof chrome.y === "object") chrome.y.b(); if (typeof chrome.z === "undefined") chrome.z.c();`, `
use chrome.x
use chrome.x.a() guarded x
use chrome.y
use chrome.y.b() guarded y
use chrome.z
use chrome.z.c()
`},
		{"comparisons", `if (chrome.x != null) chrome.x.a(); if (chrome.y !== undefined) chrome.y.b(); if (chrome.z !== null) chrome.z.c(); if (chrome.w === void 0) {} else chrome.w.d();`, `
use chrome.x
use chrome.x.a() guarded x
use chrome.y
use chrome.y.b() guarded y
use chrome.z
use chrome.z.c()
use chrome.w
use chrome.w.d() guarded w
`},
		{"and, or, conditional", `chrome.x && chrome.x.a(); !chrome.y || chrome.y.b(); chrome.z ? chrome.z.c() : chrome.z.d(); chrome.w || chrome.w.e();`, `
use chrome.x
use chrome.x.a() guarded x
use chrome.y
use chrome.y.b() guarded y
use chrome.z
use chrome.z.c() guarded z
use chrome.z.d()
use chrome.w
use chrome.w.e()
`},
		{"conjunction", `if (chrome.x && Boolean(chrome.y) && "z" in chrome) { chrome.x.a(); chrome.y.b(); chrome.z.c(); }`, `
use chrome.x
use chrome.y
use chrome.x.a() guarded x
use chrome.y.b() guarded y
use chrome.z.c() guarded z
`},
		{"disjunction tests nothing", `if (chrome.x || chrome.y) chrome.x.a();`, `
use chrome.x
use chrome.y
use chrome.x.a()
`},
		{"a shorter test guards no deeper object", `if (chrome.runtime) chrome.runtime.connectNative("h");`, `
use chrome.runtime
use chrome.runtime.connectNative("h") guarded runtime
`},
		{"alias", `const sp = chrome.sidePanel; if (sp) sp.open({});`, `
use chrome.sidePanel
use chrome.sidePanel.open(expr) via sp guarded sidePanel
`},
		{"other namespace", `if (browser.x) chrome.x.a();`, `
use browser.x
use chrome.x.a()
`},
		{"nested function", `if (chrome.alarms) { setTimeout(() => chrome.alarms.create("a", {})); }`, `
use chrome.alarms
use chrome.alarms.create("a", expr) guarded alarms
`},
	})
}
