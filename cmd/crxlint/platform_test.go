package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/lint"
)

// platformRepo makes a repository holding an extension with a Windows and
// macOS key and a ChromeOS permission, and the configuration config at its
// root.
func platformRepo(t *testing.T, config string) (ext string) {
	t.Helper()
	return extensionRepo(t, "ext", `{
  "manifest_version": 3, "name": "x", "version": "1",
  "chrome_settings_overrides": {"homepage": "https://example.com/"},
  "permissions": ["printing"]
}`, config)
}

// platformFindings runs crxlint with args and returns, for each finding,
// "pointer rule chrome chromeMessage".
func platformFindings(t *testing.T, args ...string) []string {
	t.Helper()
	got := runCLI(t, "", env(), append([]string{"--format", "json"}, args...)...)
	if got.code != exitClean && got.code != exitFindings {
		t.Fatalf("%q: exit %d\n%s", args, got.code, got.stderr)
	}
	var report struct {
		Files []struct {
			Diagnostics []struct {
				Rule, Pointer, Chrome, ChromeMessage string
			}
		}
	}
	if err := json.Unmarshal([]byte(got.stdout), &report); err != nil {
		t.Fatalf("%q: %v\n%s", args, err, got.stdout)
	}
	var out []string
	for _, f := range report.Files {
		for _, d := range f.Diagnostics {
			out = append(out, strings.TrimSpace(d.Pointer+" "+d.Rule+" "+d.Chrome+" "+d.ChromeMessage))
		}
	}
	slices.Sort(out)
	return out
}

var (
	settingsIgnored = "/chrome_settings_overrides unavailable-feature warns 'chrome_settings_overrides' is not allowed for specified platform."
	settingsNote    = "/chrome_settings_overrides platform-specific accepts"
	printingIgnored = "/permissions/0 unavailable-feature warns 'printing' is not allowed for specified platform."
	printingNote    = "/permissions/0 platform-specific accepts"
)

func TestPlatformFlag(t *testing.T) {
	ext := platformRepo(t, "")
	for platform, want := range map[string][]string{
		"linux":    {settingsIgnored, printingIgnored},
		"mac":      {settingsNote, printingIgnored},
		"win":      {settingsNote, printingIgnored},
		"chromeos": {settingsIgnored, printingNote},
	} {
		if got := platformFindings(t, "--platform", platform, ext); !slices.Equal(got, want) {
			t.Errorf("--platform %s:\n got %q\nwant %q", platform, got, want)
		}
	}
	// Without the flag, crxlint judges by the platform it runs on.
	host := map[lint.Platform][]string{lint.Linux: {settingsIgnored, printingIgnored}, lint.Mac: {settingsNote, printingIgnored}, lint.Windows: {settingsNote, printingIgnored}}
	if got := platformFindings(t, ext); !slices.Equal(got, host[lint.HostPlatform()]) {
		t.Errorf("no --platform on %s:\n got %q\nwant %q", lint.HostPlatform(), got, host[lint.HostPlatform()])
	}
	got := runCLI(t, "", env(), "--platform", "chromeos", "--print-config", ext)
	if got.code != exitClean || !strings.Contains(got.stdout, "platform chromeos (--platform)") {
		t.Errorf("--print-config does not name the platform: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
}

func TestPlatformConfiguration(t *testing.T) {
	ext := platformRepo(t, `{"platform": "chromeos"}`)
	if got, want := platformFindings(t, ext), []string{settingsIgnored, printingNote}; !slices.Equal(got, want) {
		t.Errorf(`"platform": "chromeos":\n got %q\nwant %q`, got, want)
	}
	if got, want := platformFindings(t, "--platform", "win", ext), []string{settingsNote, printingIgnored}; !slices.Equal(got, want) {
		t.Errorf("--platform win over the file:\n got %q\nwant %q", got, want)
	}
	got := runCLI(t, "", env(), "--print-config", ext)
	if got.code != exitClean || !strings.Contains(got.stdout, "platform chromeos (") || !strings.Contains(got.stdout, ".crxlint.jsonc:1:2)") {
		t.Errorf("--print-config does not say where the platform is set: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
}

func TestPlatformErrors(t *testing.T) {
	for _, c := range []struct {
		config string
		args   []string
		want   string
	}{
		{"", []string{"--platform", "linx"}, `--platform: unknown platform "linx" (did you mean "linux"?); use linux, mac, win or chromeos`},
		{"", []string{"--platform", "windows"}, `unknown platform "windows" (did you mean "win"?)`},
		{`{"platform": "macos"}`, nil, `.crxlint.jsonc:1:14: unknown platform "macos" (did you mean "mac"?); use linux, mac, win or chromeos`},
		{`{"platform": 3}`, nil, `.crxlint.jsonc:1:14: "platform" must be a string`},
		{`{"platfrm": "mac"}`, nil, `.crxlint.jsonc:1:2: unknown key "platfrm" (did you mean "platform"?)`},
	} {
		ext := platformRepo(t, c.config)
		got := runCLI(t, "", env(), append(c.args, ext)...)
		if got.code != exitUsage || !strings.Contains(got.stderr, c.want) {
			t.Errorf("%s %q: exit %d, stderr %q; want 2 and %q", c.config, c.args, got.code, got.stderr, c.want)
		}
	}
	got := runCLI(t, "", env(), "lsp", "--platform", "beos")
	if got.code != exitUsage || !strings.Contains(got.stderr, `unknown platform "beos"`) {
		t.Errorf("crxlint lsp --platform beos: exit %d, stderr %q", got.code, got.stderr)
	}
}
