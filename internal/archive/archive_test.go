package archive

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crxlint/crxlint/internal/confine"
)

// entry describes one entry of a test archive.
type ent struct {
	name, data string
	mode       fs.FileMode // 0 for a regular file
	deflate    bool
}

// zipBytes builds a zip archive of the entries, in order.
func zipBytes(t testing.TB, entries ...ent) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Store}
		if e.deflate {
			h.Method = zip.Deflate
		}
		if e.mode != 0 {
			h.SetMode(e.mode)
		}
		f, err := w.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(f, e.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// save writes data to a file in a temporary folder and returns its path.
func save(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func openArchive(t *testing.T, p string, limits confine.Limits) *FS {
	t.Helper()
	a, err := Open(t.Context(), p, limits)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = a.Close() })
	return a
}

var sample = []ent{
	{name: "manifest.json", data: `{"name": "x"}`, deflate: true},
	{name: "js/"},
	{name: "js/bg.js", data: "console.log(1)"},
	{name: "_locales/en/messages.json", data: "{}"}, // its folders have no entries
}

func TestReadsAZip(t *testing.T) {
	a := openArchive(t, save(t, "ext.zip", zipBytes(t, sample...)), confine.DefaultLimits)
	if a.Format() != Zip {
		t.Errorf("Format() = %v, want zip", a.Format())
	}
	if got, err := fs.ReadFile(a, "manifest.json"); err != nil || string(got) != `{"name": "x"}` {
		t.Errorf("manifest.json: %q, %v", got, err)
	}
	if err := fstest.TestFS(a, "manifest.json", "js/bg.js", "_locales/en/messages.json"); err != nil {
		t.Fatal(err)
	}
}

// crx prefixes a zip with a CRX header of the version, whose sizes are
// given as little-endian uint32s and followed by that many bytes.
func crx(version uint32, zipData []byte, sizes ...uint32) []byte {
	out := []byte("Cr24")
	out = binary.LittleEndian.AppendUint32(out, version)
	total := 0
	for _, s := range sizes {
		out = binary.LittleEndian.AppendUint32(out, s)
		total += int(s)
	}
	out = append(out, bytes.Repeat([]byte{0x0a}, total)...) // a header signed by no one
	return append(out, zipData...)
}

func TestSkipsCRXHeaders(t *testing.T) {
	z := zipBytes(t, sample...)
	for _, tt := range []struct {
		data []byte
		want Format
	}{
		{crx(3, z, 40), CRX3},
		{crx(3, z, 0), CRX3},
		{crx(2, z, 294, 256), CRX2},
	} {
		a := openArchive(t, save(t, "ext.crx", tt.data), confine.DefaultLimits)
		if a.Format() != tt.want {
			t.Errorf("Format() = %v, want %v", a.Format(), tt.want)
		}
		if got, err := fs.ReadFile(a, "js/bg.js"); err != nil || string(got) != "console.log(1)" {
			t.Errorf("%v: js/bg.js: %q, %v", tt.want, got, err)
		}
	}
}

func TestBrokenCRXHeaders(t *testing.T) {
	z := zipBytes(t, sample...)
	for name, data := range map[string][]byte{
		"cut in the version":     []byte("Cr24\x03\x00"),
		"cut in the header size": []byte("Cr24\x03\x00\x00\x00\x10"),
		"cut in the CRX2 sizes":  []byte("Cr24\x02\x00\x00\x00\x10\x00\x00\x00"),
		"header past the end":    crx(3, nil, 40)[:30],
		"an unknown version":     crx(4, z, 0),
		"a huge CRX2 key":        crx(2, z, 1<<17, 0)[:16],
	} {
		_, err := Open(t.Context(), save(t, "ext.crx", data), confine.DefaultLimits)
		if !errors.Is(err, errCRXHeader) {
			t.Errorf("%s: err = %v, want a broken CRX header", name, err)
		}
	}
}

