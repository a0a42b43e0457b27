package extension_test

import (
	"testing"

	"github.com/crxlint/crxlint/extension"
)

func TestIDFromKey(t *testing.T) {
	// The key of Chromium's ChromeOS system extension test manifest
	// (extensions/test/data/.../chromeos_system_extension_google.json) and the
	// ID that Chromium's chrome/common/chromeos/extensions/
	// chromeos_system_extension_info.cc gives that extension.
	const key = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAt2CwI94nqAQzLTBHSIwtkMlkoRyhu27rmkDsBneMprscOzl4524Y0bEA+0RSjNZB+kZgP6M8QAZQJHCpAzULXa49MooDDIdzzmqQswswguAALm2FS7XP2N0p2UYQneQce4Wehq/C5Yr65mxasAgjXgDWlYBwV3mgiISDPXI/5WG94TM2Z3PDQePJ91msDAjN08jdBme3hAN976yH3Q44M7cP1r+OWRkZGwMA6TSQjeESEuBbkimaLgPIyzlJp2k6jwuorG5ujmbAGFiTQoSDFBFCjwPEtywUMLKcZjH4fD76pcIQIdkuuzRQCVyuImsGzm1cmGosJ/Z4iyb80c1ytwIDAQAB"
	const want = "gogonhoemckpdpadfnjnpgbjpbjnodgc"
	got, err := extension.IDFromKey(key)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatalf("IDFromKey = %q, want %q", got, want)
	}
	if again, _ := extension.IDFromKey(" " + key + "\n"); again != got {
		t.Errorf("white space around the key changes the ID: %q, %q", again, got)
	}
	if other, _ := extension.IDFromKey("AAAA"); other == got {
		t.Error("two keys give one ID")
	}
	for _, bad := range []string{"", "not base64!"} {
		if _, err := extension.IDFromKey(bad); err == nil {
			t.Errorf("IDFromKey(%q) succeeded", bad)
		}
	}
}
