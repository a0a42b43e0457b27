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
//
// Its cost is near linear in the length of word and the candidates: a
// candidate is measured only when neither the difference in length nor the
// difference in letters rules it out, and then only as far as it can still
// beat the best so far.
func Closest(word string, candidates []string) string {
	best, bestDist := "", max(2, len(word)/3)+1
	var (
		counts  [256]int32 // the bytes of word, counted
		rows    []int      // the distance's two rows, reused
		counted bool
	)
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
		if !counted {
			for i := range len(word) {
				counts[word[i]]++
			}
			counted = true
		}
		if bagDistance(&counts, word, c) >= bestDist {
			continue
		}
		if cap(rows) < 2*(len(c)+1) {
			rows = make([]int, 2*(len(c)+1))
		}
		if d := distance(word, c, bestDist, rows); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// bagDistance returns a lower bound of the edit distance between word,
// whose bytes counts holds, and c: the larger of the number of bytes of c
// that word lacks and the number of bytes of word that c lacks (an edit
// lowers each by one at most). counts is left as it was.
func bagDistance(counts *[256]int32, word, c string) int {
	extra := 0 // bytes of c that word lacks
	for i := range len(c) {
		counts[c[i]]--
		if counts[c[i]] < 0 {
			extra++
		}
	}
	for i := range len(c) {
		counts[c[i]]++
	}
	missing := len(word) - (len(c) - extra) // bytes of word that c lacks
	return max(extra, missing)
}

// distance is the Levenshtein distance between a and b, in bytes, when it
// is below limit; otherwise it returns limit or more, stopping as soon as
// every path exceeds it. rows holds at least 2*(len(b)+1) ints.
func distance(a, b string, limit int, rows []int) int {
	prev := rows[:len(b)+1]
	cur := rows[len(b)+1 : 2*(len(b)+1)]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		lowest := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			lowest = min(lowest, cur[j])
		}
		if lowest >= limit {
			return lowest // a row's minimum never decreases
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(n int) int { return max(n, -n) }
