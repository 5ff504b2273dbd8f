#!/usr/bin/env bash
# Complexity battery: every public function (test/checks/lib/complexity.list)
# over every repeated unit (test/checks/lib/complexity.units: digits with
# separators, currency signs, quotes, brackets, tags, URLs, abbreviations,
# CJK, NBSP, newlines, name and date pieces...) at 64 kB and 256 kB.  A
# linear function takes about 4x as long on 4x the input; one that re-reads
# a run from every start takes 16x.
#
# A pair over 6x is first compared with the same query in PostgreSQL's own
# configuration (english) and parser (default), for the text search
# functions: when that is over 6x as well, the time goes to the core
# (ts_headline's cover search, tsquery building) and the pair is noted, not
# failed.  Otherwise it is measured again one step up, 256 kB and 1 MB (at
# 64 and 256 kB again when the 256 kB run took over a second) and, when
# over again, once more at the first sizes; it fails when all three are over
# 6x (a one-off step, such as a result that no longer
# fits in memory, does not repeat; a quadratic does).  An error
# fails unless the core query raises it too, or it is the core's "stack
# depth limit exceeded" (websearch_to_tsquery nests one operator per word:
# it is raised on most units of 64 kB, by the english configuration too).
#
# Times are the backend's CPU time (/proc/self/schedstat: other processes
# on a busy machine do not count) per run, over as many runs as it takes to
# spend 40 ms (schedstat advances by scheduler ticks of up to 4 ms); a
# ratio only counts when a run at the larger size takes more than 2 ms.  The
# larger size has a statement_timeout of 12x the smaller time (at least
# 3 s), so a quadratic function is stopped rather than waited for.
# One psql session (a coprocess) runs every measure, so libraries and models
# load once.  Prints one progress line per unit, then the worst ratio of
# each function.  Env: AT_ROOT, AT_BINDIR, PGHOST, PGPORT, PGUSER
# (run_tests.sh); AT_CX_UNITS=name,name,... runs only those units.
set -uo pipefail
: "${AT_ROOT:?}" "${AT_BINDIR:?}"

db=at_check_complexity
lib=$AT_ROOT/test/checks/lib
small_kb=64
large_kb=256
limit=6				# fail above this ratio (for 4x the input)
min_ms=40			# CPU time spent per measure (runs repeated until then)
max_reps=400
floor_ms=2			# ratios of smaller times are noise

psql_db() { "$AT_BINDIR/psql" -X -q -At -F '|' -v ON_ERROR_STOP=1 -d "$db" "$@"; }
drop_db() { "$AT_BINDIR/psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1; }
trim() { sed 's/^[[:space:]]*//; s/[[:space:]]*$//' <<< "$1"; }
gt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a > b) }'; }

"$AT_BINDIR/psql" -X -q -d postgres -c "SET client_min_messages = warning" \
	-c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" || exit 1
cleanup() {
	[ -n "${pg_pid:-}" ] && kill "$pg_pid" 2>/dev/null
	drop_db
}
trap cleanup EXIT

