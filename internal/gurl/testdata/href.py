#!/usr/bin/env python3
"""Ask a real Chromium what `new URL(...)` makes of each input (Blink's URL
uses the same url:: canonicalizer as GURL).

Usage: href.py < inputs.jsonl > chromium156-href.jsonl

Each input line is a JSON array: [url], or [relative, base] to resolve a
reference against a base URL. Each output line is [input, href], with href
null when `new URL(...)` throws. Needs Debian's chromium on PATH.
"""
import base64, json, os, re, subprocess, sys, tempfile

def main():
    inputs = [json.loads(line) for line in sys.stdin if line.strip()]
    page = """<!doctype html><pre id=o></pre><script>
const out = [];
for (const args of %s) {
  let href = null;
  try { href = new URL(...args).href; } catch (e) {}
  out.push(JSON.stringify([args, href]));
}
document.getElementById("o").textContent = btoa(unescape(encodeURIComponent(out.join("\\n"))));
</script>""" % json.dumps(inputs)
    fd, path = tempfile.mkstemp(prefix="gurl-href-", suffix=".html")
    try:
        os.write(fd, page.encode())
        os.close(fd)
        dom = subprocess.run(["chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
                              "--dump-dom", "file://" + path],
                             capture_output=True, text=True, timeout=300).stdout
    finally:
        os.unlink(path)
    encoded = re.search(r'<pre id="o">([^<]*)</pre>', dom).group(1)
    sys.stdout.write(base64.b64decode(encoded).decode() + "\n")

main()
