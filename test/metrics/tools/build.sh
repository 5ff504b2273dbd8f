#!/usr/bin/env bash
# Build build/dump_metrics (test/metrics/tools/dump_metrics.c) against the
# engine sources, -O2 -g like the server build; extra arguments go to cc.
# The engine's HTML reader (src/engine/html*.c) needs libxml2, as in the
# Makefile.
set -euo pipefail
cd "$(dirname "$0")/../../.."
mkdir -p build
cc -std=gnu11 -O2 -g -Wall -Wno-unused-parameter "$@" $(pkg-config --cflags libpcre2-8 libxml-2.0) \
	-o build/dump_metrics test/metrics/tools/dump_metrics.c src/tools/tool_io.c src/engine/*.c \
	$(pkg-config --libs libpcre2-8 libxml-2.0) -lm