func TestRefusedArchives(t *testing.T) {
	many := make([]ent, MaxEntries+1)
	for i := range many {
		many[i] = ent{name: fmt.Sprintf("f%d", i)}
	}
	bomb := ent{name: "bomb.bin", data: strings.Repeat("\x00", 2<<20), deflate: true}
	for _, tt := range []struct {
		name    string
		data    []byte
		limits  confine.Limits
		wantErr error
		want    string
	}{
		{"not a zip", []byte(`{"manifest_version": 3}`), confine.DefaultLimits, ErrNotArchive, ""},
		{"an empty file", nil, confine.DefaultLimits, ErrNotArchive, ""},
		{"a .. entry", zipBytes(t, ent{name: "../evil.js"}), confine.DefaultLimits, ErrUnsafeEntry, `"../evil.js" leads out`},
		{"a .. inside", zipBytes(t, ent{name: "a/../../evil.js"}), confine.DefaultLimits, ErrUnsafeEntry, "leads out"},
		{"an absolute entry", zipBytes(t, ent{name: "/etc/cron.d/x"}), confine.DefaultLimits, ErrUnsafeEntry, "absolute name"},
		{"a backslash", zipBytes(t, ent{name: `..\evil.js`}), confine.DefaultLimits, ErrUnsafeEntry, "backslash"},
		{"a dot entry", zipBytes(t, ent{name: "a/./b"}), confine.DefaultLimits, ErrUnsafeEntry, "not a plain path"},
		{"two entries of one name", zipBytes(t, ent{name: "manifest.json"}, ent{name: "manifest.json"}), confine.DefaultLimits, ErrUnsafeEntry, "two entries"},
		{"a file and a folder", zipBytes(t, ent{name: "a"}, ent{name: "a/b"}), confine.DefaultLimits, ErrUnsafeEntry, "both a file and a folder"},
		{"too many entries", zipBytes(t, many...), confine.DefaultLimits, ErrLimit, fmt.Sprintf("%d entries", MaxEntries+1)},
		{"a zip bomb", zipBytes(t, bomb), confine.DefaultLimits, ErrLimit, "zip bomb"},
		{"over the total", zipBytes(t, ent{name: "a", data: "12345"}, ent{name: "b", data: "123456"}), confine.Limits{Total: 10}, ErrLimit, "limit of 10 bytes"},
		{"an archive larger than the total", zipBytes(t, ent{name: "a", data: strings.Repeat("x", 100)}), confine.Limits{Total: 100}, ErrLimit, "more than the limit of 100 bytes"},
	} {
		_, err := Open(t.Context(), save(t, "ext.zip", tt.data), tt.limits)
		if !errors.Is(err, tt.wantErr) || !strings.Contains(fmt.Sprint(err), tt.want) {
			t.Errorf("%s: err = %v, want %v saying %q", tt.name, err, tt.wantErr, tt.want)
		}
	}
}

func TestASmallEntryMayCompressWell(t *testing.T) {
	small := ent{name: "blank.json", data: strings.Repeat(" ", ratioFloor), deflate: true}
	a := openArchive(t, save(t, "ext.zip", zipBytes(t, small)), confine.DefaultLimits)
	if got, err := fs.ReadFile(a, "blank.json"); err != nil || len(got) != ratioFloor {
		t.Errorf("got %d bytes, %v", len(got), err)
	}
}

func TestASymlinkEntryIsNeverFollowed(t *testing.T) {
	data := zipBytes(t,
		ent{name: "manifest.json", data: "{}"},
		ent{name: "bg.js", data: "../../../etc/passwd", mode: fs.ModeSymlink | 0o777},
		ent{name: "dev", data: "", mode: fs.ModeDevice | fs.ModeCharDevice | 0o644},
	)
	a := openArchive(t, save(t, "ext.zip", data), confine.DefaultLimits)
	for _, name := range []string{"bg.js", "dev"} {
		got, err := fs.ReadFile(a, name)
		if !errors.Is(err, confine.ErrNotRegular) || len(got) > 0 {
			t.Errorf("%s: got %q, %v; want it refused unread", name, got, err)
		}
	}
	entries, err := fs.ReadDir(a, ".")
	if err != nil || len(entries) != 3 || entries[0].Type() != fs.ModeSymlink {
		t.Errorf("ReadDir lists %v, %v; want the link listed as one", entries, err)
	}
	refused := a.Refusals()
	if len(refused) != 2 || refused[0].Path != "bg.js" || refused[0].Reason != confine.NotRegular ||
		!strings.Contains(refused[0].Describe(), "symbolic link") {
		t.Errorf("refusals = %+v, want bg.js (a symbolic link) and dev", refused)
	}
}

