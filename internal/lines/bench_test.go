package lines

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkPositionOneLine places every entry of a one-line list, as a
// linter does for a minified manifest with a finding on each entry. The
// cost per position stays flat as the line grows: the total is linear.
func BenchmarkPositionOneLine(b *testing.B) {
	for _, entries := range []int{1_000, 10_000, 100_000} {
		for _, entry := range []string{`"perm%d", `, `"権限😀%d", `} {
			var sb strings.Builder
			var offsets []int
			for i := range entries {
				offsets = append(offsets, sb.Len())
				fmt.Fprintf(&sb, entry, i)
			}
			src := []byte(sb.String())
			name := fmt.Sprintf("entries=%d/ascii=%v", entries, !strings.Contains(entry, "😀"))
			b.Run(name, func(b *testing.B) {
				for b.Loop() {
					x := New(src)
					for _, off := range offsets {
						x.Position(off)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(offsets)), "ns/position")
			})
		}
	}
}
