package matchpattern_test

import (
	"errors"
	"fmt"

	"github.com/crxlint/crxlint/matchpattern"
)

func ExampleParse() {
	p, err := matchpattern.Parse("https://*.EXAMPLE.com/docs/*", matchpattern.HostPermissionSchemes)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p, p.Host(), p.MatchSubdomains())
	// Output: https://*.example.com/docs/* example.com true
}

func ExampleParse_error() {
	_, err := matchpattern.Parse("*://localhost:3000/*", matchpattern.ExternallyConnectableSchemes)
	fmt.Println(err)
	var pe *matchpattern.ParseError
	if errors.As(err, &pe) && pe.Result == matchpattern.InvalidPort {
		fmt.Println("Chrome says:", pe.Result)
	}
	// Output:
	// invalid match pattern "*://localhost:3000/*": Invalid port.
	// Chrome says: Invalid port.
}

func ExamplePattern_IsStandardScheme() {
	// Under SchemeAll this is not a web pattern at all: the scheme is
	// "localhost" and "3000/*" is the path.
	p, _ := matchpattern.Parse("localhost:3000/*", matchpattern.ExternallyConnectableSchemes)
	fmt.Println(p.Scheme(), p.Path(), p.IsStandardScheme())
	// Output: localhost 3000/* false
}

func ExamplePattern_MatchesURL() {
	p, _ := matchpattern.Parse("*://*.example.com/app/*", matchpattern.HostPermissionSchemes)
	for _, u := range []string{
		"https://example.com/app",
		"http://www.example.com./app/x?y",
		"ftp://example.com/app/",
		"https://notexample.com/app/",
	} {
		fmt.Println(u, p.MatchesURL(u))
	}
	// Output:
	// https://example.com/app true
	// http://www.example.com./app/x?y true
	// ftp://example.com/app/ false
	// https://notexample.com/app/ false
}

func ExamplePattern_Contains() {
	broad, _ := matchpattern.Parse("https://*.example.com/*", matchpattern.HostPermissionSchemes)
	narrow, _ := matchpattern.Parse("https://api.example.com/v1/*", matchpattern.HostPermissionSchemes)
	fmt.Println(broad.Contains(narrow), narrow.Contains(broad), broad.OverlapsWith(narrow))
	// Output: true false true
}
