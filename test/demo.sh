#!/usr/bin/env bash
# The main job, on a fresh Debian 12 machine or any machine with the packages:
# installs what is missing, builds and installs article_tools into the
# server of $PG_CONFIG (through sudo when not root), starts a throwaway
# cluster, loads the sample articles that ship in test/fixtures/articles/,
# processes them and prints the results.  The cluster is removed at the end.
#
#   test/demo.sh [article.txt ...]     (default: the shipped sample articles)
set -euo pipefail

AT_ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
cd "$AT_ROOT"

at_ensure_packages
at_build
at_log "installing into $("$PG_CONFIG" --sharedir)"
at_sudo make -s PG_CONFIG="$PG_CONFIG" install >&2

scratch=$(at_scratch)
trap 'at_stop_cluster; rm -rf "$scratch"' EXIT
at_start_cluster "$("$PG_CONFIG" --bindir)" "$scratch/cluster"
at_psql -c "CREATE DATABASE news"
export PGDATABASE=news

# Load the articles (file name and raw text) with psql's \copy, no quoting issues.
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
	files=("$AT_ROOT"/test/fixtures/articles/*.txt)
fi
at_psql -c "CREATE EXTENSION article_tools" \
	-c "CREATE TABLE articles (id serial PRIMARY KEY, file text NOT NULL, raw text NOT NULL)"
for f in "${files[@]}"; do
	# base64 keeps tabs, newlines and backslashes intact through COPY
	printf '%s\t%s\n' "$(basename "$f")" "$(base64 -w0 < "$f")"
done > "$scratch/articles.tsv"
chmod 644 "$scratch/articles.tsv"
at_psql -c "CREATE TEMP TABLE load (file text, b64 text)" \
	-c "\\copy load FROM '$scratch/articles.tsv'" \
	-c "INSERT INTO articles (file, raw) SELECT file, convert_from(decode(b64, 'base64'), 'UTF8') FROM load ORDER BY file"
at_log "loaded ${#files[@]} articles"

# Each feature shows its results from test/demo/*.sql, in name order.
for q in "$AT_ROOT"/test/demo/*.sql; do
	[ -e "$q" ] || continue
	at_psql -P pager=off -f "$q"
done
