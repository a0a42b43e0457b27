package gurl

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// The files in testdata hold what a real Chromium 156 said about each
// input (see testdata/README.md). Nothing in them was computed by this
// package.

// readJSONLines decodes every line of a testdata file into a new T.
func readJSONLines[T any](t *testing.T, name string) []T {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []T
	sc := bufio.NewScanner(f)
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

// components is what Chromium's URL class reported for an input.
type components struct {
	Protocol string `json:"protocol"`
	Host     string `json:"host"` // URL.hostname
	Port     string `json:"port"`
	Path     string `json:"path"` // URL.pathname + URL.search
}

// componentsRow is one line of chromium156.jsonl: an input and its
// components, or nil where Chromium rejects it.
type componentsRow struct {
	input string
	want  *components
}

func (r *componentsRow) UnmarshalJSON(b []byte) error {
	var raw [2]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if err := json.Unmarshal(raw[0], &r.input); err != nil {
		return err
	}
	return json.Unmarshal(raw[1], &r.want)
}

func TestChromium156Components(t *testing.T) {
	for _, row := range readJSONLines[componentsRow](t, "chromium156.jsonl") {
		u, ok := Parse(row.input)
		if ok != (row.want != nil) {
			t.Errorf("Parse(%q) valid = %v, Chromium 156: %v", row.input, ok, row.want != nil)
			continue
		}
		if !ok {
			continue
		}
		got := components{Protocol: u.Scheme + ":", Host: u.Host, Path: u.Path}
		if u.Port >= 0 {
			got.Port = strconv.Itoa(u.Port)
		}
		if u.Query != "" {
			got.Path += "?" + u.Query // URL.search is "" for an empty query
		}
		if got != *row.want {
			t.Errorf("Parse(%q) = %+v, Chromium 156: %+v", row.input, got, *row.want)
		}
	}
}

// hrefRow is one line of chromium156-href.jsonl: [url] or [relative, base],
// and the href Chromium made of it, or nil where it threw.
type hrefRow struct {
	Args []string
	Href *string
}

func (r *hrefRow) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, &[]any{&r.Args, &r.Href})
}

func TestChromium156Href(t *testing.T) {
	for _, row := range readJSONLines[hrefRow](t, "chromium156-href.jsonl") {
		var u *URL
		ok := false
		switch len(row.Args) {
		case 1:
			u, ok = Parse(row.Args[0])
		case 2:
			base, baseOK := Parse(row.Args[1])
			if !baseOK {
				t.Fatalf("base %q of %q is invalid", row.Args[1], row.Args[0])
			}
			u, ok = base.Resolve(row.Args[0])
		default:
			t.Fatalf("%q: want 1 or 2 arguments", row.Args)
		}
		switch {
		case ok != (row.Href != nil):
			t.Errorf("%q: valid = %v, Chromium 156: %v", row.Args, ok, row.Href != nil)
		case ok && u.String() != *row.Href:
			t.Errorf("%q = %q, Chromium 156: %q", row.Args, u.String(), *row.Href)
		}
	}
}
