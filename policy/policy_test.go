package policy_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/policy"
)

const id = "abcdefghijklmnopabcdefghijklmnop"

func check(t *testing.T, pol, man, extID string) []policy.Finding {
	t.Helper()
	p, err := policy.Parse("policy.json", []byte(pol))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := manifest.Parse([]byte(man))
	if err != nil {
		t.Fatal(err)
	}
	return p.Check(doc, extID)
}

// summary lists each finding as "kind pointer".
func summary(fs []policy.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, []string{"", "blocks", "restricts", "violates"}[f.Kind]+" "+f.Pointer)
	}
	slices.Sort(out)
	return out
}

func TestCheck(t *testing.T) {
	const ext = `{"manifest_version": 3, "name": "x", "version": "1.2",
  "permissions": ["storage", "cookies", "bookmarks"], "optional_permissions": ["history"],
  "host_permissions": ["https://*.example.com/*", "https://docs.example.org/*"],
  "content_scripts": [{"matches": ["https://intranet.corp.example/*"], "js": ["c.js"]}],
  "externally_connectable": {"matches": ["https://app.example.com/*"]}}`
	tests := []struct {
		name, policy, id string
		want             []string
	}{
		{"nothing set", `{}`, id, nil},
		{"blocked by default", `{"*": {"installation_mode": "blocked"}}`, "", []string{"blocks "}},
		{"allowed by ID over a blocked default", `{"*": {"installation_mode": "blocked"}, "` + id + `": {"installation_mode": "allowed"}}`, id, nil},
		{"an entry inherits only installation_mode", `{"*": {"installation_mode": "removed", "blocked_permissions": ["cookies"]}, "` + id + `": {}}`, id, []string{"blocks "}},
		{"blocked permissions", `{"*": {"blocked_permissions": ["cookies", "history", "tabs"]}}`, id, []string{"blocks /permissions/1", "restricts /optional_permissions/0"}},
		{"allowed_permissions excepts", `{"` + id + `": {"blocked_permissions": ["cookies"], "allowed_permissions": ["cookies"]}}`, id, nil},
		{"minimum version", `{"` + id + `": {"minimum_version_required": "1.10"}}`, id, []string{"blocks /version"}},
		{"minimum version met", `{"` + id + `": {"minimum_version_required": "1.2.0"}}`, id, nil},
		{"types", `{"*": {"allowed_types": ["theme"]}}`, id, []string{"blocks "}},
		{
			"runtime hosts", `{"*": {"runtime_blocked_hosts": ["*://*.example.com", "*://*.corp.example"], "runtime_allowed_hosts": ["*://docs.example.org"]}}`, id,
			[]string{"restricts /content_scripts/0/matches/0", "restricts /host_permissions/0"},
		},
		{
			"crxlint's own", `{"crxlint": {"forbid_externally_connectable": true, "deny_hosts": ["https://docs.example.org"], "minimum_chrome_version": "120"}}`, id,
			[]string{"violates ", "violates /externally_connectable", "violates /host_permissions/1"},
		},
		{"install warnings over the cap", `{"crxlint": {"max_install_warnings": 1}}`, id, []string{"violates "}},
		{"install warnings under the cap", `{"crxlint": {"max_install_warnings": 3}}`, id, nil},
		{"under ExtensionSettings", `{"ExtensionSettings": {"*": {"installation_mode": "blocked"}}}`, id, []string{"blocks "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summary(check(t, tt.policy, ext, tt.id)); !slices.Equal(got, tt.want) {
				t.Errorf("findings %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBlockedInstallMessage(t *testing.T) {
	got := check(t, `{"*": {"installation_mode": "blocked", "blocked_install_message": "Ask IT at x1234"}}`, `{"manifest_version": 3, "name": "x", "version": "1"}`, "")
	if len(got) != 1 || !strings.Contains(got[0].Message, `"Ask IT at x1234"`) || !strings.Contains(got[0].Message, "extensions it does not name by ID") {
		t.Errorf("findings %+v; want one that quotes the admin's message and says the default applies", got)
	}
}

func TestParseErrors(t *testing.T) {
	for src, want := range map[string]string{
		`{"*": {"installation_mode": "blockd"}}`:  `policy.json:1:29: installation_mode "blockd" is not one of allowed, blocked, removed, force_installed, normal_installed (did you mean "blocked"?)`,
		`{"*": {"blocked_permission": ["tabs"]}}`: `policy.json:1:8: unknown key "blocked_permission" (did you mean "blocked_permissions"?)`,
		`{"my-extension": {}}`:                    `policy.json:1:2: "my-extension" is neither "*" nor an extension ID`,
		`{"crxlint": {"deny_host": []}}`:          `policy.json:1:14: unknown key "deny_host" (did you mean "deny_hosts"?)`,
		`{"*": {"blocked_permissions": "tabs"}}`:  `policy.json:1:31: expected a list of strings`,
	} {
		_, err := policy.Parse("policy.json", []byte(src))
		var pe *policy.Error
		if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("Parse(%s) = %v; want an error starting %q", src, err, want)
		}
	}
}
