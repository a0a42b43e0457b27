// Package chrome asks a real Chrome or Chromium for its verdict on an
// unpacked extension: does it load, and if not why, and what does Chrome warn
// about.
//
// A [Browser] is one headless browser process with a throwaway profile,
// driven over the Chrome DevTools Protocol on a pipe (--remote-debugging-pipe:
// no network port is opened). [Browser.Load] installs a folder with the CDP
// command Extensions.loadUnpacked, which takes the code path of the "Load
// unpacked" button of chrome://extensions and so fails with the very message
// that button shows. The warnings are those chrome://extensions lists for the
// extension in developer mode, read with chrome.developerPrivate in a
// chrome://extensions tab. Load then uninstalls the extension, so that one
// browser can judge many folders, each as if it were alone.
//
// The pipe transport needs a Unix system; elsewhere [Launch] fails with
// [errors.ErrUnsupported].
package chrome

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/crxlint/crxlint/internal/confine"
)

// Verdict is Chrome's verdict on an unpacked extension.
type Verdict struct {
	// Loaded reports whether Chrome installed the extension.
	Loaded bool `json:"loaded"`
	// Skipped lists the files of the folder that Chrome was not given, each
	// with the reason: a link leaving the folder, a FIFO, a file past a
	// limit (see [Options].Limits). Chrome's verdict is on the rest.
	Skipped []string `json:"skipped,omitempty"`
	// Error is Chrome's reason for refusing the extension, worded exactly as
	// Chrome words it, e.g. "Manifest is not valid JSON.  trailing comma at
	// line 1 column 58"; empty when Loaded.
	Error string `json:"error,omitempty"`
	// Warnings are the warnings Chrome reports for a loaded extension, e.g.
	// "Unrecognized manifest key 'foo'.", sorted and without duplicates:
	// Chrome gives them in no fixed order.
	Warnings []string `json:"warnings,omitempty"`
}

// EnvPath is the environment variable that [Find] consults first.
const EnvPath = "CRXLINT_CHROME"

// ErrNotFound is returned by [Find] when it finds no Chrome or Chromium.
var ErrNotFound = errors.New("chrome: no Chrome or Chromium binary found")

// ErrClosed is returned by the methods of a [Browser] that has been closed.
var ErrClosed = errors.New("chrome: browser closed")

// candidates are the binaries Find tries after $CRXLINT_CHROME, in order.
// Names without a slash are looked up in $PATH.
var candidates = []string{
	// Debian's real binary. /usr/bin/chromium is a wrapper script that
	// adds flags of its own, --load-extension among them.
	"/usr/lib/chromium/chromium",
	"chromium",
	"chromium-browser",
	"google-chrome",
	"google-chrome-stable",
}

// Find locates a Chrome or Chromium binary, reading the environment
// through getenv (os.Getenv, or a test's own). It returns $CRXLINT_CHROME if
// that is set (an error wrapping [ErrNotFound] if it names no executable),
// else the first of /usr/lib/chromium/chromium and, in $PATH, chromium,
// chromium-browser, google-chrome and google-chrome-stable that exists, else
// [ErrNotFound].
func Find(getenv func(string) string) (string, error) {
	if p := getenv(EnvPath); p != "" {
		path, err := lookPath(p, getenv)
		if err != nil {
			return "", fmt.Errorf("%w: $%s: %w", ErrNotFound, EnvPath, err)
		}
		return path, nil
	}
	for _, c := range candidates {
		if path, err := lookPath(c, getenv); err == nil {
			return path, nil
		}
	}
	return "", ErrNotFound
}

// lookPath is exec.LookPath with the $PATH that getenv gives. Empty entries
// of $PATH, which mean the current folder, are not searched.
func lookPath(name string, getenv func(string) string) (string, error) {
	if strings.ContainsRune(name, filepath.Separator) || strings.ContainsRune(name, '/') {
		return exec.LookPath(name)
	}
	for _, dir := range filepath.SplitList(getenv("PATH")) {
		if dir == "" {
			continue
		}
		if path, err := exec.LookPath(filepath.Join(dir, name)); err == nil {
			return path, nil
		}
	}
	return "", &exec.Error{Name: name, Err: exec.ErrNotFound}
}

