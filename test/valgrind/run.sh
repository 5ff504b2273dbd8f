#!/usr/bin/env bash
# Runs the pg_regress suite once with every server process under valgrind
# memcheck and fails when memcheck reports an error in article_tools' code.
#
#   test/valgrind/run.sh [SCRATCH_DIR]
#
# The Debian server is not built with USE_VALGRIND, so this uses PostgreSQL's
# other documented approach: start the postmaster itself under
#   valgrind --trace-children=yes --suppressions=... --log-file=vg.%p.log
# (backends are forked, so each one runs under memcheck too).  A private copy
# of the server (at_tmp_install) gets a wrapper in place of bin/postgres
# that runs the real binary under valgrind, except for initdb's bootstrap
# and single-user runs and for -V/-C queries, which run natively.
#
# Memcheck is not given --error-exitcode: a backend exiting with that code
# would be taken by the postmaster for a crash and restart every session.
# Instead the logs are read afterwards; an error counts against the
# extension when a frame of its stack lies in article_tools.so or in one of
# the extension's source files (src/engine/*.c, src/pg/*.c).  Server noise
# (uninitialised padding written to files and sockets) is suppressed with
# test/valgrind/server.supp.  Without USE_VALGRIND, palloc chunks inside a
# block are not tracked, so memcheck sees reads of uninitialised memory,
# invalid accesses to malloc'd memory (PCRE2, huge allocations, which
# palloc takes straight from malloc), and invalid frees.
#
# Ends with "valgrind: N passed, N failed" (one per pg_regress test, plus one
# for "no memcheck error in the extension"); exits non-zero on failure.
set -uo pipefail

AT_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
cd "$AT_ROOT"

at_ensure_packages valgrind || exit 1
scratch=${1:-}
own_scratch=false
if [ -z "$scratch" ]; then
	scratch=$(at_scratch)
	own_scratch=true
fi
mkdir -p "$scratch"
chmod 755 "$scratch"
cleanup() {
	[ -n "${AT_VG_KEEP:-}" ] && return
	at_stop_cluster
	$own_scratch && rm -rf "$scratch"
}
trap cleanup EXIT

make -s PG_CONFIG="$PG_CONFIG" >&2 || exit 1
at_tmp_install "$scratch/inst" || exit 1

logs=$scratch/vglogs
mkdir -p "$logs"
chmod 777 "$logs"
real=$AT_BINDIR/postgres.real
mv "$AT_BINDIR/postgres" "$real"
cat > "$AT_BINDIR/postgres" <<WRAP
#!/bin/sh
case "\${1:-}" in
	--boot|--single|-V|--version|-C|--describe-config)
		exec "$real" "\$@" ;;
esac
exec valgrind --quiet --tool=memcheck --trace-children=yes \\
	--suppressions="$AT_ROOT/test/valgrind/server.supp" \\
	--leak-check=no --track-origins=yes --read-var-info=no --num-callers=30 \\
	--error-limit=no --smc-check=all-non-file --gen-suppressions=all \\
	--log-file="$logs/vg.%p.log" "$real" "\$@"
WRAP
chmod 755 "$AT_BINDIR/postgres"
cp test/valgrind/server.supp "$scratch/" 2>/dev/null

# Valgrind slows the server down about 20-50x: one worker, no autovacuum.
AT_SERVER_OPTS="-c autovacuum=off -c max_parallel_workers_per_gather=0 -c max_worker_processes=4" \
	at_start_cluster "$AT_BINDIR" "$scratch/cluster" || exit 1

rm -f regression.diffs regression.out
make -s installcheck PG_CONFIG="$PG_CONFIG" > "$scratch/regress.log" 2>&1
regress_rc=$?
at_stop_cluster
cat "$scratch/regress.log"

passed=$(grep -cE '^(ok|test|     ) .*\.\.\. ok|^ok [0-9]+ ' "$scratch/regress.log")
failed=$(grep -cE '\.\.\. FAILED|^not ok [0-9]+ ' "$scratch/regress.log")
if [ "$regress_rc" -ne 0 ]; then
	[ "$failed" -eq 0 ] && failed=1
	[ -f regression.diffs ] && { echo "---- regression.diffs (under valgrind) ----"; cat regression.diffs; echo "---- end ----"; }
fi

# Error blocks whose stack touches the extension
srcs=$(cd src && ls engine/*.c pg/*.c | xargs -n1 basename | sed 's/\./\\./g' | paste -sd'|')
pattern="article_tools\\.so|\\(($srcs):[0-9]+\\)"
ext_errors=0
all_errors=0
for f in "$logs"/vg.*.log; do
	[ -e "$f" ] || continue
	read -r n_all n_ext < <(awk -v pat="$pattern" '
		# a block: "==pid== Message" then frames, ends at "==pid== " (empty)
		/^==[0-9]+== [^ ]/ && !/^==[0-9]+== +(at|by) 0x/ { if (!inb) { inb = 1; ext = 0 } next }
		/^==[0-9]+== +(at|by) 0x/ { if (inb && $0 ~ pat) ext = 1; next }
		/^==[0-9]+== *$/ { if (inb) { all++; if (ext) n++ } inb = 0; next }
		END { print all + 0, n + 0 }' "$f")
	all_errors=$((all_errors + n_all))
	if [ "$n_ext" -gt 0 ]; then
		ext_errors=$((ext_errors + n_ext))
		echo "---- memcheck errors in the extension: $f ----"
		grep -v '^{\|^}\|^   [<a-zA-Z]' "$f" | head -n 120
	fi
done
nlogs=$(ls "$logs" | wc -l)
echo "valgrind: $nlogs server processes checked; $ext_errors memcheck errors in article_tools (the stage fails on any)"
echo "valgrind: $((all_errors - ext_errors)) more in PostgreSQL's own code, with no article_tools frame: server noise, not counted (see test/valgrind/server.supp)"
if [ "$ext_errors" -eq 0 ] && [ "$nlogs" -gt 0 ]; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
fi
echo "valgrind: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
