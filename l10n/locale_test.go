package l10n

import (
	"strings"
	"testing"
)

func TestKnown(t *testing.T) {
	// Measured against Chromium 156: each name as default_locale, with a
	// folder of that name.
	for _, name := range []string{"en", "en_US", "en_GB", "pt_BR", "es_419", "zh_CN", "zh_Hant_TW", "fil", "he", "id", "nb", "no", "sr_Latn_RS"} {
		if !Known(name) {
			t.Errorf("Known(%q) = false, want true", name)
		}
	}
	for _, name := range []string{"", "EN", "en-US", "en_us", "xx", "iw", "in", "tl", "en_US_POSIX", "sr_RS", "en_001", "root", "af af_NA", " en", "en "} {
		if Known(name) {
			t.Errorf("Known(%q) = true, want false", name)
		}
	}
}

func TestCanonical(t *testing.T) {
	// Measured against Chromium 156: a folder of this name without a
	// messages.json is refused with "Catalog file is missing for locale
	// <tag>." or "Messages file is missing for locale. <path>" exactly when
	// the name has a canonical locale.
	tests := []struct{ name, want string }{
		{"en", "en"},
		{"EN_US", "en_US"},
		{"en_gb", "en_GB"},
		{"en-us", "en_US"},
		{"FR-fr", "fr_FR"},
		{"pt-br", "pt_BR"},
		{"es-419", "es_419"},
		{"ZH-hant-tw", "zh_Hant_TW"},
		{"zh_Hans_CN", "zh_Hans_CN"},
		{"iw", "he"},
		{"iw-il", "he_IL"},
		{"IN", "id"},
		{"tl-ph", "fil_PH"},
		{"JW", "jv"},
		{"mo-MD", "ro_MD"},
		{"eng", "en"},
		{"deu", "de"},
		{"fra", "fr"},
		{"de_DD", "de_DE"},
		{"fr_FX", "fr_FR"},
		{"my_BU", "my_MM"},
		{"en_NH", "en_VU"},
		{"sr-latn-cs", "sr_Latn_RS"},
		{"sr_Cyrl_YU", "sr_Cyrl_RS"},
		{"fr.old", "fr"},
		{"en_US.UTF-8", "en_US"},
		{"en-US-POSIX", "en_US_POSIX"},
		// Not locales Chrome knows: it ignores these folders.
		{"xx", ""},
		{"xx-YY", ""},
		{"zz", ""},
		{"a", ""},
		{"sh", ""},
		{"sr_RS", ""},
		{"und-US", ""},
		{"en_Latn", ""},
		{"en-Latn-US", ""},
		{"zh_CN_x", ""},
		{"de_DE_1996", ""},
		{"no-bok", ""},
		{"i-klingon", ""},
		{"art-lojban", ""},
		{"en-u-ca-gregory", ""},
		{"fr@x", ""},
		{"en_US@calendar=x", ""},
		{"fr-", ""},
		{"fr__FR", ""},
		{"_fr", ""},
		{".svn", ""},
		{".en", ""},
		{"", ""},
		{"é", ""},
		{"en us", ""},
	}
	for _, tt := range tests {
		got, ok := Canonical(tt.name)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Canonical(%q) = %q, %v; want %q", tt.name, got, ok, tt.want)
		}
	}
}

func TestCanonicalOfEveryKnownLocale(t *testing.T) {
	for name := range strings.FieldsSeq(knownLocales) {
		for _, variant := range []string{name, strings.ToLower(name), strings.ToUpper(name), strings.ReplaceAll(name, "_", "-")} {
			if got, ok := Canonical(variant); !ok || got != name {
				t.Errorf("Canonical(%q) = %q, %v; want %q", variant, got, ok, name)
			}
		}
	}
}

func TestTag(t *testing.T) {
	tests := map[string]string{
		"en":          "en",
		"pt_BR":       "pt-BR",
		"es_419":      "es-419",
		"sr_Latn_RS":  "sr-Latn-RS",
		"en_US_POSIX": "en-US-posix",
	}
	for in, want := range tests {
		if got := Tag(in); got != want {
			t.Errorf("Tag(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValidSyntax(t *testing.T) {
	// The examples of l10n_util::IsValidLocaleSyntax's comment, and
	// default_locale values measured against Chromium 156 without a
	// _locales folder: valid ones give "Default locale was specified, but
	// _locales subtree is missing.", invalid ones "Invalid value for
	// default locale - locale name must be a string.".
	valid := []string{"en", "pt-BR", "fil", "es-419", "zh-Hans-CN", "i-klingon", "de_DE@collation=phonebook", "xx-YY", "xx", "en-US", "EN_us", "zz_ZZ"}
	invalid := []string{"", "z", "_", "German", "en-$1", "abcd-1234", "en us", "en-US@a=b", "fr@x", "fr@=x", "fr@x=", "en_", "en__US", "en_123456789", strings.Repeat("a", 157)}
	for _, s := range valid {
		if !ValidSyntax(s) {
			t.Errorf("ValidSyntax(%q) = false, want true", s)
		}
	}
	for _, s := range invalid {
		if ValidSyntax(s) {
			t.Errorf("ValidSyntax(%q) = true, want false", s)
		}
	}
}
