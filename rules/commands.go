package rules

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// Commands reports keyboard shortcuts Chrome refuses and commands it
// ignores.
var Commands = &lint.Rule{
	ID:       "commands",
	Title:    "A command's shortcut is one Chrome refuses, or the command is ignored",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "A `suggested_key` is `Ctrl` or `Alt`, optionally `Shift`, and one key: `A`-`Z`, `0`-`9`, `Comma`,\n" +
		"`Period`, `Up`, `Down`, `Left`, `Right`, `Insert`, `Delete`, `Home`, `End`, `PageUp`, `PageDown`,\n" +
		"`Space` or `Tab`, as in `Ctrl+Shift+Y`; names are case-sensitive. On a Mac `Ctrl` is Command;\n" +
		"only `\"mac\"` entries may use `MacCtrl` and `Option`, and only `\"chromeos\"` ones `Search`.\n" +
		"Named commands may use `MediaNextTrack`, `MediaPlayPause`, `MediaPrevTrack` or `MediaStop`\n" +
		"alone. Chrome checks every entry on every platform, needs one for its own platform or a\n" +
		"`\"default\"`, and refuses the extension for a shortcut it cannot read, such as `Ctrl+Alt+Y`,\n" +
		"`Shift+Y`, `Y` or `Ctrl+F5`, and for more than four commands with shortcuts.\n\n" +
		"Chrome ignores `_execute_action` without an `action` key, and the Manifest V2 names\n" +
		"`_execute_browser_action` and `_execute_page_action`, with a warning; it ignores other names\n" +
		"that start with `_` silently. Of two commands with one shortcut, only one gets it. Users set\n" +
		"shortcuts at chrome://extensions/shortcuts, so suggest few.",
	Run: runCommands,
}

// The names of Chromium's ui/base/accelerators/command.cc, and the
// platforms Chrome runs on.
var (
	shortcutPlatforms = []string{"linux", "mac", "windows", "chromeos"}
	platformNames     = map[string]string{"linux": "Linux", "mac": "macOS", "windows": "Windows", "chromeos": "ChromeOS"}
	shortcutKeys      = []string{"Comma", "Period", "Up", "Down", "Left", "Right", "Insert", "Delete", "Home", "End", "PageUp", "PageDown", "Space", "Tab"}
	mediaKeys         = []string{"MediaNextTrack", "MediaPlayPause", "MediaPrevTrack", "MediaStop"}
	modifierBits      = map[string]int{"Ctrl": modCtrl, "Alt": modAlt, "Shift": modShift, "Command": modCommand, "Search": modCommand, "MacCtrl": modCtrl, "Option": modAlt}
	shortcutNames     = slices.Concat([]string{"Ctrl", "Alt", "Shift", "Command", "Search", "MacCtrl", "Option"}, shortcutKeys, mediaKeys)
	macTokens         = map[string]string{"Ctrl": "Command", "MacCtrl": "Ctrl", "Option": "Alt"}
	// platformModifiers are for one platform's entries; elsewhere a
	// remedy uses the other modifier.
	platformModifiers = map[string]struct{ only, other string }{"Command": {"mac", "Ctrl"}, "MacCtrl": {"mac", "Ctrl"}, "Option": {"mac", "Alt"}, "Search": {"chromeos", "Ctrl"}}
	macOnlyText       = map[string]string{"Command": "Command key is not supported. Note: Ctrl means Command on Mac", "Option": "Option key is not supported."}
	actionCommandKeys = map[string]string{"_execute_action": "action", "_execute_browser_action": "browser_action", "_execute_page_action": "page_action"}
)

// maxShortcuts is how many commands may have a shortcut other than a media
// key (kMaxCommandsWithKeybindingPerExtension).
const maxShortcuts = 4

