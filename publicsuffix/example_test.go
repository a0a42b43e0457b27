package publicsuffix_test

import (
	"fmt"

	"github.com/crxlint/crxlint/publicsuffix"
)

func ExampleRegistry() {
	// The hosts of "*.HOST" patterns in externally_connectable.matches.
	for _, host := range []string{"co.uk", "appspot.com", "notatld", "ck", "foo.ck", "example.com", "127.0.0.1"} {
		kind, err := publicsuffix.Registry(host)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("*.%s: %v (covers a registry: %v)\n", host, kind, kind.IsRegistry())
	}
	// Output:
	// *.co.uk: icann (covers a registry: true)
	// *.appspot.com: private (covers a registry: true)
	// *.notatld: unknown (covers a registry: true)
	// *.ck: wildcard (covers a registry: true)
	// *.foo.ck: icann (covers a registry: true)
	// *.example.com: not a registry (covers a registry: false)
	// *.127.0.0.1: ip (covers a registry: false)
}

func ExampleCanonicalize() {
	for _, host := range []string{"Bücher.Example.", "0x7f.1", "[0:0::1]", "a<b"} {
		c, err := publicsuffix.Canonicalize(host)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(c)
	}
	// Output:
	// xn--bcher-kva.example
	// 127.0.0.1
	// [::1]
	// publicsuffix: invalid host "a<b": forbidden character '<'
}

func ExampleEffectiveTLDPlusOne() {
	d, err := publicsuffix.EffectiveTLDPlusOne("WWW.Example.CO.UK.")
	fmt.Println(d, err)
	_, err = publicsuffix.EffectiveTLDPlusOne("github.io")
	fmt.Println(err)
	// Output:
	// example.co.uk <nil>
	// publicsuffix: no registrable domain for "github.io": it is a public suffix
}
