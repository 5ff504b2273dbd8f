#!/usr/bin/env bash
# Runs the libFuzzer targets built by "make fuzz-build" (build/fuzz/<target>).
#
#   test/fuzz/run.sh [--seconds N] [--jobs J] [--regress-only] [target ...]
#
# For each target: first replays the committed regression inputs in
# test/fuzz/regress/<target>/ (minimal inputs of crashes found earlier),
# then fuzzes for N seconds (default 60), J targets at a time (default 2).
# Seeds: test/fixtures/, test/fuzz/seeds/, and the news text in
# ../shared/corpus/ and ../shared/samples/ when present, copied at run time
# into test/fuzz/corpus-seeds/ (gitignored: the corpora may not enter the
# repository).  Each target keeps its own growing corpus in
# test/fuzz/corpus-<target>/ (gitignored) between local runs.
# Crashes are saved as build/fuzz/artifacts/<target>-crash-*; reproduce one
# with  build/fuzz/<target> <file>.
# Ends with "fuzz: N passed, N failed"; exits non-zero on any failure.
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
seconds=60
jobs=2
# Inputs up to 64 kB, and a unit that runs longer than unit_timeout seconds
# is a finding (saved as a timeout artifact): every target is linear, so at
# 64 kB each runs in well under a second even under ASan, while a scanner
# that re-reads a run from every start (issue 17: "1,1,1,..." took 1.6 s at
# 64 kB without sanitizers) takes several.  -report_slow_units prints the
# units over 1 s before that.
max_len=65536
unit_timeout=${AT_FUZZ_UNIT_TIMEOUT:-5}
regress_only=false
targets=()
while [ $# -gt 0 ]; do
	case $1 in
		--seconds) seconds=$2; shift ;;
		--jobs) jobs=$2; shift ;;
		--regress-only) regress_only=true ;;
		-*) echo "usage: $0 [--seconds N] [--jobs J] [--regress-only] [target ...]" >&2; exit 2 ;;
		*) targets+=("$1") ;;
	esac
	shift
done
if [ ${#targets[@]} -eq 0 ]; then
	for f in test/fuzz/fuzz_*.c; do targets+=("$(basename "$f" .c)"); done
fi

# seeds, refreshed on every run
seeds=test/fuzz/corpus-seeds
rm -rf "$seeds"
mkdir -p "$seeds" build/fuzz/artifacts build/fuzz/logs
cp -r test/fixtures "$seeds/fixtures"
[ -d test/fuzz/seeds ] && cp -r test/fuzz/seeds "$seeds/seeds"
shared=${AT_SHARED_DIR:-$root/../shared}
if [ -d "$shared/corpus/news" ]; then
	cp -r "$shared/corpus/news" "$seeds/news"
	[ -d "$shared/samples" ] && cp -r "$shared/samples" "$seeds/samples"
else
	echo "fuzz: $shared/corpus/news absent, seeding from test/fixtures only"
fi
# the complexity battery's units (test/checks/lib/complexity.units), each
# repeated to max_len: a scanner that re-reads a run from every start times
# out on one of them at once, where random mutation seldom builds a long run
units_file=test/checks/lib/complexity.units
if [ -f "$units_file" ]; then
	mkdir -p "$seeds/units"
	while IFS= read -r line; do
		[[ $line =~ ^[[:space:]]*(#|$) ]] && continue
		name=$(echo "${line%%|*}" | xargs)
		expr=$(echo "${line#*|}" | sed 's/^ *//; s/ *$//')
		[[ $expr == *"||"* ]] && continue	# expressions (chr(160)) are left to the battery
		case $expr in
			"E'"*"'") unit=$(printf '%b.' "${expr:2:${#expr}-3}"); unit=${unit%.} ;;
			"'"*"'") unit=${expr:1:${#expr}-2}; unit=${unit//\'\'/\'} ;;
			*) continue ;;
		esac
		[ -n "$unit" ] || continue
		text=$unit
		while [ "$(printf '%s' "$text" | wc -c)" -lt "$max_len" ]; do text+=$text; done
		printf '%s' "$text" | head -c "$max_len" > "$seeds/units/$name.txt"
	done < "$units_file"
fi
n=$(find "$seeds" -type f | wc -l)
echo "fuzz: $n seed files"

passed=0
failed=0

# run_one TARGET: replay regressions, then fuzz; writes build/fuzz/logs/TARGET.*
run_one() {
	local t=$1 bin=build/fuzz/$1 log=build/fuzz/logs/$1.log corpus=test/fuzz/corpus-$1
	local rc=0 regress=test/fuzz/regress/$1
	: > "$log"
	if [ ! -x "$bin" ]; then
		echo "missing $bin (make fuzz-build)" >> "$log"
		echo 1 > "build/fuzz/logs/$t.rc"
		return
	fi
	if [ -d "$regress" ] && [ -n "$(ls -A "$regress")" ]; then
		"$bin" -runs=1 -timeout="$unit_timeout" "$regress"/* >> "$log" 2>&1 || rc=$?
		echo "regress_rc=$rc" >> "$log"
	fi
	if [ "$rc" -eq 0 ] && ! $regress_only; then
		mkdir -p "$corpus"
		"$bin" -max_total_time="$seconds" -timeout="$unit_timeout" -report_slow_units=1 \
			-rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1 -dict=test/fuzz/news.dict \
			-artifact_prefix="build/fuzz/artifacts/$t-" "$corpus" "$seeds" >> "$log" 2>&1 || rc=$?
	fi
	echo "$rc" > "build/fuzz/logs/$t.rc"
}

report_one() {
	local t=$1 log=build/fuzz/logs/$1.log rc runs secs cov
	rc=$(cat "build/fuzz/logs/$t.rc" 2>/dev/null || echo 1)
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
	if [ "$rc" -eq 0 ]; then
		passed=$((passed + 1))
		if $regress_only; then
			echo "fuzz $t: regression inputs ok"
		else
			echo "fuzz $t: ok, ${runs:-?} executions in ${secs:-?} s (${cov:-cov: ?})"
		fi
	else
		failed=$((failed + 1))
		echo "fuzz $t: FAILED (exit $rc); log build/fuzz/logs/$t.log:"
		grep -E 'ERROR|invariant failed|runtime error|SUMMARY|Test unit written|^    #[0-9]' "$log" | head -n 40 | sed 's/^/  /'
		for a in build/fuzz/artifacts/"$t"-*; do
			[ -e "$a" ] || continue
			echo "  artifact $a ($(stat -c %s "$a") bytes); reproduce: build/fuzz/$t $a"
			head -c 300 "$a" | od -c | head -n 8 | sed 's/^/    /'
		done
	fi
}

# J at a time
running=0
for t in "${targets[@]}"; do
	rm -f build/fuzz/artifacts/"$t"-*
	run_one "$t" &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait -n
		running=$((running - 1))
	fi
done
wait
for t in "${targets[@]}"; do report_one "$t"; done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
