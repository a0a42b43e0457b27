package chrome

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const skipMsg = "chromium not found: install it with apt-get install -y --no-install-recommends chromium (or set CRXLINT_CHROME)"

// launch starts a browser for the test, or skips the test without one. The
// browser is closed, and checked to leave no process behind, when the test
// ends; its log is shown if the test failed.
func launch(tb testing.TB, opts Options) *Browser {
	tb.Helper()
	path, err := Find(os.Getenv)
	if err != nil {
		tb.Skip(skipMsg)
	}
	log := new(syncBuffer)
	tb.Cleanup(func() {
		if tb.Failed() {
			tb.Logf("browser log:\n%s", log)
		}
	})
	opts.Path = path
	opts.Stderr = log
	b, err := Launch(tb.Context(), opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := b.Close(); err != nil {
			tb.Error(err)
		}
		if left := liveProcesses(b.cmd.Process.Pid, b.marker()); len(left) != 0 {
			tb.Errorf("browser processes left after Close: %v", left)
		}
	})
	return b
}

// syncBuffer is a bytes.Buffer safe for concurrent use.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// extension writes an extension folder holding files (name to content)
// and returns its path.
func extension(tb testing.TB, files map[string]string) string {
	tb.Helper()
	dir := tb.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// manifest returns the files of an extension whose manifest is a valid MV3
// one plus the members in extra (JSON text, without braces).
func manifest(extra string) map[string]string {
	m := `{"manifest_version": 3, "name": "test", "version": "1.0"`
	if extra != "" {
		m += ", " + extra
	}
	return map[string]string{"manifest.json": m + "}\n"}
}

// with adds the file name, holding content, to files, and returns files.
func with(files map[string]string, name string, content []byte) map[string]string {
	files[name] = string(content)
	return files
}

// installed returns the ids of the unpacked extensions installed in b.
func installed(tb testing.TB, b *Browser) []string {
	tb.Helper()
	var all []extensionInfo
	if err := b.evaluate(tb.Context(), "chrome.developerPrivate.getExtensionsInfo({includeDisabled: true, includeTerminated: true})", &all); err != nil {
		tb.Fatal(err)
	}
	var ids []string
	for _, e := range all {
		if e.Location == "UNPACKED" {
			ids = append(ids, e.ID)
		}
	}
	return ids
}

func checkVerdict(tb testing.TB, got, want Verdict) {
	tb.Helper()
	if got.Loaded != want.Loaded || got.Error != want.Error || !slices.Equal(got.Warnings, want.Warnings) {
		tb.Errorf("verdict = %#v\nwant      %#v", got, want)
	}
}

func TestLoad(t *testing.T) {
	b := launch(t, Options{})
	t.Logf("Chromium %s", b.Version())
	for _, tc := range []struct {
		name        string
		files       map[string]string
		want        Verdict
		errorPrefix string // if set, want.Error is only a prefix of the error
	}{
		{
			name:  "valid MV3",
			files: with(manifest(`"description": "ok", "icons": {"16": "i.png"}`), "i.png", png1x1),
			want:  Verdict{Loaded: true},
		},
		{
			name:  "MV2",
			files: map[string]string{"manifest.json": `{"manifest_version": 2, "name": "test", "version": "1.0"}`},
			want:  Verdict{Error: "Cannot install extension because it uses an unsupported manifest version."},
		},
		{
			name:  "unknown key",
			files: manifest(`"foo": 1`),
			want:  Verdict{Loaded: true, Warnings: []string{"Unrecognized manifest key 'foo'."}},
		},
		{
			name:  "unknown permission",
			files: manifest(`"permissions": ["foo"]`),
			want:  Verdict{Loaded: true, Warnings: []string{"Permission 'foo' is unknown."}},
		},
		{
			name:  "warnings sorted and de-duplicated",
			files: manifest(`"zzz": 1, "permissions": ["foo", "foo", "bar"], "aaa": 2`),
			want: Verdict{Loaded: true, Warnings: []string{
				"Permission 'bar' is unknown.",
				"Permission 'foo' is unknown.",
				"Unrecognized manifest key 'aaa'.",
				"Unrecognized manifest key 'zzz'.",
			}},
		},
		{
			name:        "trailing comma",
			files:       map[string]string{"manifest.json": `{"manifest_version": 3, "name": "test", "version": "1.0",}`},
			errorPrefix: "Manifest is not valid JSON.",
		},
		{
			name:  "missing icon",
			files: manifest(`"icons": {"16": "nope.png"}`),
			want:  Verdict{Error: "Could not load icon 'nope.png' specified in 'icons'."},
		},
		{
			name:        "no manifest",
			files:       map[string]string{"README": "no manifest here"},
			errorPrefix: "Manifest file is missing or unreadable",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := b.Load(t.Context(), extension(t, tc.files))
			if err != nil {
				t.Fatal(err)
			}
			if tc.errorPrefix != "" {
				if v.Loaded || !strings.HasPrefix(v.Error, tc.errorPrefix) || len(v.Warnings) != 0 {
					t.Errorf("verdict = %#v, want not loaded with an error starting %q", v, tc.errorPrefix)
				}
				t.Logf("Chrome says: %s", v.Error)
				return
			}
			checkVerdict(t, v, tc.want)
		})
	}
	if ids := installed(t, b); len(ids) != 0 {
		t.Errorf("extensions still installed after the loads: %v", ids)
	}
}

