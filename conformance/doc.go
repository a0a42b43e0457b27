// Package conformance compares crxlint's verdicts with a real Chrome's.
//
// crxlint's verdict for an extension is the strongest Chrome field among its
// diagnostics: "rejects" when any finding says Chrome refuses the extension,
// else "warns" when any says Chrome warns, else "accepts". Chrome's verdict
// is "rejects" when it does not load the extension, "warns" when it loads
// it with warnings, "accepts" when it loads it silently. The tests in this
// package hold the two equal over the rules' examples, the project's
// conformance corpus and Chromium's own manifest tests.
package conformance
