package urlcanon

import (
	"errors"
	"net/netip"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzHost checks that Host never panics and that what it returns is
// consistent:
//   - a failure is an *Error for the input, with a reason and no host;
//   - a canonical host is non-empty ASCII and canonicalizes to itself with
//     the same family, also once lower-cased;
//   - an IPv4 host is four decimal numbers and an IPv6 host a bracketed
//     address, both as net/netip reads and writes them, but for the
//     IPv4-mapped form, which Chromium writes in hex ("::ffff:c0a8:1").
func FuzzHost(f *testing.F) {
	for _, tt := range hostTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, host string) {
		canon, family, err := Host(host)
		if err != nil {
			e, ok := errors.AsType[*Error](err)
			if !ok || e.Host != host || e.Reason == "" || canon != "" || family != HostName {
				t.Fatalf("Host(%q) = %q, %v, %#v; want no host and an *Error with a reason", host, canon, family, err)
			}
			return
		}
		if canon == "" || !isASCII(canon) {
			t.Fatalf("Host(%q) = %q: want non-empty ASCII", host, canon)
		}
		// Lower-casing changes no canonical host: its letters are lower
		// case but for the hex digits of escapes, which Host writes in
		// upper case.
		for _, in := range []string{canon, strings.ToLower(canon)} {
			if again, family2, err := Host(in); again != canon || family2 != family || err != nil {
				t.Fatalf("Host(%q) = %q, %v, but Host(%q) = %q, %v, %v", host, canon, family, in, again, family2, err)
			}
		}
		switch family {
		case IPv4:
			if a, err := netip.ParseAddr(canon); err != nil || !a.Is4() || a.String() != canon {
				t.Fatalf("Host(%q) = %q: not a canonical IPv4 address", host, canon)
			}
		case IPv6:
			inner, ok := strings.CutPrefix(canon, "[")
			inner, ok2 := strings.CutSuffix(inner, "]")
			a, err := netip.ParseAddr(inner)
			if !ok || !ok2 || err != nil || !a.Is6() || a.Zone() != "" || !IsIPv6(inner) {
				t.Fatalf("Host(%q) = %q: not a bracketed IPv6 address", host, canon)
			}
			if !a.Is4In6() && a.String() != inner {
				t.Fatalf("Host(%q) = %q; net/netip writes %q", host, canon, a)
			}
		case HostName:
			if strings.ContainsAny(canon, "[]:") {
				t.Fatalf("Host(%q) = %q: a host name with IPv6 characters", host, canon)
			}
		}
		if !utf8.ValidString(host) && !strings.Contains(host, "%") {
			t.Fatalf("Host(%q) = %q: invalid UTF-8 accepted", host, canon)
		}
	})
}
