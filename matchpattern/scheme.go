package matchpattern

import "github.com/crxlint/crxlint/internal/gurl"

// SchemeMask is a set of URL schemes a caller accepts. It mirrors the
// valid_schemes_ bitmask of Chromium's URLPattern: Parse rejects a pattern
// whose scheme is not in the mask, and a parsed pattern only ever matches URLs
// whose scheme is in the mask.
type SchemeMask uint32

// The scheme bits, in the order of Chromium's URLPattern::SchemeMasks.
const (
	SchemeHTTP          SchemeMask = 1 << iota // http
	SchemeHTTPS                                // https
	SchemeFile                                 // file
	SchemeFTP                                  // ftp
	SchemeChromeUI                             // chrome
	SchemeExtension                            // chrome-extension
	SchemeFilesystem                           // filesystem
	SchemeWS                                   // ws
	SchemeWSS                                  // wss
	SchemeData                                 // data
	SchemeUUIDInPackage                        // uuid-in-package

	// SchemeAbout admits the about scheme. It is a crxlint addition: Chromium's
	// URLPattern has no such bit and accepts about: patterns only under
	// SchemeAll. None of the manifest-key masks below contains it.
	SchemeAbout
)

const (
	// SchemeNone accepts no scheme at all.
	SchemeNone SchemeMask = 0

	// SchemeAll accepts every scheme, including ones that have no bit of their
	// own (javascript:, blob:, nonsense strings and the empty string). It is
	// the value Chromium calls SCHEME_ALL (-1), and it is not the same as a
	// mask that merely has every defined bit set.
	SchemeAll SchemeMask = ^SchemeMask(0)
)

// Masks of the manifest keys that hold match patterns (chrome-rules.md §6.3).
const (
	// HostPermissionSchemes is Extension::kValidHostPermissionSchemes, used for
	// host_permissions, optional_host_permissions and host patterns in MV2
	// permissions. chrome:// patterns parse but Chrome then warns about them.
	HostPermissionSchemes = SchemeChromeUI | SchemeHTTP | SchemeHTTPS | SchemeFile |
		SchemeFTP | SchemeWS | SchemeWSS | SchemeUUIDInPackage

	// ContentScriptSchemes is UserScript::ValidUserScriptSchemes() without the
	// --extensions-on-chrome-urls switch, used for content_scripts matches and
	// exclude_matches.
	ContentScriptSchemes = SchemeHTTP | SchemeHTTPS | SchemeFile | SchemeFTP |
		SchemeUUIDInPackage

	// ExternallyConnectableSchemes is the mask of externally_connectable.matches.
	ExternallyConnectableSchemes = SchemeAll

	// WebAccessibleResourcesSchemes is the mask of
	// web_accessible_resources[].matches (MV3).
	WebAccessibleResourcesSchemes = SchemeAll
)

// schemeBit pairs a scheme name with its mask bit, like Chromium's parallel
// kValidSchemes and kValidSchemeMasks arrays.
type schemeBit struct {
	name string
	bit  SchemeMask
}

// knownSchemes returns the schemes that have a bit of their own, in
// Chromium's kValidSchemes order followed by crxlint's SchemeAbout.
// It is a function rather than a package-level slice so that nothing in the
// package is mutable.
func knownSchemes() [12]schemeBit {
	return [...]schemeBit{
		{"http", SchemeHTTP},
		{"https", SchemeHTTPS},
		{"file", SchemeFile},
		{"ftp", SchemeFTP},
		{"chrome", SchemeChromeUI},
		{"chrome-extension", SchemeExtension},
		{"filesystem", SchemeFilesystem},
		{"ws", SchemeWS},
		{"wss", SchemeWSS},
		{"data", SchemeData},
		{"uuid-in-package", SchemeUUIDInPackage},
		{"about", SchemeAbout},
	}
}

// allows reports whether scheme is valid under the mask, like
// URLPattern::IsValidScheme. The comparison is case-sensitive except under
// SchemeAll, which accepts any string.
func (m SchemeMask) allows(scheme string) bool {
	if m == SchemeAll {
		return true
	}
	for _, s := range knownSchemes() {
		if scheme == s.name && m&s.bit != 0 {
			return true
		}
	}
	return false
}

// isStandardScheme reports whether scheme is "*" or a standard scheme
// (see gurl.IsStandard).
func isStandardScheme(scheme string) bool {
	return scheme == "*" || gurl.IsStandard(scheme)
}
