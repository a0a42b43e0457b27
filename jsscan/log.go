package jsscan

// log is an append-only list that never copies what it holds: it grows by
// adding blocks, each as large as the list so far up to a bound, so a
// small file's log stays small and a large file's is not copied again and
// again as it grows.
type log[T any] struct {
	blocks [][]T
	n      int
}

const (
	logFirst = 64
	logMax   = 1 << 12
)

func (l *log[T]) add(v T) {
	if len(l.blocks) == 0 || len(l.blocks[len(l.blocks)-1]) == cap(l.blocks[len(l.blocks)-1]) {
		l.blocks = append(l.blocks, make([]T, 0, min(max(logFirst, l.n), logMax)))
	}
	b := &l.blocks[len(l.blocks)-1]
	*b = append(*b, v)
	l.n++
}

func (l *log[T]) len() int { return l.n }

// each calls f on every item, in the order they were added.
func (l *log[T]) each(f func(*T)) {
	for _, b := range l.blocks {
		for i := range b {
			f(&b[i])
		}
	}
}
