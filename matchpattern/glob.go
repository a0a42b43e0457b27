package matchpattern

import (
	"strings"
	"unicode/utf8"
)

// escapeGlob is what URLPattern::SetPath does to build path_escaped_: it
// escapes '\' and '?' so that '*' is the only wildcard left for
// base::MatchPattern.
func escapeGlob(path string) string {
	if !strings.ContainsAny(path, `\?`) {
		return path
	}
	var b strings.Builder
	b.Grow(len(path) + 4)
	for i := range len(path) {
		if c := path[i]; c == '\\' || c == '?' {
			b.WriteByte('\\')
		}
		b.WriteByte(path[i])
	}
	return b.String()
}

// matchGlob is base::MatchPattern (base/strings/pattern.cc): '*' matches any
// run of characters, '?' at most one, and '\' makes the next pattern
// character literal. Characters are compared as UTF-8 code points, and an
// invalid UTF-8 sequence never matches anything.
func matchGlob(eval, pattern string) bool {
	for {
		var maxDistance int
		maxDistance, pattern = eatWildcards(pattern)
		var ok bool
		if eval, pattern, ok = searchForChars(eval, pattern, maxDistance); !ok {
			return false
		}
		if pattern == "" {
			return true
		}
	}
}

// eatWildcards consumes a run of wildcards. It returns how many characters
// the run may match: the number of '?', or -1 (unbounded) if it holds a '*'.
func eatWildcards(pattern string) (maxDistance int, rest string) {
	questions, star := 0, false
	for pattern != "" {
		switch pattern[0] {
		case '?':
			questions++
		case '*':
			star = true
		default:
			if star {
				return -1, pattern
			}
			return questions, pattern
		}
		pattern = pattern[1:]
	}
	if star {
		return -1, pattern
	}
	return questions, pattern
}

// searchForChars looks for the literal run at the start of pattern (up to the
// next unescaped wildcard or the end) in eval, starting at most maxDistance
// characters in (any distance if maxDistance < 0). At the end of the pattern
// only the end of eval is accepted. It returns what is left of both.
func searchForChars(eval, pattern string, maxDistance int) (evalRest, patternRest string, ok bool) {
	patternStart, evalStart := pattern, eval
	escaped := false
	for {
		if pattern == "" {
			if eval == "" {
				return eval, pattern, true
			}
		} else {
			if !escaped && (pattern[0] == '*' || pattern[0] == '?') {
				return eval, pattern, true
			}
			if !escaped && pattern[0] == '\\' {
				escaped = true
				_, n := nextChar(pattern)
				pattern = pattern[n:]
				continue
			}
			escaped = false
			if eval == "" {
				return eval, pattern, false
			}
			pc, pn := nextChar(pattern)
			ec, en := nextChar(eval)
			if pc == ec && pc != invalidChar {
				pattern, eval = pattern[pn:], eval[en:]
				continue
			}
		}
		// Mismatch: retry one character further into eval, if allowed.
		if maxDistance == 0 {
			return eval, pattern, false
		}
		maxDistance--
		_, n := nextChar(evalStart)
		evalStart = evalStart[n:]
		pattern, eval = patternStart, evalStart
	}
}

// invalidChar stands for an invalid UTF-8 sequence (ICU's CBU_SENTINEL).
const invalidChar rune = -1

// nextChar decodes the first character of s, which must not be empty.
func nextChar(s string) (rune, int) {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && n <= 1 {
		return invalidChar, max(n, 1)
	}
	return r, n
}
