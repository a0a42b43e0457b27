package matchpattern

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The files in testdata/chromium156 hold what a real Chromium 156 said about
// each input (see testdata/chromium156/README.md for how they were made).
// Nothing in them was computed by this package.

// readJSONLines decodes every line of a testdata file into a new T.
func readJSONLines[T any](t *testing.T, name string) []T {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "chromium156", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []T
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var row T
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatalf("%s: no cases", name)
	}
	return rows
}

// verdictResult turns Chrome's verdict on a manifest into a Result: "OK",
// "Invalid match pattern '<p>' (<result>)" for externally_connectable, or
// "Invalid value for 'content_scripts[0].matches[0]': <result>".
func verdictResult(t *testing.T, verdict string) Result {
	t.Helper()
	if verdict == "OK" {
		return Success
	}
	for r := MissingSchemeSeparator; r <= InvalidHost; r++ {
		if strings.HasSuffix(verdict, " ("+r.String()+")") || strings.HasSuffix(verdict, "': "+r.String()) {
			return r
		}
	}
	t.Fatalf("unrecognised verdict %q", verdict)
	return 0
}

func TestChromium156Parse(t *testing.T) {
	for _, tt := range []struct {
		file    string
		schemes SchemeMask
	}{
		{"parse_scheme_all.jsonl", ExternallyConnectableSchemes},
		{"parse_content_scripts.jsonl", ContentScriptSchemes},
	} {
		for _, row := range readJSONLines[[2]string](t, tt.file) {
			pattern, want := row[0], verdictResult(t, row[1])
			if got := resultOf(pattern, tt.schemes); got != want {
				t.Errorf("%s: Parse(%q) = %v, Chromium 156: %q", tt.file, pattern, got, row[1])
			}
		}
	}
}

// urlVerdict is what Chromium's URL class reported for an input, or nil if
// it threw.
type urlVerdict struct {
	Host string `json:"host"` // URL.hostname
}

// urlRow is one line of hosts.jsonl.
type urlRow struct {
	input   string
	verdict *urlVerdict
}

func (r *urlRow) UnmarshalJSON(b []byte) error {
	var raw [2]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if err := json.Unmarshal(raw[0], &r.input); err != nil {
		return err
	}
	return json.Unmarshal(raw[1], &r.verdict)
}

func TestChromium156Hosts(t *testing.T) {
	for _, row := range readJSONLines[urlRow](t, "hosts.jsonl") {
		host := strings.TrimSuffix(strings.TrimPrefix(row.input, "http://"), "/")
		got, _, ok := canonicalizeHost(host)
		switch {
		case row.verdict == nil && ok:
			t.Errorf("canonicalizeHost(%q) = %q, Chromium 156 rejects it", host, got)
		case row.verdict != nil && !ok:
			t.Errorf("canonicalizeHost(%q) failed, Chromium 156: %q", host, row.verdict.Host)
		case row.verdict != nil && got != row.verdict.Host:
			t.Errorf("canonicalizeHost(%q) = %q, Chromium 156: %q", host, got, row.verdict.Host)
		}
	}
}
