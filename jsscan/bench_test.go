package jsscan

import (
	"fmt"
	"strings"
	"testing"
)

// generate returns about n bytes of JavaScript like an extension's:
// functions that call the API, take messages, and compute.
func generate(n int) []byte {
	var b strings.Builder
	b.WriteString("import { log } from './log.js';\nconst api = globalThis.browser ?? globalThis.chrome;\n")
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, `
export async function task%[1]d(items, opts = {}) {
  const url = chrome.runtime.getURL("pages/page%[1]d.html");
  const { local } = chrome.storage;
  const saved = await local.get(["key%[1]d", "other"]);
  // chrome.runtime.notACall(%[1]d)
  const re = /^item-(\d+)\/%[1]d$/i;
  const out = items.filter((x) => re.test(x.name)).map((x, j) => ({ id: x.id * 2 + j, label: `+"`${x.name}-%[1]d`"+` }));
  if (opts.notify && out.length > 0) {
    api.notifications.create("n%[1]d", { type: "basic", title: "Done " + out.length, message: "ok" });
  }
  chrome.runtime.onMessage.addListener((msg, sender, reply) => {
    if (sender.id !== chrome.runtime.id) return false;
    reply({ ok: msg.kind === "task%[1]d", saved, url });
    return true;
  });
  return log(out, saved["key%[1]d"] / 3);
}
`, i)
	}
	return []byte(b.String())
}

func BenchmarkScan(b *testing.B) {
	src := generate(1 << 20)
	if r := Scan(File{Src: src}); r.Err != nil || len(r.Uses) == 0 {
		b.Fatalf("the generated source does not scan: %v", r.Err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Scan(File{Src: src})
	}
}

// BenchmarkScanFallback measures the token scan of a file that does not
// parse.
func BenchmarkScanFallback(b *testing.B) {
	src := append(generate(1<<20), "\nfunction ("...)
	if r := Scan(File{Src: src}); !r.Fallback || len(r.Uses) == 0 {
		b.Fatal("the broken source does not fall back")
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Scan(File{Src: src})
	}
}
