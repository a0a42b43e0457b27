package output

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/runner"
)

// sarif writes SARIF 2.1.0, the format GitHub code scanning and other
// static-analysis dashboards read. Columns are UTF-16 code units, as
// crxlint counts them, and each end column is one past the range.
type sarif struct {
	opts Options
}

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// fingerprintKey names crxlint's partial fingerprint; the suffix is
	// bumped only if the hashed fields change, since code scanning then
	// sees every finding as new.
	fingerprintKey = "crxlint/v1"
)

// The wire types: the parts of SARIF crxlint fills in.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations"`
		ColumnKind  string            `json:"columnKind"`
		Results     []sarifResult     `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID string `json:"id"`
		// DeprecatedIDs are the rule's former IDs, so that code scanning
		// matches the alerts of a renamed or split rule to its findings.
		DeprecatedIDs        []string           `json:"deprecatedIds,omitempty"`
		ShortDescription     sarifText          `json:"shortDescription"`
		FullDescription      sarifText          `json:"fullDescription"`
		Help                 *sarifHelp         `json:"help,omitempty"`
		HelpURI              string             `json:"helpUri,omitempty"`
		DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
		Properties           sarifRuleProps     `json:"properties"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifHelp struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	}
	sarifConfiguration struct {
		Level string `json:"level"`
	}
	sarifRuleProps struct {
		Tags   []string    `json:"tags,omitempty"`
		Chrome lint.Chrome `json:"chrome,omitempty"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool                `json:"executionSuccessful"`
		Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		Properties          sarifResultProps  `json:"properties"`
	}
	sarifResultProps struct {
		Chrome lint.Chrome `json:"chrome"`
		// ChromeMessage is Chrome's own words, apart from crxlint's.
		ChromeMessage string `json:"chromeMessage,omitempty"`
		Pointer       string `json:"pointer"`
	}
	sarifLocation struct {
		ID               *int                  `json:"id,omitempty"`
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
		Message          *sarifText            `json:"message,omitempty"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
)

// sarifLevel maps severities to SARIF levels.
var sarifLevel = map[lint.Severity]string{lint.Error: "error", lint.Warning: "warning", lint.Info: "note"}

func (s sarif) Format(w io.Writer, results []runner.Result) error {
	return formatAll(s.stream(w), results)
}

func (s sarif) stream(w io.Writer) Stream {
	st := &sarifStream{s: s, w: w, index: map[string]int{}}
	for _, r := range s.opts.Rules {
		st.addRule(r)
	}
	st.results = jsonArray{w: &st.spool, depth: 3}
	return st
}

// sarifStream writes the results as they come into a spool, since the
// log's header, which comes first, describes every rule with findings and
// every input that could not be read.
type sarifStream struct {
	s       sarif
	w       io.Writer
	rules   []sarifRule
	index   map[string]int
	notes   []sarifNotification
	spool   spool
	results jsonArray
}

// addRule describes a rule of Options.Rules.
func (st *sarifStream) addRule(r *lint.Rule) {
	st.index[r.ID] = len(st.rules)
	st.rules = append(st.rules, sarifRule{
		ID:                   r.ID,
		DeprecatedIDs:        r.Aliases,
		ShortDescription:     sarifText{r.Title},
		FullDescription:      sarifText{firstParagraph(r.Doc)},
		Help:                 &sarifHelp{Text: r.Doc, Markdown: r.Doc},
		HelpURI:              st.s.opts.helpURI(r.ID),
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel[r.Severity]},
		Properties:           sarifRuleProps{Tags: []string{string(r.Category)}, Chrome: r.Chrome},
	})
}

// ruleIndex returns the index of the rule of d, describing by its ID alone
// a rule that is not in Options.Rules.
func (st *sarifStream) ruleIndex(d lint.Diagnostic) int {
	if i, ok := st.index[d.Rule]; ok {
		return i
	}
	st.index[d.Rule] = len(st.rules)
	st.rules = append(st.rules, sarifRule{
		ID:                   d.Rule,
		ShortDescription:     sarifText{d.Rule},
		FullDescription:      sarifText{d.Rule},
		HelpURI:              st.s.opts.helpURI(d.Rule),
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel[d.Severity]},
	})
	return st.index[d.Rule]
}

