package schema

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/tools/txtar"

	"github.com/crxlint/crxlint/internal/testenv"
	"github.com/crxlint/crxlint/manifest"
)

// editorDoc decodes the editor schema.
func editorDoc(t *testing.T) map[string]any {
	t.Helper()
	b, err := EditorSchema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the editor schema is not JSON: %v", err)
	}
	return doc.(map[string]any)
}

// compileEditor compiles the editor schema as an editor's validator would,
// with no network.
func compileEditor(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.UseLoader(noNetwork{})
	if err := c.AddResource(editorSchemaURL, editorDoc(t)); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(editorSchemaURL)
	if err != nil {
		t.Fatalf("compile the editor schema: %v", err)
	}
	return sch
}

// noNetwork refuses to load anything: the editor schema is self-contained.
type noNetwork struct{}

func (noNetwork) Load(url string) (any, error) {
	return nil, errors.New("refusing to load " + url + ": the editor schema is self-contained")
}

func TestEditorSchemaIsValid2020_12(t *testing.T) {
	doc := editorDoc(t)
	if doc["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema is %v, want draft 2020-12", doc["$schema"])
	}
	// The library carries the draft 2020-12 meta-schemas; compiling the
	// meta-schema's URL fetches nothing.
	c := jsonschema.NewCompiler()
	c.UseLoader(noNetwork{})
	meta, err := c.Compile("https://json-schema.org/draft/2020-12/schema")
	if err != nil {
		t.Fatal(err)
	}
	if err := meta.Validate(doc); err != nil {
		t.Errorf("the editor schema is not a valid 2020-12 schema: %v", err)
	}
	compileEditor(t)
}

func TestEditorSchemaIsStable(t *testing.T) {
	a, err := EditorSchema()
	if err != nil {
		t.Fatal(err)
	}
	a[0] = 'x' // a caller's copy
	b, _ := EditorSchema()
	c, _ := EditorSchema()
	if !bytes.Equal(b, c) || b[0] != '{' || !bytes.HasSuffix(b, []byte("}\n")) {
		t.Error("EditorSchema is not the same indented JSON object at every call")
	}
}

// editorErrors validates a decoded manifest against the editor schema and
// returns the failing keyword locations, or nil.
func editorErrors(t *testing.T, sch *jsonschema.Schema, doc any) []string {
	t.Helper()
	err := sch.Validate(doc)
	if err == nil {
		return nil
	}
	var verr *jsonschema.ValidationError
	if !errors.As(err, &verr) {
		t.Fatal(err)
	}
	var out []string
	var leaves func(e *jsonschema.ValidationError)
	leaves = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			out = append(out, "/"+strings.Join(e.InstanceLocation, "/")+": "+e.Error())
		}
		for _, c := range e.Causes {
			leaves(c)
		}
	}
	leaves(verr)
	return out
}

// rejections are the violations of crxlint's own schema that Chrome
// rejects.
func rejections(t *testing.T, doc any) []string {
	t.Helper()
	vs, err := Validate(doc)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, v := range vs {
		if v.Chrome == Rejects {
			out = append(out, v.Pointer+": "+v.Message)
		}
	}
	return out
}

// withV3 and withV2 wrap members in a minimal manifest of that version.
func withV3(members string) string {
	return `{"manifest_version": 3, "name": "x", "version": "1", ` + members + `}`
}

func withV2(members string) string {
	return `{"manifest_version": 2, "name": "x", "version": "1", ` + members + `}`
}

// parsed is one manifest read the way Chrome reads it (comments allowed).
type parsed struct {
	name string
	doc  any
}

func readManifest(name string, src []byte) (parsed, bool) {
	d, err := manifest.Parse(src)
	if err != nil || d.Root() == nil {
		return parsed{}, false
	}
	return parsed{name: name, doc: d.Root().Value()}, true
}

// ruleExamples returns the manifests of the rules' examples; good selects
// the good ones only.
func ruleExamples(t *testing.T, goodOnly bool) []parsed {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "rules", "testdata", "*", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no rule examples (%v)", err)
	}
	var out []parsed
	for _, f := range files {
		if goodOnly && !strings.HasPrefix(filepath.Base(f), "good-") {
			continue
		}
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range ar.Files {
			if file.Name != "manifest.json" {
				continue
			}
			if p, ok := readManifest(f, file.Data); ok {
				out = append(out, p)
			} else if goodOnly {
				t.Errorf("%s: a good example's manifest does not parse", f)
			}
		}
	}
	return out
}

