package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/crxlint/crxlint/runner"
)

// many returns n copies of the fixture's results under distinct paths, in
// the report's order: enough that the spools move to a temporary file.
func many(t *testing.T, n int) []runner.Result {
	t.Helper()
	base := fixture(t, fixtureManifest)
	var out []runner.Result
	for i := range n {
		for _, r := range base {
			r.Path = fmt.Sprintf("e%05d/%s", i, r.Path)
			out = append(out, r)
		}
	}
	return out
}

// encodeWhole writes doc as the formats wrote their report before they
// streamed: the whole document encoded at once.
func encodeWhole(t *testing.T, doc any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestStreamedDocuments checks that the JSON and SARIF reports written
// result by result are byte for byte the documents encoded whole, for no
// result, one, and thousands (past the spool's memory).
func TestStreamedDocuments(t *testing.T) {
	for _, n := range []int{0, 1, 1000} {
		results := many(t, n)
		opts := Options{Rules: fixtureRules, HelpURI: helpURI}

		report := jsonReport{Version: JSONVersion, Files: []jsonFile{}}
		for _, r := range results {
			report.Files = append(report.Files, wireFile(r))
		}
		if got, want := format(t, "json", results), encodeWhole(t, report); !bytes.Equal(got, want) {
			t.Errorf("json, %d results: the streamed report differs from the whole document", len(results))
		}

		st := sarif{opts: opts}.stream(&bytes.Buffer{}).(*sarifStream)
		all := []sarifResult{}
		for _, r := range results {
			all = append(all, st.wire(r)...)
		}
		run := sarifRun{
			Tool:        sarifTool{Driver: sarifDriver{Name: "crxlint", InformationURI: "https://github.com/crxlint/crxlint", Rules: st.rules}},
			Invocations: []sarifInvocation{{ExecutionSuccessful: len(st.notes) == 0, Notifications: st.notes}},
			ColumnKind:  "utf16CodeUnits",
			Results:     all,
		}
		want := encodeWhole(t, sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
		if got := format(t, "sarif", results); !bytes.Equal(got, want) {
			t.Errorf("sarif, %d results: the streamed report differs from the whole document", len(results))
		}
		if n == 1000 && len(all) != 1000*5 {
			t.Errorf("sarif: %d results, want %d", len(all), 1000*5)
		}
	}
}

// spooled returns what a spool holds.
func spooled(t *testing.T, s *spool) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := s.copyTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSpoolMovesToFile checks that a large spool leaves memory and gives
// back every byte in order.
func TestSpoolMovesToFile(t *testing.T) {
	var s spool
	var want bytes.Buffer
	for i := range 120_000 {
		line := fmt.Sprintf("line %d\n", i)
		want.WriteString(line)
		if _, err := s.Write([]byte(line)); err != nil {
			t.Fatal(err)
		}
	}
	if s.file == nil || s.mem.Len() != 0 {
		t.Errorf("a spool of %d bytes is still in memory", want.Len())
	}
	if got := spooled(t, &s); !bytes.Equal(got, want.Bytes()) {
		t.Errorf("the spool gave back %d bytes, not the %d written", len(got), want.Len())
	}
}

// TestStreamSummary checks that the text summary counts every result
// streamed and names the first extensions Chrome refuses.
func TestStreamSummary(t *testing.T) {
	var out bytes.Buffer
	s, err := NewStream("text", &out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range many(t, 5) {
		if err := s.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	want := "25 problems in 5 files (15 errors, 5 warnings, 5 info); Chrome would refuse to load 5 of 5 extensions: " +
		"e00000/ext/manifest.json, e00001/ext/manifest.json, e00002/ext/manifest.json and 2 more\n"
	if !bytes.HasSuffix(out.Bytes(), []byte(want)) {
		t.Errorf("summary: got %q, want it to end %q", out.Bytes()[max(0, out.Len()-300):], want)
	}
}
