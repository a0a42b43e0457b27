package conformance

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/crxlint/crxlint/chrome"
	"github.com/crxlint/crxlint/internal/testenv"
	"github.com/crxlint/crxlint/lint"
)

// TestChromeAgrees loads every case in a real Chromium and checks that
// crxlint's verdict is Chrome's: rejects, warns or accepts. Where they
// agree, it checks the words too: a rule example that Chrome refuses or
// warns about must be decided by its rule quoting Chrome's error or one of
// its warnings, and no finding that says Chrome warns may quote a warning
// Chrome did not print. Cases are linted for the platform of the Chromium
// that judges them; rule examples for another platform are left out.
// Differences crxlint makes on purpose are listed, with their reasons, in
// testdata/known-differences.txt ("warning NAME" for a case's warnings);
// an entry that no longer differs fails the test too, so the list stays
// true.
func TestChromeAgrees(t *testing.T) {
	if testing.Short() {
		t.Skip("loads hundreds of extensions in Chromium; skipped with -short")
	}
	path, err := chrome.Find(os.Getenv)
	if err != nil {
		testenv.Missing(t, testenv.RequireChrome, "chromium not found: install it with apt-get install -y --no-install-recommends chromium (or set "+chrome.EnvPath+")")
	}
	cases, absent := gatherCases(t)
	if _, shared := testenv.SharedDir(); shared && len(cases) < minCases {
		t.Fatalf("only %d cases to compare, fewer than %d: is a source of cases lost?", len(cases), minCases)
	}
	known, err := KnownDifferences(filepath.Join("testdata", "known-differences.txt"))
	if err != nil {
		t.Fatal(err)
	}

	ctx := context.Background()
	b := launch(t, ctx, path)
	defer func() { _ = b.Close() }()

	type tally struct{ agree, total int }
	bySource := map[string]*tally{}
	seenKnown := map[string]bool{}
	host := lint.HostPlatform() // the platform of the Chromium that judges
	warned := 0                 // cases where the warnings crxlint quotes were compared with Chrome's
	for _, c := range cases {
		if c.Platform != "" && c.Platform != host {
			t.Logf("%s: an example for %s, which Chromium on %s cannot judge", c.Name, c.Platform.Name(), host.Name())
			continue
		}
		source, _, _ := strings.Cut(c.Name, "/")
		if bySource[source] == nil {
			bySource[source] = &tally{}
		}
		bySource[source].total++

		diags, err := Lint(c.Files, host)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		ours := Verdict(diags)
		v, crashed := load(t, ctx, &b, path, c)
		theirs := ChromeVerdict(v.Loaded, v.Warnings)
		if crashed { // a crash or a hang is no verdict, unless Chromium always crashes there
			if reason, ok := known[c.Name]; ok {
				seenKnown[c.Name] = true
				t.Logf("%s: known difference (Chromium crashes): %s", c.Name, reason)
			} else {
				t.Errorf("%s: Chromium %s crashed or hung loading it (%s); if it always does, list it in known-differences.txt", c.Name, b.Version(), v.Error)
			}
			continue
		}
		if ours == theirs && theirs == lint.Rejects {
			if problem := undecided(c.Name, diags, v.Error); problem != "" {
				t.Errorf("%s: %s\n%s", c.Name, problem, describe(diags))
			}
		}
		if v.Loaded && ours == theirs { // a difference in verdict says it all
			if len(v.Warnings) > 0 {
				warned++
			}
			problems := unprinted(diags, v.Warnings)
			if theirs == lint.Warns {
				if problem := undecidedWarning(c.Name, diags, v.Warnings); problem != "" {
					problems = append(problems, problem)
				}
			}
			if reason, ok := known[warningKey(c.Name)]; ok && len(problems) > 0 {
				seenKnown[warningKey(c.Name)] = true
				t.Logf("%s: known difference in Chrome's warnings: %s", c.Name, reason)
			} else if ok {
				t.Errorf("%s: listed as a known difference in Chrome's warnings, but crxlint quotes only what Chromium prints (%q); remove it from known-differences.txt", c.Name, v.Warnings)
			} else {
				for _, p := range problems {
					t.Errorf("%s: %s\n%s", c.Name, p, describe(diags))
				}
			}
		}
		if ours == theirs {
			bySource[source].agree++
			if _, ok := known[c.Name]; ok {
				t.Errorf("%s: listed as a known difference, but crxlint and Chrome now agree (%s); remove it from known-differences.txt", c.Name, ours)
			}
			continue
		}
		if reason, ok := known[c.Name]; ok {
			seenKnown[c.Name] = true
			t.Logf("%s: known difference (crxlint %s, Chrome %s): %s", c.Name, ours, theirs, reason)
			continue
		}
		what := fmt.Sprintf("error %q, warnings %q", v.Error, v.Warnings)
		if crashed {
			what = "Chromium crashed loading it"
		}
		t.Errorf("%s: crxlint says Chrome %s, Chromium %s %s (%s)\n%s", c.Name, ours, b.Version(), theirs, what, describe(diags))
	}
	for name := range known {
		caseName := strings.TrimPrefix(name, warningPrefix)
		if slices.ContainsFunc(absent, func(source string) bool { return strings.HasPrefix(caseName, source) }) {
			continue // its source is not here to say whether the case exists
		}
		if !seenKnown[name] && !caseExists(cases, caseName) {
			t.Errorf("known-differences.txt lists %s, which is not a case; remove it", name)
		}
	}

	var sources []string
	for s := range bySource {
		sources = append(sources, s)
	}
	sort.Strings(sources)
	agree, total := 0, 0
	for _, s := range sources {
		tl := bySource[s]
		agree += tl.agree
		total += tl.total
		t.Logf("%-9s crxlint agrees with Chromium %s on %d of %d cases (%.1f%%)", s, b.Version(), tl.agree, tl.total, 100*float64(tl.agree)/float64(tl.total))
	}
	t.Logf("all       %d of %d (%.1f%%), %d known differences", agree, total, 100*float64(agree)/float64(total), len(known))
	t.Logf("Chrome's warnings compared with those crxlint quotes on the %d cases that agree and where Chromium warns", warned)
}

