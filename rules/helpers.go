package rules

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/crxlint/crxlint/lint"
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

// removeEdit removes an array element or an object member (span, from its
// key) with one of the commas around it, keeping the layout: the text up to
// the next element when a comma follows, else from the comma before it.
func removeEdit(src []byte, span manifest.Span) lint.Edit {
	next := skipSpace(src, span.End)
	if next < len(src) && src[next] == ',' {
		return lint.Edit{Start: span.Start, End: skipSpace(src, next+1)}
	}
	prev := span.Start
	for prev > 0 && isSpace(src[prev-1]) {
		prev--
	}
	if prev > 0 && src[prev-1] == ',' {
		return lint.Edit{Start: prev - 1, End: span.End}
	}
	return lint.Edit{Start: span.Start, End: span.End}
}

// appendEdit adds a JSON value to the end of an array node.
func appendEdit(array *manifest.Node, value string) lint.Edit {
	end := array.Span().End - 1 // the ]
	if array.Len() == 0 {
		return lint.Edit{Start: end, End: end, New: value}
	}
	last := array.Elem(array.Len() - 1).Span().End
	return lint.Edit{Start: last, End: last, New: ", " + value}
}

// addMemberEdits adds the member "key": value at the end of the object
// obj, on a line of its own with the indentation of the member before it
// when that one ends its line (a comment after it stays with it), else on
// the same line.
func addMemberEdits(src []byte, obj *manifest.Node, key, value string) []lint.Edit {
	member := quote(key) + ": " + value
	var last *manifest.Node
	lineStart := 0
	for m := range obj.AllMembers() {
		last, lineStart = m.Value, m.KeySpan.Start
	}
	if last == nil {
		at := obj.Span().Start + 1 // after the {
		return []lint.Edit{{Start: at, End: at, New: member}}
	}
	for lineStart > 0 && src[lineStart-1] != '\n' {
		lineStart--
	}
	indent := src[lineStart:skipBlank(src, lineStart)]
	end := last.Span().End
	comma := []lint.Edit{{Start: end, End: end, New: ","}}
	if next := skipBlank(src, end); next < len(src) && src[next] == ',' { // a trailing comma Chrome refuses, fixed apart
		end, comma = next+1, nil
	}
	eol := skipBlank(src, end)
	if strings.HasPrefix(string(src[eol:min(eol+2, len(src))]), "//") {
		eol += max(bytes.IndexAny(src[eol:], "\r\n"), 0)
	}
	if eol >= len(src) || src[eol] != '\n' && src[eol] != '\r' {
		sep := " "
		if comma != nil {
			sep = ", "
		}
		return []lint.Edit{{Start: end, End: end, New: sep + member}}
	}
	newline := "\n"
	if src[eol] == '\r' && eol+1 < len(src) && src[eol+1] == '\n' {
		newline = "\r\n"
	}
	return append(comma, lint.Edit{Start: eol, End: eol, New: newline + string(indent) + member})
}

// skipBlank skips spaces and tabs, not line breaks.
func skipBlank(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i
}

func skipSpace(src []byte, i int) int {
	for i < len(src) && isSpace(src[i]) {
		i++
	}
	return i
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
