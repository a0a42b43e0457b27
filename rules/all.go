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
		DuplicateShortcut,
		IgnoredActionCommand,
		InvalidShortcut,
		ReservedCommandName,
		TooManyShortcuts,
		CodeNotSeen,
		ContentScriptFileType,
		ContentScriptOutsideExtension,
		ContentScriptPattern,
		ContentSecurityPolicy,
		DuplicateKey,
		ExternalListenerSender,
		ExternallyConnectablePattern,
		ExternallyConnectableIDs,
		ExternallyConnectableNoIDs,
		FutureManifestVersion,
		FutureMinimumChromeVersion,
		HostPermissionPattern,
		KeyFormat,
		InvalidLocales,
		UndefinedMessage,
		UnusedLocaleFolder,
		UnlocalizedPlaceholder,
		MalformedIgnore,
		LongShortName,
		ManifestVersion,
		MinimumChromeVersion,
		GuardedAPIWithoutPermission,
		MissingAPIPermission,
		MissingFile,
		MissingPage,
		MissingSandboxPage,
		MissingWebAccessibleFile,
		OpenSharedModule,
		OptionalPermissionNotRequested,
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
		IgnoredDNRRule,
		IgnoredValue,
		InvalidRuleset,
		SilentlyIgnoredValue,
		NotAnExtension,
		PlatformSpecific,
		StoreListing,
		Syntax,
		TLSChannelID,
		URLFormat,
		URLInsteadOfOptionsPage,
		URLInsteadOfPath,
		UnavailableAPI,
		UnreachableExternallyConnectable,
		UnusedIgnore,
		UnusedPermission,
		UppercaseExtensionID,
		VersionFormat,
		VersionLeadingZeros,
		WebAccessibleAllFiles,
		WebAccessibleComputedURL,
		WebAccessibleGap,
		WebAccessibleNoMatches,
		WebAccessibleResources,
		WebAccessibleUnneeded,
		WebRequestEventPage,
	}
	slices.SortFunc(all, func(a, b *lint.Rule) int { return strings.Compare(a.ID, b.ID) })
	return all
}

// Resolve returns the rules an ID names in configuration: the rule with
// that ID, or the rules that answer to it as a former ID (see
// lint.Rule.Aliases), sorted by ID. It returns nil for an unknown ID.
func Resolve(id string) []*lint.Rule {
	if r := ByID(id); r != nil {
		return []*lint.Rule{r}
	}
	var out []*lint.Rule
	for _, r := range All() {
		if slices.Contains(r.Aliases, id) {
			out = append(out, r)
		}
	}
	return out
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
