#!/usr/bin/env bash
# Every example of README.md runs, top to bottom, on the demo's data: the
# shell commands of "Getting started" (createdb news, the table, the loading
# loop over test/fixtures/articles/) and then every ```sql block in order, in
# one psql session that stops at the first error.  Queries that return no
# row are listed (an example should show something) and fail the check.
#
# Runs against the cluster of test/run_tests.sh (PGHOST, PGPORT, AT_BINDIR),
# or alone: bash test/checks/readme_examples.sh starts its own.
# Exit 0 = pass, other = fail.
set -uo pipefail

AT_ROOT=${AT_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$AT_ROOT"
if [ -z "${AT_BINDIR:-}" ]; then
	. test/lib/common.sh
	if [ "$PG_CONFIG" = pg_config ] && [ -x /usr/lib/postgresql/15/bin/pg_config ]; then
		PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
	fi
	scratch=$(at_scratch)
	trap 'at_stop_cluster; rm -rf "$scratch"' EXIT
	at_tmp_install "$scratch/inst" && at_start_cluster "$AT_BINDIR" "$scratch/cluster" || exit 1
fi
export PATH=$AT_BINDIR:$PATH
tmp=$(mktemp -d "${TMPDIR:-/tmp}/at_readme.XXXXXX")
chmod 755 "$tmp"
cleanup_db() { dropdb --if-exists news >/dev/null 2>&1 || true; rm -rf "$tmp"; }
if [ "$(psql -X -At -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = 'news'")" != 0 ]; then
	echo "readme_examples: a database 'news' exists in this cluster already; not touching it" >&2
	exit 1
fi

# The README's code blocks: shell blocks that set up 'news', then SQL blocks.
awk -v dir="$tmp" '
	/^```/ { if (inb) { inb = 0; next } lang = substr($0, 4); inb = 1; n++;
	         f = dir "/" sprintf("%03d", n) "." (lang == "" ? "txt" : lang); next }
	inb { print > f }' README.md
setup=$(grep -l 'createdb news\|load.psql' "$tmp"/*.sh 2>/dev/null)
[ -n "$setup" ] || { echo "readme_examples: no 'Getting started' commands found in README.md" >&2; exit 1; }

trap 'cleanup_db' EXIT
echo "readme_examples: Getting started ($(echo "$setup" | wc -l) shell blocks)"
for f in $setup; do
	(cd "$AT_ROOT" && bash -e "$f") > "$tmp/setup.log" 2>&1 \
		|| { cat "$tmp/setup.log"; echo "readme_examples: FAILED: the shell block above ($f) failed" >&2; exit 1; }
done

# every SQL block, in order, but the bare CREATE EXTENSION of "Installation"
{
	echo '\set ON_ERROR_STOP 1'
	echo '\pset pager off'
	for f in "$tmp"/*.sql; do
		grep -qx 'CREATE EXTENSION article_tools;' "$f" && [ "$(grep -c . "$f")" -eq 1 ] && continue
		echo "\\echo '-- README block $(basename "$f" .sql)'"
		cat "$f"
	done
} > "$tmp/all.psql"
n=$(grep -c "^\\\\echo '-- README block" "$tmp/all.psql")
echo "readme_examples: $n SQL blocks"
if ! psql -X -d news -f "$tmp/all.psql" > "$tmp/out.txt" 2>&1; then
	tail -n 30 "$tmp/out.txt"
	echo "readme_examples: FAILED: a README example raised an error (last lines above)" >&2
	exit 1
fi
empty=$(awk '/^-- README block/ { b = $4 } /^\(0 rows\)/ { print "block " b }' "$tmp/out.txt" | sort -u)
if [ -n "$empty" ]; then
	echo "readme_examples: FAILED: examples that return no row on the demo's data:" $empty >&2
	exit 1
fi
echo "readme_examples: passed: every example runs and returns rows"