func TestLimitsOnEntries(t *testing.T) {
	data := zipBytes(t,
		ent{name: "big.js", data: strings.Repeat("x", 11)},
		ent{name: "ten.js", data: strings.Repeat("y", 10)},
		ent{name: "five.js", data: strings.Repeat("z", 5)},
		ent{name: "two.js", data: "ok"},
	)
	a := openArchive(t, save(t, "ext.zip", data), confine.Limits{File: 10, Total: 1 << 10})
	a.limits.Total = 14 // the declared sizes pass Open; reading them does not
	if _, err := fs.ReadFile(a, "big.js"); !errors.Is(err, confine.ErrTooLarge) {
		t.Errorf("11 bytes over a limit of 10: err = %v", err)
	}
	for range 2 {
		if got, err := fs.ReadFile(a, "ten.js"); err != nil || len(got) != 10 {
			t.Errorf("ten.js: %d bytes, %v; reading it again costs nothing more", len(got), err)
		}
	}
	if _, err := fs.ReadFile(a, "five.js"); !errors.Is(err, confine.ErrOverTotal) {
		t.Errorf("10+5 bytes over a total of 14: err = %v", err)
	}
	if _, err := fs.ReadFile(a, "two.js"); err != nil {
		t.Errorf("10+2 bytes within a total of 14: %v", err)
	}
	if got := a.Refusals(); len(got) != 2 || got[0].Reason != confine.TooLarge || got[1].Reason != confine.OverTotal {
		t.Errorf("refusals = %+v", got)
	}
}

// TestAHeaderThatLiesIsNotBelieved: an entry that declares 5 bytes and
// inflates to a megabyte yields at most its 5 bytes, and an error.
func TestAHeaderThatLiesIsNotBelieved(t *testing.T) {
	var packed bytes.Buffer
	payload := strings.Repeat("A", 1<<20)
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	fw, err := w.CreateRaw(&zip.FileHeader{
		Name: "liar.js", Method: zip.Store, CRC32: crc32.ChecksumIEEE([]byte(payload)),
		CompressedSize64: uint64(len(payload)), UncompressedSize64: 5,
	})
	if err != nil {
		t.Fatal(err)
	}
	packed.WriteString(payload)
	if _, err := io.Copy(fw, &packed); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	a := openArchive(t, save(t, "ext.zip", buf.Bytes()), confine.DefaultLimits)
	got, err := fs.ReadFile(a, "liar.js")
	if err == nil || len(got) > 5 {
		t.Errorf("read %d bytes, err %v; want an error and at most the 5 declared bytes", len(got), err)
	}
	if r := a.Refusals(); len(r) != 1 || !r[0].Incomplete() {
		t.Errorf("refusals = %+v, want liar.js unreadable", r)
	}
}

func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	a, err := Open(ctx, save(t, "ext.zip", zipBytes(t, sample...)), confine.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	f, err := a.Open("js/bg.js")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cancel()
	if _, err := f.Read(make([]byte, 1)); !errors.Is(err, context.Canceled) {
		t.Errorf("Read after cancel: err = %v", err)
	}
	if _, err := a.Open("manifest.json"); !errors.Is(err, context.Canceled) {
		t.Errorf("Open after cancel: err = %v", err)
	}
}

func TestAFIFOIsNotAnArchive(t *testing.T) {
	p := filepath.Join(t.TempDir(), "ext.zip")
	if err := mkfifo(p); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	if _, err := Open(t.Context(), p, confine.DefaultLimits); !errors.Is(err, confine.ErrNotRegular) {
		t.Errorf("err = %v, want ErrNotRegular, at once", err)
	}
}

func TestDeclaredEntries(t *testing.T) {
	small := zipBytes(t, sample...)
	many := make([]ent, 1<<16+1) // past 16 bits: the count is in the zip64 record
	for i := range many {
		many[i] = ent{name: fmt.Sprintf("%x", i)}
	}
	big := zipBytes(t, many...)
	withComment := append(bytes.Clone(small[:len(small)-2]), 3, 0, 'P', 'K', '!')
	for name, tt := range map[string]struct {
		data []byte
		want uint64
		ok   bool
	}{
		"a zip":                 {small, uint64(len(sample)), true},
		"a zip64":               {big, uint64(len(many)), true},
		"a zip with a comment":  {withComment, uint64(len(sample)), true},
		"no end record":         {[]byte("PK\x03\x04 and nothing more"), 0, false},
		"an end record cut off": {small[:len(small)-5], 0, false},
	} {
		got, ok := declaredEntries(bytes.NewReader(tt.data), int64(len(tt.data)))
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: declaredEntries = %d, %v; want %d, %v", name, got, ok, tt.want, tt.ok)
		}
	}
}

// TestAnArchiveDeclaringMillionsIsRefusedUnread: the count its end record
// declares is checked before archive/zip reads a header.
func TestAnArchiveDeclaringMillionsIsRefusedUnread(t *testing.T) {
	data := zipBytes(t, sample...)
	end := bytes.LastIndex(data, []byte(endSignature))
	binary.LittleEndian.PutUint16(data[end+8:], 60000)
	binary.LittleEndian.PutUint16(data[end+10:], 60000)
	_, err := Open(t.Context(), save(t, "ext.zip", data), confine.DefaultLimits)
	if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "60000 entries") {
		t.Errorf("err = %v, want the 60000 entries declared refused", err)
	}
}
