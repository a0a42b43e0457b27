package urlcanon

import (
	"errors"
	"strings"
	"testing"
)

// hostTests lists what Chromium makes of a host. The rows are from Chromium's
// url/url_canon_unittest.cc (URLCanonHostTest.Host in non-transitional mode,
// URLCanonTest.IPv4 and IPv6), from what Chromium 156 was seen to do, and
// from the edges of this port. Every row whose host has none of / ? # @ \
// (which end a host in a URL) was put to Chromium 156 as
// new URL("http://HOST/").hostname, which agrees: a row with a reason is one
// for which the URL is invalid. The reasons are this package's own, but for
// idnaError.
var hostTests = []struct {
	in     string
	want   string
	family Family
	reason string // "" if Chromium accepts the host
}{
	// ASCII: lower case, trailing dots and empty labels kept.
	{"GoOgLe.CoM", "google.com", HostName, ""},
	{"example.com.", "example.com.", HostName, ""},
	{".com", ".com", HostName, ""},
	{"a..com", "a..com", HostName, ""},
	{"com..", "com..", HostName, ""},
	{".", ".", HostName, ""},
	{"_dmarc.Example_Host.com", "_dmarc.example_host.com", HostName, ""},
	{"xn--zz", "xn--zz", HostName, ""}, // an ASCII host skips IDNA
	{"", "", HostName, "empty host"},

	// Host characters (kHostCharLookup).
	{"!\"$&'()+,-.;=_`{}~", "!\"$&'()+,-.;=_`{}~", HostName, ""},
	{"foo bar.com", "foo%20bar.com", HostName, ""}, // https://crbug.com/1416013
	{"*", "%2A", HostName, ""},
	{"Goo%2a*goo.com", "goo%2A%2Agoo.com", HostName, ""},
	{"a#b", "", HostName, "forbidden character '#'"},
	{"a/b", "", HostName, "forbidden character '/'"},
	{"a<b", "", HostName, "forbidden character '<'"},
	{"a>b", "", HostName, "forbidden character '>'"},
	{"a?b", "", HostName, "forbidden character '?'"},
	{"a@b", "", HostName, "forbidden character '@'"},
	{"a\\b", "", HostName, "forbidden character '\\\\'"},
	{"a^b", "", HostName, "forbidden character '^'"},
	{"a|b", "", HostName, "forbidden character '|'"},
	{"a\x00b", "", HostName, "forbidden character '\\x00'"},
	{"a\x7fb", "", HostName, "forbidden character '\\x7f'"},
	{"a%b", "", HostName, "invalid percent-escape"},

	// Escapes.
	{"%41.com", "a.com", HostName, ""},
	{"co%2euk", "co.uk", HostName, ""},
	{"%zz%66%a", "", HostName, "invalid percent-escape"},
	{"%4", "", HostName, "invalid percent-escape"},
	{"%25", "", HostName, "forbidden character '%'"},
	{"hello%00", "", HostName, "forbidden character '\\x00'"},
	{"%E4%BD%A0%E5%A5%BD\u4f60\u597d", "xn--6qqa088eba", HostName, ""},
	{"%ef%bc%85%ef%bc%94%ef%bc%91.com", "a.com", HostName, ""}, // fullwidth "%41"
	{"%ff.com", "", HostName, "invalid UTF-8"},
	{"\xff.com", "", HostName, "invalid UTF-8"},

	// IDNA: UTS #46 non-transitional, Bidi and ContextJ, no STD3 rules.
	{"M\u00dcNCHEN", "xn--mnchen-3ya", HostName, ""},
	{"m\u00fcnchen.de.", "xn--mnchen-3ya.de.", HostName, ""},
	{"\u00fc..com", "xn--tda..com", HostName, ""},
	{"fu\u00dfball.de", "xn--fuball-cta.de", HostName, ""},
	{"\u03c3\u03cc\u03bb\u03bf\u03c2", "xn--wxaijb9b", HostName, ""},
	{"www.foo\u3002bar.com", "www.foo.bar.com", HostName, ""},
	{"\uff27\uff4f.com", "go.com", HostName, ""},
	{"GOO\u00a0\u3000goo.com", "goo%20%20goo.com", HostName, ""},
	{"GOO\u200b\u2060\ufeffgoo.com", "googoo.com", HostName, ""},
	{"\uff05\uff14\uff11.com", "a.com", HostName, ""},
	{"\uff05\uff10\uff10.com", "", HostName, "forbidden character '\\x00'"},
	{"\ufe6a81.com", "", HostName, "escape in IDNA output decodes to non-ASCII"},
	{"foo_bar.b\u00fccher.de", "foo_bar.xn--bcher-kva.de", HostName, ""},
	{"wow\uff01", "wow!", HostName, ""},
	{"\u0442(", "xn--(-8tb", HostName, ""},
	{"a\u200cb.com", "", HostName, idnaError},
	{"\u0915\u094d\u200d\u091c", "xn--11bo0mv54g", HostName, ""},
	{"\u062c\u0627\u0631xyz", "", HostName, idnaError},
	{"\u062c\u0627\u0631\u0662", "xn--mgbjq0r", HostName, ""},
	{"\ufdd0zyx.com", "", HostName, idnaError},
	{"xn--m\u00fcnchen", "", HostName, idnaError},
	{"\u00ad", "", HostName, "IDNA maps the host to nothing"},
	{"\u00fc<b", "", HostName, "forbidden character '<'"},

	// Unicode 16.0 and later changes bridged for x/net's 15.0 tables.
	{"\u1e9e.com", "xn--zca.com", HostName, ""},
	{"stra\u1e9ee.de", "xn--strae-oqa.de", HostName, ""},
	{"a\u180eb.com", "ab.com", HostName, ""},
	{"\u180e.com", ".com", HostName, ""},

	// IPv4: any form Chromium accepts; a host ending in a number must be one.
	{"192.168.0.1", "192.168.0.1", IPv4, ""},
	{"192.168.0.1.", "192.168.0.1", IPv4, ""},
	{"0x7f.1", "127.0.0.1", IPv4, ""},
	{"0x7f.1.", "127.0.0.1", IPv4, ""},
	{"0300.0250.00.01", "192.168.0.1", IPv4, ""},
	{"0xC0.0Xa8.0x0.0x1", "192.168.0.1", IPv4, ""},
	{"192", "0.0.0.192", IPv4, ""},
	{"0xC0a80001", "192.168.0.1", IPv4, ""},
	{"030052000001", "192.168.0.1", IPv4, ""},
	{"192.0x00A80001", "192.168.0.1", IPv4, ""},
	{"0.00.0x.0x0", "0.0.0.0", IPv4, ""},
	{"0xFFFFFFFF", "255.255.255.255", IPv4, ""},
	{"00000000000000000001", "0.0.0.1", IPv4, ""},
	{"0000000000000300.0x00000000000000fF.00000000000000001", "192.255.0.1", IPv4, ""},
	{"%30%78%63%30%2e%30%32%35%30.01%2e", "192.168.0.1", IPv4, ""},
	{"\uff10\uff38\uff43\uff10\uff0e\uff10\uff12\uff15\uff10\uff0e\uff10\uff11", "192.168.0.1", IPv4, ""},
	{"192.168.9.com", "192.168.9.com", HostName, ""},
	{"19.168.0.1a", "19.168.0.1a", HostName, ""},
	{"0.0.0.000000000000000000z", "0.0.0.000000000000000000z", HostName, ""},
	{"1.2.0xB3A73CE5B59.de", "1.2.0xb3a73ce5b59.de", HostName, ""},
	{"192.168.0.1..", "192.168.0.1..", HostName, ""},
	{"19a.168.0.1", "", HostName, "malformed IPv4 address"},
	{"example.1", "", HostName, "malformed IPv4 address"},
	{"0308.0250.00.01", "", HostName, "malformed IPv4 address"},
	{"1.2.3.08", "", HostName, "malformed IPv4 address"},
	{"192.168.0.0.1", "", HostName, "malformed IPv4 address"},
	{"192.168..1", "", HostName, "malformed IPv4 address"},
	{"0x100.0", "", HostName, "malformed IPv4 address"},
	{"0.0.0x10000", "", HostName, "malformed IPv4 address"},
	{"0x100000000", "", HostName, "malformed IPv4 address"},
	{"4294967296", "", HostName, "malformed IPv4 address"},
	{"0000000000000000100000000000000001", "", HostName, "malformed IPv4 address"},
	{"12345678912345.0xde", "", HostName, "malformed IPv4 address"},
	{"\U0001f4a9.2.3.4", "", HostName, "malformed IPv4 address"},

	// IPv6: in brackets only, written shortest.
	{"[::]", "[::]", IPv6, ""},
	{"[::1]", "[::1]", IPv6, ""},
	{"[1::]", "[1::]", IPv6, ""},
	{"[000:01:02:003:004:5:6:007]", "[0:1:2:3:4:5:6:7]", IPv6, ""},
	{"[A:b:c:DE:fF:0:1:aC]", "[a:b:c:de:ff:0:1:ac]", IPv6, ""},
	{"[1:0:0:2::3:0]", "[1::2:0:0:3:0]", IPv6, ""},
	{"[1:2:3:4:5:6::8]", "[1:2:3:4:5:6:0:8]", IPv6, ""},
	{"[0:0::0:0:8]", "[::8]", IPv6, ""},
	{"[::ffff:192.168.0.1]", "[::ffff:c0a8:1]", IPv6, ""},
	{"[::ffff:0xC0.0Xa8.0x0.0x1]", "[::ffff:c0a8:1]", IPv6, ""},
	{"[%3A%3A1]", "[::1]", IPv6, ""},
	{"2001:db8::1", "", HostName, "malformed IPv6 address"},
	{"[2001:db8::1", "", HostName, "malformed IPv6 address"},
	{"[]", "", HostName, "malformed IPv6 address"},
	{"[:]", "", HostName, "malformed IPv6 address"},
	{"[:::]", "", HostName, "malformed IPv6 address"},
	{"[2001::db8::1]", "", HostName, "malformed IPv6 address"},
	{"[1:2:3:4:5:6:7:8:9]", "", HostName, "malformed IPv6 address"},
	{"[1:2:3:4:5:6::192.168.0.1]", "", HostName, "malformed IPv6 address"},
	{"[0:0:0:0:0:0:0:192.168.0.1]", "", HostName, "malformed IPv6 address"},
	{"[::ffff:192.1.2]", "", HostName, "malformed IPv6 address"},
	{"[::ffff:192.168.0.1.]", "", HostName, "malformed IPv6 address"},
	{"[::192.168..1]", "", HostName, "malformed IPv6 address"},
	{"[12345::]", "", HostName, "malformed IPv6 address"},
	{"[:0:0::0:0:8]", "", HostName, "malformed IPv6 address"},
	{"[0:0::0:0:8:]", "", HostName, "malformed IPv6 address"},
	{"[::1]a", "", HostName, "malformed IPv6 address"},
	{"[::1].", "", HostName, "malformed IPv6 address"},
	{"[::1 hello]", "", HostName, "malformed IPv6 address"},
	{"[1::%1]", "", HostName, "invalid percent-escape"},
}

