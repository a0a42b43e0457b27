package extension

import (
	"context"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/crxlint/crxlint/jsscan"
	"github.com/crxlint/crxlint/manifest"
)

func load(t *testing.T, manifestSrc string, files map[string]string) *Sources {
	t.Helper()
	doc, err := manifest.Parse([]byte(manifestSrc))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"manifest.json": {Data: []byte(manifestSrc)}}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return Load(doc.Root(), fsys, ListFiles(fsys))
}

func TestContexts(t *testing.T) {
	src := load(t, `{
		"background": {"service_worker": "sw.js", "type": "module"},
		"content_scripts": [{"matches": ["https://a.example/*"], "js": ["cs/main.js"]}],
		"action": {"default_popup": "popup/popup.html"},
		"sandbox": {"pages": ["sandbox.html"]}
	}`, map[string]string{
		"sw.js":             `import { f } from "./lib/shared.js"; importScripts("classic.js");`,
		"lib/shared.js":     `export function f() {}`,
		"classic.js":        ``,
		"cs/main.js":        `import("./lazy.js")`,
		"cs/lazy.js":        ``,
		"popup/popup.html":  `<html><script src="popup.js"></script><script src="../lib/shared.js" type="module"></script><script src="https://cdn.example/x.js"></script>`,
		"popup/popup.js":    ``,
		"sandbox.html":      `<script src="sandboxed.js"></script>`,
		"sandboxed.js":      ``,
		"tab.html":          `<script src="/tab.js"></script>`,
		"tab.js":            ``,
		"unused/orphan.js":  ``,
		"node_modules/x.js": ``,
		".cache/y.js":       ``,
	})
	want := map[string]Context{
		"sw.js":            ServiceWorker,
		"lib/shared.js":    ServiceWorker | Page,
		"classic.js":       ServiceWorker,
		"cs/main.js":       ContentScript,
		"cs/lazy.js":       ContentScript,
		"popup/popup.js":   Page,
		"sandboxed.js":     Sandboxed,
		"tab.js":           Page,
		"unused/orphan.js": 0,
	}
	for p, ctx := range want {
		s := src.Script(p)
		if s == nil {
			t.Errorf("%s was not found", p)
			continue
		}
		if s.Contexts != ctx {
			t.Errorf("%s runs in %b, want %b", p, s.Contexts, ctx)
		}
	}
	for _, p := range []string{"node_modules/x.js", ".cache/y.js"} {
		if src.Script(p) != nil {
			t.Errorf("%s was scanned; folders that do not ship are skipped", p)
		}
	}
	if len(src.Scripts) != len(want) {
		var got []string
		for _, s := range src.Scripts {
			got = append(got, s.Path)
		}
		t.Errorf("scripts = %q", got)
	}
	if cs := src.Script("cs/lazy.js").ContentScripts; len(cs) != 1 {
		t.Errorf("a module imported by a content script belongs to that entry; got %d entries", len(cs))
	}
}

func TestScanFindsAPIUses(t *testing.T) {
	src := load(t, `{"background": {"service_worker": "sw.js"}}`, map[string]string{
		"sw.js": "const rt = chrome.runtime;\nrt.connectNative('com.example.host');\n// chrome.bookmarks.create()\n",
	})
	s := src.Script("sw.js")
	var found, commented bool
	for _, u := range s.Scan.Uses {
		found = found || u.Is("runtime.connectNative")
		commented = commented || u.Is("bookmarks.create")
	}
	if !found || commented {
		t.Errorf("uses = %+v; want connectNative through the alias and nothing from the comment", s.Scan.Uses)
	}
}

