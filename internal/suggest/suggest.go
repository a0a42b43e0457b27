// Package suggest finds the word a user probably meant.
package suggest

import (
	"fmt"
	"strings"
)

// DidYouMean returns " (did you mean "x"?)" for the candidate closest to
// word (see Closest), for a message, or "" when none is close.
func DidYouMean(word string, candidates []string) string {
	if best := Closest(word, candidates); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}

// Closest returns the candidate nearest to word: one that differs only in
// letter case, or else the one with the smallest edit distance, if that
// distance is small for the word's length. It returns "" when nothing is
// close or word is itself a candidate.
func Closest(word string, candidates []string) string {
	best, bestDist := "", max(2, len(word)/3)+1
	for _, c := range candidates {
		if c == word {
			return ""
		}
		if strings.EqualFold(c, word) {
			return c
		}
		if abs(len(c)-len(word)) >= bestDist {
			continue // the distance is at least the difference in length
		}
		if d := distance(word, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(n int) int { return max(n, -n) }