// DefaultTimeout is the timeout used when [Options].Timeout is zero.
const DefaultTimeout = 30 * time.Second

// Options configure [Launch].
type Options struct {
	// Path is the browser binary to run; empty means the one Find finds in
	// the process's environment.
	Path string
	// Timeout bounds the browser's start in Launch and each call of Load;
	// zero means DefaultTimeout.
	Timeout time.Duration
	// Stderr, if not nil, receives the browser's log output.
	Stderr io.Writer
	// InPlace makes Load install the folder it is given, rather than a
	// private copy of it. Chrome may write into a folder it loads (it
	// indexes declarativeNetRequest rulesets into _metadata/), so by
	// default it is given a copy; InPlace saves the copying where that does
	// not matter.
	InPlace bool
	// Limits bound the copy: a larger file is left out, as are files past
	// the total. Zero fields take crxlint's defaults.
	Limits confine.Limits
}

// flags are the browser's command-line flags, bar --user-data-dir.
var flags = []string{
	"--headless=new",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	// No network: no updates, no sync, no component downloads.
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	// Against hangs in a closed network or a container.
	"--no-default-browser-check",
	"--password-store=basic",
	"--disable-dev-shm-usage",
	"--disable-default-apps",
	"--mute-audio",
	// CDP on fds 3 and 4; Extensions.loadUnpacked is only offered with it
	// and the next flag.
	"--remote-debugging-pipe",
	"--enable-unsafe-extension-debugging",
}

// exitTimeout bounds the wait, in Close, for the browser's processes to die
// once killed.
const exitTimeout = 10 * time.Second

// A Browser is a headless Chrome or Chromium process, started by [Launch],
// with a fresh profile in a temporary folder. One Browser judges any number
// of extensions with [Browser.Load]; it must be closed with [Browser.Close].
// Its methods are safe for concurrent use, though Loads run one at a time.
type Browser struct {
	cmd     *exec.Cmd
	conn    *conn
	pipes   []*os.File    // this process's ends of the browser's pipes
	exited  chan struct{} // closed once the browser process has exited
	logged  chan struct{} // closed once the browser's log is copied, if copied
	profile string        // the --user-data-dir, symlinks resolved
	timeout time.Duration
	inPlace bool
	version string
	session string // CDP session of the chrome://extensions tab

	limits confine.Limits // bound the copies Load makes
	// unsandboxed says why the browser runs without its sandbox, or "".
	unsandboxed string

	mu    sync.Mutex // held by Load
	loads int        // Loads so far; names the folders of private copies
	dirty bool       // an extension may be left installed by an earlier Load

	closeOnce sync.Once
	closeErr  error
}

// Launch starts a headless browser and readies it to load extensions. The
// browser runs until [Browser.Close], whatever becomes of ctx; ctx and
// opts.Timeout only bound its start.
func Launch(ctx context.Context, opts Options) (_ *Browser, err error) {
	if !supported {
		return nil, fmt.Errorf("chrome: launching a browser: %w on %s", errors.ErrUnsupported, runtime.GOOS)
	}
	path := opts.Path
	if path == "" {
		if path, err = Find(os.Getenv); err != nil {
			return nil, err
		}
	}
	b := &Browser{
		timeout: cmp.Or(opts.Timeout, DefaultTimeout),
		inPlace: opts.InPlace,
		limits:  opts.Limits.OrDefault(),
	}
	defer func() {
		if err != nil {
			err = fmt.Errorf("chrome: launching %s: %w", path, err)
			if cerr := b.Close(); cerr != nil {
				err = errors.Join(err, cerr)
			}
		}
	}()
	if b.profile, err = newProfile(); err != nil {
		return nil, err
	}
	if err := b.start(path, opts.Stderr); err != nil {
		return nil, err
	}

	ctx, cancel := context.WithTimeoutCause(ctx, b.timeout,
		fmt.Errorf("browser not ready after %v", b.timeout))
	defer cancel()
	var v struct {
		Product string `json:"product"` // e.g. "HeadlessChrome/156.0.8078.79"
	}
	if err := b.conn.call(ctx, "", "Browser.getVersion", nil, &v); err != nil {
		return nil, err
	}
	_, b.version, _ = strings.Cut(v.Product, "/")
	if err := b.openExtensionsPage(ctx); err != nil {
		return nil, err
	}
	return b, nil
}

