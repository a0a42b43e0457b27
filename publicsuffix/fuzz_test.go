package publicsuffix

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// addSeeds adds every host of the table tests to f's corpus.
func addSeeds(f *testing.F) {
	for _, tt := range canonTests {
		f.Add(tt.in)
	}
	for _, tt := range registryTests {
		f.Add(tt.host)
	}
}

func FuzzCanonicalize(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, host string) {
		c, err := Canonicalize(host)
		if err != nil {
			if c != "" {
				t.Errorf("Canonicalize(%q) = %q, %v; want no host with an error", host, c, err)
			}
			if !errors.Is(err, ErrInvalidHost) && !errors.Is(err, ErrEmptyLabel) {
				t.Errorf("Canonicalize(%q) error %v wraps neither ErrInvalidHost nor ErrEmptyLabel", host, err)
			}
			if IsIP(host) && !strings.Contains(host, ":") {
				t.Errorf("IsIP(%q) = true, but Canonicalize fails: %v", host, err)
			}
			return
		}

		if c2, err := Canonicalize(c); c2 != c || err != nil {
			t.Errorf("Canonicalize(%q) = %q, but Canonicalize(%q) = %q, %v", host, c, c, c2, err)
		}
		if c == "" || strings.HasSuffix(c, ".") || !utf8.ValidString(c) || !isASCII(c) {
			t.Errorf("Canonicalize(%q) = %q: want non-empty ASCII without a trailing dot", host, c)
		}
		if hasUpperOutsideEscapes(c) {
			t.Errorf("Canonicalize(%q) = %q: upper case outside %%XX escapes", host, c)
		}
		if IsIP(c) != IsIP(host) {
			t.Errorf("IsIP(%q) = %v, but IsIP(%q) = %v", host, IsIP(host), c, IsIP(c))
		}
	})
}

func FuzzRegistry(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, host string) {
		k, err := Registry(host)
		c, cerr := Canonicalize(host)
		if (err == nil) != (cerr == nil) {
			t.Fatalf("Registry(%q) error %v, but Canonicalize error %v", host, err, cerr)
		}
		if err != nil {
			if k != NotRegistry {
				t.Errorf("Registry(%q) = %v with error %v; want %v", host, k, err, NotRegistry)
			}
			if _, derr := EffectiveTLDPlusOne(host); derr == nil || derr.Error() != err.Error() {
				t.Errorf("EffectiveTLDPlusOne(%q) error %v; want the Registry error %v", host, derr, err)
			}
			return
		}

		if k < NotRegistry || k > Wildcard {
			t.Fatalf("Registry(%q) = %v: not a defined Kind", host, k)
		}
		if k2, err := Registry(c); k2 != k || err != nil {
			t.Errorf("Registry(%q) = %v, but Registry(%q) = %v, %v", host, k, c, k2, err)
		}
		if (k == IP) != IsIP(host) {
			t.Errorf("Registry(%q) = %v, but IsIP = %v", host, k, IsIP(host))
		}

		d, derr := EffectiveTLDPlusOne(host)
		switch {
		case k == IP || k.IsRegistry():
			if !errors.Is(derr, ErrNoRegistrableDomain) {
				t.Errorf("Registry(%q) = %v, but EffectiveTLDPlusOne = %q, %v", host, k, d, derr)
			}
		case derr == nil:
			if d != c && !strings.HasSuffix(c, "."+d) {
				t.Errorf("EffectiveTLDPlusOne(%q) = %q: not a suffix of %q", host, d, c)
			}
			if d2, err := EffectiveTLDPlusOne(d); d2 != d || err != nil {
				t.Errorf("EffectiveTLDPlusOne(%q) = %q, %v; want it unchanged", d, d2, err)
			}
			if k2, _ := Registry(d); k2 != NotRegistry {
				t.Errorf("Registry(%q) = %v for the eTLD+1 of %q", d, k2, host)
			}
		}

		// What "registry" means: one more label makes a registrable domain,
		// or, under a wildcard rule, a registry, and two more labels do.
		if k == Wildcard {
			if k2, err := Registry(probeLabel + "." + c); !k2.ChromeLegacy() || err != nil {
				t.Errorf("Registry(%q) = %v, but Registry of a child = %v, %v", host, k, k2, err)
			}
			c = probeLabel + "." + c
		}
		if k.IsRegistry() {
			child := probeLabel + "." + c
			if d, err := EffectiveTLDPlusOne(child); d != child || err != nil {
				t.Errorf("Registry(%q) = %v, but EffectiveTLDPlusOne(%q) = %q, %v", host, k, child, d, err)
			}
		}
	})
}

// hasUpperOutsideEscapes reports whether s has an upper-case ASCII letter
// that is not one of the hex digits of a %XX escape.
func hasUpperOutsideEscapes(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '%' && i+2 < len(s):
			i += 2
		case 'A' <= c && c <= 'Z':
			return true
		}
	}
	return false
}
