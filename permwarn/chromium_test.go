package permwarn_test

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/permwarn"
)

// chromiumDir holds manifests and Chromium's recorded warnings for them;
// scripts/refresh-permission-warnings.sh regenerates answers.json.
const chromiumDir = "testdata/chromium156"

type recorded struct {
	Chromium string `json:"chromium"`
	Answers  []struct {
		Manifest string   `json:"manifest"`
		Warnings []string `json:"warnings"`
		Optional []string `json:"optional"`
	} `json:"answers"`
}

// TestChromiumAnswers compares the warnings of every recorded manifest with
// what Chromium answered for it.
func TestChromiumAnswers(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(chromiumDir, "answers.json"))
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("no recorded Chromium answers in %s: run scripts/refresh-permission-warnings.sh", chromiumDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	var rec recorded
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatalf("answers.json: %v", err)
	}
	if len(rec.Answers) < 60 {
		t.Errorf("answers.json has %d answers, want at least 60", len(rec.Answers))
	}
	for _, a := range rec.Answers {
		t.Run(a.Manifest, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(chromiumDir, "manifests", a.Manifest))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := manifest.Parse(src)
			if err != nil {
				t.Fatal(err)
			}
			got := permwarn.For(doc.Root())
			if !slices.Equal(got.Required, a.Warnings) {
				t.Errorf("warnings:\n got %q\nwant %q (Chromium %s)", got.Required, a.Warnings, rec.Chromium)
			}
			if !slices.Equal(got.Optional, a.Optional) {
				t.Errorf("optional:\n got %q\nwant %q (Chromium %s)", got.Optional, a.Optional, rec.Chromium)
			}
		})
	}
}