// newProfile creates a browser profile in a new temporary folder and returns
// the folder's path, symlinks resolved so that the paths Chrome reports
// start with it.
func newProfile() (string, error) {
	dir, err := os.MkdirTemp("", "crxlint-chrome-")
	if err != nil {
		return "", fmt.Errorf("creating profile: %w", err)
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	// Developer mode turns on Chrome's ErrorConsole, without which install
	// warnings never reach chrome://extensions.
	const prefs = `{"extensions":{"ui":{"developer_mode":true}}}`
	if err := os.Mkdir(filepath.Join(dir, "Default"), 0o700); err != nil {
		return dir, fmt.Errorf("creating profile: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "Default", "Preferences"), []byte(prefs), 0o600); err != nil {
		return dir, fmt.Errorf("creating profile: %w", err)
	}
	return dir, nil
}

// start runs the browser binary at path and connects to it.
func (b *Browser) start(path string, stderr io.Writer) error {
	// The browser's ends of the pipes, which it has its own copies of once
	// started; ours would keep the pipes open.
	var theirs []*os.File
	defer func() {
		for _, f := range theirs {
			_ = f.Close() // the child holds its own copies
		}
	}()
	pipe := func() (r, w *os.File, err error) {
		if r, w, err = os.Pipe(); err != nil {
			return nil, nil, fmt.Errorf("creating a pipe: %w", err)
		}
		return r, w, nil
	}
	toChromeR, toChromeW, err := pipe()
	if err != nil {
		return err
	}
	theirs = append(theirs, toChromeR)
	b.pipes = append(b.pipes, toChromeW)
	fromChromeR, fromChromeW, err := pipe()
	if err != nil {
		return err
	}
	theirs = append(theirs, fromChromeW)
	b.pipes = append(b.pipes, fromChromeR)

	args := slices.Clone(flags)
	if b.unsandboxed = sandboxProblem(path); b.unsandboxed != "" {
		args = append(args, "--no-sandbox")
	}
	args = append(args, "--user-data-dir="+b.profile, "about:blank")
	cmd := exec.Command(path, args...)                  //nolint:gosec // running the Chrome the user chose is the point
	cmd.ExtraFiles = []*os.File{toChromeR, fromChromeW} // fds 3 and 4
	cmd.Env = append(os.Environ(), b.marker())
	cmd.SysProcAttr = sysProcAttr()
	if stderr != nil {
		// A pipe of our own, not one of os/exec, whose Wait would wait for
		// every process holding the pipe, not just for the browser.
		logR, logW, err := pipe()
		if err != nil {
			return err
		}
		theirs = append(theirs, logW)
		b.pipes = append(b.pipes, logR)
		cmd.Stderr = logW
		b.logged = make(chan struct{})
		go func() {
			defer close(b.logged)
			_, _ = io.Copy(stderr, logR) // the browser's log is best effort
		}()
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	b.cmd = cmd
	b.exited = make(chan struct{})
	b.conn = newConn(browserPipe{fromChromeR, b.exited}, browserPipe{toChromeW, b.exited})
	go func() {
		err := cmd.Wait()
		if err == nil {
			err = errors.New("exit status 0")
		}
		b.conn.fail(fmt.Errorf("browser exited: %w", err))
		close(b.exited)
	}()
	return nil
}

// markerEnv names the environment variable, set to the profile's path, that
// marks the browser's processes. Most of them, but not all, are in the
// browser's process group; Chrome's crash handlers leave it, but keep their
// environment.
const markerEnv = "CRXLINT_CHROME_PROFILE"

// marker returns the NAME=VALUE environment entry that marks b's processes.
func (b *Browser) marker() string { return markerEnv + "=" + b.profile }

// browserPipe is this process's end of a CDP pipe. When the pipe breaks, it
// waits a moment for the browser to exit, so that a conn that dies with the
// browser tells of the browser's exit status rather than of a broken pipe.
type browserPipe struct {
	f      *os.File
	exited <-chan struct{}
}

func (p browserPipe) Read(b []byte) (int, error) {
	n, err := p.f.Read(b)
	if err != nil {
		p.awaitExit()
	}
	return n, err
}

func (p browserPipe) Write(b []byte) (int, error) {
	n, err := p.f.Write(b)
	if err != nil {
		p.awaitExit()
	}
	return n, err
}

func (p browserPipe) awaitExit() {
	select {
	case <-p.exited:
	case <-time.After(time.Second):
	}
}

// openExtensionsPage opens chrome://extensions in a tab, attaches to it and
// waits until it offers chrome.developerPrivate.
func (b *Browser) openExtensionsPage(ctx context.Context) error {
	var target struct {
		TargetID string `json:"targetId"`
	}
	if err := b.conn.call(ctx, "", "Target.createTarget", params{"url": "chrome://extensions/"}, &target); err != nil {
		return err
	}
	var attached struct {
		SessionID string `json:"sessionId"`
	}
	if err := b.conn.call(ctx, "", "Target.attachToTarget", params{"targetId": target.TargetID, "flatten": true}, &attached); err != nil {
		return err
	}
	b.session = attached.SessionID

	const ready = `location.href.startsWith("chrome://extensions") && ` +
		`!!(window.chrome && chrome.developerPrivate && chrome.developerPrivate.getExtensionInfo)`
	tick := time.NewTicker(25 * time.Millisecond)
	defer tick.Stop()
	for {
		var r struct {
			Result struct {
				Value bool `json:"value"`
			} `json:"result"`
		}
		err := b.conn.call(ctx, b.session, "Runtime.evaluate", params{"expression": ready, "returnByValue": true}, &r)
		switch {
		case err == nil && r.Result.Value:
			return nil
		case err == nil:
			err = errors.New("not yet")
		case b.conn.Err() != nil || ctx.Err() != nil:
			return err
		}
		// The page is not there yet, or a navigation destroyed the context
		// the expression ran in: try again.
		select {
		case <-tick.C:
		case <-ctx.Done():
			return fmt.Errorf("waiting for chrome://extensions to offer chrome.developerPrivate: %w (last try: %w)", context.Cause(ctx), err)
		}
	}
}

// Version returns the browser's version, e.g. "156.0.8078.79".
func (b *Browser) Version() string { return b.version }

// Unsandboxed says why the browser runs without Chromium's sandbox (as
// root, or where the system allows no user namespaces), or "" when it runs
// with it. Without the sandbox, an extension's code runs with the rights
// of the user who runs crxlint.
func (b *Browser) Unsandboxed() string { return b.unsandboxed }

// Load asks the browser for its verdict on the unpacked extension in the
// folder dir, then uninstalls the extension again. It returns an error only
// when it could not get a verdict (the browser crashed, hung past the
// timeout, ctx ended, or the Browser was closed); an extension that Chrome
// refuses gives a Verdict with Loaded false, not an error. After an error
// the Browser may be unusable: Close it and launch another.
//
// Paths in Chrome's messages name dir, made absolute, even when Chrome was
// given a copy of it (see [Options].InPlace).
func (b *Browser) Load(ctx context.Context, dir string) (Verdict, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	ctx, cancel := context.WithTimeoutCause(ctx, b.timeout,
		fmt.Errorf("no verdict after %v", b.timeout))
	defer cancel()
	v, err := b.load(ctx, dir)
	if err != nil {
		return Verdict{}, fmt.Errorf("chrome: loading %s: %w", dir, err)
	}
	return v, nil
}

func (b *Browser) load(ctx context.Context, dir string) (Verdict, error) {
	if err := b.conn.Err(); err != nil {
		return Verdict{}, err
	}
	if b.dirty {
		if err := b.uninstallAll(ctx); err != nil {
			return Verdict{}, fmt.Errorf("removing extensions left by an earlier load: %w", err)
		}
		b.dirty = false
	}

	abs, err := filepath.Abs(dir)
	if err != nil {
		return Verdict{}, err
	}
	loadPath := abs
	var skipped []string
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() && !b.inPlace {
		b.loads++
		scratch := filepath.Join(b.profile, "load", strconv.Itoa(b.loads))
		defer os.RemoveAll(scratch)
		loadPath = filepath.Join(scratch, safeName(filepath.Base(abs)))
		if skipped, err = copyExtension(ctx, loadPath, abs, b.limits); err != nil {
			return Verdict{}, fmt.Errorf("copying the extension: %w", err)
		}
	} else if real, err := filepath.EvalSymlinks(abs); err == nil {
		// Loaded in place, as is anything but a folder, for Chrome to judge.
		// Chrome is given the real path; unmap maps it back in its messages.
		loadPath = real
	}
	unmap := func(msg string) string {
		if loadPath == abs {
			return msg
		}
		return strings.ReplaceAll(msg, loadPath, abs)
	}

	b.dirty = true // until proven otherwise
	var installed struct {
		ID string `json:"id"`
	}
	err = b.conn.call(ctx, "", "Extensions.loadUnpacked", params{"path": loadPath}, &installed)
	if cerr, ok := errors.AsType[*cdpError](err); ok && !unavailable(cerr) {
		b.dirty = false
		return Verdict{Error: unmap(cerr.Message), Skipped: skipped}, nil
	}
	if err != nil {
		return Verdict{}, err
	}

	info, err := b.extensionInfo(ctx, installed.ID)
	// Should uninstalling fail, the next Load tries again, and fails if it
	// must: a verdict in hand is good.
	if b.uninstall(ctx, installed.ID) == nil {
		b.dirty = false
	}
	if err != nil {
		return Verdict{}, err
	}
	warnings := info.warnings()
	for i, w := range warnings {
		warnings[i] = unmap(w)
	}
	slices.Sort(warnings)
	return Verdict{Loaded: true, Warnings: slices.Compact(warnings), Skipped: skipped}, nil
}

// unavailable reports whether Chrome's refusal of Extensions.loadUnpacked
// says that the command is unavailable, which is no verdict on the
// extension: the browser is too old or misses a flag.
func unavailable(err *cdpError) bool {
	const methodNotFound = -32601
	msg := strings.TrimSuffix(err.Message, ".")
	return err.Code == methodNotFound ||
		strings.EqualFold(msg, "Method not available") || strings.EqualFold(msg, "Not allowed")
}

// extensionInfo is what chrome.developerPrivate tells of an extension.
type extensionInfo struct {
	ID       string `json:"id"`
	Location string `json:"location"` // "UNPACKED" for ours
	// ManifestErrors are the install warnings, as the ErrorConsole records
	// them in developer mode.
	ManifestErrors []struct {
		Message string `json:"message"`
	} `json:"manifestErrors"`
	// InstallWarnings are the install warnings outside developer mode; in
	// developer mode they move to ManifestErrors.
	InstallWarnings []string `json:"installWarnings"`
}

// warnings returns the extension's install warnings, in Chrome's order.
func (info *extensionInfo) warnings() []string {
	if len(info.ManifestErrors) == 0 {
		return slices.Clone(info.InstallWarnings)
	}
	w := make([]string, len(info.ManifestErrors))
	for i, e := range info.ManifestErrors {
		w[i] = e.Message
	}
	return w
}

func (b *Browser) extensionInfo(ctx context.Context, id string) (*extensionInfo, error) {
	var info extensionInfo
	if err := b.evaluate(ctx, "chrome.developerPrivate.getExtensionInfo("+jsString(id)+")", &info); err != nil {
		return nil, err
	}
	return &info, nil
}

func (b *Browser) uninstall(ctx context.Context, id string) error {
	// Chrome never deletes an unpacked extension's folder.
	return b.conn.call(ctx, "", "Extensions.uninstall", params{"id": id}, nil)
}

// uninstallAll uninstalls every unpacked extension.
func (b *Browser) uninstallAll(ctx context.Context) error {
	var all []extensionInfo
	err := b.evaluate(ctx, "chrome.developerPrivate.getExtensionsInfo({includeDisabled: true, includeTerminated: true})", &all)
	if err != nil {
		return err
	}
	for _, e := range all {
		if e.Location != "UNPACKED" {
			continue
		}
		if err := b.uninstall(ctx, e.ID); err != nil {
			return err
		}
	}
	return nil
}

// evaluate evaluates the JavaScript expression expr, which may give a
// promise, in the chrome://extensions tab, and decodes its value, as JSON,
// into out.
func (b *Browser) evaluate(ctx context.Context, expr string, out any) error {
	var r struct {
		Result struct {
			Value string `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception *struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	err := b.conn.call(ctx, b.session, "Runtime.evaluate", params{
		"expression":    "(async () => JSON.stringify(await " + expr + "))()",
		"awaitPromise":  true,
		"returnByValue": true,
	}, &r)
	if err != nil {
		return err
	}
	if d := r.ExceptionDetails; d != nil {
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg, _, _ = strings.Cut(d.Exception.Description, "\n") // drop the stack
		}
		return fmt.Errorf("%s: %s", expr, msg)
	}
	if err := json.Unmarshal([]byte(r.Result.Value), out); err != nil {
		return fmt.Errorf("%s: decoding value: %w", expr, err)
	}
	return nil
}

// jsString returns s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s) // cannot fail for a string
	return string(b)
}

// safeName returns name with every byte outside [A-Za-z0-9._-] replaced by
// '_', or "ext" for an empty name.
func safeName(name string) string {
	name = strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9', r == '.', r == '_', r == '-':
			return r
		}
		return '_'
	}, name)
	if name == "" || name == "." || name == ".." {
		return "ext"
	}
	return name
}

// Close kills the browser and every process it started, and removes its
// profile. It is safe to call more than once, and while a Load runs (which
// then fails with [ErrClosed]). A program that may be interrupted should
// arrange for Close to run then too; on Linux the browser dies with the
// program regardless, though its profile folder stays.
func (b *Browser) Close() error {
	b.closeOnce.Do(func() { b.closeErr = b.close() })
	return b.closeErr
}

func (b *Browser) close() error {
	var errs []error
	if b.conn != nil {
		b.conn.fail(ErrClosed)
	}
	if b.cmd != nil {
		pgid := b.cmd.Process.Pid // the browser leads its process group
		if err := killGroup(pgid); err != nil {
			errs = append(errs, fmt.Errorf("killing the browser: %w", err))
		}
		if err := b.reap(pgid); err != nil {
			errs = append(errs, err)
		}
	}
	if b.logged != nil {
		// Every process that could write to the log is dead: what is left
		// of it is in the pipe.
		select {
		case <-b.logged:
		case <-time.After(time.Second):
		}
	}
	for _, f := range b.pipes {
		_ = f.Close() // shutting down: the browser is killed next
	}
	if b.profile != "" {
		if err := os.RemoveAll(b.profile); err != nil {
			errs = append(errs, fmt.Errorf("removing the profile: %w", err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("chrome: closing the browser: %w", err)
	}
	return nil
}

// reap waits for the killed browser to exit, and for the rest of its
// processes (its process group, pgid, and those with its marker) to follow.
func (b *Browser) reap(pgid int) error {
	deadline := time.After(exitTimeout)
	for {
		left := killStragglers(pgid, b.marker())
		if len(left) == 0 {
			break
		}
		select {
		case <-deadline:
			return fmt.Errorf("processes of the browser (pid %d) still running %v after SIGKILL: %s",
				pgid, exitTimeout, strings.Join(left, ", "))
		case <-time.After(5 * time.Millisecond):
		}
	}
	select {
	case <-b.exited:
		return nil
	case <-deadline:
		return fmt.Errorf("browser (pid %d) not reaped %v after SIGKILL", pgid, exitTimeout)
	}
}
