# Sourced by test/checks/limits.sh and memory.sh: a database of their own
# with the extension, the helpers of lib/limits.sql and the functions of
# lib/functions.list loaded into at_limits.fns.  Defines psql_db and $names.
: "${AT_ROOT:?}" "${AT_BINDIR:?}" "${db:?}"

psql_db() { "$AT_BINDIR/psql" -X -q -At -F '|' -v ON_ERROR_STOP=1 -d "$db" "$@"; }

"$AT_BINDIR/psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" 2>/dev/null || exit 1
trap '"$AT_BINDIR/psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1' EXIT
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
