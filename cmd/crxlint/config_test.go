package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// firefoxRepo makes a repository whose extension keeps manifest version 2
// for Firefox, with the configuration config at its root.
func firefoxRepo(t *testing.T, config string) (ext string) {
	t.Helper()
	return extensionRepo(t, "firefox", `{"manifest_version": 2, "name": "x", "version": "1", "permissions": ["menus"]}`, config)
}

// extensionRepo makes a repository with the extension folder name holding
// the manifest src, and the configuration config (none when "") at its
// root.
func extensionRepo(t *testing.T, name, src, config string) (ext string) {
	t.Helper()
	root := t.TempDir()
	ext = filepath.Join(root, name)
	for _, dir := range []string{filepath.Join(root, ".git"), ext} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{filepath.Join(ext, "manifest.json"): src}
	if config != "" {
		files[filepath.Join(root, ".crxlint.jsonc")] = config
	}
	for name, src := range files {
		if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return ext
}

func TestConfigurationFile(t *testing.T) {
	ext := firefoxRepo(t, "")
	if got := runCLI(t, "", env(), ext); got.code != exitFindings {
		t.Fatalf("without configuration: exit %d, want 1\n%s", got.code, got.stdout)
	}
	ext = firefoxRepo(t, `{
  // the Firefox build stays on manifest version 2
  "rules": {"manifest-version": "off"},
  "ignore": [{"rule": "unknown-permission", "path": "firefox/*", "pointer": "/permissions", "reason": "Firefox's names"}]
}`)
	if got := runCLI(t, "", env(), ext); got.code != exitClean || got.stdout != "" {
		t.Errorf("configured: exit %d, want 0 and nothing\n%s%s", got.code, got.stdout, got.stderr)
	}
	got := runCLI(t, "", env(), "--rule", "manifest-version=warning", "--format", "json", ext)
	if got.code != exitClean || !strings.Contains(got.stdout, `"rule": "manifest-version",
          "severity": "warning"`) {
		t.Errorf("--rule over the file: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
	got = runCLI(t, "", env(), "--print-config", ext)
	for _, want := range []string{".crxlint.jsonc", "rule manifest-version: off (", ".crxlint.jsonc:3:13)", "ignore unknown-permission in firefox/* at /permissions: Firefox's names"} {
		if got.code != exitClean || !strings.Contains(got.stdout, want) {
			t.Errorf("--print-config does not say %q: exit %d\n%s%s", want, got.code, got.stdout, got.stderr)
		}
	}
}

func TestConfigurationErrors(t *testing.T) {
	ext := firefoxRepo(t, `{"rules": {"manifest-verzion": "off"}}`)
	got := runCLI(t, "", env(), ext)
	if got.code != exitUsage || !strings.Contains(got.stderr, `.crxlint.jsonc:1:12: no rule "manifest-verzion" (did you mean "manifest-version"?)`) {
		t.Errorf("unknown rule in the file: exit %d, stderr %q", got.code, got.stderr)
	}
	ext = firefoxRepo(t, "")
	for _, args := range [][]string{{"--rule", "manifest-version=loud", ext}, {"--rule", "nope=off", ext}, {"--config", filepath.Join(ext, "missing.jsonc"), ext}} {
		if got := runCLI(t, "", env(), args...); got.code != exitUsage {
			t.Errorf("%q: exit %d, want 2\n%s", args, got.code, got.stderr)
		}
	}
	config := filepath.Join(t.TempDir(), "team.jsonc")
	if err := os.WriteFile(config, []byte(`{"rules": {"schema": "off", "manifest-version": "off"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := runCLI(t, "", env(), "--config", config, ext); got.code != exitClean || got.stdout != "" {
		t.Errorf("--config with a former ID: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
}
