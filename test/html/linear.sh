#!/usr/bin/env bash
# linear.sh: times the HTML path of parse_article on pathological pages at n
# and 2n (ratio about 2 for linear time; reported, not asserted), with each
# of the two tokenizers of the HTML path (our own, then libxml2's).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
mkdir -p build
${CC:-cc} -std=gnu11 -O2 -Wall -Wno-unused-parameter $(pkg-config --cflags libpcre2-8 libxml-2.0) \
	-o build/html_linear test/html/linear.c test/html/libxml2_*.c src/engine/*.c $(pkg-config --libs libpcre2-8 libxml-2.0) -lm
AT_HTML_PARSER=own build/html_linear
AT_HTML_PARSER=libxml2 build/html_linear
