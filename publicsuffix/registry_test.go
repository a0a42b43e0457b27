package publicsuffix

import (
	"strings"
	"testing"
)

// registryTests lists, for a host H, whether Chrome's legacy check
// (URLPattern::MatchesEffectiveTld with INCLUDE_PRIVATE_REGISTRIES and
// INCLUDE_UNKNOWN_REGISTRIES) finds that "*.H" covers a registry, and of
// which kind. Sources:
//
//   - [unittest]: MatchesEffectiveTLD in Chromium's
//     extensions/common/url_pattern_unittest.cc; the legacy filters give
//     matches_public_or_private_tld || matches_public_or_unknown_tld.
//   - [§7.2]: the table in chrome-rules.md §7.2 (x/net v0.62.0).
//   - [156]: Chromium 156 (../shared/tools/chrome-verdict --permissions-only,
//     host_permissions ["*://*.H/*"]). Permission warnings use the default
//     filters EXCLUDE_PRIVATE and EXCLUDE_UNKNOWN, so they show ICANN
//     registries only: "all websites" for a registry, "all H sites" if not.
//   - [source]: worked out from registry_controlled_domain.cc.
//
// "x/net:" notes say what golang.org/x/net/publicsuffix alone answers where
// that differs, and how the package gets Chrome's answer.
var registryTests = []struct {
	host string
	want Kind
}{
	// ICANN registries.
	{"com", ICANN},   // [unittest] https://*.com/*, [156]
	{"co.uk", ICANN}, // [unittest] *://*.co.uk/*, [156]
	{"uk", ICANN},    // [§7.2], [156]
	{"bd", ICANN},    // [§7.2] the list now has a plain rule "bd"; [156]
	{"au", ICANN},    // [source]
	{"za", ICANN},    // [156] no rule "za", only "co.za" etc.: Chrome's list compiler adds one, x/net reports the node's section
	{"com.au", ICANN},
	{"ac.uk", ICANN},
	{"co.za", ICANN},    // [156]
	{"xn--p1ai", ICANN}, // [156]

	// Canonicalised first: x/net answers for the literal string only.
	{"COM", ICANN},                // [§7.2], [156]; x/net: not found, falls to the default rule
	{"CO.UK", ICANN},              // [§7.2], [156]; x/net: suffix "UK", so not a registry
	{"com.", ICANN},               // [§7.2], [156]; x/net: suffix ""
	{"\u0440\u0444", ICANN},       // [§7.2], [156] рф; x/net: not found
	{"\uff43\uff4f\uff4d", ICANN}, // [156] fullwidth "com"
	{"co%2euk", ICANN},            // [156]
	{"foo bar.com", NotRegistry},  // [156] "all foo%20bar.com sites"
	{"\u0440\u0444.", ICANN},      // [source] IDN and trailing dot
	{"Example.COM.", NotRegistry}, // [source]
	{"www.Example.CO.UK", NotRegistry},

	// Not registries: the host has a registrable part.
	{"example.com", NotRegistry},        // [unittest] *://*.example.com/*, [156]
	{"foo.notatld", NotRegistry},        // [§7.2]
	{"foo.appspot.com", NotRegistry},    // [§7.2]
	{"compute.amazonaws.com", Wildcard}, // [§7.2]: "*.compute.amazonaws.com"; Chrome's legacy check said no
	{"foo.bd", NotRegistry},             // [156]
	{"foo.za", NotRegistry},             // [156]

	// Private registries: counted because of INCLUDE_PRIVATE_REGISTRIES.
	{"appspot.com", Private}, // [unittest] *://*.appspot.com/* (true only with private), [§7.2]
	{"github.io", Private},   // [§7.2]
	{"blogspot.com", Private},
	{"googleapis.com", Private},
	{"s3.amazonaws.com", Private},
	{"dyndns.org", Private}, // x/net's own documentation
	{"us-east-1.compute.amazonaws.com", Private},

	// Unknown top-level domains: counted because of INCLUDE_UNKNOWN_REGISTRIES.
	{"notatld", Unknown}, // [unittest] *://*.notatld/* (true only with unknown), [§7.2]
	{"localhost", Unknown},
	{"test", Unknown},
	{"example", Unknown},
	{"local", Unknown},
	{"go", Unknown},

	// Wildcard parents: the list has "*.ck" but no "ck". Chrome stores the
	// rule under "ck", so neither "ck" nor "notatld.ck" has a registry-
	// controlled domain and its legacy check did not count "*.ck"; "*.foo.ck"
	// it did. Yet "*.ck" covers every registrant under every foo.ck: Wildcard.
	// x/net: "ck" falls to the default rule, so it looks like a registry;
	// the package detects the wildcard with the probe "notatld.ck".
	{"ck", Wildcard},            // [§7.2], [156] "all ck sites"
	{"er", Wildcard},            // [§7.2], [156]
	{"fk", Wildcard},            // [§7.2]
	{"jm", Wildcard},            // [§7.2], [156]
	{"kh", Wildcard},            // [§7.2]; list drift: Chromium 156 has a plain rule "kh" and says ICANN
	{"mm", Wildcard},            // [§7.2]
	{"np", Wildcard},            // [§7.2]
	{"pg", Wildcard},            // [§7.2]
	{"foo.ck", ICANN},           // [§7.2], [156] "all websites"
	{"notatld.ck", ICANN},       // [source]
	{"foo.er", ICANN},           // [156]
	{"foo.jm", ICANN},           // [156]
	{"www.ck", NotRegistry},     // [156] exception rule "!www.ck"
	{"bar.foo.ck", NotRegistry}, // [source]

	// Multi-label wildcard parents: x/net agrees, because it finds the
	// shorter suffix "jp".
	{"kawasaki.jp", Wildcard},         // [§7.2], [156]
	{"foo.kawasaki.jp", ICANN},        // [§7.2], [156]
	{"city.kawasaki.jp", NotRegistry}, // [§7.2], [156] exception rule "!city.kawasaki.jp"

	// The same for private wildcard rules.
	{"elb.amazonaws.com", Wildcard}, // "*.elb.amazonaws.com"
	{"foo.elb.amazonaws.com", Private},
	{"platformsh.site", Wildcard}, // "*.platformsh.site"
	{"foo.platformsh.site", Private},
	{"sys.qcx.io", Wildcard}, // "*.sys.qcx.io" under the rule "qcx.io"
	{"qcx.io", Private},
	// "*.futurecms.at" and "*.ex.futurecms.at": "ex.futurecms.at" is both a
	// suffix and a wildcard parent; Chrome's longest match is the wildcard.
	{"ex.futurecms.at", Wildcard},
	{"foo.ex.futurecms.at", Private},

	// IP addresses: Chrome's legacy check says yes for IPv4 ([source], see
	// doc.go), but a pattern never matches subdomains of an address.
	{"127.0.0.1", IP}, // [§7.2]; [156] "all 127.0.0.1 sites"
	{"0.0.0.1", IP},   // [§7.2]
	{"0x7f.1", IP},
	{"[::1]", IP},
}

