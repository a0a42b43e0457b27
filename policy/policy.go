// Package policy reads an organisation's Chrome Enterprise policy for
// extensions, the ExtensionSettings dictionary an admin sets, and says what
// it would do to an extension: block its installation, or restrict it at
// run time. It follows Chromium's extension_management_internal.cc and the
// policy's documentation (chromium.org, "Extension Settings Full
// Description"): an entry for the extension's ID applies alone, taking only
// installation_mode from "*"; otherwise "*" applies.
//
// Beside Chrome's own keys, the file may hold crxlint's policy for what
// Chrome's cannot say, under the key "crxlint" (see Own).
package policy

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crxlint/crxlint/config"
	"github.com/crxlint/crxlint/internal/suggest"
	"github.com/crxlint/crxlint/manifest"
)

// Settings is one entry of ExtensionSettings.
type Settings struct {
	InstallationMode       string   // "allowed", "blocked", "removed", "force_installed", "normal_installed"
	BlockedPermissions     []string // API permissions the extension may not have
	AllowedPermissions     []string // exceptions to BlockedPermissions
	RuntimeBlockedHosts    []string // hosts where the extension may not run: "*://*.example.com"
	RuntimeAllowedHosts    []string // exceptions to RuntimeBlockedHosts
	MinimumVersionRequired string   // for an extension ID only
	AllowedTypes           []string // for "*" only: "extension", "theme", ...
	BlockedInstallMessage  string   // what the user is told when installing is blocked
}

// Own is crxlint's own policy, for what Chrome's cannot say.
type Own struct {
	ForbidExternallyConnectable bool     // no web page or extension may message the extension
	DenyHosts                   []string // match patterns the extension may not reach
	MinimumChromeVersion        string   // the extension must declare at least this minimum_chrome_version
	MaxInstallWarnings          int      // at most this many warnings on the install prompt; 0 for no cap
}

// Policy is the ExtensionSettings policy, by extension ID or "*", and
// crxlint's own.
type Policy struct {
	File     string
	Settings map[string]Settings
	Own      Own
}

// For returns the settings in force for the extension id ("" when it is
// not known): its own entry, with installation_mode from "*" when the
// entry has none, else "*".
func (p *Policy) For(id string) Settings {
	def := p.Settings["*"]
	s, ok := p.Settings[id]
	if !ok || id == "" {
		return def
	}
	if s.InstallationMode == "" {
		s.InstallationMode = def.InstallationMode
	}
	s.AllowedTypes = def.AllowedTypes // set for "*" only
	return s
}

// Error is a policy file that cannot be read, with its place, as a
// configuration error is.
type Error = config.Error

var (
	settingsKeys = []string{
		"installation_mode", "blocked_permissions", "allowed_permissions", "runtime_blocked_hosts",
		"runtime_allowed_hosts", "minimum_version_required", "allowed_types", "blocked_install_message",
		"update_url", "override_update_url", "install_sources", "toolbar_pin", "file_url_navigation_allowed",
	}
	ownKeys           = []string{"forbid_externally_connectable", "deny_hosts", "minimum_chrome_version", "max_install_warnings"}
	installationModes = []string{"allowed", "blocked", "removed", "force_installed", "normal_installed"}
)

// Parse reads a policy: the ExtensionSettings dictionary itself, or an
// object holding it under "ExtensionSettings" as Chrome's policy files do.
func Parse(file string, src []byte) (*Policy, error) {
	doc, err := manifest.Parse(src)
	if err != nil {
		se := doc.Err()
		pos := doc.Position(se.Span.Start)
		return nil, &Error{File: file, Line: pos.Line, Column: pos.Column, Msg: strings.Replace(se.Message, "the manifest is", "the policy is", 1)}
	}
	r := reader{file: file, doc: doc}
	root := doc.Root()
	if inner := root.Get("ExtensionSettings"); inner != nil {
		root = inner
	}
	if root.Kind() != manifest.Object {
		return nil, r.errorf(root, "the policy must be an object of extension IDs and \"*\"")
	}
	p := &Policy{File: file, Settings: map[string]Settings{}}
	for m := range root.AllMembers() {
		switch {
		case m.Key == "crxlint":
			if err := r.own(&p.Own, m.Value); err != nil {
				return nil, err
			}
		case m.Key == "*" || isID(m.Key) || strings.HasPrefix(m.Key, "update_url:"):
			s, err := r.settings(m.Value)
			if err != nil {
				return nil, err
			}
			p.Settings[m.Key] = s
		default:
			return nil, r.keyErrorf(m, "%q is neither \"*\" nor an extension ID of 32 letters from a to p", m.Key)
		}
	}
	return p, nil
}

