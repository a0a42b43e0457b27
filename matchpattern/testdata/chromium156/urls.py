#!/usr/bin/env python3
"""Ask a real Chromium how it canonicalizes URLs (Blink's URL uses the same
url:: canonicalizer as GURL).

Usage: urls.py < urls.jsonl > results.jsonl

Each input line is a JSON string. Each output line is a JSON array
[url, null] if `new URL(url)` throws, else
[url, {"protocol", "host" (hostname), "port", "path" (pathname + search)}].
Needs Debian's chromium on PATH.
"""
import base64, json, os, re, subprocess, sys, tempfile

def main():
    inputs = [json.loads(line) for line in sys.stdin if line.strip()]
    page = """<!doctype html><pre id=o></pre><script>
const out = [];
for (const s of %s) {
  let r = null;
  try {
    const u = new URL(s);
    r = {protocol: u.protocol, host: u.hostname, port: u.port, path: u.pathname + u.search};
  } catch (e) {}
  out.push(JSON.stringify([s, r]));
}
document.getElementById("o").textContent = btoa(unescape(encodeURIComponent(out.join("\\n"))));
</script>""" % json.dumps(inputs)
    fd, path = tempfile.mkstemp(prefix="matchpattern-urls-", suffix=".html")
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
