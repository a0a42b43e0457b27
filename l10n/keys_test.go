package l10n

import (
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/manifest"
)

// Each localised key was measured against Chromium 156: an undefined
// __MSG_zz__ in it makes the extension fail to load with "Variable
// __MSG_zz__ used but not defined.", while one in author, version_name,
// homepage_url, options_page, action.default_popup, an unknown key or a
// command whose name holds a dot is left as written.
const everyKey = `{
  "name": "n", "short_name": "s", "description": "d", "version_name": "not localised",
  "author": "not localised", "homepage_url": "not localised",
  "browser_action": {"default_title": "b"},
  "page_action": {"default_title": "p"},
  "action": {"default_title": "a", "default_popup": "not localised"},
  "omnibox": {"keyword": "k"},
  "file_browser_handlers": [{"default_title": "f0"}, {"id": "no title"}, {"default_title": "f2"}],
  "input_components": [{"name": "i0", "description": "i0d"}, {"name": 5}],
  "app": {"launch": {"local_path": "l", "web_url": "w"}},
  "commands": {"z": {"description": "cz"}, "a.b": {"description": "not localised"}, "a": {"description": "ca"}, "n": {}},
  "chrome_settings_overrides": {
    "search_provider": {"name": "sn", "alternate_urls": ["u0", 1, "u2"], "x.y": "not localised", "keyword": "sk", "is_default": true},
    "homepage": "h",
    "startup_pages": ["p0", "p1"]
  },
  "content_scripts": [{"css": ["not localised"]}]
}`

func TestLocalized(t *testing.T) {
	doc, err := manifest.Parse([]byte(everyKey))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for n := range Localized(doc.Root()) {
		s, _ := n.Str()
		got = append(got, n.Pointer()+"="+s)
	}
	want := []string{
		"/name=n", "/short_name=s", "/description=d",
		"/browser_action/default_title=b", "/page_action/default_title=p", "/action/default_title=a",
		"/omnibox/keyword=k",
		"/file_browser_handlers/0/default_title=f0", "/file_browser_handlers/2/default_title=f2",
		"/input_components/0/name=i0", "/input_components/0/description=i0d",
		"/app/launch/local_path=l", "/app/launch/web_url=w",
		"/commands/a/description=ca", "/commands/z/description=cz",
		"/chrome_settings_overrides/search_provider/alternate_urls/0=u0",
		"/chrome_settings_overrides/search_provider/alternate_urls/2=u2",
		"/chrome_settings_overrides/search_provider/keyword=sk",
		"/chrome_settings_overrides/search_provider/name=sn",
		"/chrome_settings_overrides/homepage=h",
		"/chrome_settings_overrides/startup_pages/0=p0", "/chrome_settings_overrides/startup_pages/1=p1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Localized =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// LocalizedKeys describes exactly what Localized yields.
	hit := map[string]bool{}
	for _, g := range got {
		ptr, _, _ := strings.Cut(g, "=")
		i := slices.IndexFunc(LocalizedKeys(), func(pattern string) bool { return matchPointer(pattern, ptr) })
		if i < 0 {
			t.Errorf("%s matches none of LocalizedKeys", ptr)
			continue
		}
		hit[LocalizedKeys()[i]] = true
	}
	for _, pattern := range LocalizedKeys() {
		if !hit[pattern] {
			t.Errorf("LocalizedKeys has %s, which the test manifest does not reach", pattern)
		}
	}
}

// matchPointer matches a JSON pointer against a pattern in which * stands
// for one reference token.
func matchPointer(pattern, ptr string) bool {
	ok, err := path.Match(pattern, ptr)
	return ok && err == nil
}

func TestLocalizedStopsAndCopes(t *testing.T) {
	doc, err := manifest.Parse([]byte(everyKey))
	if err != nil {
		t.Fatal(err)
	}
	for stop := range 30 {
		n := 0
		for range Localized(doc.Root()) {
			if n == stop {
				break
			}
			n++
		}
	}
	for range Localized(nil) {
		t.Error("a nil manifest has localised strings")
	}
}
