package rules

import (
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// Chrome's errors for a theme whose images, colors or tints are not of the
// form it reads (chrome/common/extensions/manifest_handlers/theme_handler.cc),
// as Chromium 156 words them.
const (
	msgInvalidTheme       = "Invalid value for 'theme'."
	msgInvalidThemeImages = "Invalid value for theme images - images must be strings."
	msgInvalidThemeColors = "Invalid value for theme colors - colors must be integers"
	msgInvalidThemeTints  = "Invalid value for theme images - tints must be decimal numbers."
)

// themeFindings returns what Chrome refuses to load in a theme: a theme
// key that is not an object, an image
// that is neither a file path nor an object of scales and file paths, a
// color that is not a list of three integers and an optional alpha
// number, a tint that is not a list of three numbers. Chrome reads these
// objects only when they are objects, and stops at the first error; every
// wrong entry is reported, so that one round of fixes is enough. Firefox
// themes write colors as CSS strings, which Chrome refuses.
func themeFindings(pass *lint.Pass) []lint.Diagnostic {
	theme := pass.Root().Get("theme")
	var out []lint.Diagnostic
	report := func(n *manifest.Node, chrome, format string, args ...any) {
		d := pass.At(n, format, args...)
		d.ChromeMessage = chrome
		out = append(out, d)
	}
	if theme != nil && theme.Kind() != manifest.Object {
		report(theme, msgInvalidTheme, "theme must be an object of images, colors, tints and properties, so Chrome refuses the theme")
		return out
	}
	for m := range theme.Get("images").Members() {
		if !themeImage(m.Value) {
			report(m.Value, msgInvalidThemeImages, "the theme image %q must be a file path, or an object of scales and file paths, so Chrome refuses the theme", m.Key)
		}
	}
	for m := range theme.Get("colors").Members() {
		if !themeColor(m.Value) {
			report(m.Value, msgInvalidThemeColors, "the theme color %q must be a list of red, green and blue integers and an optional alpha, as [255, 255, 255] or [0, 0, 0, 0.5], so Chrome refuses the theme", m.Key)
		}
	}
	for m := range theme.Get("tints").Members() {
		if !themeTint(m.Value) {
			report(m.Value, msgInvalidThemeTints, "the theme tint %q must be a list of three numbers (hue, saturation, lightness), so Chrome refuses the theme", m.Key)
		}
	}
	return out
}

// themeImage reports whether n is an image Chrome reads: a path, or an
// object of paths by scale.
func themeImage(n *manifest.Node) bool {
	if _, ok := n.Str(); ok {
		return true
	}
	if n.Kind() != manifest.Object {
		return false
	}
	for m := range n.Members() {
		if _, ok := m.Value.Str(); !ok {
			return false
		}
	}
	return true
}

// themeColor reports whether n is a color Chrome reads: three integers
// (as Chrome reads them: no fraction, within 32 bits) and an optional
// fourth number.
func themeColor(n *manifest.Node) bool {
	if n.Kind() != manifest.Array || n.Len() != 3 && n.Len() != 4 {
		return false
	}
	for i, c := range n.Elems() {
		if _, isInt := c.Int(); i < 3 && !isInt || c.Kind() != manifest.Number {
			return false
		}
	}
	return true
}

// themeTint reports whether n is a tint Chrome reads: three numbers.
func themeTint(n *manifest.Node) bool {
	if n.Kind() != manifest.Array || n.Len() != 3 {
		return false
	}
	for _, c := range n.Elems() {
		if c.Kind() != manifest.Number {
			return false
		}
	}
	return true
}
