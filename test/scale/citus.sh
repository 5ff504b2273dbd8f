#!/usr/bin/env bash
# article_tools on Citus: a coordinator and 2 workers as throwaway clusters
# on loopback ports, an articles table distributed by id and attached, and
# the side rows checked against a single-node run of the same articles.
#
#   test/scale/citus.sh [N_ARTICLES]      (default 2000)
#
# Needs citus.so in the server's library directory (docs/scaling.md says how
# to build it); skips (exit 77) with a message where it is absent.  Reads
# the articles from ../shared/corpus/news at run time (BBC texts: benchmark
# input only, never stored in the repository).  Uses $AT_BINDIR when run
# from test/run_tests.sh (test/checks/pipeline_citus.sh), else builds a
# private install of this checkout.  Prints "N passed, N failed".
set -uo pipefail

AT_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
. "$AT_ROOT/test/bench/corpus.sh"
cd "$AT_ROOT"
n_articles=${1:-2000}
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
[ -x "$PG_CONFIG" ] || PG_CONFIG=pg_config

skip() { echo "citus: skipped: $*"; exit 77; }
if [ -n "${AT_BINDIR:-}" ]; then
	libdir=$("$AT_BINDIR/pg_config" --pkglibdir 2>/dev/null || "$PG_CONFIG" --pkglibdir)
	# a private install keeps the system's layout under its own root
	[ -e "$libdir/citus.so" ] || libdir=${AT_BINDIR%/bin}/lib
else
	libdir=$("$PG_CONFIG" --pkglibdir)
fi
[ -e "$libdir/citus.so" ] ||
	skip "citus.so is not installed in $libdir (see docs/scaling.md to build Citus 12.1 for PostgreSQL 15)"
shared=$(at_shared_dir) || skip "../shared is absent"
[ -d "$shared/corpus/news/bbc" ] || skip "$shared/corpus/news/bbc is absent"

scratch=$(at_scratch)
nodes=()
cleanup() {
	local d
	for d in "${nodes[@]}"; do
		runuser -u postgres -- "$AT_BINDIR/pg_ctl" -D "$d/data" -m fast -w stop >/dev/null 2>&1 ||
			"$AT_BINDIR/pg_ctl" -D "$d/data" -m fast -w stop >/dev/null 2>&1 || true
	done
	rm -rf "$scratch"
}
trap cleanup EXIT

if [ -z "${AT_BINDIR:-}" ]; then
	export PG_CONFIG
	at_build || exit 1
	at_tmp_install "$scratch/inst" || exit 1
fi

# start_node DIR PORT: initdb and a server on 127.0.0.1:PORT with Citus loaded
start_node() {
	local d=$1 port=$2 run=()
	mkdir -p "$d/data"
	if [ "$(id -u)" -eq 0 ]; then
		chown -R postgres: "$d"
		run=(runuser -u postgres --)
	fi
	"${run[@]}" "$AT_BINDIR/initdb" -D "$d/data" -U postgres -E UTF8 --no-locale --auth=trust \
		>"$d/initdb.log" 2>&1 || { cat "$d/initdb.log" >&2; return 1; }
	nodes+=("$d")
	"${run[@]}" "$AT_BINDIR/pg_ctl" -D "$d/data" -l "$d/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -k $d -p $port -c fsync=off -c max_connections=80 -c shared_preload_libraries=citus -c autovacuum=off" \
		start >/dev/null || { cat "$d/server.log" >&2; return 1; }
}
base_port=$((40000 + RANDOM % 20000))
ports=($base_port $((base_port + 1)) $((base_port + 2)))
for i in 0 1 2; do
	echo "citus: starting node $i on 127.0.0.1:${ports[$i]}"
	start_node "$scratch/node$i" "${ports[$i]}" || exit 1
