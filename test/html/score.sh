#!/usr/bin/env bash
# score.sh [-v | -t | -d ID]: scores the HTML path on the evaluation sets in
# $AT_HTML_DATA (see README.md here); held-out and tuning figures apart.
# Exits 77 when the data is absent.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/test/html/data.sh"
data=$(at_html_data score.sh) || exit 77
cd "$root"
mkdir -p build
cflags="$(pkg-config --cflags libpcre2-8 libxml-2.0)"
libs="$(pkg-config --libs libpcre2-8 libxml-2.0)"
if [ ! -x build/html_score ] || [ -n "$(find src/engine src/tools/tool_io.c test/html/score.c -newer build/html_score)" ]; then
	${CC:-cc} -std=gnu11 -O2 -g -Wall -Wno-unused-parameter $cflags -o build/html_score \
		test/html/score.c src/tools/tool_io.c src/engine/*.c $libs -lm
fi
bash test/html/manifest.sh "$data" > build/html_manifest.tsv
exec build/html_score build/html_manifest.tsv "$data" test/html/heldout.txt "$@"
