package jsscan

import (
	"strings"
	"testing"
	"time"
)

// TestPathological scans inputs built to make a careless scanner
// quadratic or exhaust its stack, each about a megabyte, and checks that
// each finishes in time.
func TestPathological(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	const n = 1 << 20
	rep := strings.Repeat
	cases := []struct {
		name string
		src  string
	}{
		{"long concatenation", "chrome.runtime.connect(" + rep(`"ab" + `, n/7) + `"c");`},
		{"long member chain", "x" + rep(".b", n/2) + ";"},
		{"long API chain", "chrome" + rep(".b", n/2) + "();"},
		{"long call chain", "chrome.a" + rep("()", n/2) + ";"},
		{"nested API calls", rep("chrome.a.b(", 900) + "1" + rep(")", 900) + ";" + rep("chrome.a.b(1);", n/16)},
		{"many uses on one line", rep("chrome.tabs.query({}, cb);", n/26)},
		{"many aliases", rep("var a = chrome; var b = a.x; b.y.z(a, b);", n/42)},
		{"long argument list", "chrome.a.b(" + rep("x, ", n/3) + "1);"},
		{"many listeners of one handler", "function h(m, s) {" + rep("s;", 1000) + "}" + rep("chrome.runtime.onMessageExternal.addListener(h);", n/48)},
		{"broken nested calls", rep("chrome.a.b(", n/11) + " function ("},
		{"broken imports", rep("import a, ", n/10) + "("},
		{"deep templates", rep("`${", 500) + "chrome.a.b" + rep("}`", 500)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			r := Scan(File{Src: []byte(tc.src)})
			d := time.Since(start)
			t.Logf("%d bytes in %v (err %v, incomplete %v, %d uses)", len(tc.src), d, r.Err, r.Incomplete, len(r.Uses))
			if r.Err != nil && r.Err.Kind == ErrInternal {
				t.Fatal(r.Err)
			}
			if d > 10*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}
