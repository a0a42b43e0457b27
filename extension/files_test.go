package extension_test

import (
	"slices"
	"strconv"
	"testing"
	"testing/fstest"

	"github.com/crxlint/crxlint/extension"
)

func TestListFiles(t *testing.T) {
	files := extension.ListFiles(fstest.MapFS{
		"manifest.json":             {},
		"js/Background.JS":          {},
		"js/lib/util.mjs":           {},
		"popup.html":                {},
		".git/config":               {},
		".env":                      {},
		"keys/.hidden/key.pem":      {},
		"node_modules/pkg/index.js": {},
		"vendor/node_modules/x.js":  {},
		"img/Logo.png":              {},
	})
	want := []string{"img/Logo.png", "js/Background.JS", "js/lib/util.mjs", "manifest.json", "popup.html"}
	if got := files.All(); !slices.Equal(got, want) {
		t.Errorf("All() = %v, want %v (hidden names and node_modules left out)", got, want)
	}
	if !files.Complete() {
		t.Error("a small folder must be listed completely")
	}
	if got := files.WithExt(".js", ".mjs"); !slices.Equal(got, []string{"js/Background.JS", "js/lib/util.mjs"}) {
		t.Errorf("WithExt(.js, .mjs) = %v", got)
	}
	for name, want := range map[string]string{
		"img/logo.png":     "img/Logo.png",
		"IMG/logo.PNG":     "img/Logo.png",
		"img/Logo.png":     "",
		"img/other.png":    "",
		"JS/lib":           "js/lib",
		"node_modules/pkg": "",
	} {
		if got := files.CaseVariant(name); got != want {
			t.Errorf("CaseVariant(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestListFilesStopsAtTheLimit(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range extension.MaxWalk + 10 {
		fsys[string(rune('a'+i%26))+"/"+strconv.Itoa(i)+".js"] = &fstest.MapFile{}
	}
	files := extension.ListFiles(fsys)
	if files.Complete() || len(files.All()) >= extension.MaxWalk {
		t.Errorf("a folder over the limit: complete %v with %d files; want incomplete, under %d", files.Complete(), len(files.All()), extension.MaxWalk)
	}
}

func TestLeftOut(t *testing.T) {
	for p, want := range map[string]bool{
		"js/app.js": false, ".git/config": true, "a/node_modules/b.js": true, "a/.cache/x": true, "a.b/c": false,
	} {
		if got := extension.LeftOut(p); got != want {
			t.Errorf("LeftOut(%q) = %v, want %v", p, got, want)
		}
	}
}