// jsonLines reads a corpus index.
func jsonLines[T any](t *testing.T, path string) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// chromiumEntry is a line of corpus/chromium/CHROMIUM_TESTS*.jsonl.
type chromiumEntry struct {
	File     string `json:"file"`
	Outcome  string `json:"outcome"`
	Chromium *struct {
		Loaded   bool     `json:"loaded"`
		Warnings []string `json:"warnings"`
	} `json:"chromium_156"`
}

// realEntry is a line of corpus/real/INDEX.jsonl.
type realEntry struct {
	File string `json:"file"`
	Role string `json:"role"`
	MV   any    `json:"mv"`
}

// corpus returns the manifests of the shared corpus that parse, and those
// of them Chrome 156 loads: the Chromium test files it loaded alone, and
// the complete manifest version 3 manifests of published extensions.
func corpus(t *testing.T) (all, loads []parsed) {
	t.Helper()
	dir := filepath.Join(testenv.Shared(t), "corpus")
	read := func(path string) (parsed, bool) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, path)
		return readManifest(filepath.ToSlash(rel), src)
	}
	for _, index := range []string{"CHROMIUM_TESTS.jsonl", "CHROMIUM_TESTS_INLINE.jsonl"} {
		for _, e := range jsonLines[chromiumEntry](t, filepath.Join(dir, "chromium", index)) {
			p, ok := read(filepath.Join(dir, "chromium", filepath.FromSlash(e.File)))
			if !ok {
				continue
			}
			all = append(all, p)
			if e.Chromium != nil && e.Chromium.Loaded {
				loads = append(loads, p)
			}
		}
	}
	for _, e := range jsonLines[realEntry](t, filepath.Join(dir, "real", "INDEX.jsonl")) {
		if e.Role != "complete" {
			continue
		}
		p, ok := read(filepath.Join(dir, "real", filepath.FromSlash(e.File)))
		if !ok {
			continue
		}
		all = append(all, p)
		if mv, _ := p.doc.(map[string]any)["manifest_version"].(json.Number); mv == "3" {
			loads = append(loads, p)
		}
	}
	if len(all) == 0 || len(loads) == 0 {
		t.Fatalf("read %d corpus manifests, %d that load: the corpus index changed", len(all), len(loads))
	}
	return all, loads
}

// TestEditorSchemaAcceptsWhatChromeLoads: no manifest Chrome loads has a
// schema error in an editor, whether Chrome warns about it or not.
func TestEditorSchemaAcceptsWhatChromeLoads(t *testing.T) {
	sch := compileEditor(t)
	check := func(ps []parsed) {
		for _, p := range ps {
			if errs := editorErrors(t, sch, p.doc); errs != nil {
				t.Errorf("%s: Chrome loads it, but the editor schema says:\n  %s", p.name, strings.Join(errs, "\n  "))
			}
		}
	}
	good := ruleExamples(t, true)
	check(good)
	check(decodeAll(t, loadsWithWarnings))
	t.Logf("%d good examples of the rules", len(good))
	_, loads := corpus(t)
	check(loads)
	t.Logf("%d corpus manifests that Chromium 156 loads", len(loads))
}

// loadsWithWarnings are manifests Chrome loads with an install warning (or
// silently on some platforms): no schema error either.
var loadsWithWarnings = []string{
	withV3(`"unknown_key": 1`),
	withV3(`"browser_action": {"default_popup": 1}`),
	withV3(`"page_action": "x"`),
	withV3(`"background": {"service_worker": "sw.js", "scripts": ["a.js"], "persistent": "yes"}`),
	withV3(`"permissions": ["storage", "tab", "https://example.com/*", "webRequestBlocking", "app.window.alpha", "dns"]`),
	withV3(`"optional_permissions": ["debugger", "unlimited_storage", "webAuthenticationProxy"]`),
	withV3(`"permissions": [{"fileSystem": ["write"]}, {"nosuch": 1}]`),
	withV3(`"icon_variants": [], "automation": true, "bluetooth": {}, "kiosk_enabled": true, "nacl_modules": [], "differential_fingerprint": "x"`),
	withV3(`"chrome_settings_overrides": {"homepage": "https://example.com"}, "file_handlers": [], "file_system_provider_capabilities": {}`),
	withV3(`"options_ui": {"open_in_tab": "yes"}, "trial_tokens": [], "externally_connectable": {}`),
	withV3(`"externally_connectable": {"ids": ["*"], "accepts_tls_channel_id": true}`),
	withV3(`"app": {"launch": {"web_url": "https://example.com"}}`),
	withV3(`"theme": {"colors": {"frame": [1, 2, 3]}}`),
	withV3(`"$schema": "./.vscode/manifest.schema.json"`),
	withV2(`"host_permissions": 1, "side_panel": 1, "action": 1, "content_scripts": [{"matches": ["<all_urls>"], "js": ["a.js"], "world": "MAIN"}]`),
}

