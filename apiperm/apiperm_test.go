package apiperm

import (
	"slices"
	"strings"
	"testing"
)

func TestTableIsSortedAndWellFormed(t *testing.T) {
	for i, f := range features {
		if i > 0 && features[i-1].Path >= f.Path {
			t.Errorf("%q comes after %q: the table must be sorted, without repeats", f.Path, features[i-1].Path)
		}
		for _, n := range f.Needs {
			if (len(n.Permissions) == 0) == (n.Key == "") {
				t.Errorf("%s: a need names permissions or a manifest key, not both or neither: %+v", f.Path, n)
			}
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		chain   string
		path    string // "" when Lookup must report false
		needs   string // the needs, as "a|b,key:k,call:c"
		content bool
	}{
		{"runtime.connectNative", "runtime.connectNative", "nativeMessaging", false},
		{"runtime.sendNativeMessage", "runtime.sendNativeMessage", "nativeMessaging", false},
		{"runtime.onMessage.addListener", "runtime.onMessage", "", true},
		{"runtime.getPlatformInfo", "runtime", "", false},
		{"runtime.OnInstalledReason.INSTALL", "", "", false},
		{"bookmarks.getTree", "bookmarks", "bookmarks", false},
		{"storage.local.get", "storage", "storage", true},
		{"system.cpu.getInfo", "system.cpu", "system.cpu", false},
		{"system", "", "", false},
		{"management.getSelf", "management.getSelf", "", false},
		{"management.getAll", "management", "management", false},
		{"declarativeNetRequest.updateDynamicRules", "declarativeNetRequest", "declarativeNetRequest|declarativeNetRequestWithHostAccess", false},
		{"declarativeNetRequest.getMatchedRules", "declarativeNetRequest.getMatchedRules", "declarativeNetRequest|declarativeNetRequestWithHostAccess,call:declarativeNetRequestFeedback|activeTab", false},
		{"downloads.open", "downloads.open", "downloads,call:downloads.open", false},
		{"action.setBadgeText", "action", "key:action", false},
		{"devtools.panels.create", "devtools", "key:devtools_page", false},
		{"windows.getAll", "windows", "", false},
		{"i18n.getMessage", "i18n", "", true},
		{"loadTimes", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		var chain []string
		if tt.chain != "" {
			chain = strings.Split(tt.chain, ".")
		}
		f, ok := Lookup(chain)
		if !ok {
			if tt.path != "" {
				t.Errorf("Lookup(%s) found nothing, want %s", tt.chain, tt.path)
			}
			continue
		}
		if got := describe(f.Needs); f.Path != tt.path || got != tt.needs || f.ContentScript != tt.content {
			t.Errorf("Lookup(%s) = %s needing %q (content scripts %v), want %s needing %q (%v)",
				tt.chain, f.Path, got, f.ContentScript, tt.path, tt.needs, tt.content)
		}
	}
}

func describe(needs []Need) string {
	var parts []string
	for _, n := range needs {
		s := strings.Join(n.Permissions, "|")
		if n.Key != "" {
			s = "key:" + n.Key
		}
		if n.AtCall {
			s = "call:" + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ",")
}

func TestCanonical(t *testing.T) {
	for in, want := range map[string]string{"windows": "tabs", "unlimited_storage": "unlimitedStorage", "tabs": "tabs", "bookmarks": "bookmarks"} {
		if got := Canonical(in); got != want {
			t.Errorf("Canonical(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUsesOf(t *testing.T) {
	tests := []struct {
		permission string
		apis, keys []string // nil apis: not judged
	}{
		{"bookmarks", []string{"bookmarks"}, nil},
		{"nativeMessaging", []string{"runtime.connectNative", "runtime.onConnectNative", "runtime.sendNativeMessage"}, nil},
		{"gcm", []string{"gcm", "instanceID"}, nil},
		{"declarativeNetRequest", []string{"declarativeNetRequest", "declarativeNetRequest.getMatchedRules", "declarativeNetRequest.onRuleMatchedDebug"}, []string{"declarative_net_request"}},
		{"downloads.open", []string{"downloads.open"}, nil},
		{"tabs", []string{"tabs", "windows", "sessions", "action.onClicked", "browserAction.onClicked", "commands.onCommand", "contextMenus.onClicked", "pageAction.onClicked"}, nil},
		{"sidePanel", []string{"sidePanel"}, []string{"side_panel"}},
		{"activeTab", nil, nil},
		{"notifications", nil, nil},
		{"background", nil, nil},
		{"unlimitedStorage", nil, nil},
		{"nope", nil, nil},
	}
	for _, tt := range tests {
		u, ok := UsesOf(tt.permission)
		if ok != (tt.apis != nil) || !slices.Equal(u.APIs, tt.apis) || !slices.Equal(u.Keys, tt.keys) || u.Senders != (tt.permission == "tabs") {
			t.Errorf("UsesOf(%q) = %v, %v; want APIs %v, keys %v", tt.permission, u, ok, tt.apis, tt.keys)
		}
	}
}

func TestWebPageFeaturesReachContentScripts(t *testing.T) {
	var web []string
	for _, f := range features {
		if f.WebPage {
			web = append(web, f.Path)
			if !f.ContentScript {
				t.Errorf("%s: web pages reach it, so content scripts must too", f.Path)
			}
		}
	}
	if want := []string{"runtime.connect", "runtime.lastError", "runtime.sendMessage"}; !slices.Equal(web, want) {
		t.Errorf("web page features = %v, want %v", web, want)
	}
}
