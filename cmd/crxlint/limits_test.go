package main

import (
	"strings"
	"testing"
)

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"12": 12, "200B": 200, "16MiB": 16 << 20, "500KB": 500 << 10, "1G": 1 << 30, "2 gib": 2 << 30} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-1", "1.5M", "12X", "MiB", "99999999999T"} {
		if got, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) = %d, want an error", in, got)
		}
	}
}

func TestBadSizeIsAUsageError(t *testing.T) {
	got := runCLI(t, "", env(), "--max-file-size", "lots", cleanPath)
	if got.code != exitUsage || !strings.Contains(got.stderr, `"lots" is not a size`) {
		t.Errorf("exit %d, stderr %q; want a usage error", got.code, got.stderr)
	}
}

func TestExplainReaderFindings(t *testing.T) {
	for _, id := range []string{"link-outside-extension", "link-loop", "special-file"} {
		got := runCLI(t, "", env(), "--explain", id)
		if got.code != exitClean || !strings.HasPrefix(got.stdout, id+": ") {
			t.Errorf("--explain %s: exit %d, %q", id, got.code, got.stdout)
		}
	}
}

func TestHelpSaysChromeRunsTheCode(t *testing.T) {
	got := runCLI(t, "", env(), "--help")
	if !strings.Contains(got.stdout, "runs the extension's code in a real browser") || !strings.Contains(got.stdout, "-max-total-size size") {
		t.Errorf("--help does not warn about --chrome or list the limits:\n%s", got.stdout)
	}
}
