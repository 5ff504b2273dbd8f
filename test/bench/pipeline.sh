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
# Both start from empty tables; each is run ROUNDS times (default 5),
# alternating, and the median is reported.  Target: trigger >= 0.8 x plain.
#
#   test/bench/pipeline.sh [ROUNDS]
set -euo pipefail

AT_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
cd "$AT_ROOT"
rounds=${1:-5}

shared=$(at_shared_dir) || { echo "pipeline bench: skipped: ../shared is absent"; exit 77; }
corpus=$shared/corpus/news
[ -d "$corpus" ] || { echo "pipeline bench: skipped: $corpus is absent"; exit 77; }

AT_SERVER_OPTS="-c autovacuum=off -c shared_buffers=256MB -c max_wal_size=4GB" at_bench_setup
q() { at_psql -At "$@"; }

# Load the corpus as test/bench/run.sh does, then write it out in COPY text
# format: both paths read that same file.
. "$AT_ROOT/test/bench/corpus.sh"
at_bench_corpus_tsv "$shared" "$scratch/corpus.tsv"
q -c "CREATE EXTENSION article_tools" \
  -c "CREATE TABLE corpus (id int PRIMARY KEY, file text, b64 text)" \
  -c "\\copy corpus FROM '$scratch/corpus.tsv'" \
  -c "\\copy (SELECT id, convert_from(decode(b64, 'base64'), 'UTF8') FROM corpus ORDER BY id) TO '$scratch/articles.copy'" \
  -c "DROP TABLE corpus"
n=$(wc -l < "$scratch/articles.copy")
bytes=$(q -c "CREATE TEMP TABLE s (id int, raw text)" -c "\\copy s FROM '$scratch/articles.copy'" \
          -c "SELECT sum(octet_length(raw)) FROM s")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }')
echo "corpus: $n articles, $mb MB, from $corpus (bbc/, wikinews-gum/)"
for c in "${AT_BENCH_CONVERTED[@]}"; do
	echo "corpus: $c is not valid UTF-8; loaded after converting from Windows-1252"
done

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

# Wall time of the psql session, and CPU time of its backend (from
# /proc/self/stat, in 1/100 s): the CPU figure is steadier on a busy machine.
cpu_sql="SELECT s[14]::bigint + s[15]::bigint FROM string_to_array(pg_read_file('/proc/self/stat'), ' ') s"
# run_timed FILE.sql: prints "wall_seconds cpu_seconds"
run_timed() {
	local t0 t1 ticks
	t0=$(date +%s.%N)
	ticks=$(q -1 -v ON_ERROR_STOP=1 -c "$cpu_sql" -f "$1" -c "$cpu_sql" | tail -n 2 | awk 'NR == 1 { a = $1 } NR == 2 { print $1 - a }')
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" -v c="$ticks" 'BEGIN { printf "%.3f %.2f\n", b - a, c / 100 }'
}

declare -a w_plain w_trig c_plain c_trig
for r in $(seq 1 "$rounds"); do
	reset_table plain
	q -c "SELECT article_tools.detach('plain')" >/dev/null   # keep the side tables, drop the trigger
	{ echo "\\copy plain FROM '$scratch/articles.copy'"; plain_sql; } > "$scratch/plain.sql"
	q -c "CHECKPOINT" >/dev/null
	read -r w c < <(run_timed "$scratch/plain.sql")
	w_plain+=("$w"); c_plain+=("$c")

	reset_table trig
	echo "\\copy trig FROM '$scratch/articles.copy'" > "$scratch/trig.sql"
	q -c "CHECKPOINT" >/dev/null
	read -r w c < <(run_timed "$scratch/trig.sql")
	w_trig+=("$w"); c_trig+=("$c")
	echo "round $r: plain ${w_plain[-1]} s (cpu ${c_plain[-1]} s), trigger ${w_trig[-1]} s (cpu ${c_trig[-1]} s)"
done

# Both paths stored the same rows.
same=$(q -c "SELECT (SELECT count(*) FROM plain_parsed) = (SELECT count(*) FROM trig_parsed)
              AND NOT EXISTS (SELECT to_jsonb(p) FROM plain_parsed p EXCEPT SELECT to_jsonb(t) FROM trig_parsed t)")
[ "$same" = t ] || { echo "pipeline bench: the two paths stored different rows" >&2; exit 1; }
rows_of() { if [ "$(q -c "SELECT to_regclass('$1') IS NOT NULL")" = t ]; then q -c "SELECT count(*) FROM $1"; else echo 0; fi; }
counts="$(rows_of trig_parsed) parsed, $(rows_of trig_entities) entities, $(rows_of trig_metrics) metrics rows"

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
mp=$(median "${w_plain[@]}"); mt=$(median "${w_trig[@]}")
cp=$(median "${c_plain[@]}"); ct=$(median "${c_trig[@]}")
awk -v mb="$mb" -v p="$mp" -v t="$mt" -v cp="$cp" -v ct="$ct" -v n="$n" -v c="$counts" 'BEGIN {
	printf "stored per path: %s\n", c
	printf "medians            wall s    MB/s  articles/s | backend cpu s   MB/s\n"
	printf "plain   (COPY + INSERT ... SELECT) %6.3f %7.2f %9.0f   | %8.2f %9.2f\n", p, mb / p, n / p, cp, mb / cp
	printf "trigger (COPY into attached table) %6.3f %7.2f %9.0f   | %8.2f %9.2f\n", t, mb / t, n / t, ct, mb / ct
	printf "ratio trigger/plain throughput: wall %.2f, cpu %.2f (target >= 0.80)\n", p / t, cp / ct
}'
