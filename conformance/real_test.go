package conformance

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/crxlint/crxlint/internal/testenv"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/rules"
)

// TestRealCorpusNoFalseRejection lints every complete manifest version 3
// manifest of real published extensions (../shared/corpus/real): these load
// in Chrome, so crxlint must not claim Chrome rejects any of them. The
// corpus has manifests only, so the checks of the extension's files do not
// run here.
func TestRealCorpusNoFalseRejection(t *testing.T) {
	dir := filepath.Join(testenv.Shared(t), "corpus", "real")
	f, err := os.Open(filepath.Join(dir, "INDEX.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	checked := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var e struct {
			File, Role, Format string
			MV                 int
		}
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		if e.Role != "complete" || e.MV != 3 {
			continue
		}
		src, err := os.ReadFile(filepath.Join(dir, e.File))
		if err != nil {
			t.Fatal(err)
		}
		_, diags, err := lint.Check(rules.All(), src, nil)
		if err != nil {
			t.Fatalf("%s: %v", e.File, err)
		}
		checked++
		for _, d := range diags {
			if d.Chrome == lint.Rejects {
				t.Errorf("%s:%d:%d: crxlint claims Chrome rejects a published extension: %s [%s]", e.File, d.Range.Start.Line, d.Range.Start.Column, d.Message, d.Rule)
			}
		}
	}
	if checked < 20 {
		t.Fatalf("only %d complete MV3 manifests in the corpus", checked)
	}
	t.Logf("%d complete manifest version 3 manifests: no false rejection", checked)
}