// png1x1 is a 1×1 PNG image.
var png1x1 = must(base64.StdEncoding.DecodeString(
	"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="))

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestLoadMany checks that one browser judges each of many folders as if it
// were alone, even folders that share an extension id.
func TestLoadMany(t *testing.T) {
	b := launch(t, Options{})
	key := publicKey(t) // gives the extensions that carry it one id
	warned := Verdict{Loaded: true, Warnings: []string{"Permission 'foo' is unknown.", "Unrecognized manifest key 'foo'."}}
	steps := []struct {
		files map[string]string
		want  Verdict
	}{
		{manifest(`"foo": 1, "permissions": ["foo"]`), warned},
		{manifest(""), Verdict{Loaded: true}},
		{manifest(`"icons": {"16": "nope.png"}`), Verdict{Error: "Could not load icon 'nope.png' specified in 'icons'."}},
		{manifest(""), Verdict{Loaded: true}},
		{manifest(`"key": "` + key + `", "foo": 1, "permissions": ["foo"]`), warned},
		{manifest(`"key": "` + key + `"`), Verdict{Loaded: true}},
		{manifest(`"key": "` + key + `", "bar": 1`), Verdict{Loaded: true, Warnings: []string{"Unrecognized manifest key 'bar'."}}},
		{manifest(`"key": "` + key + `"`), Verdict{Loaded: true}},
	}
	for i, s := range steps {
		v, err := b.Load(t.Context(), extension(t, s.files))
		if err != nil {
			t.Fatalf("load %d: %v", i, err)
		}
		checkVerdict(t, v, s.want)
		if ids := installed(t, b); len(ids) != 0 {
			t.Errorf("load %d left extensions installed: %v", i, ids)
		}
	}

	// The same folder twice, in place: the same path gives the same id.
	dir := extension(t, manifest(`"foo": 1`))
	inPlace := launch(t, Options{InPlace: true})
	for range 2 {
		v, err := inPlace.Load(t.Context(), dir)
		if err != nil {
			t.Fatal(err)
		}
		checkVerdict(t, v, Verdict{Loaded: true, Warnings: []string{"Unrecognized manifest key 'foo'."}})
	}
}

