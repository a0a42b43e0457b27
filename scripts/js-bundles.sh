#!/bin/sh
# js-bundles.sh DIR: download the real JavaScript bundles the jsscan
# benchmarks read (BenchmarkBundle) from npm into DIR, a
# scratch folder that is never committed. The versions are pinned so that
# the figures in docs/performance.md can be reproduced. Needs npm and tar;
# a bundle already in DIR is not downloaded again.
set -eu
dir=${1:?usage: js-bundles.sh DIR}
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# package@version  path in the package  name in DIR
while read -r pkg file name; do
	[ -s "$dir/$name" ] && continue
	(cd "$tmp" && npm pack --silent "$pkg" >/dev/null)
	tgz=$(ls "$tmp"/*.tgz)
	tar -xzf "$tgz" -C "$tmp" "package/$file"
	mv "$tmp/package/$file" "$dir/$name"
	rm -rf "$tmp"/*
done <<'LIST'
react-dom@19.3.1 cjs/react-dom-client.production.js react-dom-client.production.js
echarts@6.1.0 dist/echarts.min.js echarts.min.js
three@0.187.0 build/three.core.js three.core.js
lodash@4.18.1 lodash.min.js lodash.min.js
moment@2.31.0 min/moment-with-locales.min.js moment-with-locales.min.js
LIST
ls -l "$dir"
