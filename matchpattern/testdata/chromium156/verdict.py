#!/usr/bin/env python3
"""Ask a real Chromium how it parses match patterns.

Usage: verdict.py MODE < patterns.jsonl > results.jsonl

Each input line is a JSON string (a pattern). MODE chooses the manifest key that
holds it, and so the scheme mask Chromium parses it with:
  ec  externally_connectable.matches   (URLPattern::SCHEME_ALL)
  cs  content_scripts[0].matches       (UserScript::ValidUserScriptSchemes())
Each output line is a JSON array [pattern, verdict]: "OK" if the extension
loaded, otherwise Chrome's load error, which ends with the ParseResult text.
Needs ../../../../shared/tools/chrome-verdict (apt-get install chromium, node).
"""
import json, os, shutil, subprocess, sys, tempfile

TOOL = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                    "../../../../shared/tools/chrome-verdict")

def main():
    mode = sys.argv[1]
    patterns = [json.loads(line) for line in sys.stdin if line.strip()]
    root = tempfile.mkdtemp(prefix="matchpattern-verdict-")
    try:
        dirs = []
        for i, p in enumerate(patterns):
            d = os.path.join(root, "d%05d" % i)
            os.makedirs(d)
            m = {"name": "t", "version": "1", "manifest_version": 3}
            if mode == "ec":
                m["externally_connectable"] = {"matches": [p]}
            elif mode == "cs":
                m["content_scripts"] = [{"matches": [p], "js": ["a.js"]}]
                open(os.path.join(d, "a.js"), "w").close()
            else:
                sys.exit("unknown mode " + mode)
            with open(os.path.join(d, "manifest.json"), "w", encoding="utf-8") as f:
                json.dump(m, f, ensure_ascii=False)
            dirs.append(d)
        out = subprocess.run([TOOL, "--batch"] + dirs, capture_output=True,
                             text=True, check=True).stdout
        verdicts = {}
        for line in out.splitlines():
            o = json.loads(line)
            verdicts[o["dir"]] = "OK" if o["loaded"] else o["error"]
        for d, p in zip(dirs, patterns):
            print(json.dumps([p, verdicts[d]], ensure_ascii=False))
    finally:
        shutil.rmtree(root)

main()