// wrongTypes are manifests with a value of the wrong type, each of which
// Chrome refuses to load.
var wrongTypes = []string{
	`{"manifest_version": 3, "version": "1"}`,
	`{"manifest_version": 3, "name": 1, "version": "1"}`,
	`{"manifest_version": 3, "name": "x", "version": 1}`,
	`{"name": "x", "version": "1"}`,
	withV3(`"description": 1`),
	withV3(`"icons": []`),
	withV3(`"icons": {"16": 1}`),
	withV3(`"icons": {"big": "a.png"}`),
	withV3(`"action": []`),
	withV3(`"action": {"default_popup": 1}`),
	withV3(`"action": {"default_icon": 16}`),
	withV3(`"background": {"service_worker": 1}`),
	withV3(`"background": {"service_worker": "sw.js", "type": "esm"}`),
	withV3(`"content_scripts": {}`),
	withV3(`"content_scripts": [{"js": ["a.js"]}]`),
	withV3(`"content_scripts": [{"matches": "<all_urls>", "js": ["a.js"]}]`),
	withV3(`"content_scripts": [{"matches": ["<all_urls>"], "js": ["a.js"], "run_at": "document_load"}]`),
	withV3(`"content_scripts": [{"matches": ["<all_urls>"], "js": ["a.js"], "all_frames": "true"}]`),
	withV3(`"content_scripts": [{"matches": ["<all_urls>"]}]`),
	withV3(`"content_security_policy": "script-src 'self'"`),
	withV3(`"content_security_policy": {"extension_pages": ["script-src 'self'"]}`),
	withV3(`"permissions": "storage"`),
	withV3(`"permissions": [1]`),
	withV3(`"permissions": ["socket"]`),
	withV3(`"optional_permissions": {}`),
	withV3(`"host_permissions": "https://example.com/*"`),
	withV3(`"host_permissions": [1]`),
	withV3(`"web_accessible_resources": ["a.png"]`),
	withV3(`"web_accessible_resources": [{"resources": ["a.png"]}]`),
	withV3(`"web_accessible_resources": [{"resources": "a.png", "matches": ["<all_urls>"]}]`),
	withV3(`"incognito": "private"`),
	withV3(`"incognito": true`),
	withV3(`"default_locale": ""`),
	withV3(`"homepage_url": 1`),
	withV3(`"key": ""`),
	withV3(`"commands": []`),
	withV3(`"commands": {"run": {"suggested_key": {"default": 1}, "description": "Run"}}`),
	withV3(`"commands": {"run": {}}`),
	withV3(`"chrome_url_overrides": {"newtab": 1}`),
	withV3(`"chrome_url_overrides": {"newtab": "a.html", "history": "b.html"}`),
	withV3(`"declarative_net_request": {"rule_resources": []}`),
	withV3(`"permissions": ["declarativeNetRequest"], "declarative_net_request": {"rule_resources": [{"id": "r", "path": "r.json"}]}`),
	withV3(`"externally_connectable": {"ids": ["not-an-id"]}`),
	withV3(`"externally_connectable": []`),
	withV3(`"oauth2": {"client_id": "x"}`),
	withV3(`"omnibox": {"keyword": ""}`),
	withV3(`"options_page": 1`),
	withV3(`"options_ui": {"page": "o.html", "chrome_style": true}`),
	withV3(`"side_panel": {"default_path": ""}`),
	withV3(`"offline_enabled": "yes"`),
	withV3(`"sandbox": {"pages": "a.html"}`),
	withV3(`"tts_engine": {"voices": [{"voice_name": 1}]}`),
	withV3(`"import": [{"minimum_version": "1"}]`),
	withV3(`"cross_origin_opener_policy": {"value": 1}`),
	withV3(`"storage": {"managed_schema": {}}`),
	withV2(`"browser_action": {"default_popup": 1}`),
	withV2(`"background": {"persistent": "no"}`),
	withV2(`"web_accessible_resources": [{"resources": ["a.png"], "matches": ["<all_urls>"]}]`),
}

