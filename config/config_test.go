package config_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/config"
	"github.com/crxlint/crxlint/lint"
)

// known has two rules and a former ID that names both.
var known = config.Rules{
	Resolve: func(id string) []string {
		switch id {
		case "unused-permission", "broad-host-access":
			return []string{id}
		case "old-id":
			return []string{"unused-permission", "broad-host-access"}
		}
		return nil
	},
	IDs: []string{"broad-host-access", "unused-permission"},
}

func TestParse(t *testing.T) {
	src := `{
  // comments are fine
  "rules": {"unused-permission": "off", "old-id": "error"},
  "ignore": [{"rule": "broad-host-access", "path": "ext/**", "pointer": "/host_permissions", "reason": "a crawler"}]
}`
	cfg, err := config.Parse("dir/.crxlint.jsonc", []byte(src), known)
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Rules["broad-host-access"]; got.Level != config.LevelError || got.Source != "dir/.crxlint.jsonc:3:41" {
		t.Errorf("broad-host-access = %+v; want error from dir/.crxlint.jsonc:3:41 (the former ID, set later, wins)", got)
	}
	if cfg.Level("unused-permission") != config.LevelError {
		t.Errorf("old-id after unused-permission must set it to error")
	}
	rule := &lint.Rule{ID: "broad-host-access", Severity: lint.Info}
	if s, on := cfg.Severity(rule); !on || s != lint.Error {
		t.Errorf("Severity = %v, %v; want error, on", s, on)
	}
	for _, tt := range []struct {
		rule, path, ptr string
		want            bool
	}{
		{"broad-host-access", "ext/a/manifest.json", "/host_permissions/0", true},
		{"broad-host-access", "ext/manifest.json", "/host_permissions", true},
		{"broad-host-access", "ext/manifest.json", "/host_permissions_x", false},
		{"broad-host-access", "other/manifest.json", "/host_permissions/0", false},
		{"unused-permission", "ext/manifest.json", "/host_permissions/0", false},
	} {
		if got := cfg.Ignored(tt.rule, tt.path, tt.ptr); got != tt.want {
			t.Errorf("Ignored(%s, %s, %s) = %v, want %v", tt.rule, tt.path, tt.ptr, got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{`{"rules": {"unused-permision": "off"}}`, `c.jsonc:1:12: no rule "unused-permision" (did you mean "unused-permission"?)`},
		{`{"rules": {"unused-permission": "of"}}`, `c.jsonc:1:33: the level of unused-permission must be "off", "info", "warning" or "error" (did you mean "off"?)`},
		{`{"rule": {}}`, `c.jsonc:1:2: unknown key "rule" (did you mean "rules"?)`},
		{`{"ignore": [{"rule": "unused-permission"}]}`, `c.jsonc:1:13: the ignore entry gives no "reason"`},
		{`{"ignore": [{"rule": "unused-permission", "reason": "x", "pointer": "no-slash"}]}`, `c.jsonc:1:69: pointer "no-slash" is not a JSON pointer`},
		{`{"ignore": [{"rule": "unused-permission", "reason": "x", "path": "[a"}]}`, `c.jsonc:1:66: path "[a"`},
		{"{\n  \"rules\": {},\n}", `c.jsonc:2:14: a trailing comma`},
		{`[]`, `c.jsonc:1:1: the configuration is`},
	}
	for _, tt := range tests {
		_, err := config.Parse("c.jsonc", []byte(tt.src), known)
		var ce *config.Error
		if !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Parse(%s) = %v; want an error starting %q", tt.src, err, tt.want)
		}
	}
}

func TestWithFlags(t *testing.T) {
	cfg, err := (*config.Config)(nil).WithFlags([]string{"old-id=warning", "unused-permission=off"}, known)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Level("broad-host-access") != config.LevelWarning || cfg.Level("unused-permission") != config.LevelOff {
		t.Errorf("levels %v and %v, want warning and off", cfg.Level("broad-host-access"), cfg.Level("unused-permission"))
	}
	for _, bad := range []string{"unused-permission", "nope=off", "unused-permission=loud"} {
		if _, err := cfg.WithFlags([]string{bad}, known); err == nil {
			t.Errorf("--rule %s was accepted", bad)
		}
	}
}

func TestFind(t *testing.T) {
	repo := t.TempDir()
	ext := filepath.Join(repo, "packages", "ext")
	if err := os.MkdirAll(ext, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := config.Find(ext); err != nil || got != "" {
		t.Errorf("Find without a file = %q, %v; want none", got, err)
	}
	// a file above the repository's root is not the repository's
	if err := os.WriteFile(filepath.Join(filepath.Dir(repo), config.FileName), []byte("{}"), 0o644); err == nil {
		defer os.Remove(filepath.Join(filepath.Dir(repo), config.FileName))
		if got, _ := config.Find(ext); got != "" {
			t.Errorf("Find went past the repository's root to %q", got)
		}
	}
	top := filepath.Join(repo, config.FileName)
	if err := os.WriteFile(top, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := config.Find(ext); err != nil || got != top {
		t.Errorf("Find = %q, %v; want %q", got, err, top)
	}
	near := filepath.Join(ext, config.FileName)
	if err := os.WriteFile(near, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := config.Find(ext); got != near {
		t.Errorf("Find = %q; want the nearest, %q", got, near)
	}
}

func TestPlatform(t *testing.T) {
	cfg, err := config.Parse("c.jsonc", []byte(`{"platform": "chromeos"}`), known)
	if err != nil || cfg.PlatformOf() != lint.ChromeOS || cfg.PlatformSource != "c.jsonc:1:2" {
		t.Fatalf("Parse: %+v, %v; want chromeos set at c.jsonc:1:2", cfg, err)
	}
	over, err := cfg.WithPlatform("win")
	if err != nil || over.PlatformOf() != lint.Windows || over.PlatformSource != "--platform" || cfg.PlatformOf() != lint.ChromeOS {
		t.Errorf("WithPlatform(win): %+v, %v; want win from --platform, the file's own unchanged", over, err)
	}
	if same, err := cfg.WithPlatform(""); same.PlatformOf() != lint.ChromeOS || err != nil {
		t.Errorf(`WithPlatform(""): %+v, %v; want the file's platform`, same, err)
	}
	if p := (*config.Config)(nil).PlatformOf(); p != "" {
		t.Errorf("no configuration: platform %q, want the host's (\"\")", p)
	}
	if _, err := (*config.Config)(nil).WithPlatform("mack"); err == nil || !strings.Contains(err.Error(), `did you mean "mac"?`) {
		t.Errorf("WithPlatform(mack): %v", err)
	}
	for src, want := range map[string]string{
		`{"platform": "ChromeOS"}`: `c.jsonc:1:14: unknown platform "ChromeOS" (did you mean "chromeos"?)`,
		`{"platform": ["linux"]}`:  `c.jsonc:1:14: "platform" must be a string`,
	} {
		if _, err := config.Parse("c.jsonc", []byte(src), known); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%s): %v; want %q", src, err, want)
		}
	}
}
