package lint

import (
	"fmt"
	"runtime"

	"github.com/crxlint/crxlint/internal/suggest"
)

// Platform is an operating system Chrome runs on, named as Chromium's
// feature files name it: some keys and permissions work on some platforms
// only, and Chrome elsewhere ignores them with a warning.
type Platform string

// The platforms, in the order crxlint lists them.
const (
	Linux    Platform = "linux"
	Mac      Platform = "mac"
	Windows  Platform = "win"
	ChromeOS Platform = "chromeos"
)

// Platforms are every platform, in the order crxlint lists them.
var Platforms = []Platform{Linux, Mac, Windows, ChromeOS}

var platformNames = map[Platform]string{Linux: "Linux", Mac: "macOS", Windows: "Windows", ChromeOS: "ChromeOS"}

// Name is the platform's name for people: "Linux", "macOS", "Windows",
// "ChromeOS".
func (p Platform) Name() string {
	if n, ok := platformNames[p]; ok {
		return n
	}
	return string(p)
}

// HostPlatform is the platform crxlint runs on: Windows and macOS as they
// are, and Linux for every other system (Chromium's builds for the BSDs
// count as Linux).
func HostPlatform() Platform {
	return platformOf(runtime.GOOS)
}

// platformOf maps a GOOS to Chrome's platform.
func platformOf(goos string) Platform {
	switch goos {
	case "darwin", "ios":
		return Mac
	case "windows":
		return Windows
	}
	return Linux
}

// ParsePlatform reads a platform's name as the --platform flag and the
// configuration give it. The error names the closest platform.
func ParsePlatform(s string) (Platform, error) {
	for _, p := range Platforms {
		if string(p) == s {
			return p, nil
		}
	}
	names := make([]string, len(Platforms))
	for i, p := range Platforms {
		names[i] = string(p)
	}
	alias := map[string]Platform{"windows": Windows, "macos": Mac, "darwin": Mac, "osx": Mac, "cros": ChromeOS}
	hint := suggest.DidYouMean(s, names)
	if p, ok := alias[s]; ok {
		hint = fmt.Sprintf(" (did you mean %q?)", p)
	}
	return "", fmt.Errorf("unknown platform %q%s; use linux, mac, win or chromeos", s, hint)
}

// Options are what a run of the rules knows beyond the extension itself.
type Options struct {
	// Platform is the platform whose Chrome's verdict crxlint gives on
	// keys and permissions that work on some platforms only; "" is the
	// host's (HostPlatform).
	Platform Platform
}

// platform returns the options' platform, the host's when unset.
func (o Options) platform() Platform {
	if o.Platform == "" {
		return HostPlatform()
	}
	return o.Platform
}
