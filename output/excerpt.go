package output

import (
	"strings"
	"unicode/utf8"

	"github.com/crxlint/crxlint/manifest"
)

// excerptContext is how many bytes of a long line the source excerpt shows
// on each side of a range, and at most of the range itself: a finding on a
// 10 MB line prints a few hundred bytes, not the line.
const excerptContext = 80

// excerpt returns the source line a range starts on, cut around the range
// when the line is long ("…" marks a cut) and escaped for a terminal, with
// the display columns before the range and the display width of the range
// on that line (at least 1), for the caret.
func excerpt(doc *manifest.Document, rng manifest.Range) (text string, lead, span int) {
	return lineExcerpt(doc.LineBytes(rng.Start.Line), doc.LineStart(rng.Start.Line), rng)
}

// lineExcerpt is excerpt for the line that starts at lineStart. It copies
// only what it shows, however long the line.
func lineExcerpt[T string | []byte](line T, lineStart int, rng manifest.Range) (text string, lead, span int) {
	start := max(0, min(rng.Start.Offset-lineStart, len(line)))
	end := len(line)
	if rng.End.Line == rng.Start.Line {
		end = max(start, min(rng.End.Offset-lineStart, len(line)))
	}
	from, to := 0, len(line)
	if len(line) > 3*excerptContext {
		from = runeStart(line, max(0, start-excerptContext))
		end = runeStart(line, min(end, start+excerptContext))
		to = runeStart(line, min(len(line), end+excerptContext))
	}
	before, inside, after := string(line[from:start]), string(line[start:end]), string(line[end:to])
	tabs := strings.Repeat(" ", tabWidth)
	shownBefore := escape(before, tabs)
	if from > 0 {
		shownBefore = "…" + shownBefore
	}
	shownInside := escape(inside, tabs)
	text = shownBefore + shownInside + escape(after, tabs)
	if to < len(line) {
		text += "…"
	}
	return text, displayWidth(shownBefore), max(1, displayWidth(shownInside))
}

// runeStart moves i back to the start of the UTF-8 sequence it falls in.
func runeStart[T string | []byte](s T, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}