# the lists as rows of at_cx.fns and at_cx.units ("name | rest", split at the first '|')
load_list() {
	local table=$1 file=$2 ord=0 line name rest
	while IFS= read -r line; do
		[[ $line =~ ^[[:space:]]*(#|$) ]] && continue
		ord=$((ord + 1))
		name=$(trim "${line%%|*}")
		rest=$(trim "${line#*|}")
		if [ "$table" = fns ]; then
			printf 'INSERT INTO at_cx.fns VALUES (%d, $n$%s$n$, $q$%s$q$);\n' "$ord" "$name" "$rest"
		else
			printf 'INSERT INTO at_cx.units VALUES (%d, $n$%s$n$, (%s));\n' "$ord" "$name" "$rest"
		fi
	done < "$file"
}
{
	echo "CREATE EXTENSION article_tools;"
	cat "$lib/complexity.sql"
	load_list fns "$lib/complexity.list"
	load_list units "$lib/complexity.units"
} | psql_db -f - >/dev/null || exit 1
if [ -n "${AT_CX_UNITS:-}" ]; then
	psql_db -c "DELETE FROM at_cx.units WHERE name <> ALL (pg_catalog.string_to_array('$AT_CX_UNITS', ','))"
fi
while read -r missing; do
	[ -n "$missing" ] && echo "complexity: skipped (not in this build): $missing"
done < <(psql_db -c "SELECT * FROM at_cx.prepare()")

mapfile -t fn_ords < <(psql_db -c "SELECT ord FROM at_cx.fns ORDER BY ord")
mapfile -t fn_names < <(psql_db -c "SELECT name FROM at_cx.fns ORDER BY ord")
mapfile -t unit_ords < <(psql_db -c "SELECT ord FROM at_cx.units ORDER BY ord")
mapfile -t unit_names < <(psql_db -c "SELECT name FROM at_cx.units ORDER BY ord")
nf=${#fn_ords[@]}
nu=${#unit_ords[@]}
echo "complexity: $nu units x $nf functions at $small_kb and $large_kb kB: ${fn_names[*]}"

# One session for all measures; every request ends with a marker line.
coproc PG { "$AT_BINDIR/psql" -X -q -At -F '|' -d "$db" 2>&1; }
pg_in=${PG[1]} pg_out=${PG[0]} pg_pid=$PG_PID
# ask SQL -> the output lines (errors included) in $reply
ask() {
	local line
	reply=""
	printf '%s\n\\echo __cx_done__\n' "$1" >&"$pg_in"
	while IFS= read -r line <&"$pg_out"; do
		[ "$line" = __cx_done__ ] && { reply=${reply%$'\n'}; return 0; }
		reply+="$line"$'\n'
	done
	echo "complexity: the psql session ended (server crash?): $reply"
	exit 1
}
ask "SET client_min_messages = warning; SELECT count(*) FROM at_cx.prepare();" # warm-up

# measure FN UNIT KB TIMEOUT_MS MIN_MS REF -> $ms: a number, "timeout" or "ERROR ..."
measure() {
	ask "SET statement_timeout = $4; SELECT at_cx.run($1, $2, $3, $5, $max_reps, $6);"
	if [[ $reply =~ ^[0-9.e+-]+$ ]]; then
		ms=$reply
	elif [[ $reply == *"statement timeout"* ]]; then
		ms=timeout
	else
		ms=${reply%%$'\n'*}		# the message without hint and context
		ms=${ms:0:120}
	fi
}

# pair FN UNIT MIN_MS REF [KB] -> $t_small, $t_large, $ratio, $bad (1: over
# the limit), $counted (1: the larger time is above the noise floor), $err,
# $noref (1: REF asked for, and the function has no core reference);
# sizes KB and 4 x KB (default $small_kb)
pair() {
	local timeout kb=${5:-$small_kb}
	bad=0 counted=0 ratio=0 t_large="" err="" noref=0
	measure "$1" "$2" "$kb" 120000 "$3" "$4"
	t_small=$ms
	if [ -z "$t_small" ]; then
		noref=1		# a function without a core reference
		return
	fi
	if [[ $t_small != [0-9]* ]]; then
		err="$kb kB: $t_small"
		return
	fi
	timeout=$(awk -v t="$t_small" 'BEGIN { t = 12 * t; if (t < 3000) t = 3000; if (t > 30000) t = 30000; printf "%d", t }')
	measure "$1" "$2" $((kb * 4)) "$timeout" "$3" "$4"
	t_large=$ms
	if [ "$t_large" = timeout ]; then
		ratio=$(awk -v t="$t_small" -v to="$timeout" 'BEGIN { if (t < 0.05) t = 0.05; printf "%.1f", to / t }')
		bad=1 counted=1 t_large=">$timeout"
		return
	fi
	if [[ $t_large != [0-9]* ]]; then
		err="$((kb * 4)) kB: $t_large"
		return
	fi
	ratio=$(awk -v a="$t_small" -v b="$t_large" 'BEGIN { if (a < 0.05) a = 0.05; printf "%.2f", b / a }')
	gt "$t_large" "$floor_ms" && counted=1
	[ "$counted" = 1 ] && gt "$ratio" "$limit" && bad=1
}

ms_of() { awk -v t="$1" 'BEGIN { if (t ~ /^[0-9.]+$/) printf "%.1f ms", t; else printf "%s ms", t }'; }

failures=0 core_notes=0
declare -A worst worst_unit
start=$SECONDS
for ((u = 0; u < nu; u++)); do
	uname=${unit_names[$u]}
	top=0 top_fn="" notes=""
	for ((f = 0; f < nf; f++)); do
		fname=${fn_names[$f]}
		fo=${fn_ords[$f]} uo=${unit_ords[$u]}
		pair "$fo" "$uo" "$min_ms" false
		if [ -n "$err" ]; then
			msg=$err
			if [[ $msg == *"stack depth limit exceeded"* ]]; then
				# a recursion of the core (websearch_to_tsquery nests one
				# operator per word); our code recurses no more than two levels
				notes+=" $fname: $msg (core recursion);"
				core_notes=$((core_notes + 1))
				continue
			fi
			pair "$fo" "$uo" "$min_ms" true
			if [ "$noref" = 0 ] && [ -n "$err" ]; then
				notes+=" $fname: $msg, the core query too;"
				core_notes=$((core_notes + 1))
			else
				echo "FAIL: $fname on $uname: $msg"
				failures=$((failures + 1))
			fi
			continue
		fi
		if [ "$bad" = 1 ]; then
			first="$(ms_of "$t_small") -> $(ms_of "$t_large") (${ratio}x)"
			mine=$ratio first_large=$t_large
			pair "$fo" "$uo" "$min_ms" true
			if [ "$noref" = 0 ] && { [ "$bad" = 1 ] || [ -n "$err" ]; }; then
				# the core query is as superlinear: the time goes to the core
				notes+=" $fname $first, the core query ${ratio}x${err:+ ($err)};"
				core_notes=$((core_notes + 1))
				ratio=$mine counted=1
			else
				# one step up when that is cheap, else the same sizes again
				again_kb=$small_kb
				[[ $first_large != ">"* ]] && ! gt "$first_large" 1000 && again_kb=$large_kb
				pair "$fo" "$uo" "$min_ms" false "$again_kb"
				if [ "$bad" = 1 ] && [ -z "$err" ]; then
					# a third measure at the first sizes: a loaded machine can
					# put two close-to-the-limit readings over it (a quadratic
					# step reads 12-16x every time)
					second="$(ms_of "$t_small") -> $(ms_of "$t_large") at $again_kb -> $((again_kb * 4)) kB (${ratio}x)"
					pair "$fo" "$uo" "$min_ms" false "$small_kb"
					[ "$bad" = 1 ] && echo "   third measure of $fname on $uname after $second: ${ratio}x"
				fi
				if [ "$bad" = 1 ] || [ -n "$err" ]; then
					echo "FAIL: $fname on $uname: superlinear, $first, then $(ms_of "$t_small") -> $(ms_of "$t_large") at $again_kb -> $((again_kb * 4)) kB (${ratio}x)${err:+ ($err)}"
					failures=$((failures + 1))
					ratio=$mine counted=1
				else
					notes+=" $fname $first, then ${ratio}x at $((again_kb * 4)) kB;"
				fi
			fi
		fi
		[ "$counted" = 1 ] || continue
		if gt "$ratio" "${worst[$fname]:-0}"; then
			worst[$fname]=$ratio
			worst_unit[$fname]=$uname
		fi
		if gt "$ratio" "$top"; then
			top=$ratio
			top_fn=$fname
		fi
	done
	printf 'complexity: [%d/%d] %-14s worst %5sx %-20s %3d s%s\n' $((u + 1)) "$nu" "$uname" "$top" "$top_fn" \
		$((SECONDS - start)) "${notes:+ (notes:${notes%;})}"
done
printf '\\q\n' >&"$pg_in"
wait "$pg_pid" 2>/dev/null

echo "complexity: worst ratio per function ($large_kb kB time / $small_kb kB time, limit ${limit}x):"
for ((f = 0; f < nf; f++)); do
	fname=${fn_names[$f]}
	printf '  %-22s %6sx  %s\n' "$fname" "${worst[$fname]:-?}" "${worst_unit[$fname]:-}"
done
echo "complexity: $((nu * nf)) pairs in $((SECONDS - start)) s; $core_notes noted as limits of the core"
if [ "$failures" -gt 0 ]; then
	echo "complexity: $failures failures"
	exit 1
fi
echo "complexity: every function linear on every unit"