func decodeAll(t *testing.T, manifests []string) []parsed {
	t.Helper()
	var out []parsed
	for _, m := range manifests {
		p, ok := readManifest(m, []byte(m))
		if !ok {
			t.Fatalf("does not parse: %s", m)
		}
		out = append(out, p)
	}
	return out
}

func TestEditorSchemaRejectsWrongTypes(t *testing.T) {
	sch := compileEditor(t)
	for _, p := range decodeAll(t, wrongTypes) {
		if editorErrors(t, sch, p.doc) == nil {
			t.Errorf("the editor schema accepts %s", p.name)
		}
	}
}

// TestEditorSchemaAgreesWithValidate: the editor schema fails exactly the
// manifests in which crxlint's schema finds something Chrome rejects, over
// every rule example (good and bad), the hand-written cases above and the
// shared corpus.
func TestEditorSchemaAgreesWithValidate(t *testing.T) {
	sch := compileEditor(t)
	docs := ruleExamples(t, false)
	docs = append(docs, decodeAll(t, wrongTypes)...)
	docs = append(docs, decodeAll(t, loadsWithWarnings)...)
	if _, ok := testenv.SharedDir(); ok {
		all, _ := corpus(t)
		docs = append(docs, all...)
	}
	rejected := 0
	for _, p := range docs {
		editor := editorErrors(t, sch, p.doc)
		crx := rejections(t, p.doc)
		switch {
		case editor == nil && crx != nil:
			t.Errorf("%s: Chrome rejects it, but the editor schema accepts it:\n  %s", p.name, strings.Join(crx, "\n  "))
		case editor != nil && crx == nil:
			t.Errorf("%s: the editor schema rejects it, but Chrome rejects nothing in it:\n  %s", p.name, strings.Join(editor, "\n  "))
		case editor != nil:
			rejected++
		}
	}
	t.Logf("%d manifests, %d rejected by both", len(docs), rejected)
	if rejected < len(wrongTypes) {
		t.Errorf("only %d manifests rejected: the comparison lost its cases", rejected)
	}
}

// TestEditorSchemaDocumentsEveryKeyAndPermission: completion and hover show
// a description and a link for each top-level key and each permission
// Chrome knows, and descriptions.json names nothing else.
func TestEditorSchemaDocumentsEveryKeyAndPermission(t *testing.T) {
	doc := editorDoc(t)
	props := doc["properties"].(map[string]any)
	documented := func(what string, s map[string]any) {
		t.Helper()
		desc, _ := s["description"].(string)
		md, _ := s["markdownDescription"].(string)
		const link = "https://developer.chrome.com/docs/extensions/"
		if !strings.Contains(desc, link) || !strings.Contains(md, "]("+link) {
			t.Errorf("%s: description %q, markdownDescription %q: want both, with a link to %s...", what, desc, md, link)
		}
	}
	for _, key := range Keys() {
		s, ok := props[key].(map[string]any)
		if !ok {
			t.Errorf("key %q: no object schema", key)
			continue
		}
		documented("key "+key, s)
	}
	if len(props) != len(Keys()) {
		t.Errorf("the editor schema has %d keys, the manifest schema %d", len(props), len(Keys()))
	}

	for _, key := range []string{"permissions", "optional_permissions"} {
		ref := props[key].(map[string]any)["items"].(map[string]any)["$ref"].(string)
		name, _ := strings.CutPrefix(ref, "#/$defs/")
		choices := doc["$defs"].(map[string]any)[name].(map[string]any)["anyOf"].([]any)
		var names []string
		for _, c := range choices {
			obj, ok := c.(map[string]any)
			if !ok {
				if c != true || len(names) != len(choices)-1 {
					t.Errorf("%s: want true as the last choice only, got %v", key, c)
				}
				continue
			}
			name, _ := obj["const"].(string)
			documented(key+" "+name, obj)
			names = append(names, name)
		}
		if !slices.Equal(names, Permissions()) {
			t.Errorf("%s: the documented permissions are not the ones Chrome knows:\n got %v\nwant %v", key, names, Permissions())
		}
	}

	var d descriptions
	if err := json.Unmarshal(descriptionsJSON, &d); err != nil {
		t.Fatal(err)
	}
	for name := range d.Permissions {
		if !slices.Contains(Permissions(), name) {
			t.Errorf("descriptions.json describes %q, which Chrome does not know", name)
		}
	}
	// A nested key lands where completion looks for it.
	bg := props["background"].(map[string]any)["properties"].(map[string]any)["service_worker"].(map[string]any)
	documented("background.service_worker", bg)
	cs := props["content_scripts"].(map[string]any)["items"].(map[string]any)["properties"].(map[string]any)["matches"].(map[string]any)
	documented("content_scripts[].matches", cs)
}

