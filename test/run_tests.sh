#!/usr/bin/env bash
# Runs every test of article_tools and ends with one line "N passed, N failed":
#   1. the engine unit tests (C, no server);
#   2. pg_regress (sql/ + expected/) in a throwaway cluster running a private
#      copy of the server with this checkout installed;
#   3. the shell tests in test/checks/*.sh against the same cluster (each is
#      one test; exit 0 passes, 77 skips, anything else fails);
#   4. the robustness stages (README "Robustness"): the unit tests again under
#      ASan+UBSan (with stage 1), pg_regress once under valgrind memcheck
#      (test/valgrind/run.sh), and every libFuzzer target in test/fuzz/ for
#      AT_FUZZ_SECONDS seconds each (default 60), two at a time.
# Installs missing Debian packages first (as root, or through sudo).
# Exits non-zero on any failure and prints regression.diffs when pg_regress fails.
#
#   test/run_tests.sh [--unit-only] [--no-checks] [--quick]
#
# --quick skips valgrind and fuzzing (the slow stages, several minutes) for
# quick local runs; CI runs everything.
set -uo pipefail
# development build: warnings are errors (users' builds do not use -Werror)
export AT_WERROR=1

AT_ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
cd "$AT_ROOT"

unit_only=false
run_checks=true
quick=false
for a in "$@"; do
	case $a in
		--unit-only) unit_only=true ;;
		--no-checks) run_checks=false ;;
		--quick) quick=true ;;
		*) echo "usage: $0 [--unit-only] [--no-checks] [--quick]" >&2; exit 2 ;;
	esac
done

passed=0
failed=0
skipped=0
finish() {
	if [ "$skipped" -gt 0 ]; then
		echo "$passed passed, $failed failed, $skipped skipped"
	else
		echo "$passed passed, $failed failed"
	fi
	[ "$failed" -eq 0 ]
	exit $?
}

# clang's sanitizer runtimes (libFuzzer, ASan, UBSan) and valgrind
at_ensure_packages libclang-rt-14-dev valgrind || { failed=1; finish; }
scratch=$(at_scratch)
trap 'at_stop_cluster; rm -rf "$scratch"' EXIT

if ! at_build; then
	echo "build failed" >&2
	failed=$((failed + 1))
	finish
fi

# 1. engine unit tests
at_log "engine unit tests"
unit_out=$(make -s unit 2>&1)
echo "$unit_out" | grep -v '^unit: ' | sed 's/^/  /'
if [[ $(echo "$unit_out" | tail -n 1) =~ ^unit:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
	passed=$((passed + BASH_REMATCH[1]))
	failed=$((failed + BASH_REMATCH[2]))
	echo "unit tests: ${BASH_REMATCH[1]} passed, ${BASH_REMATCH[2]} failed"
else
	echo "unit tests did not run to the end" >&2
	failed=$((failed + 1))
fi

# "unit: N passed, N failed" of a stage into the totals; $1 names the stage
count_stage() {
	local name=$1 out=$2 tag=$3
	if [[ $(echo "$out" | grep -E "^$tag: [0-9]+ passed" | tail -n 1) =~ ^$tag:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
		passed=$((passed + BASH_REMATCH[1]))
		failed=$((failed + BASH_REMATCH[2]))
		echo "$name: ${BASH_REMATCH[1]} passed, ${BASH_REMATCH[2]} failed"
	else
		echo "$name did not run to the end" >&2
		failed=$((failed + 1))
	fi
}

# 1b. the same unit tests under AddressSanitizer + UndefinedBehaviorSanitizer
at_log "engine unit tests under ASan+UBSan"
stage_start=$SECONDS
unit_out=$(make -s unit-san 2>&1)
echo "$unit_out" | grep -v '^unit: ' | sed 's/^/  /'
count_stage "unit tests (ASan+UBSan, $((SECONDS - stage_start)) s)" "$unit_out" unit
$unit_only && finish

# 2. pg_regress in a throwaway cluster
at_log "private server install and throwaway cluster"
if ! at_tmp_install "$scratch/inst" || ! at_start_cluster "$AT_BINDIR" "$scratch/cluster"; then
	echo "could not set up the test cluster" >&2
	failed=$((failed + 1))
	finish
fi
at_log "pg_regress"
rm -f regression.diffs regression.out
make -s installcheck PG_CONFIG="$PG_CONFIG" > "$scratch/regress.log" 2>&1
regress_rc=$?
cat "$scratch/regress.log"
r_ok=$(grep -cE '^(ok|test|     ) .*\.\.\. ok|^ok [0-9]+ ' "$scratch/regress.log")
r_fail=$(grep -cE '\.\.\. FAILED|^not ok [0-9]+ ' "$scratch/regress.log")
if [ "$regress_rc" -ne 0 ] && [ "$r_fail" -eq 0 ]; then
	r_fail=1
fi
passed=$((passed + r_ok))
failed=$((failed + r_fail))
echo "pg_regress: $r_ok passed, $r_fail failed"
if [ "$regress_rc" -ne 0 ] && [ -f regression.diffs ]; then
	echo "---- regression.diffs ----"
	cat regression.diffs
	echo "---- end of regression.diffs ----"
fi

# 3. shell tests
if $run_checks; then
	export AT_ROOT AT_BINDIR PG_CONFIG
	AT_SHARED_DIR=$(at_shared_dir || true)
	export AT_SHARED_DIR
	for t in test/checks/*.sh; do
		[ -e "$t" ] || continue
		at_log "check $(basename "$t")"
		bash "$t"
		rc=$?
		case $rc in
			0) passed=$((passed + 1)); echo "check $(basename "$t"): passed" ;;
			77) skipped=$((skipped + 1)); echo "check $(basename "$t"): skipped" ;;
			*) failed=$((failed + 1)); echo "check $(basename "$t"): FAILED (exit $rc)" ;;
		esac
	done
fi

# 4. robustness stages
if ! $quick; then
	# pg_regress once with the server under valgrind memcheck (about 6
	# minutes on 2 cores; AT_VALGRIND=0 skips it in local runs): see README
	# "Robustness".
	if [ "${AT_VALGRIND:-1}" = 1 ]; then
		at_log "pg_regress under valgrind"
		stage_start=$SECONDS
		vg_out=$(bash test/valgrind/run.sh "$scratch/valgrind" 2>&1)
		echo "$vg_out" | grep -v '^valgrind: [0-9]* passed' | sed 's/^/  /'
		count_stage "pg_regress under valgrind ($((SECONDS - stage_start)) s)" "$vg_out" valgrind
	else
		at_log "pg_regress under valgrind: skipped (AT_VALGRIND=0)"
	fi

	# every libFuzzer target, AT_FUZZ_SECONDS each, two at a time
	at_log "fuzzing (${AT_FUZZ_SECONDS:-60} s per target)"
	stage_start=$SECONDS
	if make -s fuzz-build > "$scratch/fuzz-build.log" 2>&1; then
		fz_out=$(bash test/fuzz/run.sh --seconds "${AT_FUZZ_SECONDS:-60}" --jobs 2 2>&1)
		echo "$fz_out" | grep -v '^fuzz: [0-9]* passed' | sed 's/^/  /'
		count_stage "fuzzing ($((SECONDS - stage_start)) s)" "$fz_out" fuzz
	else
		cat "$scratch/fuzz-build.log"
		echo "fuzz targets did not build" >&2
		failed=$((failed + 1))
	fi
fi

finish