// undecided returns why a rule example that Chrome rejects is not decided
// by the rule under test quoting Chrome's error: the rule must report the
// refusal itself, and when it quotes Chrome, Chrome's error must say it
// (Chrome may add the line and column). It returns "" when it is.
func undecided(name string, diags []lint.Diagnostic, chromeError string) string {
	rule, example, ok := strings.Cut(strings.TrimPrefix(name, "rules/"), "/")
	if !ok || !strings.HasPrefix(name, "rules/") || !strings.HasPrefix(example, "bad-") {
		return ""
	}
	for _, d := range diags {
		if d.Rule == rule && d.Chrome == lint.Rejects && (d.ChromeMessage == "" || saysSame(chromeError, d.ChromeMessage)) {
			return ""
		}
	}
	return fmt.Sprintf("Chromium refuses it with %q, but %s does not report that refusal in Chrome's words", chromeError, rule)
}

// undecidedWarning returns why a rule example that Chrome loads with
// warnings is not decided by the rule under test quoting one of them: the
// rule must report a warning in Chrome's words. It returns "" when it is.
func undecidedWarning(name string, diags []lint.Diagnostic, warnings []string) string {
	rule, example, ok := strings.Cut(strings.TrimPrefix(name, "rules/"), "/")
	if !ok || !strings.HasPrefix(name, "rules/") || !strings.HasPrefix(example, "bad-") {
		return ""
	}
	for _, d := range diags {
		if d.Rule == rule && d.Chrome == lint.Warns && d.ChromeMessage != "" && printed(d.ChromeMessage, warnings) {
			return ""
		}
	}
	return fmt.Sprintf("Chromium warns %q, but %s reports none of these warnings in Chrome's words", warnings, rule)
}

