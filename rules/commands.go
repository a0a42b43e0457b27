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
