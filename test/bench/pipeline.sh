#!/usr/bin/env bash
# Throughput of the processing pipeline over ../shared/corpus/news/ (every
# *.txt below it), in a throwaway cluster with this checkout installed:
#
#   plain:   COPY into a plain table, then INSERT ... SELECT parse_article(raw),
#            extract_entities(body), extract_metrics(body) and the tsvector
#            into side tables of the same shape (the tables attach() creates,
#            with their keys, foreign keys and GIN index, minus the trigger);
#   trigger: COPY into a table attached with article_tools.attach().
#
# Both start from empty tables; each is run ROUNDS times (default 3),
# alternating, and the median is reported.  Target: trigger >= 0.8 x plain.
#
#   test/bench/pipeline.sh [ROUNDS]
set -euo pipefail

AT_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
cd "$AT_ROOT"
rounds=${1:-3}

shared=$(at_shared_dir) || { echo "pipeline bench: skipped: ../shared is absent"; exit 77; }
corpus=$shared/corpus/news
[ -d "$corpus" ] || { echo "pipeline bench: skipped: $corpus is absent"; exit 77; }

at_ensure_packages
at_build
scratch=$(at_scratch)
trap 'at_stop_cluster; rm -rf "$scratch"' EXIT
at_tmp_install "$scratch/inst"
AT_SERVER_OPTS="-c autovacuum=off -c shared_buffers=256MB -c max_wal_size=4GB" \
	at_start_cluster "$AT_BINDIR" "$scratch/cluster"
at_psql -c "CREATE DATABASE bench" >/dev/null
export PGDATABASE=bench
q() { at_psql -At "$@"; }

# Load the corpus once (base64 keeps every byte through COPY), then write it
# out in COPY text format: both paths read that same file.
# Files that are not valid UTF-8 (one BBC file has a Latin-1 byte) cannot
# be stored in a text column and are left out, as any loader would.
skipped=0
while read -r f; do
	if iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then
		printf '%s\n' "$(base64 -w0 < "$f")"
	else
		skipped=$((skipped + 1))
	fi
done < <(find "$corpus" -type f -name '*.txt' ! -name 'LICENSE*' | LC_ALL=C sort) > "$scratch/corpus.b64"
chmod 644 "$scratch/corpus.b64"
q -c "CREATE EXTENSION article_tools" \
  -c "CREATE TABLE corpus (id serial PRIMARY KEY, b64 text)" \
  -c "\\copy corpus (b64) FROM '$scratch/corpus.b64'" \
  -c "\\copy (SELECT id, convert_from(decode(b64, 'base64'), 'UTF8') FROM corpus ORDER BY id) TO '$scratch/articles.copy'" \
  -c "DROP TABLE corpus"
n=$(wc -l < "$scratch/articles.copy")
bytes=$(q -c "CREATE TEMP TABLE s (id int, raw text)" -c "\\copy s FROM '$scratch/articles.copy'" \
          -c "SELECT sum(octet_length(raw)) FROM s")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }')
echo "corpus: $n articles, $mb MB, from $corpus ($skipped files skipped: not UTF-8)"

has_step() { [ "$(q -c "SELECT count(*) FROM article_tools._pipeline_steps() WHERE step = '$1'")" = 1 ]; }

# The plain path's statements: the same work the trigger does, set-based.
plain_sql() {
	local parsed_cols
	parsed_cols=$(q -c "SELECT CASE WHEN EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'plain_parsed'::regclass AND attname = 'tsv')
	                    THEN 'a.*, to_tsvector(''article_tools.news'', a.body)' ELSE 'a.*' END")
	echo "INSERT INTO plain_parsed SELECT t.id, $parsed_cols FROM plain t, article_tools.parse_article(t.raw) a;"
	if has_step entities; then
		echo "INSERT INTO plain_entities SELECT p.id, e.* FROM plain_parsed p, article_tools.extract_entities(p.body) e;"
	fi
	if has_step metrics; then
		echo "INSERT INTO plain_metrics SELECT p.id, m.* FROM plain_parsed p, article_tools.extract_metrics(p.body) m;"
	fi
}

reset_table() {
	q -c "SET client_min_messages = warning" \
	  -c "DO \$\$ BEGIN IF EXISTS (SELECT FROM article_tools.attachments WHERE relid = to_regclass('$1')) THEN PERFORM article_tools.detach('$1', true); END IF; END \$\$" \
	  -c "DROP TABLE IF EXISTS $1_parsed, $1_entities, $1_metrics, $1_errors CASCADE" \
	  -c "DROP TABLE IF EXISTS $1 CASCADE" \
	  -c "CREATE TABLE $1 (id int PRIMARY KEY, raw text)" \
	  -c "SELECT article_tools.attach('$1', 'raw')" >/dev/null
}

now() { date +%s.%N; }
declare -a t_plain t_trig
for r in $(seq 1 "$rounds"); do
	reset_table plain
	q -c "SELECT article_tools.detach('plain')" >/dev/null   # keep the side tables, drop the trigger
	plain_sql > "$scratch/plain.sql"
	q -c "CHECKPOINT" >/dev/null
	t0=$(now)
	q -1 -c "\\copy plain FROM '$scratch/articles.copy'" -f "$scratch/plain.sql" >/dev/null
	t1=$(now)
	t_plain+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")

	reset_table trig
	q -c "CHECKPOINT" >/dev/null
	t0=$(now)
	q -1 -c "\\copy trig FROM '$scratch/articles.copy'" >/dev/null
	t1=$(now)
	t_trig+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
	echo "round $r: plain ${t_plain[-1]} s, trigger ${t_trig[-1]} s"
done

# Both paths stored the same rows.
same=$(q -c "SELECT (SELECT count(*) FROM plain_parsed) = (SELECT count(*) FROM trig_parsed)
              AND NOT EXISTS (SELECT to_jsonb(p) FROM plain_parsed p EXCEPT SELECT to_jsonb(t) FROM trig_parsed t)")
[ "$same" = t ] || { echo "pipeline bench: the two paths stored different rows" >&2; exit 1; }
rows_of() { if [ "$(q -c "SELECT to_regclass('$1') IS NOT NULL")" = t ]; then q -c "SELECT count(*) FROM $1"; else echo 0; fi; }
counts="$(rows_of trig_parsed) parsed, $(rows_of trig_entities) entities, $(rows_of trig_metrics) metrics rows"

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
mp=$(median "${t_plain[@]}")
mt=$(median "${t_trig[@]}")
awk -v mb="$mb" -v p="$mp" -v t="$mt" -v n="$n" -v c="$counts" 'BEGIN {
	printf "stored per path: %s\n", c
	printf "plain   (COPY + INSERT ... SELECT): %.3f s  %6.2f MB/s  %7.0f articles/s\n", p, mb / p, n / p
	printf "trigger (COPY into attached table): %.3f s  %6.2f MB/s  %7.0f articles/s\n", t, mb / t, n / t
	printf "ratio trigger/plain throughput: %.2f (target >= 0.80)\n", p / t
}'
