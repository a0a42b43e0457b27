package output

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/fatih/color"
	"golang.org/x/text/width"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/runner"
)

// text is the default format:
//
//	path:line:col: severity: message [rule-id]
//
// followed by the source line, a caret under the range and what Chrome does.
type text struct {
	location, dim *color.Color
	// severity colours the severity's name and the caret under the range.
	severity map[lint.Severity]*color.Color
}

func newText(o Options) *text {
	t := &text{
		location: color.New(color.Bold),
		dim:      color.New(color.Faint),
		severity: map[lint.Severity]*color.Color{
			lint.Error:   color.New(color.FgRed, color.Bold),
			lint.Warning: color.New(color.FgYellow, color.Bold),
			lint.Info:    color.New(color.FgCyan, color.Bold),
		},
	}
	for _, c := range []*color.Color{t.location, t.dim, t.severity[lint.Error], t.severity[lint.Warning], t.severity[lint.Info]} {
		if o.Color {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return t
}

var verdictText = map[lint.Chrome]string{
	lint.Rejects: "Chrome rejects this: the extension does not load",
	lint.Warns:   "Chrome warns: the extension loads with an install warning",
	lint.Accepts: "Chrome accepts this silently",
}

func (t *text) Format(w io.Writer, results []runner.Result) error {
	return formatAll(t.stream(w), results)
}

func (t *text) stream(w io.Writer) Stream { return &textStream{t: t, w: &errWriter{w: w}} }

// textStream writes each result's findings as it comes, and the summary on
// Close.
type textStream struct {
	t   *text
	w   *errWriter
	sum tally
}

func (s *textStream) Write(r runner.Result) error {
	if r.Err != nil {
		for line := range strings.Lines(r.Err.Error()) {
			fmt.Fprintf(s.w, "%s: %s: %s\n", s.t.location.Sprint(escapeLine(r.Path)), s.t.severity[lint.Error].Sprint("error"),
				escapeLine(strings.TrimSuffix(line, "\n")))
		}
	}
	for _, d := range r.Diagnostics {
		s.t.diagnostic(s.w, r, d)
	}
	s.sum.add(r)
	return s.w.err
}

func (s *textStream) Close() error {
	if sum := s.sum.String(); sum != "" {
		fmt.Fprintf(s.w, "\n%s\n", sum)
	}
	return s.w.err
}

// tally counts the problems of the results written so far, and names the
// first extensions Chrome would refuse to load.
type tally struct {
	counts            map[lint.Severity]int
	files, extensions int
	rejected          []string // the first maxListed+1
	rejectedCount     int
}

func (t *tally) add(r runner.Result) {
	if r.Err != nil {
		return
	}
	if t.counts == nil {
		t.counts = map[lint.Severity]int{}
	}
	t.extensions++
	if len(r.Diagnostics) > 0 {
		t.files++
	}
	if slices.ContainsFunc(r.Diagnostics, func(d lint.Diagnostic) bool { return d.Chrome == lint.Rejects }) {
		if t.rejectedCount++; len(t.rejected) <= maxListed {
			t.rejected = append(t.rejected, r.Path)
		}
	}
	for _, d := range r.Diagnostics {
		t.counts[d.Severity]++
	}
}

// String is the summary line: it counts the problems and names the
// extensions Chrome would refuse to load; it is "" when there are no
// problems.
func (t *tally) String() string {
	total := t.counts[lint.Error] + t.counts[lint.Warning] + t.counts[lint.Info]
	if total == 0 {
		return ""
	}
	s := fmt.Sprintf("%s in %s (%s, %s, %s)", count(total, "problem", "problems"), count(t.files, "file", "files"),
		count(t.counts[lint.Error], "error", "errors"), count(t.counts[lint.Warning], "warning", "warnings"), count(t.counts[lint.Info], "info", ""))
	if t.rejectedCount > 0 {
		s += fmt.Sprintf("; Chrome would refuse to load %d of %s: %s", t.rejectedCount, count(t.extensions, "extension", "extensions"), list(t.rejected, t.rejectedCount))
	}
	return s
}

// maxListed is how many names a summary lists before it counts the rest.
const maxListed = 3

// list joins the first of n names: "a", "a and b", "a, b and c", "a, b,
// c and 2 more".
func list(names []string, n int) string {
	if n > maxListed {
		return strings.Join(names[:maxListed], ", ") + fmt.Sprintf(" and %d more", n-maxListed)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// count writes "1 error", "2 errors"; nouns without a plural ("info")
// pass "" as plural.
func count(n int, singular, plural string) string {
	if n == 1 || plural == "" {
		return strconv.Itoa(n) + " " + singular
	}
	return strconv.Itoa(n) + " " + plural
}

func (t *text) diagnostic(w io.Writer, r runner.Result, d lint.Diagnostic) {
	start := d.Range.Start
	fmt.Fprintf(w, "%s %s %s %s\n",
		t.location.Sprintf("%s:%d:%d:", escapeLine(r.Path), start.Line, start.Column),
		t.severity[d.Severity].Sprintf("%s:", d.Severity),
		escapeLine(d.Text()),
		t.dim.Sprintf("[%s]", d.Rule))
	if r.Doc == nil || start.Line < 1 {
		return
	}
	line, lead, span := excerpt(r.Doc, d.Range)
	t.snippet(w, d, start.Line, line, lead, span, verdictText[d.Chrome])
	for _, rel := range d.Related {
		if rel.Path == "" || rel.Range.Start.Line < 1 {
			continue
		}
		fmt.Fprintf(w, "  %s %s\n", t.location.Sprintf("%s:%d:%d:", escapeLine(relatedPath(r.Path, rel.Path)), rel.Range.Start.Line, rel.Range.Start.Column),
			escapeLine(rel.Message))
		line, lead, span := lineExcerpt(rel.Line, rel.LineStart, rel.Range)
		t.snippet(w, d, rel.Range.Start.Line, line, lead, span, "")
	}
}

// snippet writes a source line with its line number and carets under
// lead, span display columns, then a note.
func (t *text) snippet(w io.Writer, d lint.Diagnostic, n int, line string, lead, span int, note string) {
	gutter := strconv.Itoa(n)
	pad := strings.Repeat(" ", len(gutter))
	fmt.Fprintf(w, "  %s %s %s\n", t.dim.Sprint(gutter), t.dim.Sprint("|"), line)
	fmt.Fprintf(w, "  %s %s %s%s %s\n", pad, t.dim.Sprint("|"), strings.Repeat(" ", lead),
		t.severity[d.Severity].Sprint(strings.Repeat("^", span)), t.dim.Sprint(note))
}

const tabWidth = 4

// displayWidth counts terminal columns: East Asian wide and full-width
// characters take two, tabs tabWidth.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r == '\t':
			n += tabWidth
		case r < 0x20:
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				n += 2
			default:
				n++
			}
		}
	}
	return n
}

// errWriter keeps the first write error, so formatting code stays linear.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return len(p), nil
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, nil
}
