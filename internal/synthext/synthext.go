// Package synthext writes synthetic Chrome extensions for the benchmarks of
// linting many extensions in one process (issue #13): manifest-only ones,
// and ones with about 100 KB of JavaScript written the way extension code
// is (event listeners, chrome.* calls, classes, async functions, modules,
// object and array literals, template strings, regular expressions). Each
// extension differs from the next in its names, values and code, from a
// seed, so that nothing is shared by accident; the same seed writes the
// same bytes.
package synthext

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Kind is what an extension holds besides its manifest.
type Kind int

// The kinds.
const (
	// ManifestOnly: a manifest.json naming no file, as a hello-world
	// extension.
	ManifestOnly Kind = iota
	// WithCode: a service worker, a content script, a popup page with its
	// script and a module they import, about JSBytes of JavaScript in all,
	// and the icons the manifest names.
	WithCode
)

// JSBytes is about how much JavaScript a WithCode extension holds.
const JSBytes = 100 << 10

// Write writes n extensions of kind into dir, in folders ext-00000,
// ext-00001, ..., and returns their folders.
func Write(dir string, n int, kind Kind) ([]string, error) {
	var out []string
	for i := range n {
		ext := filepath.Join(dir, fmt.Sprintf("ext-%05d", i))
		files := Extension(uint64(i), kind)
		for name, data := range files {
			p := filepath.Join(ext, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil { //nolint:gosec // an extension folder, as a checkout has it
				return nil, err
			}
			if err := os.WriteFile(p, data, 0o644); err != nil { //nolint:gosec // an extension's file, as a checkout has it
				return nil, err
			}
		}
		out = append(out, ext)
	}
	return out, nil
}

// Extension returns the files of one extension, by slash-separated path.
func Extension(seed uint64, kind Kind) map[string][]byte {
	g := &gen{r: rand.New(rand.NewPCG(seed, 0x6372786c696e74))} //nolint:gosec // reproducible test data, not secrets
	files := map[string][]byte{}
	if kind == ManifestOnly {
		files["manifest.json"] = []byte(g.manifest(false))
		return files
	}
	files["manifest.json"] = []byte(g.manifest(true))
	// The code splits as an extension's tends to: most in the service
	// worker and the content script.
	files["background.js"] = []byte(`import { Store, debounce } from "./lib/util.js";` + "\n" + g.code(JSBytes*4/10, true))
	files["content.js"] = []byte(g.code(JSBytes*3/10, false))
	files["popup.js"] = []byte(g.code(JSBytes*2/10, true))
	files["lib/util.js"] = []byte(utilModule + g.code(JSBytes/10-len(utilModule), false))
	files["popup.html"] = []byte(popupHTML)
	for _, size := range []int{16, 48, 128} {
		files[fmt.Sprintf("icons/%d.png", size)] = pngHeader
	}
	return files
}

type gen struct {
	r *rand.Rand
}

func (g *gen) pick(s []string) string { return s[g.r.IntN(len(s))] }

var (
	words   = []string{"tab", "page", "link", "note", "color", "reader", "focus", "timer", "mark", "clip", "quote", "theme", "price", "word", "image", "video", "sync", "list", "task", "feed"}
	verbs   = []string{"save", "load", "track", "show", "hide", "count", "sort", "apply", "fetch", "render", "update", "clear", "merge", "parse", "format"}
	perms   = []string{"storage", "tabs", "activeTab", "alarms", "contextMenus", "notifications", "scripting", "bookmarks", "history", "cookies", "downloads", "idle", "offscreen", "sidePanel", "webNavigation"}
	hosts   = []string{"https://*.example.com/*", "https://news.example.org/*", "https://shop.example.net/*", "https://mail.example.com/*", "https://docs.example.org/*"}
	matches = []string{"https://*.example.com/*", "https://blog.example.net/*", "https://wiki.example.org/*", "https://video.example.com/watch*"}
)

func (g *gen) name() string { return title(g.pick(words)) + " " + title(g.pick(verbs)) + "er" }

func title(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func (g *gen) manifest(code bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "{\n  \"manifest_version\": 3,\n  \"name\": %q,\n", g.name())
	fmt.Fprintf(&b, "  \"description\": \"%ss the %ss and %ss of the pages you read.\",\n", title(g.pick(verbs)), g.pick(words), g.pick(words))
	fmt.Fprintf(&b, "  \"version\": \"%d.%d.%d\",\n", g.r.IntN(5), g.r.IntN(20), g.r.IntN(100))
	// The code uses these APIs; a manifest-only extension asks for a few
	// permissions at random.
	ps := []string{`"storage"`, `"tabs"`, `"alarms"`, `"contextMenus"`, `"scripting"`, `"activeTab"`}
	if !code {
		ps = nil
		for range 1 + g.r.IntN(5) {
			ps = append(ps, fmt.Sprintf("%q", g.pick(perms)))
		}
	}
	// One extension in four has a mistake for crxlint to report.
	if g.r.IntN(4) == 0 {
		ps = append(ps, `"storgae"`)
	}
	fmt.Fprintf(&b, "  \"permissions\": [%s],\n", strings.Join(dedupe(ps), ", "))
	if g.r.IntN(2) == 0 {
		fmt.Fprintf(&b, "  \"host_permissions\": [%q, %q],\n", g.pick(hosts), g.pick(hosts))
	}
	if code {
		b.WriteString("  \"icons\": {\"16\": \"icons/16.png\", \"48\": \"icons/48.png\", \"128\": \"icons/128.png\"},\n")
		b.WriteString("  \"background\": {\"service_worker\": \"background.js\", \"type\": \"module\"},\n")
		fmt.Fprintf(&b, "  \"content_scripts\": [{\"matches\": [%q], \"js\": [\"content.js\"], \"run_at\": \"document_idle\"}],\n", g.pick(matches))
		fmt.Fprintf(&b, "  \"action\": {\"default_title\": %q, \"default_popup\": \"popup.html\", \"default_icon\": \"icons/16.png\"},\n", g.name())
	} else {
		fmt.Fprintf(&b, "  \"action\": {\"default_title\": %q},\n", g.name())
	}
	fmt.Fprintf(&b, "  \"minimum_chrome_version\": \"%d\"\n}\n", 100+g.r.IntN(20))
	return b.String()
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// code returns about size bytes of JavaScript, made of the pieces an
// extension's code is made of; api adds chrome.* calls of a privileged
// page.
func (g *gen) code(size int, api bool) string {
	var b strings.Builder
	b.WriteString("\"use strict\";\n\n")
	for i := 0; b.Len() < size; i++ {
		piece := pieces[g.r.IntN(len(pieces))]
		if api && i%3 == 0 {
			piece = apiPieces[g.r.IntN(len(apiPieces))]
		}
		b.WriteString(g.fill(piece, i))
		b.WriteString("\n")
	}
	return b.String()
}

// fill replaces the placeholders of a piece: $W a word, $V a verb, $N a
// number, $I the piece's index (to keep names unique), $H a host.
func (g *gen) fill(piece string, i int) string {
	var b strings.Builder
	for j := 0; j < len(piece); j++ {
		if piece[j] != '$' || j+1 == len(piece) {
			b.WriteByte(piece[j])
			continue
		}
		j++
		switch piece[j] {
		case 'W':
			b.WriteString(g.pick(words))
		case 'V':
			b.WriteString(g.pick(verbs))
		case 'N':
			fmt.Fprintf(&b, "%d", g.r.IntN(1000))
		case 'I':
			fmt.Fprintf(&b, "%d", i)
		case 'H':
			b.WriteString(strings.TrimSuffix(strings.TrimPrefix(g.pick(hosts), "https://*."), "/*"))
		default:
			b.WriteByte('$')
			b.WriteByte(piece[j])
		}
	}
	return b.String()
}

var pieces = []string{
	`function $V$W$I(items, options = {}) {
  const limit = options.limit ?? $N;
  const out = [];
  for (const item of items) {
    if (!item || item.$W === undefined) continue;
    if (out.length >= limit) break;
    out.push({ ...item, $W: String(item.$W).trim(), seen: Date.now() });
  }
  return out.sort((a, b) => a.seen - b.seen || a.$W.localeCompare(b.$W));
}
`,
	`class $W$IView {
  #root;
  #state = { open: false, count: $N, items: [] };
  constructor(root) {
    this.#root = root;
    this.#root.addEventListener("click", (event) => this.onClick(event));
  }
  get count() { return this.#state.count; }
  onClick(event) {
    const target = event.target.closest("[data-$W]");
    if (!target) return;
    this.#state.open = !this.#state.open;
    this.render();
  }
  render() {
    const html = this.#state.items.map((it, n) => ` + "`<li class=\"$W-item\" data-n=\"${n}\">${escape(it.title)}</li>`" + `).join("");
    this.#root.innerHTML = ` + "`<ul>${html}</ul>`" + `;
  }
}
`,
	`const $W$IPattern = /^(?:https?:\/\/)?([a-z0-9-]+\.)*$W\.(?:com|org|net)(?::\d+)?\/[^\s?#]*$/i;
function is$W$I(url) {
  return typeof url === "string" && $W$IPattern.test(url) && !url.includes("#$V");
}
`,
	`async function $V$W$IFromServer(id, retries = 3) {
  for (let attempt = 0; attempt < retries; attempt++) {
    try {
      const response = await fetch(` + "`https://api.$H/v$N/$W/${encodeURIComponent(id)}`" + `, {
        headers: { "Accept": "application/json" },
        credentials: "omit",
      });
      if (!response.ok) throw new Error(` + "`HTTP ${response.status}`" + `);
      return await response.json();
    } catch (error) {
      console.warn("$V$W failed", attempt, error);
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
  return null;
}
`,
	`const $W$IDefaults = Object.freeze({
  enabled: true,
  theme: "$W",
  interval: $N,
  sites: ["$H", "www.$H", "m.$H"],
  labels: { $V: "$V the $W", reset: "Reset", close: "Close" },
  limits: [$N, $N, $N, $N],
});
`,
	`document.querySelectorAll(".$W-$V").forEach((node, index) => {
  node.dataset.index = String(index);
  node.style.setProperty("--$W-offset", ` + "`${index * $N}px`" + `);
  node.addEventListener("mouseenter", () => node.classList.add("is-$V"), { passive: true });
  node.addEventListener("mouseleave", () => node.classList.remove("is-$V"), { passive: true });
});
`,
	`export function $V$I(text) {
  const counts = new Map();
  for (const token of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (token.length < 3) continue;
    counts.set(token, (counts.get(token) || 0) + 1);
  }
  return [...counts.entries()].filter(([, n]) => n > 1).slice(0, $N);
}
`,
	`let $W$ITimer = null;
const schedule$W$I = (delay = $N) => {
  clearTimeout($W$ITimer);
  $W$ITimer = setTimeout(() => {
    const rect = document.documentElement.getBoundingClientRect();
    window.postMessage({ type: "$W:$V", top: rect.top, height: rect.height }, location.origin);
  }, delay);
};
`,
	`function format$W$I(value, unit = "$W") {
  switch (typeof value) {
    case "number": return value > 1e6 ? (value / 1e6).toFixed(1) + "M " + unit : value.toLocaleString() + " " + unit;
    case "string": return value.length > $N ? value.slice(0, $N) + "…" : value;
    case "object": return value === null ? "-" : JSON.stringify(value, null, 2);
    default: return String(value);
  }
}
`,
}

var apiPieces = []string{
	`chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type !== "$W:$V$I") return false;
  chrome.storage.local.get({ $W: [] }).then(({ $W }) => {
    const next = [...$W, { url: sender.tab?.url, at: Date.now() }].slice(-$N);
    return chrome.storage.local.set({ $W: next });
  }).then(() => sendResponse({ ok: true }), (error) => sendResponse({ ok: false, error: String(error) }));
  return true;
});
`,
	`chrome.tabs.onUpdated.addListener(async (tabId, change, tab) => {
  if (change.status !== "complete" || !tab.url?.startsWith("https://")) return;
  const { $W$I = {} } = await chrome.storage.sync.get("$W$I");
  await chrome.action.setBadgeText({ tabId, text: String(Object.keys($W$I).length || "") });
  await chrome.action.setBadgeBackgroundColor({ tabId, color: "#$N" });
});
`,
	`chrome.runtime.onInstalled.addListener(({ reason }) => {
  if (reason !== chrome.runtime.OnInstalledReason.INSTALL) return;
  chrome.alarms.create("$W-$V$I", { periodInMinutes: $N });
  chrome.contextMenus.create({ id: "$V-$W$I", title: "$V this $W", contexts: ["selection", "link"] });
});
`,
	`async function $V$IActiveTab() {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  if (!tab?.id) return;
  const [{ result }] = await chrome.scripting.executeScript({
    target: { tabId: tab.id },
    func: (selector) => [...document.querySelectorAll(selector)].map((n) => n.textContent).join("\n"),
    args: [".$W"],
  });
  await chrome.storage.session.set({ last$W: result, at: Date.now() });
}
`,
}

const utilModule = `export class Store {
  constructor(area = chrome.storage.local) { this.area = area; }
  async get(key, fallback) { const got = await this.area.get({ [key]: fallback }); return got[key]; }
  async set(key, value) { await this.area.set({ [key]: value }); }
}
export function debounce(fn, wait) {
  let t;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), wait); };
}
`

const popupHTML = `<!doctype html>
<html>
<head><meta charset="utf-8"><title>Popup</title></head>
<body>
  <main id="app"></main>
  <script type="module" src="popup.js"></script>
</body>
</html>
`

// pngHeader is the signature and header chunk of a 16x16 PNG: enough for a
// file that is not empty, which is all crxlint asks of an icon.
var pngHeader = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa")
