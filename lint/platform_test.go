package lint

import (
	"strings"
	"testing"
)

func TestPlatformOf(t *testing.T) {
	for goos, want := range map[string]Platform{"linux": Linux, "darwin": Mac, "windows": Windows, "freebsd": Linux, "openbsd": Linux} {
		if got := platformOf(goos); got != want {
			t.Errorf("platformOf(%q) = %q, want %q", goos, got, want)
		}
	}
}

func TestParsePlatform(t *testing.T) {
	for _, p := range Platforms {
		if got, err := ParsePlatform(string(p)); got != p || err != nil {
			t.Errorf("ParsePlatform(%q) = %q, %v", p, got, err)
		}
	}
	for in, hint := range map[string]string{"Linux": `"linux"`, "chromeOS": `"chromeos"`, "darwin": `"mac"`, "windows": `"win"`, "beos": ""} {
		_, err := ParsePlatform(in)
		switch {
		case err == nil:
			t.Errorf("ParsePlatform(%q) accepted it", in)
		case hint != "" && !strings.Contains(err.Error(), "did you mean "+hint):
			t.Errorf("ParsePlatform(%q): %v; want a hint at %s", in, err, hint)
		case hint == "" && strings.Contains(err.Error(), "did you mean"):
			t.Errorf("ParsePlatform(%q): %v; nothing is close", in, err)
		}
	}
}