func TestRegistry(t *testing.T) {
	for _, tt := range registryTests {
		got, err := Registry(tt.host)
		if got != tt.want || err != nil {
			t.Errorf("Registry(%q) = %v, %v; want %v", tt.host, got, err, tt.want)
		}
	}
}

func TestRegistryErrors(t *testing.T) {
	for _, tt := range []struct {
		host string
		want error
	}{
		// Chrome 156 answers "all websites" for "*..com" (it skips the
		// leading dot) and no registry for the other two; see doc.go.
		{".com", ErrEmptyLabel},
		{"com..", ErrEmptyLabel},
		{"a..com", ErrEmptyLabel},
		{"", ErrInvalidHost},
		{"a<b.com", ErrInvalidHost},
		{"example.1", ErrInvalidHost},
		{"::1", ErrInvalidHost}, // IPv6 needs brackets in a host
	} {
		got, err := Registry(tt.host)
		if got != NotRegistry || !sameError(err, tt.want) {
			t.Errorf("Registry(%q) = %v, %v; want %v, %v", tt.host, got, err, NotRegistry, tt.want)
		}
	}
}

func TestEffectiveTLDPlusOne(t *testing.T) {
	for _, tt := range []struct {
		host string
		want string
		err  error
	}{
		{"www.example.co.uk", "example.co.uk", nil},
		{"WWW.Example.COM.", "example.com", nil},
		{"foo.appspot.com", "foo.appspot.com", nil}, // private rules count
		{"bar.foo.appspot.com", "foo.appspot.com", nil},
		{"www.amazonaws.com", "amazonaws.com", nil},
		{"foo.notatld", "foo.notatld", nil}, // [§7.2] unknown TLD: last label
		{"a.b.notatld", "b.notatld", nil},
		{"b\u00fccher.de", "xn--bcher-kva.de", nil},
		{"www.city.kawasaki.jp", "city.kawasaki.jp", nil}, // exception rule
		{"city.kawasaki.jp", "city.kawasaki.jp", nil},     // [§7.2]
		{"a.b.kawasaki.jp", "a.b.kawasaki.jp", nil},
		{"bar.foo.ck", "bar.foo.ck", nil},
		{"www.ck", "www.ck", nil},
		{"com", "", ErrNoRegistrableDomain},   // [§7.2]
		{"co.uk", "", ErrNoRegistrableDomain}, // [§7.2]
		{"appspot.com", "", ErrNoRegistrableDomain},
		{"localhost", "", ErrNoRegistrableDomain},
		{"foo.ck", "", ErrNoRegistrableDomain},
		{"ck", "", ErrNoRegistrableDomain},
		// Chrome's GetDomainAndRegistry finds no domain in a wildcard parent;
		// x/net: "kawasaki.jp".
		{"kawasaki.jp", "", ErrNoRegistrableDomain},
		// The same with the private rule "*.compute.amazonaws.com"; x/net
		// ([§7.2]): "amazonaws.com", as Chrome without private registries.
		{"compute.amazonaws.com", "", ErrNoRegistrableDomain},
		{"127.0.0.1", "", ErrNoRegistrableDomain}, // Chrome: IP addresses have none
		{"[::1]", "", ErrNoRegistrableDomain},
		{"a..com", "", ErrEmptyLabel},
		{"a<b.com", "", ErrInvalidHost},
	} {
		got, err := EffectiveTLDPlusOne(tt.host)
		if got != tt.want || !sameError(err, tt.err) {
			t.Errorf("EffectiveTLDPlusOne(%q) = %q, %v; want %q, %v", tt.host, got, err, tt.want, tt.err)
		}
	}
}

