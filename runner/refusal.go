package runner

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/crxlint/crxlint/config"
	"github.com/crxlint/crxlint/internal/confine"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// The IDs of the findings crxlint's reader makes about the extension's
// files, beside the rules' own. Like rule IDs they are stable.
const (
	LinkOutsideID = "link-outside-extension"
	LinkLoopID    = "link-loop"
	SpecialFileID = "special-file"
)

// ReaderFinding documents a finding of the reader, for --explain.
type ReaderFinding struct {
	ID, Title, Doc string
}

// ReaderFindings lists the reader's findings, sorted by ID.
var ReaderFindings = []ReaderFinding{
	{LinkLoopID, "A symbolic link in the extension loops", `A symbolic link in the extension's folder leads back to itself, or through more links
than crxlint follows. crxlint does not read it, and no browser can: remove the link or
point it at a file.`},
	{LinkOutsideID, "A symbolic link leaves the extension's folder", `crxlint reads an extension as untrusted input: in CI it may come from a stranger's pull
request, and git stores symbolic links. A link whose target lies outside the extension's
folder (after resolving every component, ".." and absolute targets included) is not
followed, so that no byte from outside the folder reaches crxlint's output: a
manifest.json linked to /proc/self/environ would otherwise print the CI's secrets.

The warning names the link, never its target. Replace the link with the file itself, or
build the extension folder with the files copied in. Links that stay inside the folder
are followed.`},
	{SpecialFileID, "A file of the extension is a FIFO, socket or device", `crxlint reads regular files only. A named pipe (FIFO), socket or device in the extension's
folder would block a reader forever or feed it without end, so crxlint does not open it
and says so. Remove it from the folder: an extension ships regular files.

In a .zip or .crx, a symbolic link entry is reported the same way: crxlint never
follows it nor reads its target. Replace the link with the file itself.`},
}

// withRefusals adds to r what the reader refused while the rules ran: a
// warning for each link or special file it did not follow, and an error
// naming each file it could not read or that broke a limit, which leaves
// the report incomplete and makes crxlint exit 3. The configuration turns
// the warnings off, re-ranks or ignores them as it does the rules'. Paths are shown as the
// manifest's is, relative to the working directory.
func (l *Linter) withRefusals(r Result, refusals []confine.Refusal) Result {
	dir := path.Dir(r.Path)
	var errs []error
	var found []lint.Diagnostic
	var named map[string]*manifest.Node
	for _, ref := range refusals {
		if ref.Incomplete() {
			errs = append(errs, fmt.Errorf("%s %s; crxlint's report on this extension is incomplete%s", path.Join(dir, ref.Path), ref.Describe(), raise[ref.Reason]))
			continue
		}
		if r.Doc == nil {
			continue
		}
		if named == nil {
			named = namedFiles(r.Doc.Root())
		}
		found = append(found, refusalDiagnostic(r.Doc, named[ref.Path], ref))
	}
	cfg := l.configFor(r)
	found = slices.DeleteFunc(found, func(d lint.Diagnostic) bool { return cfg.Level(d.Rule) == config.LevelOff })
	found = applyConfig(cfg, r.Path, found)
	r.Diagnostics = lint.Sort(append(r.Diagnostics, found...))
	if len(errs) > 0 {
		r.Err = errors.Join(append([]error{r.Err}, errs...)...)
	}
	return r
}

// raise says how to raise the limit a refusal broke.
var raise = map[confine.Reason]string{
	confine.TooLarge:  ": raise the limit with --max-file-size",
	confine.OverTotal: ": raise the limit with --max-total-size",
}

// refusalDiagnostic is the warning for a link or special file, on the
// manifest value that names the file if there is one (a script found by
// walking the folder has none), else on the manifest's opening brace.
func refusalDiagnostic(doc *manifest.Document, at *manifest.Node, ref confine.Refusal) lint.Diagnostic {
	id := SpecialFileID
	advice := "remove it from the folder"
	switch ref.Reason {
	case confine.LinkOutside:
		id, advice = LinkOutsideID, "replace the link with the file itself"
	case confine.LinkLoop:
		id, advice = LinkLoopID, "remove the link or point it at a file"
	case confine.NotRegular:
		if ref.Mode&fs.ModeSymlink != 0 { // a link entry of an archive, never followed
			advice = "replace the link with the file itself"
		}
	}
	d := lint.Diagnostic{
		Rule: id, Severity: lint.Warning, Chrome: lint.Accepts,
		Message: fmt.Sprintf("%q %s; crxlint did not read it: %s", ref.Path, ref.Describe(), advice),
		Range:   manifest.Range{Start: doc.Position(0), End: doc.Position(0)},
	}
	switch root := doc.Root(); {
	case at != nil:
		d.Pointer, d.Range = at.Pointer(), doc.Range(at.Span())
	case root != nil:
		s := root.Span()
		d.Range = doc.Range(manifest.Span{Start: s.Start, End: s.Start + 1})
	}
	return d
}

// namedFiles maps each path a string of the manifest names, as a file of
// the extension ("bg.js", "/icons/16.png"), to the first such string.
func namedFiles(root *manifest.Node) map[string]*manifest.Node {
	named := map[string]*manifest.Node{}
	stack := []*manifest.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if s, ok := n.Str(); ok {
			if name := strings.TrimPrefix(path.Clean("/"+s), "/"); named[name] == nil || named[name].Span().Start > n.Span().Start {
				named[name] = n
			}
		}
		for _, e := range n.Elems() {
			stack = append(stack, e)
		}
		for m := range n.Members() {
			stack = append(stack, m.Value)
		}
	}
	return named
}