// unprinted returns, for each finding that says Chrome warns and quotes
// Chrome, but quotes a text Chromium did not print, why that is wrong.
func unprinted(diags []lint.Diagnostic, warnings []string) []string {
	var out []string
	for _, d := range diags {
		if d.Chrome == lint.Warns && d.ChromeMessage != "" && !printed(d.ChromeMessage, warnings) {
			out = append(out, fmt.Sprintf("%s quotes Chrome's warning %q, which Chromium does not print here (it prints %q)", d.Rule, d.ChromeMessage, warnings))
		}
	}
	return out
}

// printed reports whether Chrome printed the warning crxlint quotes.
func printed(quoted string, warnings []string) bool {
	return slices.ContainsFunc(warnings, func(w string) bool { return saysSame(w, quoted) })
}

// warningPrefix starts the entries of known-differences.txt that excuse
// the Chrome warnings crxlint quotes for a case, not its verdict.
const warningPrefix = "warning "

func warningKey(name string) string { return warningPrefix + name }

// minCases is the fewest cases the comparison may have with the shared
// corpus beside the repository: 531 at the time of writing, so that a
// lost source of cases fails the test instead of passing it.
const minCases = 500

// caseFolder matches the temporary folder a case was loaded from.
var caseFolder = regexp.MustCompile(`/\S*?/TestChromeAgrees[0-9]+/[0-9]+/`)

// saysSame reports whether Chrome's error is the message crxlint quotes,
// allowing for what Chrome adds around it: the line and column of a JSON
// error, and the absolute path of a file.
func saysSame(chromeError, quoted string) bool {
	// crxlint shortens the absolute path of the extension's folder to ".../"
	chromeError = caseFolder.ReplaceAllString(chromeError, ".../")
	if strings.Contains(chromeError, quoted) {
		return true
	}
	// "Manifest is not valid JSON.  Line: 5, column: 3, trailing comma."
	head, reason, ok := strings.Cut(quoted, "  ")
	return ok && strings.HasPrefix(chromeError, head) && strings.Contains(chromeError, reason)
}

func gatherCases(t *testing.T) (cases []Case, absent []string) {
	t.Helper()
	examples, err := RuleExamples(filepath.Join("..", "rules", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	corpus, err := Corpus(filepath.Join("..", "testdata", "conformance"))
	if err != nil {
		t.Fatal(err)
	}
	cases = slices.Concat(examples, corpus)
	if shared, ok := testenv.SharedDir(); ok {
		chromium, err := ChromiumCorpus(filepath.Join(shared, "corpus", "chromium"))
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, chromium...)
	} else {
		testenv.Note(t, testenv.RequireShared, "the shared corpus is not at "+shared+": Chromium's own manifest tests are not compared")
		absent = append(absent, "chromium/")
	}
	return cases, absent
}

func caseExists(cases []Case, name string) bool {
	for _, c := range cases {
		if c.Name == name {
			return true
		}
	}
	return false
}

func launch(t *testing.T, ctx context.Context, path string) *chrome.Browser {
	t.Helper()
	b, err := chrome.Launch(ctx, chrome.Options{Path: path, Timeout: time.Minute})
	if err != nil {
		t.Fatalf("launching %s: %v", path, err)
	}
	return b
}

// load asks Chrome about one case. When Chromium itself fails (it crashes
// on some manifests) the case counts as refused and a new browser takes
// over.
func load(t *testing.T, ctx context.Context, b **chrome.Browser, path string, c Case) (v chrome.Verdict, crashed bool) {
	t.Helper()
	dir := t.TempDir()
	if err := WriteDir(dir, c.Files); err != nil {
		t.Fatal(err)
	}
	v, err := (*b).Load(ctx, dir)
	if err == nil {
		return v, false
	}
	t.Logf("%s: Chromium failed (%v); relaunching", c.Name, err)
	_ = (*b).Close()
	*b = launch(t, ctx, path)
	_ = os.RemoveAll(dir)
	return chrome.Verdict{Loaded: false, Error: "Chromium crashed: " + err.Error()}, true
}