// publicKey returns a fresh RSA public key as the "key" manifest member wants
// it: base64 of its DER SubjectPublicKeyInfo.
func publicKey(tb testing.TB) string {
	tb.Helper()
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		tb.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	if err != nil {
		tb.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(der)
}

// TestLoadRecovers checks that a Load cut short does not spoil the next one.
func TestLoadRecovers(t *testing.T) {
	b := launch(t, Options{})

	canceled, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := b.Load(canceled, extension(t, manifest(""))); !errors.Is(err, context.Canceled) {
		t.Errorf("Load with a canceled context: err = %v, want context.Canceled", err)
	}

	// Leave an extension installed, as a Load cut short after Chrome
	// installed the extension would.
	var r struct {
		ID string `json:"id"`
	}
	if err := b.conn.call(t.Context(), "", "Extensions.loadUnpacked", params{"path": extension(t, manifest(`"foo": 1`))}, &r); err != nil {
		t.Fatal(err)
	}
	b.dirty = true

	v, err := b.Load(t.Context(), extension(t, manifest("")))
	if err != nil {
		t.Fatal(err)
	}
	checkVerdict(t, v, Verdict{Loaded: true})
	if ids := installed(t, b); len(ids) != 0 {
		t.Errorf("extensions still installed: %v", ids)
	}
}

func TestLoadCopies(t *testing.T) {
	// Chrome indexes declarativeNetRequest rulesets into the folder it loads.
	files := manifest(`"permissions": ["declarativeNetRequest"], ` +
		`"declarative_net_request": {"rule_resources": [{"id": "r", "enabled": true, "path": "rules.json"}]}`)
	files["rules.json"] = `[{"id": 1, "priority": 1, "action": {"type": "block"}, "condition": {"urlFilter": "x"}}]`
	metadata := func(dir string) bool {
		_, err := os.Stat(filepath.Join(dir, "_metadata"))
		return err == nil
	}

	dir := extension(t, files)
	v, err := launch(t, Options{}).Load(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	checkVerdict(t, v, Verdict{Loaded: true})
	if metadata(dir) {
		t.Error("Load wrote into the folder it was given")
	}

	dir = extension(t, files)
	v, err = launch(t, Options{InPlace: true}).Load(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	checkVerdict(t, v, Verdict{Loaded: true})
	if !metadata(dir) {
		t.Log("InPlace: Chrome wrote no _metadata/ into the folder (it used to)")
	}
}

// TestClose checks that Close leaves no process and no file behind.
func TestClose(t *testing.T) {
	if _, err := Find(os.Getenv); err != nil {
		t.Skip(skipMsg)
	}
	b, err := Launch(t.Context(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	pgid := b.cmd.Process.Pid
	if _, err := b.Load(t.Context(), extension(t, manifest(""))); err != nil {
		t.Error(err)
	}
	all := liveProcesses(pgid, b.marker())
	t.Logf("browser processes: %d", len(all))
	if runtime.GOOS == "linux" && len(all) < 2 {
		t.Errorf("found %d browser processes before Close, want several", len(all))
	}

	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if left := liveProcesses(pgid, b.marker()); len(left) != 0 {
		t.Errorf("browser processes left after Close: %v", left)
	}
	if _, err := os.Stat(b.profile); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("profile %s left after Close: %v", b.profile, err)
	}
	if err := b.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := b.Load(t.Context(), extension(t, manifest(""))); !errors.Is(err, ErrClosed) {
		t.Errorf("Load after Close: err = %v, want ErrClosed", err)
	}
}

// TestCloseDuringLoad checks that Close ends a Load in progress.
func TestCloseDuringLoad(t *testing.T) {
	b := launch(t, Options{})
	dir := extension(t, manifest(`"foo": 1`))
	done := make(chan error, 1)
	go func() {
		_, err := b.Load(t.Context(), dir)
		done <- err
	}()
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		t.Logf("Load: %v", err) // it may have been quicker than Close
	case <-time.After(10 * time.Second):
		t.Fatal("Load still running 10s after Close")
	}
}

// liveProcesses returns the processes, zombies aside, that are in the process
// group pgid or have marker in their environment, as "PID STATE COMMAND",
// from /proc (none where there is no /proc).
func liveProcesses(pgid int, marker string) []string {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	var live []string
	for _, s := range stats {
		b, err := os.ReadFile(s)
		if err != nil {
			continue // gone
		}
		// "pid (comm) state ppid pgrp ...", where comm may hold anything.
		i := bytes.LastIndexByte(b, ')')
		f := strings.Fields(string(b[i+1:]))
		if len(f) < 3 || f[0] == "Z" {
			continue
		}
		dir := filepath.Dir(s)
		env, _ := os.ReadFile(filepath.Join(dir, "environ"))
		if f[2] == strconv.Itoa(pgid) || slices.Contains(strings.Split(string(env), "\x00"), marker) {
			live = append(live, filepath.Base(dir)+" "+f[0]+" "+string(b[bytes.IndexByte(b, '(')+1:i]))
		}
	}
	return live
}

// TestBrowserCrash checks that Load reports a dead browser, promptly.
func TestBrowserCrash(t *testing.T) {
	b := launch(t, Options{})
	if err := b.cmd.Process.Kill(); err != nil { // the browser, not its children
		t.Fatal(err)
	}
	start := time.Now()
	_, err := b.Load(t.Context(), extension(t, manifest("")))
	if err == nil || !strings.Contains(err.Error(), "browser exited") {
		t.Errorf("Load after a crash: err = %v, want one that says the browser exited", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Load took %v to notice", d)
	}
}

// fakeBrowser writes a shell script to stand in for the browser.
func fakeBrowser(tb testing.TB, script string) string {
	tb.Helper()
	if !supported || runtime.GOOS == "windows" {
		tb.Skip("needs a Unix system")
	}
	path := filepath.Join(tb.TempDir(), "fake-chrome")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
		tb.Fatal(err)
	}
	return path
}

func TestLaunchFails(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "pid")
	for _, tc := range []struct {
		name    string
		path    string
		timeout time.Duration
		want    string
	}{
		{"no such binary", filepath.Join(t.TempDir(), "nope"), 0, "no such file"},
		{"exits", fakeBrowser(t, "exit 3"), 0, "browser exited: exit status 3"},
		{"never answers", fakeBrowser(t, "echo $$ > "+pidFile+"; exec sleep 60"), 500 * time.Millisecond, "browser not ready after 500ms"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp) // where the profile goes
			start := time.Now()
			b, err := Launch(t.Context(), Options{Path: tc.path, Timeout: tc.timeout})
			if err == nil {
				b.Close()
				t.Fatal("Launch succeeded")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one that says %q", err, tc.want)
			}
			if d := time.Since(start); d > tc.timeout+10*time.Second {
				t.Errorf("Launch took %v to fail", d)
			}
			if left, _ := os.ReadDir(tmp); len(left) != 0 {
				t.Errorf("Launch left %v in $TMPDIR", left)
			}
		})
	}
	if b, err := os.ReadFile(pidFile); err == nil {
		pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
		if left := liveProcesses(pid, "-"); len(left) != 0 {
			t.Errorf("the fake browser still runs: %v", left)
		}
	}
}

