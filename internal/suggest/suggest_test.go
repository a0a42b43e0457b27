package suggest

import "testing"

func TestClosest(t *testing.T) {
	perms := []string{"tabs", "storage", "webRequest", "bookmarks", "contextMenus", "declarativeNetRequest"}
	tests := []struct{ word, want string }{
		{"tab", "tabs"},
		{"webrequest", "webRequest"},
		{"bookmark", "bookmarks"},
		{"contextMenu", "contextMenus"},
		{"declarativeNetRequst", "declarativeNetRequest"},
		{"storage", ""},     // already right
		{"geolocation", ""}, // nothing close
		{"x", ""},
	}
	for _, tt := range tests {
		if got := Closest(tt.word, perms); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