func TestKindString(t *testing.T) {
	for _, tt := range []struct {
		k                    Kind
		want                 string
		isRegistry, isLegacy bool
	}{
		{NotRegistry, "not a registry", false, false},
		{ICANN, "icann", true, true},
		{Private, "private", true, true},
		{Unknown, "unknown", true, true},
		{IP, "ip", false, false},
		{Wildcard, "wildcard", true, false},
		{Kind(-1), "Kind(-1)", false, false},
		{Wildcard + 1, "Kind(6)", false, false},
	} {
		if got := tt.k.String(); got != tt.want {
			t.Errorf("Kind(%d).String() = %q; want %q", int(tt.k), got, tt.want)
		}
		if got := tt.k.IsRegistry(); got != tt.isRegistry {
			t.Errorf("%v.IsRegistry() = %v; want %v", tt.k, got, tt.isRegistry)
		}
		if got := tt.k.ChromeLegacy(); got != tt.isLegacy {
			t.Errorf("%v.ChromeLegacy() = %v; want %v", tt.k, got, tt.isLegacy)
		}
	}
}

func TestListRevision(t *testing.T) {
	got := ListRevision()
	if !strings.Contains(got, "public_suffix_list.dat") {
		t.Errorf("ListRevision() = %q; want the x/net list description", got)
	}
}
