package conformance

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crxlint/crxlint/chrome"
	"github.com/crxlint/crxlint/internal/testenv"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/rules"
)

// platformKeySamples are a value of each key crxlint judges by platform
// that Chrome would take on a platform where the key works, and the files
// the value names.
var platformKeySamples = map[string]struct{ value, file string }{
	"chrome_settings_overrides":              {`{"homepage": "https://example.com/"}`, ""},
	"file_handlers":                          {`[{"action": "/open.html", "name": "Text", "accept": {"text/plain": [".txt"]}}]`, "open.html"},
	"file_system_provider_capabilities":      {`{"source": "network"}`, ""},
	"chrome_url_overrides.activationmessage": {`{"activationmessage": "page.html"}`, "page.html"},
	"chrome_url_overrides.keyboard":          {`{"keyboard": "page.html"}`, "page.html"},
	"action_handlers":                        {`["new_note"]`, ""},
	"kiosk_only":                             {`true`, ""},
	"bluetooth":                              {`{}`, ""},
}

// TestPlatformGatesAgree loads, for every key and permission crxlint
// judges by platform, an extension that uses it (a permission both
// required and optional) in the local Chromium, and checks that crxlint,
// judging by the platform that Chromium runs on, quotes the warnings
// Chromium prints, set for set.
func TestPlatformGatesAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("loads dozens of extensions in Chromium; skipped with -short")
	}
	path, err := chrome.Find(os.Getenv)
	if err != nil {
		testenv.Missing(t, testenv.RequireChrome, "chromium not found: install it with apt-get install -y --no-install-recommends chromium (or set "+chrome.EnvPath+")")
	}
	keys, permissions := rules.PlatformGated()
	// Few extensions, each with many of the names: Chrome judges each name
	// on its own. chrome_url_overrides takes one page, so each of its
	// members gets an extension of its own.
	manifest := func(members []string) []byte {
		return []byte(`{"manifest_version": 3, "name": "x", "version": "1", ` + strings.Join(members, ", ") + "}")
	}
	var cases []Case
	together := Case{Name: "keys", Files: fstest.MapFS{}}
	var members []string
	for _, k := range keys {
		sample, ok := platformKeySamples[k]
		if !ok {
			t.Errorf("no sample value of %s: add one to platformKeySamples", k)
			continue
		}
		name, _, nested := strings.Cut(k, ".")
		c := &together
		if nested {
			cases = append(cases, Case{Name: "key " + k, Files: fstest.MapFS{}})
			c = &cases[len(cases)-1]
			c.Files["manifest.json"] = &fstest.MapFile{Data: manifest([]string{fmt.Sprintf("%q: %s", name, sample.value)}), Mode: 0o644}
		} else {
			members = append(members, fmt.Sprintf("%q: %s", name, sample.value))
		}
		if sample.file != "" {
			c.Files[sample.file] = &fstest.MapFile{Data: []byte("<!doctype html>"), Mode: 0o644}
		}
	}
	together.Files["manifest.json"] = &fstest.MapFile{Data: manifest(members), Mode: 0o644}
	cases = append(cases, together)
	quoted, _ := json.Marshal(permissions)
	for _, list := range []string{"permissions", "optional_permissions"} {
		src := manifest([]string{fmt.Sprintf("%q: %s", list, quoted)})
		cases = append(cases, Case{Name: list, Files: fstest.MapFS{"manifest.json": {Data: src, Mode: 0o644}}})
	}

	ctx := context.Background()
	b := launch(t, ctx, path)
	defer func() { _ = b.Close() }()
	host := lint.HostPlatform()
	for _, c := range cases {
		diags, err := Lint(c.Files, host)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		v, crashed := load(t, ctx, &b, path, c)
		if crashed || !v.Loaded {
			t.Errorf("%s: Chromium %s did not load it: %s", c.Name, b.Version(), v.Error)
			continue
		}
		var quoted []string
		for _, d := range diags {
			if d.Chrome == lint.Warns {
				quoted = append(quoted, d.ChromeMessage)
			}
		}
		slices.Sort(quoted)
		theirs := slices.Sorted(slices.Values(v.Warnings))
		if !slices.Equal(quoted, theirs) {
			t.Errorf("%s on %s: crxlint quotes %q, Chromium %s warns %q\n%s", c.Name, host.Name(), quoted, b.Version(), theirs, describe(diags))
		}
	}
	t.Logf("%d keys and %d permissions judged by platform, in %d extensions: crxlint on %s quotes Chromium %s's warnings", len(keys), len(permissions), len(cases), host.Name(), b.Version())
}
