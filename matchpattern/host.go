package matchpattern

import "github.com/crxlint/crxlint/internal/urlcanon"

// canonicalizeHost canonicalizes the host of a pattern or an http-like URL
// as Chromium does (see package urlcanon), keeping a trailing dot as
// URLPattern does. ok is false where Chromium rejects the host, which
// URLPattern reports as "Invalid host."; the reason does not matter here.
func canonicalizeHost(host string) (canon string, family urlcanon.Family, ok bool) {
	canon, family, err := urlcanon.Host(host)
	return canon, family, err == nil
}