func TestResolve(t *testing.T) {
	tests := []struct{ dir, ref, want string }{
		{"", "sw.js", "sw.js"},
		{"", "/sw.js", "sw.js"},
		{"lib", "./a.js", "lib/a.js"},
		{"lib", "../a.js", "a.js"},
		{"lib", "/a.js", "a.js"},
		{"lib", "a.js?v=2#x", "lib/a.js"},
		{"lib", "../../../a.js", "a.js"}, // a URL's .. stops at the root
		{"lib", "lodash", ""},
		{"lib", "https://cdn.example/a.js", ""},
		{"lib", "//cdn.example/a.js", ""},
		{"lib", "my%20lib.js", "lib/my lib.js"}, // a URL's escapes are decoded
		{"", `lib\a.js`, "lib/a.js"},            // and a backslash is a slash
		{"lib", "%2e%2e/a.js", "a.js"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := resolve(tt.dir, tt.ref); got != tt.want {
			t.Errorf("resolve(%q, %q) = %q, want %q", tt.dir, tt.ref, got, tt.want)
		}
	}
}

func TestImportCycleTerminates(t *testing.T) {
	src := load(t, `{"background": {"service_worker": "a.js", "type": "module"}}`, map[string]string{
		"a.js": `import "./b.js";`,
		"b.js": `import "./a.js";`,
	})
	if src.Script("a.js") == nil || src.Script("b.js") == nil {
		t.Fatal("both modules of the cycle must be found")
	}
}

func TestUnread(t *testing.T) {
	src := load(t, `{
		"manifest_version": 2,
		"background": {"scripts": ["bg.js", "gone.js"]},
		"content_scripts": [{"matches": ["https://a.example/*"], "js": ["cs.js", "gone.js"]}],
		"action": {"default_popup": "popup.html"}
	}`, map[string]string{
		"bg.js":      `import "./lib/missing.js";`,
		"cs.js":      ``,
		"popup.html": `<script src="popup.js"></script><script src="https://cdn.example/x.js"></script>`,
	})
	want := []Unread{{"lib/missing.js", "bg.js"}, {"gone.js", ""}, {"popup.js", "popup.html"}}
	if !slices.Equal(src.Unread, want) {
		t.Errorf("Unread = %v, want %v", src.Unread, want)
	}
	if s := src.Script("bg.js"); s == nil || s.Contexts != Page {
		t.Errorf("background.scripts must run in the background page: %+v", s)
	}
}

func TestBackgroundScriptsOnlyInMV2(t *testing.T) {
	src := load(t, `{"manifest_version": 3, "background": {"service_worker": "sw.js", "scripts": ["firefox.js", "gone.js"]}}`,
		map[string]string{"sw.js": ``, "firefox.js": ``})
	if len(src.Unread) != 0 {
		t.Errorf("Unread = %v; manifest version 3 ignores background.scripts", src.Unread)
	}
	if s := src.Script("firefox.js"); s == nil || s.Contexts != 0 {
		t.Errorf("firefox.js must be scanned with no known context: %+v", s)
	}
}

// ctxFS is a folder whose reads belong to a context, as the runner's.
type ctxFS struct {
	fstest.MapFS
	ctx context.Context
}

func (c ctxFS) Context() context.Context { return c.ctx }

// TestLoadStopsWithFilesContext checks that the scans stop when the
// context of the folder's reads is done.
func TestLoadStopsWithFilesContext(t *testing.T) {
	const m = `{"background": {"service_worker": "sw.js"}}`
	doc, err := manifest.Parse([]byte(m))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fsys := ctxFS{fstest.MapFS{"manifest.json": {Data: []byte(m)}, "sw.js": {Data: []byte("chrome.runtime.connect();")}}, ctx}
	s := Load(doc.Root(), fsys, ListFiles(fsys)).Script("sw.js")
	if s == nil || s.Scan.Err == nil || s.Scan.Err.Kind != jsscan.ErrCanceled {
		t.Fatalf("script %+v: want a scan stopped by the canceled context", s)
	}
}

// TestScriptSources checks the <script src> of a page as a browser running
// scripts reads them (rNeomy/reader-view's design mode page has the
// unclosed <svg>).
func TestScriptSources(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		want       []string
	}{
		{"quotes", `<script src="a.js"></script><script src='b.js'></script><script src=c.js></script>`, []string{"a.js", "b.js", "c.js"}},
		{"any case", `<SCRIPT SRC="a.js" TYPE="module"></SCRIPT><Script defer Src="b.js"></Script>`, []string{"a.js", "b.js"}},
		{"character references", `<script src="a.js?x=1&amp;y=2"></script><script src="&#98;.js"></script>`, []string{"a.js?x=1&y=2", "b.js"}},
		// A script tag does not close itself: what follows is its text.
		{"self-closing", `<script src="a.js"/><script src="b.js" /></script><script src="c.js"></script>`, []string{"a.js", "c.js"}},
		{"other tags", `<img src="i.png"><iframe src="f.html"></iframe><link href="s.css" rel="stylesheet"><script>1</script>`, nil},
		{"comment", `<!-- <script src="a.js"></script> --><script src="b.js"></script>`, []string{"b.js"}},
		{"script text", `<script>document.write('<script src="a.js"><\/script>')</script><script src="b.js"></script>`, []string{"b.js"}},
		{"raw text elements", `<style><script src="a.js"></script></style><textarea><script src="b.js"></script></textarea><title><script src="c.js"></title>`, nil},
		{"noscript", `<noscript><script src="a.js"></script></noscript><NOSCRIPT><p><script src="b.js"></script></NOSCRIPT><script src="c.js"></script>`, []string{"c.js"}},
		{"unclosed svg", `<div><svg viewBox="0 0 1 1"><path d="M0 0"/></div><p>"×"</p><script src="a.js"></script>`, []string{"a.js"}},
		{"no value", `<script src></script><script src=""></script>`, []string{"", ""}},
		// A tag the end of the page cuts off is no tag.
		{"unterminated", `<script src="b.js"></script><script src="a.js`, []string{"b.js"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := scriptSources([]byte(tc.page)); !slices.Equal(got, tc.want) {
				t.Errorf("scriptSources(%q) = %q, want %q", tc.page, got, tc.want)
			}
		})
	}
}