// The modifiers of a shortcut; modCommand is also ChromeOS's Search.
const (
	modCtrl = 1 << iota
	modAlt
	modShift
	modCommand
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

func runCommands(pass *lint.Pass) error {
	root := pass.Root()
	mv, _ := root.Get("manifest_version").Int()
	counts, owners := map[string]int{}, map[shortcut]string{}
	var fifth *manifest.Member
	for i, m := range slices.SortedFunc(root.Get("commands").Members(), func(a, b manifest.Member) int { return strings.Compare(a.Key, b.Key) }) {
		if m.Value.Kind() != manifest.Object {
			continue // the schema rule reports it
		}
		const ignored = "The action commands in the manifest do not match the manifest's action type and were ignored."
		switch key, action := actionCommandKeys[m.Key]; {
		case action && mv >= 3 && key != "action":
			report(pass, m.Value, lint.Warning, lint.Warns, fmt.Sprintf("%q is a Manifest V2 name, and Chrome ignores the command; name it \"_execute_action\"", m.Key), ignored)
		case action && mv >= 3 && root.Get("action") == nil:
			report(pass, m.Value, lint.Warning, lint.Warns, fmt.Sprintf("Chrome ignores %q because the manifest has no \"action\" key; add one or remove the command", m.Key), ignored)
		case !action && strings.HasPrefix(m.Key, "_"):
			report(pass, m.Value, lint.Warning, lint.Accepts, fmt.Sprintf("command names that start with \"_\" are reserved, and Chrome ignores %q; rename it", m.Key), "")
		}
		duplicate := ""
		for _, sc := range checkSuggestedKey(pass, m, i+1) {
			if slices.Contains(mediaKeys, sc.key) {
				continue // media keys are neither counted nor exclusive
			}
			if counts[sc.platform]++; counts[sc.platform] == maxShortcuts+1 && fifth == nil {
				fifth = &m
			}
			duplicate = cmp.Or(duplicate, owners[sc])
			owners[sc] = m.Key
		}
		if duplicate != "" {
			report(pass, m.Value, lint.Warning, lint.Accepts, fmt.Sprintf("%q has the shortcut of %q, and only one of them gets it; give it another", m.Key, duplicate), "")
		}
	}
	if fifth != nil {
		over := slices.DeleteFunc(slices.Clone(shortcutPlatforms), func(p string) bool { return counts[p] <= maxShortcuts })
		pass.ReportKeyf(*fifth, "%s%q is the fifth command with a shortcut, and Chrome allows %d; drop some suggested_key entries, as users can add shortcuts at chrome://extensions/shortcuts (Chrome: \"Too many shortcuts specified for 'commands': The maximum is %d.\")",
			onPlatforms(over), fifth.Key, maxShortcuts, maxShortcuts)
	}
	return nil
}

// checkSuggestedKey reports the suggested_key entries of a command that
// Chrome refuses, and returns the shortcuts the platforms register.
func checkSuggestedKey(pass *lint.Pass, m manifest.Member, index int) []shortcut {
	_, action := actionCommandKeys[m.Key]
	sk := m.Value.Get("suggested_key")
	entries := map[string]*manifest.Node{}
	if s, ok := sk.Str(); ok && s != "" {
		entries["default"] = sk
	}
	for e := range sk.Members() {
		switch s, ok := e.Value.Str(); {
		case !ok: // the schema rule reports it
		case s == "":
			pass.Reportf(e.Value, "the %q shortcut is empty; write one or remove the entry (Chrome: \"Invalid value for 'commands[%d].suggested_key': Missing.\")", e.Key, index)
		case e.Key != "default" && !slices.Contains(shortcutPlatforms, e.Key):
			chrome := fmt.Sprintf("Unknown platform for 'command[%d]': %s. Valid values are: 'windows', 'mac' 'chromeos', 'linux' and 'default'.", index, e.Key)
			if t := macOnlyToken(e.Key, s); t != "" {
				chrome = macOnlyError(index, t) // Chrome checks this first
			}
			pass.ReportKeyf(e, "%q is not a platform; use \"default\", \"windows\", \"mac\", \"linux\" or \"chromeos\" (Chrome: %q)", e.Key, chrome)
		default:
			entries[e.Key] = e.Value
		}
	}
	if lacking := slices.DeleteFunc(slices.Clone(shortcutPlatforms), func(p string) bool { return sk.Get(p) != nil }); sk != nil && sk.Kind() == manifest.Object && sk.Get("default") == nil && len(lacking) > 0 {
		pass.Reportf(sk, "suggested_key has no shortcut for %s and no \"default\" one, so Chrome there refuses the extension; add a \"default\" shortcut (Chrome: \"Could not find key specification for 'command[%d].suggested_key': Either specify a key for '%s', or specify a default key.\")",
			listPlatforms(lacking), index, lacking[0])
	}
	var registered []shortcut
	for platform, n := range entries {
		e := shortcutEntry{index: index, platform: platform, named: !action}
		e.value, _ = n.Str()
		var refused []string
		var why, chrome string
		for _, os := range shortcutPlatforms {
			switch sc, w, c := e.on(os); {
			case w != "":
				if refused = append(refused, os); len(refused) == 1 {
					why, chrome = w, c
				}
			case platform == os || platform == "default" && entries[os] == nil:
				registered = append(registered, sc)
			}
		}
		if len(refused) > 0 {
			pass.Reportf(n, "%sshortcut %q %s; %s (Chrome: %q)", onPlatforms(refused), e.value, why, e.remedy(), chrome)
		}
	}
	return registered
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
