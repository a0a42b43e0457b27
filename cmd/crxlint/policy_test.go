package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPolicy(t *testing.T) {
	ext := writeManifest(t, `{"manifest_version": 3, "name": "x", "version": "1", "permissions": ["storage", "cookies"]}`)
	pol := filepath.Join(t.TempDir(), "policy.json")
	if err := os.WriteFile(pol, []byte(`{"*": {"blocked_permissions": ["cookies"], "blocked_install_message": "Ask IT"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	got := runCLI(t, "", env(), "--policy", pol, ext)
	if got.code != exitFindings || !strings.Contains(got.stdout, `:1:81: error: the organisation's policy blocks the "cookies" permission`) ||
		!strings.Contains(got.stdout, `"Ask IT"`) || !strings.Contains(got.stdout, "[policy-blocks]") {
		t.Errorf("--policy: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
	if got := runCLI(t, "", env(), "--explain", "policy-restricts"); got.code != exitClean || !strings.Contains(got.stdout, "runtime_blocked_hosts") {
		t.Errorf("--explain policy-restricts: exit %d\n%s", got.code, got.stdout)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"*": {"installation_mode": "blockd"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := runCLI(t, "", env(), "--policy", bad, ext); got.code != exitUsage || !strings.Contains(got.stderr, `bad.json:1:29: installation_mode "blockd"`) {
		t.Errorf("a bad policy: exit %d, stderr %q", got.code, got.stderr)
	}
}
