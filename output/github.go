package output

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/runner"
)

// github writes GitHub Actions workflow commands, which GitHub shows as
// annotations on the files and lines they name:
//
//	::error file=F,line=L,col=C,endLine=L,endColumn=C,title=T::message
//
// GitHub shows at most ten annotations of each kind per step, so the whole
// text report follows, for the log.
type github struct {
	opts Options
}

// githubLevel maps severities to workflow commands: GitHub has no "info".
var githubLevel = map[lint.Severity]string{lint.Error: "error", lint.Warning: "warning", lint.Info: "notice"}

func (g github) Format(w io.Writer, results []runner.Result) error {
	return formatAll(g.stream(w), results)
}

func (g github) stream(w io.Writer) Stream {
	s := &githubStream{g: g, w: &errWriter{w: w}}
	s.text = newText(g.opts).stream(&s.log)
	return s
}

// githubStream writes each result's annotations as it comes, and keeps
// its text report for the log, which follows every annotation.
type githubStream struct {
	g    github
	w    *errWriter
	log  spool
	text Stream
}

func (s *githubStream) Write(r runner.Result) error {
	s.annotate(r)
	if s.w.err != nil {
		return s.w.err
	}
	return s.text.Write(r)
}

func (s *githubStream) annotate(r runner.Result) {
	g, ew := s.g, s.w
	if r.Err != nil {
		fmt.Fprintf(ew, "::error file=%s,title=crxlint::%s\n", githubProperty(r.Path), githubData(r.Err.Error()))
		return
	}
	for _, d := range r.Diagnostics {
		fmt.Fprintf(ew, "::%s %s::%s\n", githubLevel[d.Severity], g.properties(r.Path, d.Rule, d.Range),
			githubData(d.Text()+"\n"+verdictText[d.Chrome]))
		// the code a finding is about gets its annotation too, so that a
		// pull request that only changes the code shows it there
		for _, rel := range d.Related {
			if rel.Path != "" {
				fmt.Fprintf(ew, "::%s %s::%s\n", githubLevel[d.Severity], g.properties(relatedPath(r.Path, rel.Path), d.Rule, rel.Range),
					githubData(rel.Message+": "+d.Text()))
			}
		}
	}
}

func (s *githubStream) Close() error {
	if err := s.text.Close(); err != nil {
		return errors.Join(err, s.log.close(nil))
	}
	if s.w.err != nil {
		return errors.Join(s.w.err, s.log.close(nil))
	}
	return s.log.copyTo(s.w.w)
}

// properties locates an annotation. GitHub takes columns only within one
// line, so a range over several lines gives its lines alone.
func (g github) properties(path, rule string, rng manifest.Range) string {
	start, end := rng.Start, rng.End
	props := []string{"file=" + githubProperty(path), fmt.Sprintf("line=%d", start.Line)}
	if start.Line == end.Line {
		props = append(props, fmt.Sprintf("col=%d", start.Column), fmt.Sprintf("endLine=%d", end.Line), fmt.Sprintf("endColumn=%d", end.Column))
	} else {
		props = append(props, fmt.Sprintf("endLine=%d", end.Line))
	}
	title := rule
	if r := g.opts.rule(rule); r != nil {
		title = fmt.Sprintf("%s [%s]", r.Title, r.ID)
	}
	return strings.Join(append(props, "title="+githubProperty(title)), ",")
}

// githubData escapes a command's message: %, CR and LF.
var githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// githubProperty escapes a command's property value: also : and , which
// separate properties.
var githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace
