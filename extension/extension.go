// Package extension finds an extension's JavaScript and where each script
// runs: the service worker, content scripts, extension pages, sandboxed
// pages. It follows what Chrome loads: the manifest's service worker and
// content scripts (and manifest version 2's background scripts), the
// <script src> of every HTML page, and the modules and importScripts each
// script pulls in. Every other .js file of the extension is scanned too,
// with no known context, so that a question such as "is this API used
// anywhere" sees all the code; Sources.Unread lists the scripts the
// extension loads that are not there. File says which file Chrome reads
// for a URL written in the extension.
package extension

import (
	"bytes"
	"context"
	"io/fs"
	"path"
	"slices"
	"strings"

	"golang.org/x/net/html"

	"github.com/crxlint/crxlint/internal/confine"
	"github.com/crxlint/crxlint/jsscan"
	"github.com/crxlint/crxlint/manifest"
)

// Context is a set of places a script runs in.
type Context uint8

// The contexts. A script can run in several: a library shared by the popup
// and the service worker, say.
const (
	ServiceWorker Context = 1 << iota // background.service_worker and what it imports
	ContentScript                     // content_scripts and what they import
	Page                              // an extension page: popup, options, side panel, DevTools, a tab
	Sandboxed                         // a sandboxed page, which has no extension APIs
)

// Privileged reports whether the context gives the script Chrome's
// extension APIs beyond the few content scripts have.
func (c Context) Privileged() bool { return c&(ServiceWorker|Page) != 0 }

// maxFiles bounds the scripts Load reads, for an extension folder that
// holds a whole repository.
const maxFiles = 5000

// Script is one JavaScript file of the extension.
type Script struct {
	Path     string // slash-separated, relative to the extension's root
	Contexts Context
	// ContentScripts are the content_scripts entries that load the file,
	// directly or through its imports.
	ContentScripts []*manifest.Node
	Scan           jsscan.Result
}

// Sources is the extension's code.
type Sources struct {
	Scripts []*Script // sorted by path
	// Unread are the scripts the extension loads that are not in it, or
	// could not be read, in the order they were found.
	Unread []Unread
	byPath map[string]*Script
}

// Unread is a script the extension loads that Load could not read.
type Unread struct {
	Path string // slash-separated, relative to the extension's root
	// By is the page or script that loads it, or "" for the manifest.
	By string
}

// Script returns the script at a path, or nil.
func (s *Sources) Script(p string) *Script { return s.byPath[p] }

// Load reads the code of the extension whose manifest is root, whose files
// are files and which list lists. When files has a Context method (as the
// runner's confined folders and archives do), the scans stop when that
// context is done.
func Load(root *manifest.Node, files fs.FS, list *Files) *Sources {
	ctx := context.Background()
	if c, ok := files.(interface{ Context() context.Context }); ok {
		ctx = c.Context()
	}
	l := &loader{
		ctx: ctx, files: files, list: list, src: &Sources{byPath: map[string]*Script{}},
		loads: map[scriptLoad]bool{}, unread: map[string]bool{}, resolved: map[string][]string{}, scans: map[confine.FileID]jsscan.Result{},
	}
	if sw, ok := root.Get("background").Get("service_worker").Str(); ok {
		l.add(resolve("", sw), "", ServiceWorker, nil)
	}
	if v, _ := root.Get("manifest_version").Int(); v == 2 { // manifest version 3 ignores background.scripts
		for _, n := range root.Get("background").Get("scripts").Elems() {
			if p, ok := n.Str(); ok {
				l.add(resolve("", p), "", Page, nil) // they make the background page
			}
		}
	}
	for _, cs := range root.Get("content_scripts").Elems() {
		for _, js := range cs.Get("js").Elems() {
			if p, ok := js.Str(); ok {
				l.add(resolve("", p), "", ContentScript, cs)
			}
		}
	}
	sandboxed := map[string]bool{}
	for _, n := range root.Get("sandbox").Get("pages").Elems() {
		if p, ok := n.Str(); ok {
			sandboxed[resolve("", p)] = true
		}
	}
	for _, page := range l.htmlFiles() {
		ctx := Page
		if sandboxed[page] {
			ctx = Sandboxed
		}
		for _, src := range l.pageScripts(page) {
			l.add(src, page, ctx, nil)
		}
	}
	for _, p := range l.jsFiles() {
		l.add(p, "", 0, nil)
	}
	slices.SortFunc(l.src.Scripts, func(a, b *Script) int { return strings.Compare(a.Path, b.Path) })
	return l.src
}

