// Package manifest reads manifest.json exactly as Chrome's JSON reader does
// and gives every value an address (an RFC 6901 JSON pointer) and a source
// range.
//
// Chrome parses manifests with base::JSONReader and the options
// JSON_PARSE_CHROMIUM_EXTENSIONS: comments (// and /* */) are allowed, and
// so are raw line feeds and carriage returns inside strings and \xNN escapes.
// Trailing commas, other control characters in strings, invalid UTF-8,
// numbers out of range, nesting past the depth limit and text after the
// top-level value are errors. A UTF-8 byte-order mark is skipped, and when a
// key is given twice the last value wins. Parse reproduces each of these
// decisions; a SyntaxError carries Chrome's own wording. ParseStrict reads
// the files Chrome wants as strict JSON, such as declarativeNetRequest rule
// files, and refuses those extensions of JSON.
//
// The package does this with its own small scanner rather than a general
// JSONC library: none accepts exactly Chrome's dialect, and rewriting the
// input to fit one would need an offset map to keep positions honest.
//
// Positions are byte offsets inside the package. Position converts an offset
// to a 1-based line and a 1-based column counted in UTF-16 code units, the
// unit editors and SARIF use, with the line index every file crxlint reads
// shares: LF, CRLF and a lone CR end a line, and a UTF-8 byte-order mark is
// not counted.
package manifest