func isID(s string) bool {
	return len(s) == 32 && strings.Trim(s, "abcdefghijklmnop") == ""
}

type reader struct {
	file string
	doc  *manifest.Document
}

func (r reader) settings(n *manifest.Node) (Settings, error) {
	var s Settings
	if n.Kind() != manifest.Object {
		return s, r.errorf(n, "an extension's settings must be an object such as {\"installation_mode\": \"blocked\"}")
	}
	for m := range n.AllMembers() {
		var err error
		switch m.Key {
		case "installation_mode":
			if s.InstallationMode, err = r.str(m.Value); err == nil && !slices.Contains(installationModes, s.InstallationMode) {
				err = r.errorf(m.Value, "installation_mode %q is not one of %s%s", s.InstallationMode, strings.Join(installationModes, ", "), closest(s.InstallationMode, installationModes))
			}
		case "blocked_permissions":
			s.BlockedPermissions, err = r.strs(m.Value)
		case "allowed_permissions":
			s.AllowedPermissions, err = r.strs(m.Value)
		case "runtime_blocked_hosts":
			s.RuntimeBlockedHosts, err = r.strs(m.Value)
		case "runtime_allowed_hosts":
			s.RuntimeAllowedHosts, err = r.strs(m.Value)
		case "minimum_version_required":
			s.MinimumVersionRequired, err = r.str(m.Value)
		case "allowed_types":
			s.AllowedTypes, err = r.strs(m.Value)
		case "blocked_install_message":
			s.BlockedInstallMessage, err = r.str(m.Value)
		default:
			if !slices.Contains(settingsKeys, m.Key) {
				err = r.keyErrorf(m, "unknown key %q%s", m.Key, closest(m.Key, settingsKeys))
			}
		}
		if err != nil {
			return s, err
		}
	}
	return s, nil
}

func (r reader) own(o *Own, n *manifest.Node) error {
	if n.Kind() != manifest.Object {
		return r.errorf(n, "\"crxlint\" must be an object of crxlint's own policy settings")
	}
	for m := range n.AllMembers() {
		var err error
		switch m.Key {
		case "forbid_externally_connectable":
			var ok bool
			if o.ForbidExternallyConnectable, ok = m.Value.Boolean(); !ok {
				err = r.errorf(m.Value, "forbid_externally_connectable must be true or false")
			}
		case "deny_hosts":
			o.DenyHosts, err = r.strs(m.Value)
		case "minimum_chrome_version":
			o.MinimumChromeVersion, err = r.str(m.Value)
		case "max_install_warnings":
			var ok bool
			if o.MaxInstallWarnings, ok = m.Value.Int(); !ok || o.MaxInstallWarnings < 1 {
				err = r.errorf(m.Value, "max_install_warnings must be a whole number of at least 1")
			}
		default:
			err = r.keyErrorf(m, "unknown key %q%s", m.Key, closest(m.Key, ownKeys))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (r reader) str(n *manifest.Node) (string, error) {
	s, ok := n.Str()
	if !ok {
		return "", r.errorf(n, "expected a string")
	}
	return s, nil
}

func (r reader) strs(n *manifest.Node) ([]string, error) {
	if n.Kind() != manifest.Array {
		return nil, r.errorf(n, "expected a list of strings")
	}
	var out []string
	for _, e := range n.Elems() {
		s, err := r.str(e)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func (r reader) errorf(n *manifest.Node, format string, args ...any) error {
	pos := r.doc.Position(n.Span().Start)
	return &Error{File: r.file, Line: pos.Line, Column: pos.Column, Msg: fmt.Sprintf(format, args...)}
}

func (r reader) keyErrorf(m manifest.Member, format string, args ...any) error {
	pos := r.doc.Position(m.KeySpan.Start)
	return &Error{File: r.file, Line: pos.Line, Column: pos.Column, Msg: fmt.Sprintf(format, args...)}
}

func closest(s string, names []string) string { return suggest.DidYouMean(s, names) }
