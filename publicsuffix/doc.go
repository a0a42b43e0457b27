// Package publicsuffix tells, the way Chrome does, whether the host of a match
// pattern such as "*.co.uk", "*.appspot.com" or "*.notatld" is a registry: a
// public suffix under which anyone can register names, so that the pattern
// lets in every site registered under it.
//
// It is built on golang.org/x/net/publicsuffix, which gives Chrome's answers
// only for hosts in canonical form and differs from Chrome in the few places
// described below. Every function here canonicalises its argument first, the
// way Chrome does ([Canonicalize]): with Chrome's host canonicaliser, which
// lives in package internal/urlcanon and is shared with package matchpattern,
// followed by the removal of one trailing dot, as Chrome's registry code
// does.
//
// # Chrome's algorithm
//
// URLPattern::MatchesEffectiveTld (extensions/common/url_pattern.cc) says
// that "*.H" covers a registry when H has no registry-controlled domain and
// "notatld.H" has one. HostHasRegistryControlledDomain
// (net/base/registry_controlled_domains/registry_controlled_domain.cc)
// canonicalises the host, answers false for an IP address, skips leading
// dots, trims one trailing dot and looks for the longest rule of Chrome's
// compiled Public Suffix List that matches the host label by label:
//
//   - a normal rule ("com", "co.uk", "appspot.com") is the registry, and a host
//     equal to it has no registry-controlled domain;
//   - a wildcard rule "*.W" is stored under W: the registry is W plus one more
//     label, and neither W nor W plus one label has a registry-controlled
//     domain;
//   - an exception rule ("!city.kawasaki.jp") makes the registry the rule minus
//     its first label ("kawasaki.jp");
//   - with no rule, INCLUDE_UNKNOWN_REGISTRIES makes the last label the
//     registry, unless the host has only one label.
//
// Chrome's externally_connectable handler up to M106 dropped "*.H" patterns
// found this way, with INCLUDE_PRIVATE_REGISTRIES and
// INCLUDE_UNKNOWN_REGISTRIES; [Registry] follows that check, but for the
// parents of wildcard rules, below. Chrome 107 and later accept such
// patterns silently, so crxlint reports them as its own policy.
//
// # Mapping onto golang.org/x/net/publicsuffix
//
// x/net's PublicSuffix always includes the private section of the list and
// applies the default rule "*" to unknown top-level domains, which is
// Chrome's INCLUDE_PRIVATE_REGISTRIES plus INCLUDE_UNKNOWN_REGISTRIES. For a
// canonical host h, Chrome says h has a registry-controlled domain exactly
// when PublicSuffix(h) != h, except when the list has a wildcard rule "*.h".
// Chrome then treats h itself as a registry. x/net ignores the wildcard for
// h and falls back to a shorter rule ("kawasaki.jp" gives "jp") or to the
// default rule ("ck" gives "ck"). Hence Chrome's quirk: "*.ck" does not count
// as covering a registry, because neither "ck" nor "notatld.ck" has a
// registry-controlled domain, while "*.foo.ck" does. The same goes for er,
// fk, jm, kh, mm, np and pg (in the list x/net v0.62.0 embeds), and for
// "*.kawasaki.jp". Chromium 156's host permission warnings show it:
// "*://*.ck/*" reads "all ck sites", "*://*.foo.ck/*" reads "all websites".
// Yet "*.ck" lets in every registrant under every public suffix foo.ck, as
// "*.kawasaki.jp" does under every foo.kawasaki.jp (but city.kawasaki.jp,
// which an exception rule makes registrable): for a policy on who may
// reach an extension these are registries, and [Registry] reports them as
// [Wildcard] ([Kind.ChromeLegacy] tells them from what Chrome counted). A
// host two labels below a wildcard rule ("bar.foo.ck") is one registrant's.
//
// Wildcard parents: x/net does not expose its rules, and a second embedded
// copy of the list could drift away from x/net's. So the package asks x/net
// whether "notatld."+h is a public suffix on its own. Only a wildcard rule
// "*.h" makes h plus one unlisted label a public suffix, so this answers the
// question exactly. Chrome probes with the same label.
//
// Private and unknown: x/net's icann result is false for private rules, for
// the default rule and for wildcard parents alike. Once [Registry] has found
// that h is a registry, h is not a wildcard parent, and PublicSuffix(h) is h
// itself. If icann is true, h is an ICANN registry. This includes a top-level
// domain that the list uses without a rule of its own ("za"): x/net reports
// the section of the rules under it, and Chrome's list compiler adds it as a
// rule of that section. Otherwise h was matched by a private rule if it has a
// dot, because the default rule only ever yields one label. A single label
// with icann false fell to the default rule: no rule in the private section
// is a single label.
//
// # Deviations from Chrome
//
// Empty labels. Chrome accepts hosts such as ".com", "a..com" and "com.."
// (URLPattern parses "*://*..com/*"). Its registry code skips the leading dot,
// so Chromium 156 warns that "*://*..com/*" covers all websites, and it
// finds no registry in "*.a..com" or "*.com..". No real site has an empty
// label, x/net cannot answer for one, and removing one trailing dot from
// "com.." would leave "com.", so Canonicalize could not be idempotent. Every
// function returns an error wrapping [ErrEmptyLabel] instead; a lint rule
// can report that the pattern matches no real site.
//
// IP addresses. [Registry] returns [IP] for "127.0.0.1", and [Kind.IsRegistry]
// is false for it. Chrome's legacy check says "*.127.0.0.1" covers a registry.
// This is derived from the source, not observed: "notatld.127.0.0.1" is not
// a valid host, because a host that ends in a number must be an IPv4
// address, and the permissive fallback then takes the last label "1" as an
// unknown top-level domain. That answer is an accident: Chrome never matches
// subdomains of an IP address, so such a pattern matches that one address.
// The lint rule should report it on its own. [IsIP] also accepts IPv6 without
// brackets, which Chrome's URL parser never sees as a host.
//
// IDNA. Chrome converts a host with non-ASCII characters with ICU's UTS #46
// in non-transitional mode with CheckBidi and CheckJoiners (ContextJ), and
// without STD3 rules, CheckHyphens or VerifyDnsLength (url/url_idna_icu.cc).
// Chromium 156 rejects a zero-width non-joiner between two Latin letters,
// which ContextJ forbids, although the feature UseIDNAContextJRules is off by
// default in the Chromium sources read. Package internal/urlcanon sets up
// x/net's idna package the same way. idna.Lookup would reject hosts that
// Chrome accepts, such as "foo_bar.bücher.de" and "wow！". Like Chrome, it
// runs IDNA only for hosts that are not ASCII after %XX decoding, so an ASCII
// "xn--" label is not checked. Chrome's ICU also rejects a label of more than
// 1000 UTF-16 code units that needs punycode; this package accepts it.
//
// Unicode version. x/net's idna package uses UTS #46 data for Unicode 15.0
// before Go 1.27 and for Unicode 17.0 from Go 1.27 on. Chromium 156 agrees
// with the 17.0 data on every code point tried. With the 15.0 data alone,
// 10,586 code points are handled differently: most were assigned in Unicode
// 16.0 or 17.0 and are rejected here, and a few changed mapping, such as
// U+2132 (now mapped, before rejected). Two of them, U+1E9E (now "ß", before
// "ss") and U+180E (now ignored, before rejected), are bridged to Chrome's
// answer. Building with Go 1.27 removes the rest of this deviation.
//
// List snapshot. Chrome compiles its own copy of the Public Suffix List, and
// x/net embeds another ([ListRevision]). Rules added or removed between the
// two give different answers until both are updated. Checked against
// Chromium 156 with every rule of a 2023 copy of the list and one label under
// each (19,012 hosts, ICANN registries only, as its permission warnings
// show), the answers differ for 12 hosts, all because of such changes:
// Chromium's list has a plain rule "kh" where x/net's has "*.kh", and it no
// longer lists "goo", "cc.nd.us" and a few more.
//
// Kind names. A top-level domain that only private rules use, with no ICANN
// rule of its own or under it, would be a private rule for Chrome's list
// compiler but [Unknown] here. It is a registry either way, and the 2023 copy
// of the list checked has no such domain.
package publicsuffix
