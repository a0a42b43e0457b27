package runner_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/crxlint/crxlint/runner"
)

// tree makes files (slash-separated, relative to a new temporary folder)
// and returns the folder.
func tree(t *testing.T, files ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestManifests(t *testing.T) {
	root := tree(t,
		"repo/.git/HEAD",
		"repo/ext/manifest.json",
		"repo/ext/background.js",
		"repo/ext/icons/16.png",
		"repo/ext/_locales/en/messages.json",
		"repo/other/manifest.json",
		"repo/package.json",
		"repo/docs/notes.md",
		"repo/dist/ext.zip",
		"repo/ext/old.CRX",
		"manifest.json", // above the repository: never reached from inside it
	)
	at := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }
	tests := []struct {
		name                 string
		paths                []string
		wantLint, wantStrays []string
	}{
		{
			name:     "code and icons stand for their extension, once",
			paths:    []string{at("repo/ext/background.js"), at("repo/ext/icons/16.png"), at("repo/ext/_locales/en/messages.json")},
			wantLint: []string{at("repo/ext/manifest.json")},
		},
		{
			name:     "a folder and its manifest are one extension",
			paths:    []string{at("repo/ext"), at("repo/ext/manifest.json"), at("repo/ext/background.js")},
			wantLint: []string{at("repo/ext/manifest.json")},
		},
		{
			name:     "order of first mention",
			paths:    []string{at("repo/other/manifest.json"), at("repo/ext/background.js"), at("repo/other")},
			wantLint: []string{at("repo/other/manifest.json"), at("repo/ext/manifest.json")},
		},
		{
			name:       "the search stops at the repository root",
			paths:      []string{at("repo/package.json"), at("repo/docs/notes.md")},
			wantStrays: []string{at("repo/package.json"), at("repo/docs/notes.md")},
		},
		{
			name:     "an archive is an extension, wherever it lies",
			paths:    []string{at("repo/dist/ext.zip"), at("repo/ext/old.CRX"), at("repo/ext/background.js")},
			wantLint: []string{at("repo/dist/ext.zip"), at("repo/ext/old.CRX"), at("repo/ext/manifest.json")},
		},
		{
			name:     "a missing path passes through, to be reported",
			paths:    []string{at("repo/ext/gone.js")},
			wantLint: []string{at("repo/ext/gone.js")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lint, strays := runner.Manifests(tt.paths)
			if !slices.Equal(lint, tt.wantLint) || !slices.Equal(strays, tt.wantStrays) {
				t.Errorf("Manifests(%q)\n = %q, strays %q\nwant %q, strays %q", tt.paths, lint, strays, tt.wantLint, tt.wantStrays)
			}
		})
	}
}

func TestManifestsNamesFilesAsTheUserDid(t *testing.T) {
	root := tree(t, ".git/HEAD", "ext/manifest.json", "ext/js/background.js", "ext/popup.html")
	t.Chdir(filepath.Join(root, "ext", "js"))
	lint, _ := runner.Manifests([]string{"background.js", "../popup.html"})
	if want := []string{filepath.Join("..", "manifest.json")}; !slices.Equal(lint, want) {
		t.Errorf("relative paths: got %q, want %q", lint, want)
	}
}
