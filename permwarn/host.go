package permwarn

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/net/idna"
	xpublicsuffix "golang.org/x/net/publicsuffix"

	"github.com/crxlint/crxlint/matchpattern"
	"github.com/crxlint/crxlint/publicsuffix"
)

// maxHostsInMessage is the most hosts a message names; with more, Chrome
// says "a number of websites" (HostListFormatter::kMaxHostsInMainMessage).
const maxHostsInMessage = 3

// hostGrants returns the IDs that host patterns grant, as
// ChromePermissionMessageProvider::AddHostPermissions does: "all hosts" when
// a pattern covers every site or every site under an ICANN registry
// ("*.com"), or when a permission implies it; otherwise one idHostReadWrite
// for each distinct host.
func hostGrants(patterns []matchpattern.Pattern, impliesAllHosts bool) []grant {
	if impliesAllHosts || slices.ContainsFunc(patterns, coversAllHosts) {
		return []grant{{id: idHostsAll}}
	}
	var gs []grant
	for _, h := range distinctHosts(patterns) {
		gs = append(gs, grant{id: idHostReadWrite, param: h})
	}
	return gs
}

// isFavicon reports whether a pattern is of chrome://favicon, which
// ChromeExtensionsClient::FilterHostPermissions turns into the "favicon"
// permission. Chrome grants it only before manifest version 3; other chrome:
// patterns warn nothing.
func isFavicon(p matchpattern.Pattern) bool {
	return p.Scheme() == "chrome" && p.Host() == "favicon"
}

// withAllPaths returns p with the path "/*", which Chrome gives every host
// permission, since a path means nothing to it.
func withAllPaths(p matchpattern.Pattern) matchpattern.Pattern {
	if p.MatchAllURLs() || !p.IsStandardScheme() {
		return p
	}
	all, err := matchpattern.Parse(strings.TrimSuffix(p.String(), p.Path())+"/*", matchpattern.HostPermissionSchemes)
	if err != nil {
		return p
	}
	return all
}

// coversAllHosts is URLPattern::MatchesAllURLs or MatchesEffectiveTld with
// private and unknown registries excluded: "*.appspot.com" and "*.notatld"
// are single sites to the prompt, "*.co.uk" is every site.
func coversAllHosts(p matchpattern.Pattern) bool {
	if p.MatchesAllHosts() {
		return true
	}
	if !p.MatchSubdomains() {
		return false
	}
	kind, err := publicsuffix.Registry(p.Host())
	return err == nil && kind == publicsuffix.ICANN
}

// distinctHosts is permission_message_util::GetDistinctHosts with the
// registries included: the hosts of the patterns, without file and chrome
// patterns, "*." in front of a host whose subdomains match, and hosts that
// differ only in their ICANN registry merged into one, which keeps com, net
// or org before any other and otherwise the first in Chrome's pattern order.
// The result is sorted.
func distinctHosts(patterns []matchpattern.Pattern) []string {
	patterns = slices.Clone(patterns)
	slices.SortFunc(patterns, func(a, b matchpattern.Pattern) int { return strings.Compare(a.String(), b.String()) })
	type split struct{ name, registry string }
	var seen []split
	for _, p := range patterns {
		if p.Scheme() == "file" || p.Scheme() == "chrome" {
			continue
		}
		host := p.Host()
		if p.MatchSubdomains() {
			host = "*." + host
		}
		name, registry := splitRegistry(host)
		i := slices.IndexFunc(seen, func(s split) bool { return s.name == name })
		switch {
		case i < 0:
			seen = append(seen, split{name, registry})
		case registryBetter(registry, seen[i].registry):
			seen[i].registry = registry
		}
	}
	hosts := make([]string, 0, len(seen))
	for _, s := range seen {
		hosts = append(hosts, display(s.name+s.registry))
	}
	slices.Sort(hosts)
	return slices.Compact(hosts)
}

// splitRegistry splits a host into its name and its ICANN registry, as
// PermissiveGetHostRegistryLength does with unknown and private registries
// excluded: "www.google.co.uk" is "www.google." and "co.uk", "foo.appspot.com"
// is "foo.appspot." and "com". A host without a registry, or that is one,
// has an empty registry. A trailing dot stays with the registry.
func splitRegistry(host string) (name, registry string) {
	h := strings.TrimSuffix(host, ".")
	if h == "" || strings.HasSuffix(h, ".") {
		return host, ""
	}
	suffix := icannSuffix(h)
	if suffix == "" || suffix == h {
		return host, ""
	}
	cut := len(h) - len(suffix)
	return host[:cut], host[cut:]
}

// icannSuffix returns the longest ICANN rule of the Public Suffix List that
// matches h, or "" for none. x/net answers with private rules too; a
// private rule's parent still matches every ICANN rule that h matches.
func icannSuffix(h string) string {
	suffix, icann := xpublicsuffix.PublicSuffix(h)
	for !icann {
		dot := strings.IndexByte(suffix, '.')
		if dot < 0 {
			return ""
		}
		suffix, icann = xpublicsuffix.PublicSuffix(suffix[dot+1:])
	}
	return suffix
}

// registryBetter is RcdBetterThan: com before net before org before the
// rest.
func registryBetter(a, b string) bool {
	ia, ib := slices.Index(preferredRegistries, a), slices.Index(preferredRegistries, b)
	return ia >= 0 && (ib < 0 || ia < ib)
}

// preferredRegistries are the registries Chrome names first, best first.
var preferredRegistries = []string{"com", "net", "org"}

// display shows a host as Chrome's prompt does
// (url_formatter::FormatUrlForSecurityDisplay): punycode labels in Unicode.
func display(host string) string {
	if u, err := idna.ToUnicode(host); err == nil {
		return u
	}
	return host
}

// hostMessage is HostListFormatter for the hosts of the idHostReadWrite IDs.
func hostMessage(hosts []string) string {
	if len(hosts) > maxHostsInMessage {
		return msgHostsList
	}
	args := make([]any, len(hosts))
	for i, h := range hosts {
		if name, ok := strings.CutPrefix(h, "*."); ok {
			args[i] = fmt.Sprintf(msgHostAndSubdomain, name)
		} else {
			args[i] = h
		}
	}
	return fmt.Sprintf([]string{msg1Host, msg2Hosts, msg3Hosts}[len(hosts)-1], args...)
}
