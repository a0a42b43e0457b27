package synthext

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtension(t *testing.T) {
	for seed := range uint64(20) {
		code := Extension(seed, WithCode)
		js := 0
		for name, data := range code {
			if strings.HasSuffix(name, ".js") {
				js += len(data)
			}
		}
		if js < JSBytes*9/10 || js > JSBytes*11/10 {
			t.Errorf("seed %d: %d bytes of JavaScript, want about %d", seed, js, JSBytes)
		}
		for _, files := range []map[string][]byte{code, Extension(seed, ManifestOnly)} {
			var m map[string]any
			if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
				t.Errorf("seed %d: the manifest is not JSON: %v\n%s", seed, err, files["manifest.json"])
			}
		}
		again := Extension(seed, WithCode)
		if !bytes.Equal(again["background.js"], code["background.js"]) {
			t.Errorf("seed %d: the same seed wrote other code", seed)
		}
	}
	if bytes.Equal(Extension(1, WithCode)["content.js"], Extension(2, WithCode)["content.js"]) {
		t.Error("two seeds wrote the same code")
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	got, err := Write(dir, 3, WithCode)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("Write returned %d folders, want 3", len(got))
	}
	for _, ext := range got {
		for _, name := range []string{"manifest.json", "background.js", "lib/util.js", "popup.html", "icons/16.png"} {
			if _, err := os.Stat(filepath.Join(ext, filepath.FromSlash(name))); err != nil {
				t.Errorf("%s: %v", ext, err)
			}
		}
	}
}
