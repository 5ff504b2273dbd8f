#!/usr/bin/env bash
# same_tree.sh: the tree our own HTML tokenizer gives against the one
# libxml2's HTML parser gives, page by page, on the evaluation pages in
# $AT_HTML_DATA (see README.md here; skips, exit 77, without them).  Prints
# the first difference of each page that differs.  Set SAME_TREE_PREPASS=1
# to compare with libxml2 after the full pre-pass (it folds blank runs, so
# many more pages differ in white space only).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/test/html/data.sh"
data=$(at_html_data same_tree.sh) || exit 77
cd "$root"
mkdir -p build
${CC:-cc} -std=gnu11 -O2 -g -Wall -Wno-unused-parameter $(pkg-config --cflags libpcre2-8 libxml-2.0) \
	-o build/same_tree test/html/same_tree.c src/tools/tool_io.c test/html/libxml2_*.c src/engine/*.c $(pkg-config --libs libpcre2-8 libxml-2.0) -lm
ls "$data"/trafilatura/tests/eval/*.htm* "$data"/readability/test/test-pages/*/source.html \
	"$data"/htmldate/tests/eval/* "$data"/htmldate/tests/test_set/* 2>/dev/null | build/same_tree