// TestEditorSchemaForVSCode: no annotation of crxlint's is left, and no
// $ref has siblings that VS Code would overwrite with the $ref's target.
func TestEditorSchemaForVSCode(t *testing.T) {
	doc := editorDoc(t)
	if doc["allowComments"] != true {
		t.Error("allowComments is not true: VS Code would mark the comments Chrome allows")
	}
	e := &editor{root: doc}
	e.walk(func(n schemaNode) {
		for k := range n.obj {
			if strings.HasPrefix(k, "x-") {
				t.Errorf("%s: annotation %s left", n.ptr, k)
			}
		}
		if _, ok := n.obj["$ref"]; ok && len(n.obj) > 1 {
			t.Errorf("%s: $ref with siblings %v", n.ptr, n.obj)
		}
	})
}

// TestEditorSchemaRefusesAmbiguousDrop: a subschema whose failures Chrome
// only warns about cannot be dropped where another use sees it whole.
func TestEditorSchemaRefusesAmbiguousDrop(t *testing.T) {
	root, err := decodeObject([]byte(`{
	  "properties": {"a": {"not": {"$ref": "#/$defs/w"}}, "b": {"$ref": "#/$defs/w"}},
	  "$defs": {"w": {"type": "string", "x-chrome": "warns", "x-message": "m"}}
	}`))
	if err != nil {
		t.Fatal(err)
	}
	e := &editor{root: root}
	if err := e.dropNonRejects(); err == nil || !strings.Contains(err.Error(), "/$defs/w") {
		t.Errorf("got %v, want an error naming /$defs/w", err)
	}
}

// TestEditorSchemaHidesKeysNoExtensionCanUse: completion leaves out exactly
// the keys about which Chrome warns on the key itself under either manifest
// version, and hover still describes them.
func TestEditorSchemaHidesKeysNoExtensionCanUse(t *testing.T) {
	props := editorDoc(t)["properties"].(map[string]any)
	warnsOnKey := func(manifest, key string) bool {
		p, ok := readManifest(manifest, []byte(manifest))
		if !ok {
			t.Fatalf("does not parse: %s", manifest)
		}
		vs, err := Validate(p.doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			if v.Pointer == "/"+escapeToken(key) && v.OnKey && v.Chrome == Warns {
				return true
			}
		}
		return false
	}
	hidden := 0
	for _, key := range Keys() {
		if key == "name" || key == "version" || key == "manifest_version" {
			continue
		}
		member := `"` + key + `": {}`
		want := warnsOnKey(withV3(member), key) && warnsOnKey(withV2(member), key)
		s := props[key].(map[string]any)
		if got := s["doNotSuggest"] == true; got != want {
			t.Errorf("%s: doNotSuggest %v, want %v (Chrome warns about the key under both manifest versions: %v)", key, got, want, want)
		}
		if want {
			hidden++
			if s["markdownDescription"] == nil {
				t.Errorf("%s: hidden from completion and undescribed", key)
			}
		}
	}
	if hidden == 0 {
		t.Error("no key is hidden from completion: the comparison lost its cases")
	}
	t.Logf("%d keys hidden from completion", hidden)
}