func (st *sarifStream) Write(r runner.Result) error {
	for _, res := range st.wire(r) {
		if err := st.results.add(res); err != nil {
			return err
		}
	}
	return nil
}

// wire returns the SARIF results of r, and notes the rules they name and
// the error r carries.
func (st *sarifStream) wire(r runner.Result) []sarifResult {
	artifact := sarifArtifact{URI: artifactURI(r.Path)}
	if r.Err != nil {
		for _, d := range r.Diagnostics {
			st.ruleIndex(d)
		}
		st.notes = append(st.notes, sarifNotification{
			Level:     "error",
			Message:   sarifText{r.Err.Error()},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: artifact}}},
		})
		return nil
	}
	var out []sarifResult
	seen := map[string]int{}
	for _, d := range r.Diagnostics {
		res := sarifResult{
			RuleID:              d.Rule,
			RuleIndex:           st.ruleIndex(d),
			Level:               sarifLevel[d.Severity],
			Message:             sarifText{d.Message},
			Locations:           []sarifLocation{{PhysicalLocation: physical(artifact, d.Range)}},
			PartialFingerprints: map[string]string{fingerprintKey: fingerprint(r.Path, d, seen)},
			Properties:          sarifResultProps{Chrome: d.Chrome, ChromeMessage: d.ChromeMessage, Pointer: d.Pointer},
		}
		for i, rel := range d.Related {
			where := artifact
			if rel.Path != "" {
				where = sarifArtifact{URI: artifactURI(relatedPath(r.Path, rel.Path))}
			}
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID:               &i,
				PhysicalLocation: physical(where, rel.Range),
				Message:          &sarifText{rel.Message},
			})
		}
		out = append(out, res)
	}
	return out
}

func (st *sarifStream) Close() error {
	run := sarifRun{
		Tool:        sarifTool{Driver: sarifDriver{Name: "crxlint", InformationURI: "https://github.com/crxlint/crxlint", Rules: st.rules}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: len(st.notes) == 0, Notifications: st.notes}},
		ColumnKind:  "utf16CodeUnits",
		Results:     []sarifResult{},
	}
	before, after, err := splitAt(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}, "results")
	if err != nil {
		return errors.Join(err, st.spool.close(nil))
	}
	if _, err := io.WriteString(st.w, before); err != nil {
		return errors.Join(err, st.spool.close(nil))
	}
	if err := st.spool.copyTo(st.w); err != nil {
		return err
	}
	_, err = io.WriteString(st.w, st.results.closing()+after)
	return err
}

// firstParagraph returns a Markdown document's first paragraph on one line.
func firstParagraph(doc string) string {
	para, _, _ := strings.Cut(strings.TrimSpace(doc), "\n\n")
	return strings.Join(strings.Fields(para), " ")
}

func physical(artifact sarifArtifact, r manifest.Range) sarifPhysicalLocation {
	return sarifPhysicalLocation{
		ArtifactLocation: artifact,
		Region: &sarifRegion{
			StartLine: r.Start.Line, StartColumn: r.Start.Column,
			EndLine: r.End.Line, EndColumn: r.End.Column,
		},
	}
}

// artifactURI writes a slash-separated path as a URI reference: relative
// paths stay relative (code scanning resolves them against the repository
// root), absolute ones become file URIs.
func artifactURI(path string) string {
	if filepath.IsAbs(filepath.FromSlash(path)) {
		return (&url.URL{Scheme: "file", Path: path}).String()
	}
	return (&url.URL{Path: path}).String()
}

// fingerprint identifies a finding across commits: its file, rule and JSON
// pointer, which survive edits elsewhere in the manifest where line
// numbers and messages (which may quote lines) do not. seen counts the
// findings with the same identity so far in the file, to tell them apart.
func fingerprint(path string, d lint.Diagnostic, seen map[string]int) string {
	id := fmt.Sprintf("%s\x00%s\x00%s", path, d.Rule, d.Pointer)
	n := seen[id]
	seen[id]++
	sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d", id, n))
	return hex.EncodeToString(sum[:16])
}
