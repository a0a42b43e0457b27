package rules

import "github.com/crxlint/crxlint/manifest"

// strictJSON is a JSON file of the extension read as Chrome reads
// declarativeNetRequest rule files: as strict JSON, without the comments,
// raw line breaks inside strings and \x escapes that manifest.json may
// hold (see manifest.ParseStrict).
type strictJSON struct {
	doc   *manifest.Document
	value *manifest.Node // the top-level value; nil when the file is not JSON
	// chrome is the JSON reader's error as Chrome words it, such as "EOF
	// while parsing a list at line 1 column 3"; hint names the extension
	// of JSON that causes it, if one does.
	chrome, hint string
}

// extensionHints say what to do with each extension of JSON in a rule file.
var extensionHints = map[manifest.Extension]string{
	manifest.Comments:          "comments are not allowed in rule files",
	manifest.NewlinesInStrings: `escape line breaks inside strings as \n and \r`,
	manifest.XEscapes:          `write \xNN escapes as \u00NN`,
}

func readStrictJSON(src []byte) strictJSON {
	doc, _ := manifest.ParseStrict(src)
	if se := doc.Err(); se != nil {
		return strictJSON{chrome: se.Chrome, hint: extensionHints[se.Extension]}
	}
	return strictJSON{doc: doc, value: doc.Root()}
}
