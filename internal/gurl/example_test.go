package gurl_test

import (
	"fmt"

	"github.com/crxlint/crxlint/internal/gurl"
)

func ExampleParse() {
	u, ok := gurl.Parse(" HTTPS://Example.COM:443/a/./b/../c d?q#top")
	fmt.Println(u, ok, u.HasFragment)

	_, ok = gurl.Parse("https://example.com:99999/")
	fmt.Println(ok)
	// Output:
	// https://example.com/a/c%20d?q#top true true
	// false
}

func ExampleURL_Resolve() {
	ext, _ := gurl.Parse("chrome-extension://abcdefghijklmnopabcdefghijklmnop/")
	page, ok := ext.Resolve(`pages\..\options.html?tab=1`)
	fmt.Println(page.Path, ok)
	// Output:
	// /options.html true
}