// idnaError stands for any reason that x/net's idna package gives; its text
// names the rune or label at fault.
const idnaError = "idna: …"

func TestHost(t *testing.T) {
	for _, tt := range hostTests {
		got, family, err := Host(tt.in)
		reason := ""
		if err != nil {
			e, ok := errors.AsType[*Error](err)
			if !ok || e.Host != tt.in {
				t.Errorf("Host(%q) error %#v; want an *Error for the host", tt.in, err)
				continue
			}
			reason = e.Reason
		}
		if tt.reason == idnaError && strings.HasPrefix(reason, "idna: ") {
			reason = idnaError
		}
		if got != tt.want || family != tt.family || reason != tt.reason {
			t.Errorf("Host(%q) = %q, %v, %q; want %q, %v, %q",
				tt.in, got, family, reason, tt.want, tt.family, tt.reason)
		}
	}
}

func TestHostIdempotent(t *testing.T) {
	for _, tt := range hostTests {
		if tt.reason != "" {
			continue
		}
		if got, family, err := Host(tt.want); got != tt.want || family != tt.family || err != nil {
			t.Errorf("Host(%q) = %q, %v, %v; want it unchanged", tt.want, got, family, err)
		}
	}
}

// TestHostIDNLength checks Chromium's limit on the escaped host handed to
// IDNA, 253*5 UTF-16 code units (kMaxHostBufferLength), at its edge. ASCII
// hosts have no limit. The labels are short, because ICU also refuses to
// punycode a label of more than 1000 code units (see the package
// documentation). Chromium 156 agrees on every row.
func TestHostIDNLength(t *testing.T) {
	labels := func(label string, n int) string { return strings.Repeat(label+".", n) }
	for _, tt := range []struct {
		name string
		in   string
		ok   bool
	}{
		{"ASCII", strings.Repeat("a", 2000), true},
		{"1265 units", "\u00fc" + labels(strings.Repeat("a", 59), 21) + "aaaa", true},
		{"1266 units", "\u00fc" + labels(strings.Repeat("a", 59), 21) + "aaaaa", false},
		{"surrogate pair, 1265 units", "\U0001d68c" + labels(strings.Repeat("a", 59), 21) + "aaa", true},
		{"surrogate pair, 1266 units", "\U0001d68c" + labels(strings.Repeat("a", 59), 21) + "aaaa", false},
		{"escapes, 1265 units", "\u00fc." + labels(strings.Repeat("*", 20), 20) + strings.Repeat("*", 14) + "a", true},
		{"escapes, 1266 units", "\u00fc." + labels(strings.Repeat("*", 20), 20) + strings.Repeat("*", 14) + "aa", false},
	} {
		if _, _, err := Host(tt.in); (err == nil) != tt.ok {
			t.Errorf("%s: Host error %v; want ok = %v", tt.name, err, tt.ok)
		}
	}
}

