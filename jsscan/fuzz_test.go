package jsscan

import (
	"testing"
	"time"
	"unicode/utf8"
)

// fuzzSeeds are inputs that reach every part of the scanner.
var fuzzSeeds = []string{
	`chrome.runtime.connectNative("host"); browser.tabs.query({}, cb);`,
	`const rt = chrome.runtime; rt.sendMessage("id", {}); const { storage: { local } } = browser; local.get("k");`,
	`const api = globalThis.browser ?? globalThis.chrome; api.runtime.getURL(` + "`a.html`" + `);`,
	`chrome.runtime.onMessageExternal.addListener((m, s, r) => r(s.id)); chrome.runtime.onConnectExternal.addListener(p => p.sender);`,
	`function h(m, s) { return arguments; } chrome.runtime.onMessage.addListener(h.bind(this));`,
	`import a from "./a.js"; export * from './b.js'; import("./c.js"); importScripts("d.js", x);`,
	"x = /re[/]/g.test(`${chrome.runtime.id}`) / 2; // chrome.tabs.x()\n/* browser.y() */",
	`chrome.runtime.connect("\u0061\x62\u{63}" + 'd'); (0, chrome.x.y)(); chrome?.["a"]?.b?.();`,
	"#!/usr/bin/env node\n\ufeffchrome.runtime.id",
	`function (`,
	`chrome.runtime.getURL("x"); }}} ((( import("y"`,
	"const s = '\\",
	"`${`${`${chrome.a.b}`}`}`",
}

func FuzzScan(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		start := time.Now()
		r := Scan(File{Path: "fuzz.js", Src: src})
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("Scan took %v on %d bytes", d, len(src))
		}
		if r.Err != nil && r.Err.Kind == ErrInternal {
			t.Fatalf("Scan failed: %v", r.Err)
		}
		checkResult(t, src, r)
	})
}

// FuzzTokens runs the token scan on every input, not only on those that do
// not parse.
func FuzzTokens(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > MaxSize {
			return
		}
		var fs findings
		s := newSource(src, nil)
		fs = scanTokens(s)
		var r Result
		fs.finish(src, &r)
		checkResult(t, src, r)
	})
}

// FuzzLiterals checks the decoding of string and template literals.
func FuzzLiterals(f *testing.F) {
	for _, s := range []string{`"a\nb"`, `'\u{1F600}\uD83D'`, "`a\r\nb`", `"\0\08\101\xZZ"`, `"\u{110000}"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, v := range []func([]byte) (string, bool){stringValue, templateValue} {
			if s, ok := v(b); ok && !utf8.ValidString(s) {
				t.Errorf("decoding %q gave invalid UTF-8 %q", b, s)
			}
		}
		_ = identName(b)
	})
}

// checkResult checks what must hold of any result: ranges are ordered, in
// the file, and agree with their lines and columns.
func checkResult(t *testing.T, src []byte, r Result) {
	t.Helper()
	check := func(what string, rg Range) {
		if rg.IsZero() {
			return
		}
		s, e := rg.Start, rg.End
		if s.Offset < 0 || s.Offset > e.Offset || e.Offset > len(src) {
			t.Fatalf("%s: range %+v outside the %d-byte file", what, rg, len(src))
		}
		if s.Line < 1 || s.Column < 1 || e.Line < s.Line || e.Line == s.Line && e.Column < s.Column {
			t.Fatalf("%s: bad lines and columns %+v", what, rg)
		}
	}
	last := -1
	for _, u := range r.Uses {
		if len(u.Chain) == 0 || u.Namespace == 0 {
			t.Fatalf("use %+v has no chain or namespace", u)
		}
		check("use", u.Range)
		if !u.Range.IsZero() {
			if u.Range.Start.Offset < last {
				t.Fatalf("uses out of order at %+v", u.Range)
			}
			last = u.Range.Start.Offset
		}
		if len(u.Args) > MaxArgs || u.Called != (u.NumArgs > 0 || u.Called) {
			t.Fatalf("use %+v has bad arguments", u)
		}
		for _, a := range u.Args {
			check("arg", a.Range)
		}
	}
	for _, g := range r.GetURLs {
		check("getURL", g.Range)
	}
	for _, l := range r.Listeners {
		check("listener", l.Range)
	}
	for _, i := range r.Imports {
		check("import", i.Range)
	}
	if r.Err != nil && (r.Err.Pos.Line < 1 || r.Err.Pos.Offset > len(src)) {
		t.Fatalf("error %+v outside the file", r.Err)
	}
}
