package rules

import (
	"strconv"
	"strings"

	"github.com/crxlint/crxlint/manifest"
)

// quote quotes a user's value for a message.
func quote(s string) string { return strconv.Quote(s) }

// joinWords joins words as a sentence does: "a, b and c".
func joinWords(words []string, conj string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + conj + " " + words[len(words)-1]
}

// openingBrace is the range of an object's "{", where findings about the
// extension as a whole are shown.
func openingBrace(doc *manifest.Document, n *manifest.Node) manifest.Range {
	s := n.Span()
	return doc.Range(manifest.Span{Start: s.Start, End: s.Start + 1})
}