done
q() { "$AT_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -At -h 127.0.0.1 -p "${ports[0]}" -U postgres -d postgres "$@"; }
for i in 0 1 2; do
	"$AT_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${ports[$i]}" -U postgres -d postgres \
		-c "CREATE EXTENSION citus" -c "CREATE EXTENSION article_tools" || exit 1
done
q -c "SELECT citus_set_coordinator_host('127.0.0.1', ${ports[0]})" \
  -c "SELECT citus_add_node('127.0.0.1', ${ports[1]})" \
  -c "SELECT citus_add_node('127.0.0.1', ${ports[2]})" >/dev/null || exit 1
echo "citus: $(q -c "SELECT count(*) FROM citus_get_active_worker_nodes()") workers, Citus $(q -c "SELECT extversion FROM pg_extension WHERE extname = 'citus'")"

passed=0
failed=0
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
# check NAME GOT WANT
check() {
	if [ "$2" = "$3" ]; then
		passed=$((passed + 1))
		echo "ok: $1"
	else
		failed=$((failed + 1))
		echo "FAILED: $1: got '$2', want '$3'"
	fi
}

# The articles, in COPY text format
echo "citus: reading $n_articles articles from $shared/corpus/news"
at_bench_corpus_tsv "$shared" "$scratch/corpus.tsv"
head -n "$n_articles" "$scratch/corpus.tsv" > "$scratch/some.tsv"
q -c "CREATE TEMP TABLE corpus (id int, file text, b64 text)" \
  -c "\\copy corpus FROM '$scratch/some.tsv'" \
  -c "\\copy (SELECT id, convert_from(decode(b64, 'base64'), 'UTF8') FROM corpus ORDER BY id) TO '$scratch/articles.copy'" || exit 1

# Single node: a plain table on the coordinator, with the trigger
# (Citus warns that the views over local tables stay local: that is the point)
q -c "CREATE TABLE local_articles (id bigint PRIMARY KEY, raw text)" \
  -c "SET client_min_messages = error" \
  -c "SELECT article_tools.attach('local_articles', 'raw')" >/dev/null || exit 1
t0=$EPOCHREALTIME
q -c "\\copy local_articles FROM '$scratch/articles.copy'" || exit 1
t_local=$(since "$t0")
echo "citus: single node (trigger, COPY): $n_articles articles in ${t_local} s"

# Distributed: attach, then COPY, then refresh (the batch path)
q -c "CREATE TABLE articles (id bigint PRIMARY KEY, raw text)" \
  -c "SELECT create_distributed_table('articles', 'id')" >/dev/null || exit 1
check "attach a distributed table" \
	"$(q -c "SET client_min_messages = warning" -c "SELECT article_tools.attach('articles', 'raw')")" 0
check "side tables distributed and co-located with the articles" \
	"$(q -c "SELECT count(*) FROM pg_dist_partition d, pg_dist_partition a
	         WHERE a.logicalrelid = 'articles'::regclass AND d.colocationid = a.colocationid
	           AND d.partmethod = 'h'
	           AND d.logicalrelid IN ('articles_parsed'::regclass, 'articles_entities'::regclass,
	                                  'articles_metrics'::regclass, 'articles_errors'::regclass)")" 4
check "foreign keys from the side tables cascade deletes" \
	"$(q -c "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND confrelid = 'articles'::regclass AND confdeltype = 'c'")" 4
check "no trigger on the distributed table" \
	"$(q -c "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'articles'::regclass AND NOT tgisinternal")" 0
q -c "\\copy articles FROM '$scratch/articles.copy'" || exit 1
t0=$EPOCHREALTIME
check "refresh processes every article" "$(q -c "SELECT article_tools.refresh('articles')")" "$n_articles"
t_dist=$(since "$t0")
echo "citus: coordinator + 2 workers (refresh): $n_articles articles in ${t_dist} s"
check "a second refresh has nothing to do" "$(q -c "SELECT article_tools.refresh('articles')")" 0

# same_rows LABEL: every side row of the distributed table equals the
# single node's (both ways, duplicates counted)
same_rows() {
	local side
	for side in parsed entities metrics; do
		check "$1: articles_$side rows equal the single node's" "$(q -c "
			WITH d AS (SELECT to_jsonb(x) - 'raw_md5' AS j FROM articles_$side x),
			     l AS (SELECT to_jsonb(x) AS j FROM local_articles_$side x)
			SELECT (SELECT count(*) FROM d) = (SELECT count(*) FROM l) AND (SELECT count(*) FROM d) > 0,
			       (SELECT count(*) FROM ((TABLE d EXCEPT ALL TABLE l) UNION ALL (TABLE l EXCEPT ALL TABLE d)) x)")" "t|0"
	done
}
same_rows "after COPY"

# update and delete, on both; refresh brings the distributed side up to date
for t in local_articles articles; do
	q -c "UPDATE $t SET raw = 'LONDON, March 3 (Reuters) - Harbor Bank of Ningbo said profit rose ' || id::text || ' percent to 4.2 billion yuan.' WHERE id % 40 = 1" \
	  -c "UPDATE $t SET raw = raw || E'\\n\\nShares of Tianhe Logistics Group fell 2.5 percent on Monday.' WHERE id % 40 = 2" \
	  -c "DELETE FROM $t WHERE id % 40 = 3" || exit 1
done
changed=$(q -c "SELECT count(*) FROM articles WHERE id % 40 IN (1, 2)")
check "refresh processes the updated articles again" "$(q -c "SELECT article_tools.refresh('articles')")" "$changed"
check "deleted articles lose their side rows" \
	"$(q -c "SELECT count(*) FROM articles_parsed WHERE id % 40 = 3") $(q -c "SELECT count(*) FROM articles_entities WHERE id % 40 = 3")" "0 0"
same_rows "after UPDATE and DELETE"

# refresh without check_updates takes the new rows only (no text is read)
for t in local_articles articles; do
	q -c "UPDATE $t SET raw = raw || E'\n\nThe bank employs 3,000 people.' WHERE id % 40 = 5" \
	  -c "INSERT INTO $t SELECT id + 1000000, raw FROM $t WHERE id % 40 = 6" || exit 1
done
check "refresh(check_updates => false) processes the new rows only" \
	"$(q -c "SELECT article_tools.refresh('articles', check_updates => false)")" \
	"$(q -c "SELECT count(*) FROM articles WHERE id > 1000000")"
check "refresh() then processes the updated ones" "$(q -c "SELECT article_tools.refresh('articles')")" \
	"$(q -c "SELECT count(*) FROM articles WHERE id % 40 = 5")"
same_rows "after new rows and updates"

# reprocess (TRUNCATE + refresh) gives the same rows again
check "reprocess a distributed table" "$(q -c "SELECT article_tools.reprocess('articles')")" \
	"$(q -c "SELECT count(*) FROM articles")"
same_rows "after reprocess"

# the extraction runs on the workers
plan=$(q -c "EXPLAIN SELECT a.id, e.text FROM articles a, LATERAL article_tools.extract_entities(a.raw) e")
check "LATERAL extract_entities runs as distributed tasks" \
	"$(echo "$plan" | grep -cE 'Custom Scan \(Citus Adaptive\)|Task Count: 32')" 2
for stmt in "INSERT INTO public.articles_entities" "DELETE FROM public.articles_entities"; do
	plan=$(q -c "EXPLAIN $(q -c "SELECT s FROM article_tools._batch_statements('articles', true) s WHERE s LIKE '$stmt%'")")
	check "refresh's $stmt ... is pushed down to the co-located shards" \
		"$(echo "$plan" | grep -c 'Task Count: 32') $(echo "$plan" | grep -ciE 'pull to coordinator|repartition')" "1 0"
done

# the news configuration and GIN indexes on distributed tables
check "GIN index on the side table's tsvector, on the table and on its 32 shards" \
	"$(q -c "SELECT count(*) FROM pg_indexes WHERE tablename = 'articles_parsed' AND indexdef LIKE '%USING gin (tsv)%'")
$(q -c "SELECT sum(result::int) FROM run_command_on_workers(\$\$SELECT count(*) FROM pg_indexes WHERE tablename LIKE 'articles\\_parsed\\_%' AND indexdef LIKE '%USING gin (tsv)%'\$\$)")" "1
32"
q -c "CREATE INDEX articles_raw_fts ON articles USING gin (to_tsvector('article_tools.news', raw))" || exit 1
for word in market government economy; do
	check "tsv @@ '$word' finds the single node's articles" \
		"$(q -c "SELECT count(*) FROM articles_parsed WHERE tsv @@ to_tsquery('article_tools.news', '$word')")" \
		"$(q -c "SELECT count(*) FROM local_articles_parsed WHERE tsv @@ to_tsquery('article_tools.news', '$word')")"
done
check "a GIN expression index with the news configuration on the distributed table is used" \
	"$(q -c "BEGIN" -c "SET LOCAL citus.propagate_set_commands = 'local'" -c "SET LOCAL enable_seqscan = off" \
	     -c "EXPLAIN SELECT count(*) FROM articles WHERE to_tsvector('article_tools.news', raw) @@ to_tsquery('article_tools.news', 'market')" \
	     -c "COMMIT" | grep -c 'Bitmap Index Scan on articles_raw_fts')" 1
check "the expression index answers as the single node does" \
	"$(q -c "SELECT count(*) FROM articles WHERE to_tsvector('article_tools.news', raw) @@ to_tsquery('article_tools.news', 'market & share')")" \
	"$(q -c "SELECT count(*) FROM local_articles WHERE to_tsvector('article_tools.news', raw) @@ to_tsquery('article_tools.news', 'market & share')")"

# the BI views work over the distributed tables
check "metric_facts and entity_mentions views" \
	"$(q -c "SELECT (SELECT count(*) FROM articles_metric_facts) = (SELECT count(*) FROM local_articles_metric_facts),
	                (SELECT sum(mentions) FROM articles_entity_mentions) = (SELECT sum(mentions) FROM local_articles_entity_mentions)")" "t|t"

# attach on a distributed table that has rows processes them at once
q -c "CREATE TABLE more (id bigint PRIMARY KEY, raw text)" -c "SELECT create_distributed_table('more', 'id')" \
  -c "INSERT INTO more SELECT id, raw FROM local_articles WHERE id <= 100" >/dev/null || exit 1
check "attach processes the rows already there" \
	"$(q -c "SET client_min_messages = warning" -c "SELECT article_tools.attach('more', 'raw')")" \
	"$(q -c "SELECT count(*) FROM more")"
check "on_error skip is refused on a distributed table, with a reason" \
	"$(q -c "SELECT article_tools.detach('more', true)" \
	     -c "SELECT article_tools.attach('more', 'raw', '{\"on_error\": \"skip\"}')" 2>&1 | grep -c 'not supported on the distributed table')" 1
check "detach drops the distributed side tables" \
	"$(q -c "SELECT count(*) FROM pg_class WHERE relname LIKE 'more\\_%' AND relkind IN ('r', 'v')")" 0

echo "citus: throughput on this machine: single node ${t_local} s, coordinator + 2 workers ${t_dist} s for $n_articles articles"
echo "citus: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
