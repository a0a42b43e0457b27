package rules

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// commandFindings checks the commands and their shortcuts, for
// invalid-shortcut, too-many-shortcuts, ignored-action-command,
// reserved-command-name and duplicate-shortcut.
var commandFindings = lint.NewResult("commands", func(pass *lint.Pass) (findings, error) {
	out := findings{}
	checkCommands(pass, out)
	return out, nil
})

const (
	idInvalidShortcut      = "invalid-shortcut"
	idTooManyShortcuts     = "too-many-shortcuts"
	idIgnoredActionCommand = "ignored-action-command"
	idReservedCommandName  = "reserved-command-name"
	idDuplicateShortcut    = "duplicate-shortcut"
)

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

func checkCommands(pass *lint.Pass, out findings) {
	root := pass.Root()
	mv, _ := root.Get("manifest_version").Int()
	counts, owners := map[string]int{}, map[shortcut]string{}
	var fifth *manifest.Member
	for i, m := range slices.SortedFunc(root.Get("commands").Members(), func(a, b manifest.Member) int { return strings.Compare(a.Key, b.Key) }) {
		if m.Value.Kind() != manifest.Object {
			continue // invalid-value reports it
		}
		const ignored = "The action commands in the manifest do not match the manifest's action type and were ignored."
		switch key, action := actionCommandKeys[m.Key]; {
		case action && mv >= 3 && key != "action":
			out.report(pass, idIgnoredActionCommand, m.Value, fmt.Sprintf("%q is a Manifest V2 name, and Chrome ignores the command; name it \"_execute_action\"", m.Key), ignored)
		case action && mv >= 3 && root.Get("action") == nil:
			out.report(pass, idIgnoredActionCommand, m.Value, fmt.Sprintf("Chrome ignores %q because the manifest has no \"action\" key; add one or remove the command", m.Key), ignored)
		case !action && strings.HasPrefix(m.Key, "_"):
			out.report(pass, idReservedCommandName, m.Value, fmt.Sprintf("command names that start with \"_\" are reserved, and Chrome ignores %q; rename it", m.Key), "")
		}
		duplicate := ""
		for _, sc := range checkSuggestedKey(pass, out, m, i+1) {
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
			out.report(pass, idDuplicateShortcut, m.Value, fmt.Sprintf("%q has the shortcut of %q, and only one of them gets it; give it another", m.Key, duplicate), "")
		}
	}
	if fifth != nil {
		over := slices.DeleteFunc(slices.Clone(shortcutPlatforms), func(p string) bool { return counts[p] <= maxShortcuts })
		d := pass.AtKey(*fifth, "%s%q is the fifth command with a shortcut, and Chrome allows %d; drop some suggested_key entries, as users can add shortcuts at chrome://extensions/shortcuts",
			onPlatforms(over), fifth.Key, maxShortcuts)
		d.ChromeMessage = fmt.Sprintf("Too many shortcuts specified for 'commands': The maximum is %d.", maxShortcuts)
		out.add(idTooManyShortcuts, d)
	}
}

// checkSuggestedKey reports the suggested_key entries of a command that
// Chrome refuses, and returns the shortcuts the platforms register.
func checkSuggestedKey(pass *lint.Pass, out findings, m manifest.Member, index int) []shortcut {
	_, action := actionCommandKeys[m.Key]
	sk := m.Value.Get("suggested_key")
	entries := map[string]*manifest.Node{}
	if s, ok := sk.Str(); ok && s != "" {
		entries["default"] = sk
	}
	for e := range sk.Members() {
		switch s, ok := e.Value.Str(); {
		case !ok: // invalid-value reports it
		case s == "":
			out.report(pass, idInvalidShortcut, e.Value, fmt.Sprintf("the %q shortcut is empty; write one or remove the entry", e.Key), fmt.Sprintf("Invalid value for 'commands[%d].suggested_key': Missing.", index))
		case e.Key != "default" && !slices.Contains(shortcutPlatforms, e.Key):
			chrome := fmt.Sprintf("Unknown platform for 'command[%d]': %s. Valid values are: 'windows', 'mac' 'chromeos', 'linux' and 'default'.", index, e.Key)
			if t := macOnlyToken(e.Key, s); t != "" {
				chrome = macOnlyError(index, t) // Chrome checks this first
			}
			d := pass.AtKey(e, "%q is not a platform; use \"default\", \"windows\", \"mac\", \"linux\" or \"chromeos\"", e.Key)
			d.ChromeMessage = chrome
			out.add(idInvalidShortcut, d)
		default:
			entries[e.Key] = e.Value
		}
	}
	if lacking := slices.DeleteFunc(slices.Clone(shortcutPlatforms), func(p string) bool { return sk.Get(p) != nil }); sk != nil && sk.Kind() == manifest.Object && sk.Get("default") == nil && len(lacking) > 0 {
		out.report(pass, idInvalidShortcut, sk, fmt.Sprintf("suggested_key has no shortcut for %s and no \"default\" one, so Chrome there refuses the extension; add a \"default\" shortcut", listPlatforms(lacking)),
			fmt.Sprintf("Could not find key specification for 'command[%d].suggested_key': Either specify a key for '%s', or specify a default key.", index, lacking[0]))
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
			out.report(pass, idInvalidShortcut, n, fmt.Sprintf("%sshortcut %q %s; %s", onPlatforms(refused), e.value, why, e.remedy()), chrome)
		}
	}
	return registered
}
