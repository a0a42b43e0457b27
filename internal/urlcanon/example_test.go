package urlcanon_test

import (
	"fmt"

	"github.com/crxlint/crxlint/internal/urlcanon"
)

func ExampleHost() {
	for _, host := range []string{"Bücher.Example.", "0x7f.1", "[0:0::1]", "foo bar.com", "example.1", "a<b"} {
		canon, family, err := urlcanon.Host(host)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: %s\n", family, canon)
	}
	// Output:
	// host name: xn--bcher-kva.example.
	// IPv4: 127.0.0.1
	// IPv6: [::1]
	// host name: foo%20bar.com
	// urlcanon: invalid host "example.1": malformed IPv4 address
	// urlcanon: invalid host "a<b": forbidden character '<'
}
