package rules

// The shortcut parser of invalid-shortcut: Chromium's Command::ParseImpl
// (extensions/common/command.cc), run once per platform, with advice.

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// shortcut is what one platform registers for a command.
type shortcut struct {
	platform, key string
	mods          int
}

// shortcutEntry is a suggested_key entry of the command numbered index.
type shortcutEntry struct {
	index           int
	platform, value string
	named           bool // not an _execute_* command: media keys are allowed
}

// on parses the entry as Chrome on platform os does, in Chromium's
// NormalizeShortcutSuggestion and ParseImpl, Ctrl with Alt refused. It
// returns the shortcut, or why Chrome refuses the entry and Chrome's text.
func (e shortcutEntry) on(os string) (sc shortcut, why, chrome string) {
	refuse := func(format string, args ...any) (shortcut, string, string) {
		return sc, fmt.Sprintf(format, args...), fmt.Sprintf("Invalid value for 'commands[%d].%s': %s.", e.index, e.platform, e.value)
	}
	if t := macOnlyToken(e.platform, e.value); t != "" {
		return sc, fmt.Sprintf("uses %s, which only a \"mac\" entry may", t), macOnlyError(e.index, t)
	}
	tokens := strings.Split(e.value, "+")
	for i, t := range tokens {
		tokens[i] = strings.Trim(t, " \t\n\v\f\r")
	}
	mac := e.platform == "mac" || e.platform == "default" && os == "mac"
	sc.platform = os
	for _, t := range tokens {
		if mac {
			t = cmp.Or(macTokens[t], t)
		}
		switch only := platformModifiers[t].only; {
		case modifierBits[t] != 0 && (only == "" || only == e.platform || only == "mac" && mac):
			sc.mods |= modifierBits[t]
		case modifierBits[t] != 0:
			return refuse("uses %s, which only a %q entry may", t, only)
		case isShortcutKey(t, e.named) && sc.key != "":
			return refuse("names two keys, %s and %s", sc.key, t)
		case isShortcutKey(t, e.named):
			sc.key = t
		case slices.Contains(mediaKeys, t):
			return refuse("uses the media key %s, which only named commands may", t)
		case t == "":
			return refuse("has an empty part between + signs")
		case canonicalKeyName(t) != "":
			return refuse("writes %q, but names are case-sensitive", t)
		default:
			return refuse("uses %q, which is not a key Chrome supports", t)
		}
	}
	limit := 3
	if os == "chromeos" {
		limit = 4 // room for Search
	}
	media := slices.Contains(mediaKeys, sc.key)
	for _, check := range []struct {
		bad bool
		why string
	}{
		{sc.key == "", "has no key"},
		{sc.mods == 0 && !media, "has no modifier: it needs Ctrl or Alt"},
		{sc.mods&modAlt != 0 && sc.mods&(modCtrl|modCommand) != 0, "combines Ctrl and Alt, which Chrome refuses"},
		{sc.mods == modShift, "has Shift without Ctrl or Alt"},
		{len(tokens) > limit, fmt.Sprintf("has %d parts, and Chrome allows %d", len(tokens), limit)},
	} {
		if check.bad {
			return refuse("%s", check.why)
		}
	}
	if media && sc.mods != 0 {
		return sc, "gives a media key a modifier", fmt.Sprintf("Media key cannot have any modifier for 'commands[%d].%s': %s.", e.index, e.platform, e.value)
	}
	return sc, "", ""
}

// remedy proposes a shortcut close to the entry's that every platform
// accepts.
func (e shortcutEntry) remedy() string {
	tokens, key := strings.Split(e.value, "+"), ""
	for i, t := range tokens {
		t = strings.Trim(t, " \t\n\v\f\r")
		if t = cmp.Or(canonicalKeyName(t), t); platformModifiers[t].only != "" && platformModifiers[t].only != e.platform {
			t = platformModifiers[t].other
		}
		if key == "" && isShortcutKey(t, e.named) {
			key = t
		}
		tokens[i] = t
	}
	for _, candidate := range []string{strings.Join(tokens, "+"), key, "Ctrl+Shift+" + key} {
		fixed := shortcutEntry{e.index, e.platform, candidate, e.named}
		if key != "" && !slices.ContainsFunc(shortcutPlatforms, func(os string) bool { _, why, _ := fixed.on(os); return why != "" }) {
			return fmt.Sprintf("use %q", candidate)
		}
	}
	return "use Ctrl or Alt, optionally Shift, and one of A-Z, 0-9, Comma, Period, Up, Down, Left, Right, Insert, Delete, Home, End, PageUp, PageDown, Space or Tab"
}

// macOnlyToken returns Command or Option if value, the entry for platform,
// holds one outside a "mac" entry: Chrome checks this before all else.
func macOnlyToken(platform, value string) string {
	for _, t := range strings.Split(value, "+") {
		if t = strings.Trim(t, " \t\n\v\f\r"); macOnlyText[t] != "" && platform != "mac" {
			return t
		}
	}
	return ""
}

func macOnlyError(index int, token string) string {
	return fmt.Sprintf("Invalid value for 'commands[%d].suggested_key': %s.", index, macOnlyText[token])
}

func isShortcutKey(t string, named bool) bool {
	return len(t) == 1 && ('A' <= t[0] && t[0] <= 'Z' || '0' <= t[0] && t[0] <= '9') || slices.Contains(shortcutKeys, t) || named && slices.Contains(mediaKeys, t)
}

// canonicalKeyName returns the modifier or key that t names in any case,
// spelled as Chrome wants it, or "".
func canonicalKeyName(t string) string {
	if i := slices.IndexFunc(shortcutNames, func(name string) bool { return strings.EqualFold(name, t) }); i >= 0 {
		return shortcutNames[i]
	}
	if upper := strings.ToUpper(t); len(t) == 1 && isShortcutKey(upper, false) {
		return upper
	}
	return ""
}

// onPlatforms introduces a finding that holds on some platforms only.
func onPlatforms(platforms []string) string {
	if len(platforms) == len(shortcutPlatforms) {
		return ""
	}
	return "on " + listPlatforms(platforms) + ", "
}

func listPlatforms(platforms []string) string {
	names := make([]string, len(platforms))
	for i, p := range platforms {
		names[i] = platformNames[p]
	}
	last := len(names) - 1
	return strings.TrimPrefix(strings.Join(names[:last], ", ")+" and "+names[last], " and ")
}
