#!/bin/sh
# js-corpus.sh DIR: download the npm packages whose JavaScript files the
# jsscan benchmark BenchmarkCorpus reads into DIR, a scratch folder that
# is never committed: every *.js, *.mjs and *.cjs file of each package, in
# DIR/<package>/ with its path in the package. The versions are pinned so
# that the figures in docs/performance.md can be reproduced. Needs npm and
# tar; a package already in DIR is not downloaded again.
set -eu
dir=${1:?usage: js-corpus.sh DIR}
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# package@version  name in DIR
while read -r pkg name; do
	[ -d "$dir/$name" ] && continue
	(cd "$tmp" && npm pack --silent "$pkg" >/dev/null)
	tgz=$(ls "$tmp"/*.tgz)
	tar -xzf "$tgz" -C "$tmp" package
	find "$tmp/package" -type f ! -name '*.js' ! -name '*.mjs' ! -name '*.cjs' -exec rm -f {} +
	find "$tmp/package" -depth -type d -empty -exec rmdir {} \;
	mkdir -p "$(dirname "$dir/$name")"
	# Moved whole once complete, so that an interrupted run leaves no
	# half package that the next run would take for done.
	mv "$tmp/package" "$dir/$name"
	rm -rf "${tmp:?}"/*
done <<'LIST'
react-dom@19.3.1 react-dom
echarts@6.1.0 echarts
three@0.187.0 three
lodash@4.18.1 lodash
moment@2.31.0 moment
jquery@4.0.0 jquery
pdfjs-dist@6.5.438 pdfjs-dist
plotly.js-dist-min@4.1.2 plotly.js-dist-min
@tensorflow/tfjs@4.22.0 @tensorflow/tfjs
xlsx@0.18.5 xlsx
highlight.js@11.12.0 highlight.js
LIST
find "$dir" -type f \( -name '*.js' -o -name '*.mjs' -o -name '*.cjs' \) | wc -l | xargs printf '%s files, '
du -sh "$dir" | cut -f 1
