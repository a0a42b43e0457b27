package publicsuffix

import (
	"errors"
	"fmt"
	"strings"

	"github.com/crxlint/crxlint/internal/urlcanon"
)

// Canonicalize returns host the way Chrome canonicalises the host of a URL
// or match pattern (url/url_canon_host.cc, url/url_canon_ip.cc): %XX escapes
// decoded, ASCII folded to lower case, IDNs converted to punycode (UTS #46
// non-transitional, as Chrome does), IPv4 addresses in any of the forms Chrome
// accepts ("0x7f.1") written as four decimal numbers, IPv6 addresses
// shortened, and one trailing dot removed.
//
// Canonicalize returns an error wrapping [ErrInvalidHost] for every host
// Chrome's canonicaliser rejects, and one wrapping [ErrEmptyLabel] for a host
// with an empty label, which Chrome accepts. Canonicalize is idempotent.
//
// Like Chrome, it keeps ' ' and '*' as the escapes "%20" and "%2A", so
// "foo bar.com" becomes "foo%20bar.com".
func Canonicalize(host string) (string, error) {
	h, _, err := canonicalize(host)
	return h, err
}

// IsIP reports whether host is an IP address literal: an IPv4 address in any
// form Chrome accepts (including "127.1" and "0x7f.0.0.1"), or an IPv6
// address with or without square brackets.
func IsIP(host string) bool {
	if _, fam, err := canonicalize(host); err == nil {
		return fam != urlcanon.HostName
	}
	// Chrome only accepts IPv6 in brackets, but a bare one is still an IP.
	return urlcanon.IsIPv6(host)
}

// canonicalize is Canonicalize, also reporting the host's family. It is
// Chrome's canonicaliser (package urlcanon), then the registry code's
// removal of one trailing dot from a host name.
func canonicalize(host string) (string, urlcanon.Family, error) {
	h, fam, err := urlcanon.Host(host)
	if err != nil {
		reason := err.Error()
		if e, ok := errors.AsType[*urlcanon.Error](err); ok {
			reason = e.Reason
		}
		return "", fam, invalidHost(host, reason)
	}
	if fam != urlcanon.HostName {
		return h, fam, nil
	}
	h = strings.TrimSuffix(h, ".")
	if h == "" || h[0] == '.' || h[len(h)-1] == '.' || strings.Contains(h, "..") {
		return "", fam, fmt.Errorf("publicsuffix: %w in host %q", ErrEmptyLabel, host)
	}
	return h, fam, nil
}
