// Package chromemsg is the catalogue of Chrome's own messages that more than
// one part of crxlint quotes: the rules, and the schema's x-message
// annotations, which name an entry as "@name". Each text is Chromium 156's,
// verbatim, as Chrome shows it as a load error or an install warning.
package chromemsg

// The messages, with the name the schema uses in a comment.
const (
	// @invalid-version
	InvalidVersion = "Required value 'version' is missing or invalid. It must be between 1-4 dot-separated integers each between 0 and 65536."
	// @invalid-default-locale
	InvalidDefaultLocale = "Invalid value for default locale - locale name must be a string."
	// @invalid-key
	InvalidKey = "Value 'key' is missing or invalid."
	// @invalid-default-icon
	InvalidDefaultIcon = "Invalid value for 'default_icon'."
	// @invalid-default-popup
	InvalidDefaultPopup = "Invalid type for 'default_popup'."
	// @invalid-options-page
	InvalidOptionsPage = "Invalid value for 'input_components[options_page].options_page'."
	// @invalid-options-ui-page
	InvalidOptionsUIPage = "Invalid value for 'input_components[options_ui].options_page'."
	// @invalid-side-panel-path
	InvalidSidePanelPath = "Side panel file path must be a relative URL to a valid extension resource."
)

// Formats of Chrome's messages about a key or permission, with %s for its
// name (the schema writes the same texts with {value}).
const (
	NotAllowedForPlatform = "'%s' is not allowed for specified platform."
	OnlyForPackagedApps   = "'%s' is only allowed for packaged apps, but this is a extension."
	CannotBeOptional      = "Permission '%s' cannot be listed as optional. This permission will be omitted."
	UnrecognizedKey       = "Unrecognized manifest key '%s'."
	UnknownPermission     = "Permission '%s' is unknown."
)

var byName = map[string]string{
	"invalid-version":         InvalidVersion,
	"invalid-default-locale":  InvalidDefaultLocale,
	"invalid-key":             InvalidKey,
	"invalid-default-icon":    InvalidDefaultIcon,
	"invalid-default-popup":   InvalidDefaultPopup,
	"invalid-options-page":    InvalidOptionsPage,
	"invalid-options-ui-page": InvalidOptionsUIPage,
	"invalid-side-panel-path": InvalidSidePanelPath,
}

// Lookup returns the message a schema annotation names, without its "@".
func Lookup(name string) (string, bool) {
	s, ok := byName[name]
	return s, ok
}
