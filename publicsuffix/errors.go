package publicsuffix

import "fmt"

// Error is the type of this package's sentinel errors. The functions wrap
// them with the host they were given; test for them with [errors.Is].
type Error string

// Error returns the text of e.
func (e Error) Error() string { return string(e) }

const (
	// ErrInvalidHost means Chrome's host canonicaliser rejects the host, so a
	// match pattern with that host fails to parse ("Invalid host.").
	ErrInvalidHost Error = "invalid host"

	// ErrEmptyLabel means the host has an empty label once one trailing dot
	// is removed: ".com", "a..com", "com..". Chrome accepts such hosts; this
	// package does not (see "Deviations from Chrome" in the package
	// documentation).
	ErrEmptyLabel Error = "empty label"

	// ErrNoRegistrableDomain means the host has no registrable domain
	// (eTLD+1): it is an IP address, or it is itself a registry.
	ErrNoRegistrableDomain Error = "no registrable domain"
)

// invalidHost returns ErrInvalidHost wrapped with host and the reason.
func invalidHost(host, reason string) error {
	return fmt.Errorf("publicsuffix: %w %q: %s", ErrInvalidHost, host, reason)
}
