package runner_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/rules"
	"github.com/crxlint/crxlint/runner"
)

// extensions writes n extension folders whose manifests differ in size,
// so that they finish out of order, and returns their manifests.
func extensions(t *testing.T, n int) []string {
	t.Helper()
	dir := t.TempDir()
	var out []string
	for i := range n {
		ext := filepath.Join(dir, fmt.Sprintf("e%03d", i))
		if err := os.Mkdir(ext, 0o755); err != nil {
			t.Fatal(err)
		}
		perms := strings.Repeat(`"storgae", `, (n-i)*2)
		out = append(out, write(t, ext, "manifest.json", fmt.Sprintf(`{"manifest_version": 3, "name": "e%d", "version": "1", "permissions": [%s"tabs"]}`, i, perms)))
	}
	return out
}

func TestLintEachEmitsInOrder(t *testing.T) {
	paths := extensions(t, 60)
	l := runner.New(runner.Options{Rules: rules.All()})
	var got []string
	err := l.LintEach(t.Context(), paths, func(r runner.Result) error {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Path, r.Err)
		}
		if want := (60 - len(got)) * 2; len(r.Diagnostics) != want {
			t.Errorf("%s: %d findings, want %d", r.Path, len(r.Diagnostics), want)
		}
		got = append(got, r.Path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := make([]string, len(paths))
	for i, p := range paths {
		want[i] = filepath.ToSlash(p)
	}
	if !slices.Equal(got, want) {
		t.Errorf("emitted %q,\nwant the order of the paths %q", got, want)
	}
}

func TestLintEachStopsOnEmitError(t *testing.T) {
	paths := extensions(t, 40)
	stop := errors.New("the reader went away")
	calls := 0
	err := runner.New(runner.Options{Rules: rules.All()}).LintEach(t.Context(), paths, func(runner.Result) error {
		if calls++; calls == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 3 {
		t.Errorf("LintEach = %v after %d calls, want the emit error after 3", err, calls)
	}
}

func TestLintEachCancelled(t *testing.T) {
	paths := extensions(t, 30)
	ctx, cancel := context.WithCancel(t.Context())
	var got []runner.Result
	err := runner.New(runner.Options{Rules: rules.All()}).LintEach(ctx, paths, func(r runner.Result) error {
		if len(got) == 2 {
			cancel()
		}
		got = append(got, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(paths) {
		t.Fatalf("%d results for %d paths: every path gets one", len(got), len(paths))
	}
	if last := got[len(got)-1]; !errors.Is(last.Err, context.Canceled) {
		t.Errorf("the last result after cancelling: err = %v, want context.Canceled", last.Err)
	}
}

func TestReportOrder(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"b", "a-z", "a"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(dir, "a"), "manifest.json", "{}")
	in := []string{
		filepath.Join(dir, "b", "manifest.json"),
		filepath.Join(dir, "a"), // a folder stands for its manifest.json, which sorts after "a-z"
		filepath.Join(dir, "a.zip"),
		filepath.Join(dir, "a-z", "manifest.json"),
	}
	got := runner.ReportOrder(in)
	want := []string{in[3], in[2], in[1], in[0]}
	if !slices.Equal(got, want) {
		t.Errorf("ReportOrder = %q, want %q", got, want)
	}
	res := runner.New(runner.Options{Rules: rules.All()}).LintPaths(t.Context(), got)
	if !slices.IsSortedFunc(res, func(a, b runner.Result) int { return strings.Compare(a.Path, b.Path) }) {
		t.Errorf("the results of the report order are not sorted by path")
	}
}
