package permwarn_test

import (
	"fmt"

	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/permwarn"
)

func ExampleFor() {
	doc, err := manifest.Parse([]byte(`{
	  "manifest_version": 3, "name": "Reader", "version": "1",
	  "permissions": ["tabs", "history", "storage"],
	  "host_permissions": ["https://*.example.com/*", "https://news.example.org/*"],
	  "optional_permissions": ["bookmarks"]
	}`))
	if err != nil {
		panic(err)
	}
	w := permwarn.For(doc.Root())
	for _, s := range w.Required {
		fmt.Println(s)
	}
	for _, s := range w.Optional {
		fmt.Println("may ask for:", s)
	}
	// Output:
	// Read and change your data on all example.com sites and news.example.org
	// Read and change your browsing history on all your signed-in devices
	// may ask for: Read and change your bookmarks
}
