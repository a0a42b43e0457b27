package permwarn

import (
	"slices"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/manifest"
)

func TestEscalations(t *testing.T) {
	const head = `"manifest_version": 3, "name": "x", "version": "1"`
	tests := []struct {
		name, prev, next string
		want             []string // "warning <- cause, cause"
	}{
		{"nothing new", `"permissions": ["bookmarks"]`, `"permissions": ["bookmarks", "storage"]`, nil},
		{
			"a new warning", `"permissions": ["storage"]`, `"permissions": ["storage", "bookmarks"]`,
			[]string{"Read and change your bookmarks <- bookmarks"},
		},
		{"a permission whose warning another covers", `"permissions": ["history"]`, `"permissions": ["history", "tabs"]`, nil},
		{
			"a new host", `"host_permissions": ["https://a.example/*"]`, `"host_permissions": ["https://a.example/*", "https://b.example/*"]`,
			[]string{"Read and change your data on a.example and b.example <- https://b.example/*"},
		},
		{"a host already reached", `"host_permissions": ["<all_urls>"]`, `"host_permissions": ["<all_urls>", "https://b.example/*"]`, nil},
		{"fewer hosts", `"host_permissions": ["https://a.example/*", "https://b.example/*"]`, `"host_permissions": ["https://a.example/*"]`, nil},
		{
			"a content script on a new site", `"permissions": []`, `"content_scripts": [{"matches": ["https://c.example/*"], "js": ["c.js"]}]`,
			[]string{"Read and change your data on c.example <- https://c.example/*"},
		},
		{
			"every site", `"permissions": ["tabs"]`, `"permissions": ["tabs"], "host_permissions": ["<all_urls>"]`,
			[]string{"Read and change all your data on all websites <- <all_urls>"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range Escalations(root(t, "{"+head+", "+tt.prev+"}"), root(t, "{"+head+", "+tt.next+"}")) {
				got = append(got, e.Warning+" <- "+strings.Join(e.Causes, ", "))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("escalations %q, want %q", got, tt.want)
			}
		})
	}
}

func root(t *testing.T, src string) *manifest.Node {
	t.Helper()
	doc, err := manifest.Parse([]byte(src))
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return doc.Root()
}
