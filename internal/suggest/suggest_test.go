package suggest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestClosest(t *testing.T) {
	perms := []string{"tabs", "storage", "webRequest", "bookmarks", "contextMenus", "declarativeNetRequest"}
	tests := []struct{ word, want string }{
		{"tab", "tabs"},
		{"webrequest", "webRequest"},
		{"bookmark", "bookmarks"},
		{"contextMenu", "contextMenus"},
		{"declarativeNetRequst", "declarativeNetRequest"},
		{"storage", ""},     // already right
		{"geolocation", ""}, // nothing close
		{"x", ""},
	}
	for _, tt := range tests {
		if got := Closest(tt.word, perms); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// plainClosest is Closest without its shortcuts: every candidate measured
// in full.
func plainClosest(word string, candidates []string) string {
	best, bestDist := "", max(2, len(word)/3)+1
	for _, c := range candidates {
		if c == word {
			return ""
		}
		if strings.EqualFold(c, word) {
			return c
		}
		if d := plainDistance(word, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

func plainDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
		}
	}
	return d[len(a)][len(b)]
}

// TestClosestPrunesNothingItNeeds checks that the length and letter bounds
// and the early stop never change the answer, on words made by editing the
// candidates at random.
func TestClosestPrunesNothingItNeeds(t *testing.T) {
	candidates := []string{
		"tabs", "storage", "webRequest", "webRequestBlocking", "bookmarks", "contextMenus", "declarativeNetRequest",
		"declarativeNetRequestWithHostAccess", "alarms", "idle", "identity", "identity.email", "sidePanel", "scripting",
		"unlimitedStorage", "unlimited_storage", "system.cpu", "system.memory", "tts", "ttsEngine", "Kelvin\u212a",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	letters := "abcdeiklmnorstuwxyzABKRS._-\u212a0"
	for range 20000 {
		w := []byte(candidates[rng.IntN(len(candidates))])
		for range rng.IntN(6) {
			i := rng.IntN(len(w) + 1)
			l := letters[rng.IntN(len(letters))]
			switch rng.IntN(3) {
			case 0:
				w = append(w[:i], append([]byte{l}, w[i:]...)...)
			case 1:
				if i < len(w) {
					w = append(w[:i], w[i+1:]...)
				}
			default:
				if i < len(w) {
					w[i] = l
				}
			}
		}
		word := string(w)
		if got, want := Closest(word, candidates), plainClosest(word, candidates); got != want {
			t.Fatalf("Closest(%q) = %q, want %q", word, got, want)
		}
	}
}

// BenchmarkClosest measures the search for a name close to no candidate,
// the case of a manifest full of unknown permissions.
func BenchmarkClosest(b *testing.B) {
	candidates := make([]string, 0, 300)
	for i := range 300 {
		candidates = append(candidates, fmt.Sprintf("permission%c%d", 'a'+i%26, i))
	}
	for b.Loop() {
		Closest("perm123456", candidates)
	}
}