// TestFind checks that Find reads $CRXLINT_CHROME and $PATH through the
// getenv it is given, never from the process's environment.
func TestFind(t *testing.T) {
	exe := fakeBrowser(t, "exit 0")
	t.Setenv(EnvPath, filepath.Join(t.TempDir(), "not-this-one"))
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}

	if got, err := Find(env(EnvPath, exe)); got != exe || err != nil {
		t.Errorf("Find with $%s set = %q, %v; want %q", EnvPath, got, err, exe)
	}
	if got, err := Find(env(EnvPath, filepath.Join(t.TempDir(), "nope"))); !errors.Is(err, ErrNotFound) {
		t.Errorf("Find with $%s naming nothing = %q, %v; want ErrNotFound", EnvPath, got, err)
	}

	// A candidate found in the $PATH that getenv gives, and a $CRXLINT_CHROME
	// naming a program in it.
	bin := t.TempDir()
	name := candidates[len(candidates)-1]
	if err := os.Symlink(exe, filepath.Join(bin, name)); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(bin, name)
	if _, err := os.Stat(candidates[0]); err == nil {
		want = candidates[0] // found before any $PATH lookup
	}
	if got, err := Find(env("PATH", bin)); got != want || err != nil {
		t.Errorf("Find with $PATH=%s = %q, %v; want %q", bin, got, err, want)
	}
	if got, err := Find(env(EnvPath, name, "PATH", bin)); got != filepath.Join(bin, name) || err != nil {
		t.Errorf("Find with $%s=%s in $PATH = %q, %v; want %q", EnvPath, name, got, err, filepath.Join(bin, name))
	}

	got, err := Find(env("PATH", t.TempDir()))
	if _, statErr := os.Stat(candidates[0]); statErr == nil {
		if got != candidates[0] || err != nil {
			t.Errorf("Find with an empty $PATH = %q, %v; want %q", got, err, candidates[0])
		}
	} else if !errors.Is(err, ErrNotFound) {
		t.Errorf("Find with an empty $PATH = %q, %v; want ErrNotFound", got, err)
	}
}

func BenchmarkLoad(b *testing.B) {
	browser := launch(b, Options{})
	dir := extension(b, manifest(`"foo": 1`))
	if _, err := browser.Load(b.Context(), dir); err != nil { // warm up
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := browser.Load(b.Context(), dir); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed())/float64(time.Millisecond)/float64(b.N), "ms/load")
}
