package manifest

// Type is the kind of package Chrome takes a manifest for, decided by its
// keys alone, as Chromium's Manifest::GetTypeFromManifestValue decides it.
type Type uint8

// The types.
const (
	TypeExtension Type = iota
	TypeTheme
	TypeSharedModule
	TypeHostedApp
	TypeLegacyPackagedApp
	TypePlatformApp
)

// typeNames are Chrome's names of the types in its messages ("but this is a
// packaged app"): a platform app is a "packaged app", the older kind a
// "legacy packaged app".
var typeNames = [...]string{"extension", "theme", "shared module", "hosted app", "legacy packaged app", "packaged app"}

// String returns the type's name as Chrome's messages give it.
func (t Type) String() string { return typeNames[t] }

// IsApp reports whether the type is one of the three kinds of Chrome App.
func (t Type) IsApp() bool { return t >= TypeHostedApp }

// TypeOf returns the type Chrome gives the manifest whose root is root: a
// theme, then a shared module, then an app (hosted when it has app.urls or
// app.launch.web_url, a platform app when it has app.background, else a
// legacy packaged app), else an extension.
func TypeOf(root *Node) Type {
	app := root.Get("app")
	switch {
	case root.Get("theme") != nil:
		return TypeTheme
	case root.Get("export") != nil:
		return TypeSharedModule
	case app == nil:
		return TypeExtension
	case app.Get("urls") != nil || app.Get("launch").Get("web_url") != nil:
		return TypeHostedApp
	case app.Get("background") != nil:
		return TypePlatformApp
	}
	return TypeLegacyPackagedApp
}
