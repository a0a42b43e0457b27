package conformance

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/internal/testenv"
	"github.com/crxlint/crxlint/lint"
)

// chromiumCase is one line of ../shared/corpus/chromium/CHROMIUM_TESTS.jsonl.
type chromiumCase struct {
	File     string `json:"file"`
	Chromium *struct {
		Loaded   bool     `json:"loaded"`
		Error    string   `json:"error"`
		Warnings []string `json:"warnings"`
	} `json:"chromium_156"`
}

// TestChromiumRecorded compares crxlint's verdict on each of Chromium's own
// manifest test files with what Chromium 156 said when it loaded that
// manifest alone (recorded in the corpus), so it needs no browser.
func TestChromiumRecorded(t *testing.T) {
	dir := filepath.Join(testenv.Shared(t), "corpus", "chromium")
	cases := readChromiumCases(t, filepath.Join(dir, "CHROMIUM_TESTS.jsonl"))
	known, err := KnownDifferences(filepath.Join("testdata", "known-differences.txt"))
	if err != nil {
		t.Fatal(err)
	}
	agree, total := 0, 0
	for _, c := range cases {
		if c.Chromium == nil {
			continue
		}
		total++
		src, err := os.ReadFile(filepath.Join(dir, c.File))
		if err != nil {
			t.Fatal(err)
		}
		diags, err := Lint(Alone(src), lint.Linux) // recorded in Chromium 156 on Linux
		if err != nil {
			t.Fatalf("%s: %v", c.File, err)
		}
		want := ChromeVerdict(c.Chromium.Loaded, c.Chromium.Warnings)
		got := Verdict(diags)
		reason, isKnown := known["chromium/"+c.File]
		switch {
		case got == want && isKnown:
			t.Errorf("%s: listed as a known difference, but crxlint and Chromium 156 agree (%s); remove it from known-differences.txt", c.File, got)
		case got != want && isKnown:
			t.Logf("%s: known difference (crxlint %s, Chromium 156 %s): %s", c.File, got, want, reason)
			continue
		}
		if got != want {
			t.Errorf("%s: crxlint says Chrome %s, Chromium 156 %s (error %q, warnings %q)\n%s",
				c.File, got, want, c.Chromium.Error, c.Chromium.Warnings, describe(diags))
			continue
		}
		agree++
	}
	t.Logf("Chromium's manifest tests: crxlint agrees with Chromium 156 on %d of %d (%.1f%%)", agree, total, 100*float64(agree)/float64(max(total, 1)))
}

func readChromiumCases(t *testing.T, path string) []chromiumCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []chromiumCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var c chromiumCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, c)
	}
	return out
}

// describe lists diagnostics for a failure message.
func describe(diags []lint.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "\t%d:%d %s %s [%s] %s\n", d.Range.Start.Line, d.Range.Start.Column, d.Severity, d.Chrome, d.Rule, d.Message)
	}
	if b.Len() == 0 {
		return "\t(no diagnostics)\n"
	}
	return b.String()
}
