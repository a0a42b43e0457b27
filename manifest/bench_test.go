package manifest

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkRangeOneLine places every permission of a one-line manifest, as
// the schema rule does when none is known. The cost per range stays flat
// as the manifest grows.
func BenchmarkRangeOneLine(b *testing.B) {
	for _, n := range []int{4_000, 40_000, 200_000} {
		perms := make([]string, n)
		for i := range perms {
			perms[i] = fmt.Sprintf(`"perm%d"`, i)
		}
		src := []byte(head + `, "permissions": [` + strings.Join(perms, ",") + "]}")
		d, err := Parse(src)
		if err != nil {
			b.Fatal(err)
		}
		list := d.Root().Get("permissions")
		b.Run(fmt.Sprintf("permissions=%d", n), func(b *testing.B) {
			for b.Loop() {
				for _, p := range list.Elems() {
					d.Range(p.Span())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/range")
		})
	}
}
