// Package urlcanon canonicalizes URL hosts exactly as Chromium 156 does. It
// is a port of the host canonicalizer of Chromium's url library
// (url/url_canon_host.cc and url/url_canon_ip.cc), which GURL, Blink's URL
// and net::CanonicalizeHost share, and so of what every part of Chrome makes
// of the host of a match pattern or an http URL.
//
// [Host] takes the host of a special (http-like) URL and returns its
// canonical text and [Family]:
//
//   - %XX escapes are decoded, and ASCII letters are lower-cased;
//   - ' ' and '*' are kept as the escapes "%20" and "%2A" (Chromium has not
//     yet made them forbidden, https://crbug.com/1416013), and the other
//     forbidden characters (controls, '#', '%', '/', '<', '>', '?', '@', '\\',
//     '^', '|') make the host invalid;
//   - a host that is not ASCII once decoded goes through IDNA (UTS #46) to
//     punycode; an ASCII host, "xn--" labels included, does not;
//   - an IPv4 address in any form Chromium accepts ("0x7f.1", "0300.0250.1",
//     "3232235521") becomes four decimal numbers, and a host whose last label
//     is a number must be one ("example.1" is invalid);
//   - an IPv6 address in brackets is written shortest, in lower case, with
//     the first longest run of zero groups as "::".
//
// A trailing dot and empty labels are kept ("example.com.", "a..com"): the
// canonical text is what Chromium's URL class and URLPattern hold. Callers
// that look hosts up in the Public Suffix List remove the dot themselves.
// Host is idempotent: a canonical host canonicalizes to itself.
//
// A host that Chromium's canonicalizer rejects gives an [*Error] that says
// why; callers that only need to know whether the host is valid compare the
// error with nil.
//
// # IDNA
//
// IDNA is done by golang.org/x/net/idna set up as Chromium sets up ICU
// (url/url_idna_icu.cc): UTS #46 non-transitional processing with the Bidi
// rule, no STD3 rules (so '_' and other punctuation are allowed), no
// CheckHyphens and no DNS length check; idna.Lookup would reject hosts that
// Chromium accepts, such as "foo_bar.bücher.de" and "wow！". The ContextJ
// rules are applied, because Chromium 156 rejects "a\u200cb.com" although its
// sources leave the feature UseIDNAContextJRules off by default. Like
// Chromium, a host longer than 253*5 UTF-16 code units once escaped does not
// go through IDNA and is invalid.
//
// x/net's idna package uses UTS #46 data for Unicode 15.0 before Go 1.27 and
// for Unicode 17.0 from Go 1.27 on; Chromium 156's ICU agrees with the newer
// data. Two changes seen in Chromium 156 are bridged for the older data:
// U+1E9E LATIN CAPITAL LETTER SHARP S maps to "ß" (not "ss"), and U+180E
// MONGOLIAN VOWEL SEPARATOR is ignored (not disallowed). With the older data,
// the other code points whose status changed since Unicode 15.0 (most of them
// assigned in 16.0 or 17.0, a few with a new mapping, such as U+2132) are
// rejected or mapped differently from Chromium. Building with Go 1.27 removes
// that difference.
//
// # Deviation from Chromium
//
// Chromium's ICU refuses to punycode a label of more than 1000 UTF-16 code
// units once mapped (ICU-13727): Chromium 156 rejects "ü" followed by 1000
// "a"s, and accepts it with 999. x/net has no such limit, so Host accepts
// these labels and returns their punycode.
package urlcanon
