#!/usr/bin/env bash
# Throughput benchmark over ../shared/corpus/news/ (the BBC and Wikinews
# articles): loads every article into a throwaway cluster running a private
# install of this checkout, measures to_tsvector('english', raw) over all rows
# as the baseline, then runs every case in test/bench/cases/*.sql and prints
# for each: seconds, MB/s, and the ratio to the baseline of the same run.
#
#   test/bench/run.sh [case-name-filter]        (or: make bench)
#
# A case is one file test/bench/cases/NN_name.sql holding one query over the
# table corpus(id int, file text, raw text) that returns one row and one
# number; a header of "-- key: value" comment lines describes it:
#   -- label:  parse_article            (default: the file name)
#   -- units:  words                    (optional: the number returned counts
#                                        these, and units/s is printed)
#   -- target: 3                        (optional: minimum ratio to the baseline;
#                                        the run exits 1 when a case misses it)
# Each query runs 3 times; the best time counts (timed inside the server,
# so client transfer is not measured; return an aggregate, not the rows).
# The baseline runs again with every case, alternating with it, and the
# case's ratio is to that baseline: on a shared machine a burst of load
# then slows both, not one of them (AT_BENCH_PAIRED=0: one baseline for
# all cases, as before).
# The column "cpu" is the same ratio in the backend's CPU time (the first
# field of /proc/PID/schedstat of pg_backend_pid(), best of the runs too):
# wall clock moves by +-20% when other processes share the machine, CPU
# time much less ("-" where /proc cannot be read).
set -uo pipefail

AT_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
. "$AT_ROOT/test/bench/corpus.sh"
cd "$AT_ROOT"
filter=${1:-}
RUNS=${AT_BENCH_RUNS:-3}

shared=$(at_bench_shared bench) || exit 0

at_bench_setup || exit 1
# the benchmark's own helpers (ts_token_count), not part of the extension
. "$AT_ROOT/test/bench/module.sh"
at_bench_module || exit 1

# Load the corpus; files that are not UTF-8 are converted (test/bench/corpus.sh).
at_bench_load_corpus "$shared"
converted=("${AT_BENCH_CONVERTED[@]}")
at_bench_module_sql || exit 1
at_psql <<SQL
-- this backend's CPU time in seconds (Linux: /proc/PID/schedstat), or NULL
CREATE FUNCTION bench_cpu() RETURNS float8
LANGUAGE plpgsql AS \$\$
BEGIN
    RETURN split_part(pg_read_file('/proc/' || pg_backend_pid() || '/schedstat'), ' ', 1)::float8 / 1e9;
EXCEPTION WHEN OTHERS THEN
    RETURN NULL;
END \$\$;
-- best of n runs of a query, timed in the server; returns seconds, CPU seconds and the query's value
CREATE FUNCTION bench_time(q text, runs int, OUT seconds float8, OUT cpu float8, OUT value numeric)
LANGUAGE plpgsql AS \$\$
DECLARE
    t0 timestamptz;
    c0 float8;
    el float8;
BEGIN
    seconds := 'Infinity';
    FOR i IN 1..runs LOOP
        c0 := bench_cpu();
        t0 := clock_timestamp();
        EXECUTE q INTO value;
        el := extract(epoch FROM clock_timestamp() - t0);
        seconds := least(seconds, el);
        cpu := least(coalesce(cpu, 'Infinity'), bench_cpu() - c0);
    END LOOP;
END \$\$;
-- the same for a query and the baseline, run alternately
CREATE FUNCTION bench_pair(qb text, q text, runs int, OUT base float8, OUT seconds float8, OUT value numeric,
                           OUT base_cpu float8, OUT cpu float8)
LANGUAGE plpgsql AS \$\$
DECLARE
    t0 timestamptz;
    c0 float8;
    v numeric;
BEGIN
    base := 'Infinity';
    seconds := 'Infinity';
    FOR i IN 1..runs LOOP
        c0 := bench_cpu();
        t0 := clock_timestamp();
        EXECUTE qb INTO v;
        base := least(base, extract(epoch FROM clock_timestamp() - t0));
        base_cpu := least(coalesce(base_cpu, 'Infinity'), bench_cpu() - c0);
        c0 := bench_cpu();
        t0 := clock_timestamp();
        EXECUTE q INTO value;
        seconds := least(seconds, extract(epoch FROM clock_timestamp() - t0));
        cpu := least(coalesce(cpu, 'Infinity'), bench_cpu() - c0);
    END LOOP;
