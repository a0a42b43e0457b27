package extension

import "testing"

func TestFile(t *testing.T) {
	tests := []struct {
		dir, ref string
		name     string
		ok       bool
	}{
		{"", "popup.html", "popup.html", true},
		{"", "/pages/popup.html?tab=1#top", "pages/popup.html", true},
		{"", `pages\popup.html`, "pages/popup.html", true},
		{"", "../../popup.html", "popup.html", true},
		{"", "%2e%2e/popup.html", "popup.html", true},
		{"", "my%20page.html", "my page.html", true},
		{"", "caf%C3%A9.html", "café.html", true},
		{"", "100%.html", "100%.html", true},
		{"", " popup.html\t", "popup.html", true},
		{"", "pages//popup.html", "pages/popup.html", true},
		{"", "?tab=1", "", true},
		{"", "a%2Fb.html", "", false}, // an escaped slash
		{"", "a%5Cb.html", "", false}, // an escaped backslash
		{"", "a%0Ab.html", "", false}, // an escaped control character
		{"", "//example.com/popup.html", "", false},
		{"", "https://example.com/popup.html", "", false},
		{"lib", "a.js", "lib/a.js", true},
		{"lib", "./a.js", "lib/a.js", true},
		{"lib", "../a.js", "a.js", true},
		{"lib", "/a.js", "a.js", true},
		{"lib/x", "../../../a.js", "a.js", true},
		{"lib", "data:text/javascript,1", "", false},
		{"100% #1?", "a.js", "100% #1?/a.js", true}, // the folder's name is not a URL
	}
	for _, tt := range tests {
		name, ok := File(tt.dir, tt.ref)
		if name != tt.name || ok != tt.ok {
			t.Errorf("File(%q, %q) = %q, %v; want %q, %v", tt.dir, tt.ref, name, ok, tt.name, tt.ok)
		}
	}
}
