package output

import (
	"io"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/runner"
)

// JSONVersion is the version of the JSON output contract
// (docs/json-output.md). It changes only when a field changes meaning or
// goes away; new fields may appear without it changing.
const JSONVersion = 1

// The wire types are separate from lint's, so that internal changes cannot
// break editors and scripts that read the output.
type (
	jsonReport struct {
		Version int        `json:"version"`
		Files   []jsonFile `json:"files"`
	}
	jsonFile struct {
		Path        string           `json:"path"`
		Error       string           `json:"error,omitempty"`
		Diagnostics []jsonDiagnostic `json:"diagnostics"`
	}
	jsonDiagnostic struct {
		Rule     string        `json:"rule"`
		Severity lint.Severity `json:"severity"`
		Chrome   lint.Chrome   `json:"chrome"`
		Message  string        `json:"message"`
		// ChromeMessage is Chrome's own words, when it has any.
		ChromeMessage string        `json:"chromeMessage,omitempty"`
		Pointer       string        `json:"pointer"`
		Range         jsonRange     `json:"range"`
		Related       []jsonRelated `json:"related,omitempty"`
		Fixes         []jsonFix     `json:"fixes"`
	}
	jsonRange struct {
		Start jsonPosition `json:"start"`
		End   jsonPosition `json:"end"`
	}
	jsonPosition struct {
		Line   int `json:"line"`
		Column int `json:"column"`
		Offset int `json:"offset"`
	}
	jsonRelated struct {
		Message string `json:"message"`
		// Path is the file of a place outside the manifest.
		Path    string    `json:"path,omitempty"`
		Pointer string    `json:"pointer"`
		Range   jsonRange `json:"range"`
	}
	jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	jsonEdit struct {
		Range   jsonRange `json:"range"`
		NewText string    `json:"newText"`
	}
)

type jsonFormatter struct{}

func (f jsonFormatter) Format(w io.Writer, results []runner.Result) error {
	return formatAll(f.stream(w), results)
}

func (jsonFormatter) stream(w io.Writer) Stream { return &jsonStream{w: w} }

// jsonStream writes the report's header before the first file, each file
// as it comes, and the end on Close.
type jsonStream struct {
	w       io.Writer
	files   jsonArray
	after   string
	started bool
}

func (s *jsonStream) start() error {
	if s.started {
		return nil
	}
	s.started = true
	before, after, err := splitAt(jsonReport{Version: JSONVersion, Files: []jsonFile{}}, "files")
	if err != nil {
		return err
	}
	s.after, s.files = after, jsonArray{w: s.w, depth: 1}
	_, err = io.WriteString(s.w, before)
	return err
}

func (s *jsonStream) Write(r runner.Result) error {
	if err := s.start(); err != nil {
		return err
	}
	return s.files.add(wireFile(r))
}

func (s *jsonStream) Close() error {
	if err := s.start(); err != nil {
		return err
	}
	_, err := io.WriteString(s.w, s.files.closing()+s.after)
	return err
}

// wireFile is one result as the JSON report writes it.
func wireFile(r runner.Result) jsonFile {
	f := jsonFile{Path: r.Path, Diagnostics: []jsonDiagnostic{}}
	if r.Err != nil {
		f.Error = r.Err.Error()
	}
	for _, d := range r.Diagnostics {
		jd := jsonDiagnostic{
			Rule:          d.Rule,
			Severity:      d.Severity,
			Chrome:        d.Chrome,
			Message:       d.Message,
			ChromeMessage: d.ChromeMessage,
			Pointer:       d.Pointer,
			Range:         wireRange(d.Range),
			Fixes:         []jsonFix{},
		}
		for _, rel := range d.Related {
			jr := jsonRelated{Message: rel.Message, Pointer: rel.Pointer, Range: wireRange(rel.Range)}
			if rel.Path != "" {
				jr.Path = relatedPath(r.Path, rel.Path)
			}
			jd.Related = append(jd.Related, jr)
		}
		for _, fix := range d.Fixes {
			jf := jsonFix{Message: fix.Message, Edits: []jsonEdit{}}
			for _, e := range fix.Edits {
				jf.Edits = append(jf.Edits, jsonEdit{
					Range:   wireRange(r.Doc.Range(manifest.Span{Start: e.Start, End: e.End})),
					NewText: e.New,
				})
			}
			jd.Fixes = append(jd.Fixes, jf)
		}
		f.Diagnostics = append(f.Diagnostics, jd)
	}
	return f
}

func wireRange(r manifest.Range) jsonRange {
	return jsonRange{
		Start: jsonPosition{Line: r.Start.Line, Column: r.Start.Column, Offset: r.Start.Offset},
		End:   jsonPosition{Line: r.End.Line, Column: r.End.Column, Offset: r.End.Offset},
	}
}