type loader struct {
	ctx   context.Context
	files fs.FS
	list  *Files
	src   *Sources
	// loads are the content_scripts entries known to load each script,
	// and unread the paths of scripts that could not be read: sets, so
	// that an extension of many entries and files stays linear.
	loads    map[scriptLoad]bool
	unread   map[string]bool
	resolved map[string][]string // the imports of each script, resolved
	// scans are the scans of the files read, by identity: a file reached
	// by several paths (links) is read and scanned once.
	scans map[confine.FileID]jsscan.Result
}

// scriptLoad is a script that a content_scripts entry loads.
type scriptLoad struct {
	path string
	cs   *manifest.Node
}

// add records that the script at p, loaded by the page or script by (""
// for the manifest), runs in ctx, loaded by the content script entry cs if
// any, and follows its imports.
func (l *loader) add(p, by string, ctx Context, cs *manifest.Node) {
	if p == "" || len(l.src.byPath) >= maxFiles {
		return
	}
	s, seen := l.src.byPath[p]
	if seen {
		newCtx := s.Contexts|ctx != s.Contexts
		newCS := cs != nil && !l.loads[scriptLoad{p, cs}]
		if !newCtx && !newCS {
			return
		}
		s.Contexts |= ctx
		if newCS {
			l.loads[scriptLoad{p, cs}] = true
			s.ContentScripts = append(s.ContentScripts, cs)
		}
	} else {
		scan, err := l.scan(p)
		if err != nil {
			if !l.unread[p] {
				l.unread[p] = true
				l.src.Unread = append(l.src.Unread, Unread{Path: p, By: by})
			}
			return
		}
		s = &Script{Path: p, Contexts: ctx, Scan: scan}
		if cs != nil {
			l.loads[scriptLoad{p, cs}] = true
			s.ContentScripts = []*manifest.Node{cs}
		}
		l.src.byPath[p] = s
		l.src.Scripts = append(l.src.Scripts, s)
	}
	for _, imp := range l.imports(s) {
		l.add(imp, p, ctx, cs)
	}
}

// scan reads and scans the script at p, once a file: another path to a
// file scanned already shares its scan.
func (l *loader) scan(p string) (jsscan.Result, error) {
	info, err := fs.Stat(l.files, p)
	if err != nil {
		return jsscan.Result{}, err
	}
	id, known := confine.IDOf(info)
	if scan, ok := l.scans[id]; known && ok {
		scan.Path = p
		return scan, nil
	}
	data, err := fs.ReadFile(l.files, p)
	if err != nil {
		return jsscan.Result{}, err
	}
	scan := jsscan.ScanContext(l.ctx, jsscan.File{Path: p, Src: data})
	if known {
		l.scans[id] = scan
	}
	return scan, nil
}

// imports returns the paths of the scripts s imports, resolved once: a
// script reached again through another content_scripts entry passes the
// entry on to the same imports.
func (l *loader) imports(s *Script) []string {
	if got, ok := l.resolved[s.Path]; ok {
		return got
	}
	var out []string
	for _, imp := range s.Scan.Imports {
		if imp.Literal {
			out = append(out, resolve(path.Dir(s.Path), imp.Spec))
		}
	}
	l.resolved[s.Path] = out
	return out
}

// resolve turns a path or URL written in dir into a path in the
// extension (see File), or "" for anything outside it (a remote URL, a
// bare module name).
func resolve(dir, ref string) string {
	name, _ := File(dir, ref)
	if dir != "" && !strings.Contains(ref, "/") && !strings.HasSuffix(name, ".js") && !strings.HasSuffix(name, ".mjs") {
		return "" // a bare module name such as "lodash"
	}
	return name
}

// htmlFiles lists the extension's HTML pages.
func (l *loader) htmlFiles() []string { return l.list.WithExt(".html", ".htm") }

// jsFiles lists the extension's JavaScript files.
func (l *loader) jsFiles() []string { return l.list.WithExt(".js", ".mjs") }

// pageScripts returns the scripts an HTML page loads with <script src>.
func (l *loader) pageScripts(page string) []string {
	data, err := fs.ReadFile(l.files, page)
	if err != nil {
		return nil
	}
	var out []string
	for _, src := range scriptSources(data) {
		if p := resolve(path.Dir(page), src); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// scriptSources returns the src attributes of the <script> tags of an HTML
// page, as a browser's tokenizer reads them: names in any case, values
// unquoted with their character references decoded, nothing inside a
// comment or a raw text element (a script's own text, a style, a
// <noscript>...). tdewolff's HTML lexer is not used here: it skips an
// <svg> to its matching end tag, which an unclosed <svg> never has.
func scriptSources(data []byte) []string {
	var out []string
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "script" || !hasAttr {
				continue
			}
			for {
				key, val, more := z.TagAttr()
				if string(key) == "src" {
					out = append(out, string(val))
				}
				if !more {
					break
				}
			}
		}
	}
}
