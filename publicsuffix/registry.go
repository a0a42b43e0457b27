package publicsuffix

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/publicsuffix"

	"github.com/crxlint/crxlint/internal/urlcanon"
)

// Kind says what kind of registry a host is.
type Kind int

const (
	// NotRegistry means the host is not a registry: a pattern "*.host"
	// covers the sites of one registrant only ("example.com",
	// "foo.appspot.com"), or, for a wildcard parent such as "ck", Chrome does
	// not treat it as covering a registry.
	NotRegistry Kind = iota

	// ICANN means the host is a registry from the ICANN section of the
	// Public Suffix List: "com", "co.uk", "foo.ck".
	ICANN

	// Private means the host is a registry from the private section of the
	// list, run by a company for its customers: "appspot.com", "github.io".
	Private

	// Unknown means the host is a single label that is not in the list
	// ("notatld", "localhost"). Chrome's legacy externally_connectable check
	// counted these as registries (INCLUDE_UNKNOWN_REGISTRIES).
	Unknown

	// IP means the host is an IP address. A pattern "*.1.2.3.4" matches that
	// one address only: Chrome never matches subdomains of an IP address.
	IP

	// Wildcard means the list has a wildcard rule "*.host" ("ck" for "*.ck",
	// "kawasaki.jp" for "*.kawasaki.jp"): every name one label below host is
	// a public suffix, but for the exceptions ("!www.ck",
	// "!city.kawasaki.jp"), so a pattern "*.host" covers the sites of every
	// registrant under them. Chrome's legacy externally_connectable check
	// did not count these (see the package documentation).
	Wildcard
)

// String returns k in lower-case words, for messages.
func (k Kind) String() string {
	switch k {
	case NotRegistry:
		return "not a registry"
	case ICANN:
		return "icann"
	case Private:
		return "private"
	case Unknown:
		return "unknown"
	case IP:
		return "ip"
	case Wildcard:
		return "wildcard"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// IsRegistry reports whether k is ICANN, Private, Unknown or Wildcard, the
// kinds for which a pattern "*.host" lets the sites of many registrants in.
func (k Kind) IsRegistry() bool {
	return k == ICANN || k == Private || k == Unknown || k == Wildcard
}

// ChromeLegacy reports whether Chrome's legacy externally_connectable check
// (up to Chrome 106) counted a pattern "*.host" over a host of kind k as
// covering a registry: every registry kind but Wildcard.
func (k Kind) ChromeLegacy() bool { return k.IsRegistry() && k != Wildcard }

// probeLabel is the label Chrome puts in front of a host to test whether the
// host is a registry (URLPattern::MatchesEffectiveTld).
const probeLabel = "notatld"

// Registry reports whether host itself is a registry (public suffix), or
// the parent of wildcard registries, that is, whether a match pattern
// "*.host" covers the sites of many registrants, and if so which kind. It
// follows Chrome's legacy externally_connectable check,
// URLPattern::MatchesEffectiveTld with INCLUDE_PRIVATE_REGISTRIES and
// INCLUDE_UNKNOWN_REGISTRIES, but for the parents of wildcard rules, which
// that check did not count and Registry reports as [Wildcard]: "ck" (list
// rule "*.ck") and "kawasaki.jp" are Wildcard, "foo.ck" is ICANN, and
// "bar.foo.ck" and the exception "www.ck" are NotRegistry.
//
// The host is canonicalised first (see [Canonicalize]); the error is the one
// Canonicalize returns. An IP address gives [IP] (see the package
// documentation for why this is not [Unknown]).
func Registry(host string) (Kind, error) {
	h, fam, err := canonicalize(host)
	if err != nil {
		return NotRegistry, err
	}
	if fam != urlcanon.HostName {
		return IP, nil
	}
	if isWildcardParent(h) {
		return Wildcard, nil
	}
	if hasRegistrableDomain(h) || !hasRegistrableDomain(probeLabel+"."+h) {
		return NotRegistry, nil
	}
	// h is its own public suffix here, matched by a rule or, for a single
	// label, by the default rule "*".
	switch _, icann := publicsuffix.PublicSuffix(h); {
	case icann:
		return ICANN, nil
	case strings.Contains(h, "."):
		return Private, nil
	default:
		return Unknown, nil
	}
}

// EffectiveTLDPlusOne returns the registrable domain (eTLD+1) of host: for
// "www.example.co.uk" it returns "example.co.uk", for "foo.appspot.com"
// itself. It canonicalises host first (see [Canonicalize]) and follows
// Chrome's GetDomainAndRegistry with private registries included. It returns
// an error wrapping [ErrNoRegistrableDomain] when host is an IP address or a
// registry, including Chrome's wildcard parents such as "kawasaki.jp".
func EffectiveTLDPlusOne(host string) (string, error) {
	h, fam, err := canonicalize(host)
	if err != nil {
		return "", err
	}
	if fam != urlcanon.HostName {
		return "", fmt.Errorf("publicsuffix: %w for %q: it is an IP address", ErrNoRegistrableDomain, host)
	}
	if !hasRegistrableDomain(h) {
		return "", fmt.Errorf("publicsuffix: %w for %q: it is a public suffix", ErrNoRegistrableDomain, host)
	}
	d, err := publicsuffix.EffectiveTLDPlusOne(h)
	if err != nil {
		// Not reached: h has non-empty labels and a proper public suffix.
		return "", fmt.Errorf("publicsuffix: %w for %q: %w", ErrNoRegistrableDomain, host, err)
	}
	return d, nil
}

// ListRevision returns the revision of the Public Suffix List embedded in
// golang.org/x/net/publicsuffix, for crxlint --version.
func ListRevision() string {
	return publicsuffix.List.String()
}

// hasRegistrableDomain is Chrome's HostHasRegistryControlledDomain with
// INCLUDE_UNKNOWN_REGISTRIES and INCLUDE_PRIVATE_REGISTRIES, for a canonical
// domain name without empty labels: whether h is longer than its registry.
//
// x/net and Chrome agree on the registry of every such host but one kind: a
// host W for which the list has a wildcard rule "*.W". Chrome stores that
// rule under W and so treats W itself as a registry; x/net ignores the
// wildcard for W and falls back to a shorter rule ("kawasaki.jp" → "jp") or
// to the default rule ("ck" → "ck").
func hasRegistrableDomain(h string) bool {
	if isWildcardParent(h) {
		return false
	}
	ps, _ := publicsuffix.PublicSuffix(h)
	return ps != h
}

// isWildcardParent reports whether the list has a wildcard rule "*.h". x/net
// does not expose its rules, so this asks whether one unlisted label in front
// of h is a public suffix on its own: only a wildcard rule makes it one.
func isWildcardParent(h string) bool {
	probe := probeLabel + "." + h
	ps, _ := publicsuffix.PublicSuffix(probe)
	return ps == probe
}