func TestIsIPv6(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"::", true},
		{"::1", true},
		{"2001:DB8::1", true},
		{"1:2:3:4:5:6:7:8", true},
		{"::ffff:192.168.0.1", true},
		{"::ffff:0xc0.0xa8.0.1", true},
		{"", false},
		{"[::1]", false}, // no brackets
		{":", false},
		{":::", false},
		{"1:2:3:4:5:6:7", false},
		{"1:2:3:4:5:6:7:8:9", false},
		{"fe80::1%eth0", false}, // zones never appear in a URL host
		{"::%31", false},        // no escapes
		{"::ffff:192.168.0", false},
		{"127.0.0.1", false},
	} {
		if got := IsIPv6(tt.in); got != tt.want {
			t.Errorf("IsIPv6(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestErrorText(t *testing.T) {
	_, _, err := Host("a<b")
	if want := `urlcanon: invalid host "a<b": forbidden character '<'`; err == nil || err.Error() != want {
		t.Errorf("Host(%q) error = %v; want %s", "a<b", err, want)
	}
}

func TestFamilyString(t *testing.T) {
	for f, want := range map[Family]string{HostName: "host name", IPv4: "IPv4", IPv6: "IPv6", 7: "Family(7)"} {
		if got := f.String(); got != want {
			t.Errorf("Family(%d).String() = %q; want %q", uint8(f), got, want)
		}
	}
}
