package lint

import "fmt"

// A Result is a value that several rules need for the same manifest, such as
// a scan of the extension's code: the first rule that asks computes it, and
// the others share it, as go/analysis analyzers share ResultOf. Declare
// results as package variables with NewResult; the value is typed, so no
// rule asserts a type.
type Result[T any] struct {
	name    string
	compute func(*Pass) (T, error)
}

// NewResult declares a result. compute must not report diagnostics: it runs
// in the pass of whichever rule asks first.
func NewResult[T any](name string, compute func(*Pass) (T, error)) *Result[T] {
	return &Result[T]{name: name, compute: compute}
}

type resultValue[T any] struct {
	value T
	err   error
}

// Of returns the result for the pass's manifest, computing it on first use.
func (r *Result[T]) Of(p *Pass) (T, error) {
	if v, ok := p.memo[r]; ok {
		rv := v.(resultValue[T])
		return rv.value, rv.err
	}
	value, err := r.compute(p)
	if err != nil {
		err = fmt.Errorf("%s: %w", r.name, err)
	}
	p.memo[r] = resultValue[T]{value, err}
	return value, err
}
