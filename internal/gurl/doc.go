// Package gurl parses and canonicalizes URLs as Chromium's GURL does (the
// url library: url_util.cc, url_parse.cc, url_canon_stdurl.cc,
// url_canon_fileurl.cc, url_canon_path.cc, url_canon_relative.cc), for the
// parts of Chrome that crxlint reproduces: matching URLs against match
// patterns, checking manifest keys that hold URLs (update_url,
// homepage_url), and turning a page named in the manifest into the file
// Chrome looks for.
//
// [Parse] is GURL's constructor followed by GURL::is_valid, and
// [URL.Resolve] is GURL::Resolve. A [URL] holds the canonical components:
//
//   - leading and trailing C0 controls and spaces are trimmed, and tabs and
//     newlines removed anywhere;
//   - the scheme is lower-cased; standard schemes ([IsStandard]: http,
//     https, file, chrome-extension, ...) take any number of slashes or
//     backslashes before the host, and need a host, which package
//     urlcanon canonicalizes;
//   - a port is all digits up to 65535; it is dropped when it is the
//     scheme's default ([DefaultPort]) and ignored by standard schemes
//     without a default port; a file: URL may not have one;
//   - in the path of a standard URL a backslash is a slash, "." and ".."
//     segments (also written %2e) are resolved, and the characters Chromium
//     escapes are percent-escaped; other escapes stay as they are;
//   - the query and the fragment are percent-escaped with their own sets;
//   - other schemes follow the URL Standard, as Chromium 156 does: an
//     opaque host after "//", else an opaque path.
//
// Chromium 156 itself was asked about every URL of testdata (see its
// README), and the table tests come from Chromium's url unit tests.
//
// # Deviations from Chromium
//
//   - User information is parsed but not kept, and [URL.String] leaves it
//     out.
//   - Bytes that are not valid UTF-8 are escaped one by one; Chromium
//     writes U+FFFD (%EF%BF%BD) in their place.
//   - Windows drive letters get no special treatment in file: URLs, as on
//     Chromium for Linux and macOS.
//   - A relative reference cannot be resolved against a filesystem: URL.
package gurl
