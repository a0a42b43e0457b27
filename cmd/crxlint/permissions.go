package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/crxlint/crxlint/internal/confine"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/permwarn"
	"github.com/crxlint/crxlint/runner"
)

const permissionsUsage = `Usage: crxlint permissions [--format text|json] PATH...

Prints the permission warnings Chrome's install prompt shows for each
extension, in Chrome's words and order, and apart from them the warnings of
its optional permissions, which it may ask for later. PATH is a
manifest.json, an extension folder (its manifest.json is read), a .zip or
.crx (the manifest.json at its root is read), or - for standard input. (Name a folder called "permissions" as ./permissions.) It
does not check that Chrome accepts the manifest: run crxlint PATH for that.

Flags:
`

// permissionsReport is the JSON output of crxlint permissions.
type permissionsReport struct {
	Version int               `json:"version"`
	Files   []permissionsFile `json:"files"`
}

// permissionsFile is one manifest's warnings, or why it has none.
type permissionsFile struct {
	Path     string   `json:"path"`
	Warnings []string `json:"warnings"`
	Optional []string `json:"optional"`
	Error    string   `json:"error,omitempty"`
}

// runPermissions is the permissions subcommand. It exits 1 when a manifest
// does not parse and 3 when one cannot be read.
func runPermissions(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("crxlint permissions", flag.ContinueOnError)
	flags.SetOutput(stderr)
	format := flags.String("format", "text", "output `format`: text or json")
	flags.Usage = func() {
		fmt.Fprint(stderr, permissionsUsage)
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "crxlint permissions: --format: %q is not text or json\n", *format)
		return exitUsage
	}
	if flags.NArg() == 0 {
		fmt.Fprintf(stderr, "crxlint permissions: no PATH given: name a manifest.json, an extension folder, or - for standard input\n")
		return exitUsage
	}
	if count(flags.Args(), "-") > 1 {
		fmt.Fprintf(stderr, "crxlint permissions: - (standard input) can be given only once\n")
		return exitUsage
	}

	report := permissionsReport{Version: 1}
	code := exitClean
	for _, p := range flags.Args() {
		f, fileCode := permissionsOf(ctx, p, stdin)
		report.Files = append(report.Files, f)
		code = max(code, fileCode)
	}
	var err error
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(report)
	} else {
		err = writePermissionsText(stdout, stderr, report.Files)
	}
	if err != nil {
		fmt.Fprintf(stderr, "crxlint permissions: writing the report: %v\n", err)
		return exitIO
	}
	return code
}

// permissionsOf reads the manifest a path names and returns its warnings
// with the exit code its reading deserves.
func permissionsOf(ctx context.Context, path string, stdin io.Reader) (permissionsFile, int) {
	f := permissionsFile{Path: filepath.ToSlash(path), Warnings: []string{}, Optional: []string{}}
	var src []byte
	var err error
	if path == "-" {
		f.Path = "<stdin>"
		src, err = runner.ReadLimited(stdin)
	} else {
		f.Path, src, err = readManifestAt(ctx, path)
	}
	if err != nil {
		f.Error = withoutPath(err).Error()
		return f, exitIO
	}
	doc, err := manifest.Parse(src)
	if err != nil {
		pos := doc.Position(doc.Err().Span.Start)
		f.Error = fmt.Sprintf("%d:%d: %v", pos.Line, pos.Column, err)
		return f, exitFindings
	}
	w := permwarn.For(doc.Root())
	f.Warnings = append(f.Warnings, w.Required...)
	f.Optional = append(f.Optional, w.Optional...)
	return f, exitClean
}

// readManifestAt reads a manifest file, or the manifest.json of a folder,
// through a confined reader over its folder: a link out of the folder, a
// FIFO or a device, and an oversized file are refused before a byte is
// read. It returns the path it read, slash-separated.
func readManifestAt(ctx context.Context, path string) (string, []byte, error) {
	if isArchive(path) {
		return runner.ReadArchivedManifest(ctx, path, confine.DefaultLimits)
	}
	dir, name, display := filepath.Dir(path), filepath.Base(path), filepath.ToSlash(path)
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		dir, name = path, runner.ManifestName
		display = filepath.ToSlash(filepath.Join(path, name))
	}
	fsys, err := confine.Open(ctx, dir, confine.DefaultLimits)
	if err != nil {
		return display, nil, err
	}
	defer fsys.Close()
	src, err := fsys.ReadFile(name)
	if refusals := fsys.Refusals(); err != nil && len(refusals) > 0 {
		err = errors.New(refusals[0].Describe())
	}
	return display, src, err
}

// withoutPath drops the *fs.PathError wrapper, whose text repeats the path
// the report already names.
func withoutPath(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	return err
}

// writePermissionsText writes each manifest's warnings under its path, then
// the optional ones under "may ask for:"; a manifest that could not be read
// goes to stderr.
func writePermissionsText(stdout, stderr io.Writer, files []permissionsFile) error {
	var b strings.Builder
	for _, f := range files {
		switch {
		case f.Error != "":
			fmt.Fprintf(stderr, "crxlint permissions: %s: %s\n", f.Path, f.Error)
			continue
		case len(f.Warnings) == 0:
			fmt.Fprintf(&b, "%s: no warnings\n", f.Path)
		default:
			fmt.Fprintf(&b, "%s:\n", f.Path)
		}
		for _, s := range f.Warnings {
			fmt.Fprintf(&b, "  %s\n", s)
		}
		if len(f.Optional) > 0 {
			b.WriteString("  may ask for:\n")
			for _, s := range f.Optional {
				fmt.Fprintf(&b, "    %s\n", s)
			}
		}
	}
	_, err := io.WriteString(stdout, b.String())
	return err
}
