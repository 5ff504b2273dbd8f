# Sourced by test/checks/limits.sh and memory.sh: a database of their own
# with the extension, the helpers of lib/limits.sql and the functions of
# lib/functions.list loaded into at_limits.fns.  Defines psql_db and $names.
: "${AT_ROOT:?}" "${AT_BINDIR:?}" "${db:?}"

psql_db() { "$AT_BINDIR/psql" -X -q -At -F '|' -v ON_ERROR_STOP=1 -d "$db" "$@"; }

# own_cluster=true (limits.sh): a throwaway server of its own whose malloc
# takes every allocation of 128 kB or more straight from mmap.  By default
# glibc raises that threshold to the size of the last large block freed, up
# to 32 MB: after one 10 MB call, 10 MB blocks come from the heap again
# (no page faults) while 100 MB blocks always come from mmap and pay a page
# fault per 4 kB; that made even pg_catalog.length($1) read as 5x slower per
# MB at 100 MB than at 10 MB.  A fixed threshold makes every size pay the
# same per MB, so time per MB compares the function's own work.
# limits_use_shared_server (after the scaling runs) goes back to the test
# run's server, where malloc is as users have it.
drop_db() { "$AT_BINDIR/psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1; }
shared_pghost=${PGHOST:-} shared_pgport=${PGPORT:-}
if ${own_cluster:-false}; then
	. "$AT_ROOT/test/lib/common.sh"
	own_scratch=$(at_scratch)
	MALLOC_MMAP_THRESHOLD_=131072 at_start_cluster "$AT_BINDIR" "$own_scratch/cluster" || exit 1
	trap 'at_stop_cluster; rm -rf "$own_scratch"' EXIT
else
	trap drop_db EXIT
fi

limits_load_db() {
"$AT_BINDIR/psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" 2>/dev/null || exit 1
{
	echo "CREATE EXTENSION article_tools;"
	cat "$AT_ROOT/test/checks/lib/limits.sql"
	ord=0
	grep -v '^\s*#' "$AT_ROOT/test/checks/lib/functions.list" | grep -v '^\s*$' |
		while IFS='|' read -r name q expr mem; do
			ord=$((ord + 1))
			name=$(echo "$name" | xargs)
			q=$(echo "$q" | sed 's/^ *//; s/ *$//')
			expr=$(echo "$expr" | sed 's/^ *//; s/ *$//')
			mem=$(echo "$mem" | sed 's/^ *//; s/ *$//')
			printf "INSERT INTO at_limits.fns VALUES (%d, \$n\$%s\$n\$, \$q\$%s\$q\$, NULLIF(\$e\$%s\$e\$, ''), NULLIF(\$m\$%s\$m\$, ''));\n" \
				"$ord" "$name" "$q" "$expr" "$mem"
		done
} | psql_db -f - >/dev/null || exit 1
while read -r missing; do
	[ -n "$missing" ] && echo "skipped (not in this build): $missing"
done < <(psql_db -c "SELECT * FROM at_limits.drop_missing()")
names=$(psql_db -c "SELECT name FROM at_limits.fns ORDER BY ord")
}
limits_load_db

limits_use_shared_server() {
	${own_cluster:-false} || return 0
	at_stop_cluster
	rm -rf "$own_scratch"
	export PGHOST=$shared_pghost PGPORT=$shared_pgport
	trap drop_db EXIT
	limits_load_db >/dev/null
}
