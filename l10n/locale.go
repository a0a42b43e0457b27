package l10n

import "strings"

// Folder is the folder, at the root of an extension, that holds one folder
// of translations per locale.
const Folder = "_locales"

// MessagesFile is the name of the file that holds a locale's messages.
const MessagesFile = "messages.json"

// maxLocaleLen is ICU's ULOC_FULLNAME_CAPACITY: locale names must be
// shorter.
const maxLocaleLen = 157

// Known reports whether Chrome knows a locale by exactly this name: whether
// it accepts the name as default_locale and reads _locales/<name>. Names are
// legacy ICU names, case-sensitive, with underscores: "en", "en_US",
// "pt_BR", "es_419", "zh_Hant_TW".
func Known(locale string) bool {
	return inList(knownLocales, locale)
}

// Canonical returns the locale Chrome takes a folder under _locales for when
// it validates the folder, and whether there is one. Chrome reads the name
// as a language tag: case and the separator do not matter, a ".charset"
// suffix is dropped, and deprecated codes are replaced, so "en-us", "EN_US"
// and "en_US.UTF-8" are all "en_US", and "iw" is "he". Chrome then requires
// a messages.json in the folder, but reads the messages only from a folder
// named exactly as the locale: Canonical(name) == name.
//
// Canonical follows Chrome's ICU for the names measured (every known locale
// in any case and with either separator, ICU's deprecated and three-letter
// language codes, and withdrawn region codes with a single replacement); it
// does not replace grandfathered tags such as "zh-guoyu".
func Canonical(name string) (string, bool) {
	if name == "" || name[0] == '.' || strings.ContainsRune(name, '@') {
		return "", false
	}
	name, _, _ = strings.Cut(name, ".")
	subtags := strings.Split(strings.ReplaceAll(name, "-", "_"), "_")
	for _, s := range subtags {
		if s == "" || !isAlnum(s) {
			return "", false
		}
	}
	lang := strings.ToLower(subtags[0])
	if a, ok := alias(languageAliases, lang); ok {
		lang = a
	}
	subtags[0] = lang
	for i, s := range subtags[1:] {
		switch {
		case len(s) == 4 && isAlpha(s): // a script, such as Hant
			s = strings.ToUpper(s[:1]) + strings.ToLower(s[1:])
		case len(s) == 2 && isAlpha(s) || len(s) == 3 && isDigit(s): // a region
			s = strings.ToUpper(s)
			if a, ok := alias(regionAliases, s); ok {
				s = a
			}
		default: // a variant: ICU's legacy names spell them in capitals
			s = strings.ToUpper(s)
		}
		subtags[i+1] = s
	}
	locale := strings.Join(subtags, "_")
	if inList(knownLocales, locale) || inList(folderOnlyLocales, locale) {
		return locale, true
	}
	return "", false
}

// Tag returns a locale name as the BCP 47 language tag Chrome's messages
// show: "pt_BR" is "pt-BR", "en_US_POSIX" is "en-US-posix".
func Tag(locale string) string {
	subtags := strings.Split(locale, "_")
	for i, s := range subtags {
		switch {
		case i == 0:
			subtags[i] = strings.ToLower(s)
		case len(s) == 4 && isAlpha(s), len(s) == 2, len(s) == 3 && isDigit(s):
		default:
			subtags[i] = strings.ToLower(s)
		}
	}
	return strings.Join(subtags, "-")
}

// ValidSyntax reports whether a default_locale value is plausibly a locale
// name, as Chrome's l10n_util::IsValidLocaleSyntax decides: "xx-YY" passes,
// "en us", "z" and "German" do not. Chrome refuses a default_locale that
// fails, with "Invalid value for default locale - locale name must be a
// string.", when the extension has no _locales folder.
func ValidSyntax(locale string) bool {
	if len(locale) < 2 || len(locale) >= maxLocaleLen {
		return false
	}
	// Keywords after an @ are barely checked: one = that is neither first
	// nor last. Only the part before the @ has its - turned into _.
	prefix := strings.ReplaceAll(locale, "-", "_")
	if before, keywords, ok := strings.Cut(locale, "@"); ok {
		prefix = before
		eq := strings.IndexByte(keywords, '=')
		if eq <= 0 || eq > len(keywords)-2 {
			return false
		}
	}
	if strings.TrimFunc(prefix, func(r rune) bool { return r < 0x80 && isAlnumByte(byte(r)) || r == '_' }) != "" {
		return false
	}
	// The language: 1 to 3 letters. Every later subtag: 1 to 8 characters.
	subtags := strings.Split(prefix, "_")
	if lang := subtags[0]; lang == "" || len(lang) > 3 || !isAlpha(lang) {
		return false
	}
	for _, s := range subtags[1:] {
		if s == "" || len(s) > 8 {
			return false
		}
	}
	return true
}

// inList reports whether word is one of the words of a space-separated list
// that starts and ends with a space.
func inList(list, word string) bool {
	return word != "" && !strings.ContainsRune(word, ' ') && strings.Contains(list, " "+word+" ")
}

// alias looks code up in a space-separated list of "old=new" pairs.
func alias(list, code string) (string, bool) {
	if code == "" || strings.ContainsAny(code, " =") {
		return "", false
	}
	_, rest, ok := strings.Cut(list, " "+code+"=")
	if !ok {
		return "", false
	}
	replacement, _, _ := strings.Cut(rest, " ")
	return replacement, true
}

func isAlpha(s string) bool {
	for i := range len(s) {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func isDigit(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isAlnum(s string) bool {
	for i := range len(s) {
		if !isAlnumByte(s[i]) {
			return false
		}
	}
	return true
}

func isAlnumByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z'
}