END \$\$;
SQL
read -r rows mb < <(at_psql -At -F ' ' -c "SELECT count(*), round(sum(octet_length(raw)) / 1e6, 3) FROM corpus")
echo "corpus: $rows articles, $mb MB from $shared/corpus/news (bbc/, wikinews-gum/)"
for c in "${converted[@]}"; do
	echo "corpus: $c is not valid UTF-8; loaded after converting from Windows-1252"
done

# warm the cache (and the extension's compiled patterns) once
at_psql -At -c "SELECT count(*) FROM corpus WHERE raw <> ''" >/dev/null

time_query() {	# query -> "seconds value cpu-seconds" (cpu "-" when unknown)
	echo "SELECT round(seconds::numeric, 4), value, coalesce(round(cpu::numeric, 4)::text, '-') FROM bench_time(:'q', :runs)" |
		at_psql -At -F ' ' -v q="$1" -v runs="$RUNS" 2>&1
}

time_pair() {	# query -> "baseline-seconds seconds value baseline-cpu cpu" (cpu "-" when unknown)
	echo "SELECT round(base::numeric, 4), round(seconds::numeric, 4), value," \
		"coalesce(round(base_cpu::numeric, 4)::text, '-'), coalesce(round(cpu::numeric, 4)::text, '-')" \
		"FROM bench_pair(:'qb', :'q', :runs)" |
		at_psql -At -F ' ' -v qb="$baseline_q" -v q="$1" -v runs="$RUNS" 2>&1
}

baseline_q="SELECT sum(length(to_tsvector('english', raw))) FROM corpus"
read -r base_s base_v base_c < <(time_query "$baseline_q")
if ! [[ $base_s =~ ^[0-9.]+$ ]]; then
	echo "bench: the baseline failed: $base_s $base_v" >&2
	exit 1
fi
cpu_ratio() {	# baseline-cpu cpu -> their ratio, or "-"
	if [[ $1 =~ ^[0-9.]+$ && $2 =~ ^[0-9.]+$ ]] && awk -v s="$2" 'BEGIN { exit !(s > 0) }'; then
		awk -v b="$1" -v s="$2" 'BEGIN { printf "%.2f", b / s }'
	else
		echo "-"
	fi
}
fmt='%-34s %9s %9s %9s %6s  %s\n'
printf "$fmt" "case" "seconds" "MB/s" "ratio" "cpu" "notes"
printf "$fmt" "to_tsvector('english') (baseline)" "$base_s" \
	"$(awk -v m="$mb" -v s="$base_s" 'BEGIN { printf "%.2f", m / s }')" "1.00" "$(cpu_ratio "$base_c" "$base_c")" \
	"best of $RUNS"

status=0
for case in test/bench/cases/*.sql; do
	[ -e "$case" ] || continue
	name=$(basename "$case" .sql)
	[ -n "$filter" ] && [[ $name != *"$filter"* ]] && continue
	label=$(sed -n 's/^-- *label: *//p' "$case" | head -n 1)
	units=$(sed -n 's/^-- *units: *//p' "$case" | head -n 1)
	target=$(sed -n 's/^-- *target: *//p' "$case" | head -n 1)
	query=$(grep -v '^ *--' "$case" | sed 's/;[[:space:]]*$//' | tr '\n' ' ')
	if [ "${AT_BENCH_PAIRED:-1}" = 0 ]; then
		read -r s v c < <(time_query "$query")
		b=$base_s
		bc=$base_c
	else
		read -r b s v bc c < <(time_pair "$query")
	fi
	if ! [[ $s =~ ^[0-9.]+$ ]]; then
		printf "$fmt" "${label:-$name}" "-" "-" "-" "-" "ERROR: $b $s $v"
		status=1
		continue
	fi
	ratio=$(awk -v b="$b" -v s="$s" 'BEGIN { printf "%.2f", b / s }')
	notes=""
	[ "${AT_BENCH_PAIRED:-1}" = 0 ] || notes="baseline ${b} s"
	if [ -n "$units" ]; then
		notes="$notes${notes:+; }$(awk -v v="$v" -v s="$s" -v u="$units" 'BEGIN { printf "%.0f %s/s", v / s, u }')"
	fi
	if [ -n "$target" ]; then
		if awk -v r="$ratio" -v t="$target" 'BEGIN { exit !(r >= t) }'; then
			notes="$notes${notes:+; }target ${target}x met"
		else
			notes="$notes${notes:+; }target ${target}x MISSED"
			status=1
		fi
	fi
	printf "$fmt" "${label:-$name}" "$s" "$(awk -v m="$mb" -v s="$s" 'BEGIN { printf "%.2f", m / s }')" "$ratio" \
		"$(cpu_ratio "$bc" "$c")" "$notes"
done
exit $status
