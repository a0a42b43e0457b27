package config_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/crxlint/crxlint/config"
)

// TestFinder checks that a Finder answers as Find does for many folders
// under shared parents, and remembers the parents' answers.
func TestFinder(t *testing.T) {
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	top := filepath.Join(repo, config.FileName)
	team := filepath.Join(repo, "team", config.FileName)
	var dirs []string
	for _, d := range []string{"a", "b", "team/c", "team/d/e"} {
		dirs = append(dirs, filepath.Join(repo, filepath.FromSlash(d)))
		if err := os.MkdirAll(dirs[len(dirs)-1], 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{top, team} {
		if err := os.WriteFile(name, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var f config.Finder
	want := []string{top, top, team, team}
	for i, d := range dirs {
		got, err := f.Find(d)
		if err != nil || got != want[i] {
			t.Errorf("Find(%s) = %q, %v; want %q", d, got, err, want[i])
		}
		if plain, _ := config.Find(d); plain != got {
			t.Errorf("Finder.Find(%s) = %q, config.Find %q", d, got, plain)
		}
	}
	// The answer for team/d is remembered: a file written there since is
	// not looked for.
	if err := os.WriteFile(filepath.Join(repo, "team", "d", config.FileName), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.Find(filepath.Join(repo, "team", "d", "e")); got != team {
		t.Errorf("Find(team/d/e) again = %q, want the remembered %q", got, team)
	}
}
