// Package rules holds crxlint's checks, one file a rule. Each rule's examples
// in testdata/<rule-id> are its tests and its documentation.
package rules

//go:generate go run ../internal/cmd/docgen -out ../docs/rules -testdata testdata

import (
	"slices"
	"strings"

	"github.com/crxlint/crxlint/lint"
)

// All returns every rule, sorted by ID. The slice is new on each call; the
// rules themselves are shared and immutable.
func All() []*lint.Rule {
	all := []*lint.Rule{
		BroadExternallyConnectable,
		BroadHostAccess,
		TooManyURLOverrides,
		UnknownURLOverride,
		Commands,
		ContentScriptFileType,
		ContentScriptPattern,
		ContentSecurityPolicy,
		DeclarativeNetRequest,
		DuplicateKey,
		ExternalListenerSender,
		ExternallyConnectablePattern,
		ExternallyConnectableIDs,
		ExternallyConnectableNoIDs,
		FutureManifestVersion,
		HostPermissionPattern,
		KeyFormat,
		Locales,
		ManifestVersion,
		MinimumChromeVersion,
		MissingAPIPermission,
		MissingFile,
		MissingWebAccessibleFile,
		OptionsChromeStyle,
		PrivateKey,
		RedundantOptionalPermission,
		ReservedFilename,
		RuntimeLiteralMisuse,
		InvalidValue,
		UnknownKey,
		UnknownPermission,
		UnavailableFeature,
		PermissionCannotBeOptional,
		IgnoredValue,
		SilentlyIgnoredValue,
		NotAnExtension,
		PlatformSpecific,
		StoreListing,
		Syntax,
		TLSChannelID,
		URLFormat,
		URLInsteadOfPath,
		UnavailableAPI,
		UnreachableExternallyConnectable,
		UnusedPermission,
		UppercaseExtensionID,
		VersionFormat,
		VersionLeadingZeros,
		WebAccessibleAllFiles,
		WebAccessibleGap,
		WebAccessibleNoMatches,
		WebAccessibleResources,
		WebAccessibleUnneeded,
	}
	slices.SortFunc(all, func(a, b *lint.Rule) int { return strings.Compare(a.ID, b.ID) })
	return all
}

// ByID returns the rule with the given ID, or nil.
func ByID(id string) *lint.Rule {
	for _, r := range All() {
		if r.ID == id {
			return r
		}
	}
	return nil
}
