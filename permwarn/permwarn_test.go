package permwarn

import (
	"slices"
	"testing"

	"github.com/crxlint/crxlint/manifest"
)

func forSource(t *testing.T, src string) Warnings {
	t.Helper()
	doc, err := manifest.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return For(doc.Root())
}

// TestNotOptional checks what the recorded Chromium answers cannot: Chrome
// drops a permission that cannot be optional from optional_permissions.
func TestNotOptional(t *testing.T) {
	w := forSource(t, `{"manifest_version": 3, "name": "x", "version": "1",
	  "optional_permissions": ["debugger", "geolocation", "proxy", "ttsEngine", "declarativeNetRequest", "tabs"]}`)
	if want := []string{msgHistoryRead}; !slices.Equal(w.Optional, want) {
		t.Errorf("Optional = %q, want %q", w.Optional, want)
	}
}

// TestOptionalOverlap checks that an optional permission the required set
// already has is dropped, as PermissionsParser does: an alias counts as the
// same permission, and a host pattern counts when a required one contains it
// whatever its path.
func TestOptionalOverlap(t *testing.T) {
	w := forSource(t, `{"manifest_version": 3, "name": "x", "version": "1",
	  "permissions": ["tabs"], "optional_permissions": ["windows", "bookmarks"],
	  "host_permissions": ["https://*.a.com/only/this/path"],
	  "optional_host_permissions": ["https://b.a.com/*", "https://c.com/*"]}`)
	want := []string{"Read and change your data on c.com", msgBookmarks}
	if !slices.Equal(w.Optional, want) {
		t.Errorf("Optional = %q, want %q", w.Optional, want)
	}
}

// TestWrongTypes checks that values of the wrong type are skipped rather
// than trusted: the schema rule reports them.
func TestWrongTypes(t *testing.T) {
	for _, src := range []string{
		`{"manifest_version": 3, "permissions": "tabs", "host_permissions": {"a": "https://a.com/*"}}`,
		`{"manifest_version": 3, "permissions": [1, null, ["tabs"]], "content_scripts": {"matches": ["<all_urls>"]}}`,
		`{"manifest_version": 3, "content_scripts": [1, {"matches": "https://a.com/*"}], "chrome_url_overrides": []}`,
	} {
		if w := forSource(t, src); len(w.Required)+len(w.Optional) != 0 {
			t.Errorf("%s: got %q, want no warnings", src, w)
		}
	}
}

func TestHostMessage(t *testing.T) {
	tests := []struct {
		hosts []string
		want  string
	}{
		{[]string{"a.com"}, "Read and change your data on a.com"},
		{[]string{"*.a.com", "b.com"}, "Read and change your data on all a.com sites and b.com"},
		{[]string{"a.com", "b.com", "*.c.com"}, "Read and change your data on a.com, b.com, and all c.com sites"},
		{[]string{"a.com", "b.com", "c.com", "d.com"}, msgHostsList},
	}
	for _, tt := range tests {
		if got := hostMessage(tt.hosts); got != tt.want {
			t.Errorf("hostMessage(%q) = %q, want %q", tt.hosts, got, tt.want)
		}
	}
}

func TestSplitRegistry(t *testing.T) {
	tests := []struct{ host, name, registry string }{
		{"www.google.co.uk", "www.google.", "co.uk"},
		{"*.google.com", "*.google.", "com"},
		{"foo.appspot.com", "foo.appspot.", "com"}, // private registries are excluded
		{"example.com.", "example.", "com."},
		{"foo.notatld", "foo.notatld", ""}, // unknown registries too
		{"localhost", "localhost", ""},
		{"co.uk", "co.uk", ""}, // a registry is all name
		{"192.168.0.1", "192.168.0.1", ""},
		{"a..", "a..", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		if name, registry := splitRegistry(tt.host); name != tt.name || registry != tt.registry {
			t.Errorf("splitRegistry(%q) = %q, %q; want %q, %q", tt.host, name, registry, tt.name, tt.registry)
		}
	}
}

func TestRegistryBetter(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"com", "net", true},
		{"net", "org", true},
		{"org", "de", true},
		{"net", "com", false},
		{"de", "fr", false},
		{"com", "com", false},
		{"com", "", true},
	}
	for _, tt := range tests {
		if got := registryBetter(tt.a, tt.b); got != tt.want {
			t.Errorf("registryBetter(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestTablesAgree checks the tables against each other: every ID a
// permission grants is required by some rule, and every rule has a message.
func TestTablesAgree(t *testing.T) {
	required := map[id]bool{}
	for _, r := range rules {
		for _, x := range r.required {
			required[x] = true
		}
		if !r.hostList && r.message == "" {
			t.Errorf("rule %v has no message", r.required)
		}
	}
	for name, p := range permissions {
		if p.id != 0 && !required[p.id] {
			t.Errorf("permission %q grants ID %d, which no rule requires", name, p.id)
		}
	}
	for _, k := range keyPermissions {
		if k.id != 0 && !required[k.id] {
			t.Errorf("key %q grants ID %d, which no rule requires", k.key, k.id)
		}
	}
}
