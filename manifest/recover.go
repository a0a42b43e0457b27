package manifest

import (
	"bytes"
	"slices"
)

// maxRecoveries bounds how many syntax errors ParseAll reports.
const maxRecoveries = 100

// ParseAll reads a manifest as Parse does and, past Chrome's first error,
// goes on to find the further ones it can repair without guessing: each
// trailing comma, and each missing comma between two values. Chrome reports
// only the first error; the others save an editor a pass per error.
//
// The Document's Err is Chrome's error, and Errors all of them in source
// order. When every error is a trailing comma, the Document also has the
// Root that Chrome reads once they are removed (Err stays set): the other
// checks can run on it, and its offsets are the source's.
func ParseAll(src []byte) *Document {
	doc, _ := Parse(src)
	if doc.err == nil {
		return doc
	}
	doc.errs = []*SyntaxError{doc.err}
	buf := bytes.Clone(src)
	var inserted []int // where buf has a comma src has not, in buf's offsets
	toSrc := func(off int) int {
		n, _ := slices.BinarySearch(inserted, off)
		return off - n
	}
	err, comments, onlyCommas := doc.err, doc.comments, true
	for range maxRecoveries {
		start := err.Span.Start + len(inserted) // err is in src's offsets; buf's are later
		switch err.Reason {
		case "trailing comma":
			buf[start] = ' ' // the same length: offsets stay the source's
		case "expected `,` or `}`", "expected `,` or `]`":
			at := commaOffset(buf, start, comments)
			err.CommaAt = toSrc(at)
			buf = slices.Insert(buf, at, ',')
			inserted = append(inserted, at) // in order: the parse goes forward
			onlyCommas = false
		default:
			return doc
		}
		next, _ := Parse(buf)
		comments = next.comments
		if next.err == nil {
			if onlyCommas {
				doc.root, doc.comments = next.root, next.comments
			}
			return doc
		}
		e := *next.err
		e.Span = Span{toSrc(e.Span.Start), toSrc(e.Span.End)}
		if e.Span.Start <= err.Span.Start {
			return doc // no progress: stop rather than loop
		}
		err = &e
		doc.errs = append(doc.errs, err)
	}
	return doc
}

// commaOffset returns where the comma missing before offset goes: right
// after the value that precedes it, back past white space and comments.
func commaOffset(src []byte, offset int, comments []Comment) int {
	for {
		switch {
		case offset > 0 && bytes.IndexByte([]byte(" \t\r\n"), src[offset-1]) >= 0:
			offset--
		case slices.ContainsFunc(comments, func(c Comment) bool { return c.Span.End == offset }):
			i := slices.IndexFunc(comments, func(c Comment) bool { return c.Span.End == offset })
			offset = comments[i].Span.Start
		default:
			return offset
		}
	}
}

// Errors returns every syntax error ParseAll found, Chrome's first; nil for
// a Document from Parse, or one without errors.
func (d *Document) Errors() []*SyntaxError { return d.errs }
