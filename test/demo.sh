#!/usr/bin/env bash
# The main job, on a fresh Debian 12 machine or any machine with the packages:
# installs what is missing, builds and installs article_tools into the
# server of $PG_CONFIG (through sudo when not root), starts a throwaway
# cluster, loads the sample articles that ship in test/fixtures/articles/
# (or the files given), processes them and prints the results.  The
# cluster is removed at the end, unless --keep is given.
#
#   test/demo.sh [--keep] [article.txt ...]
#
# --keep leaves the cluster running with the articles loaded and attached,
# and prints how to connect to it and how to stop it.
set -euo pipefail

AT_ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
cd "$AT_ROOT"

keep=false
files=()
for a in "$@"; do
	case $a in
		--keep) keep=true ;;
		-h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) [ -f "$a" ] || { echo "demo: no such file: $a" >&2; exit 2; }
		   files+=("$(cd "$(dirname "$a")" && pwd)/$(basename "$a")") ;;
	esac
done
if [ ${#files[@]} -eq 0 ]; then
	files=("$AT_ROOT"/test/fixtures/articles/*.txt)
fi

at_ensure_packages
at_build
at_log "installing into $("$PG_CONFIG" --sharedir)/extension (make install)"
at_sudo make -s PG_CONFIG="$PG_CONFIG" install >&2

scratch=$(at_scratch)
if $keep; then
	trap 'at_log "the demo failed; stopping its cluster"; at_stop_cluster; rm -rf "$scratch"' ERR
else
	trap 'at_stop_cluster; rm -rf "$scratch"' EXIT
fi
at_start_cluster "$("$PG_CONFIG" --bindir)" "$scratch/cluster"
at_psql -c "CREATE DATABASE news"
export PGDATABASE=news

# Load the articles with psql alone (test/demo/load.psql: \set reads the
# whole file, :'raw' quotes it as an SQL literal), from each file's folder
# so that the column file holds its name.
at_psql -c "CREATE EXTENSION article_tools" \
	-c "CREATE TABLE articles (id serial PRIMARY KEY, file text NOT NULL, raw text NOT NULL)"
while IFS= read -r f; do
	(cd "$(dirname "$f")" && at_psql -v file="$(basename "$f")" -f "$AT_ROOT/test/demo/load.psql")
done < <(printf '%s\n' "${files[@]}" | sort)
at_log "loaded ${#files[@]} articles"

# Each feature shows its results from test/demo/*.sql, in name order.
for q in "$AT_ROOT"/test/demo/*.sql; do
	[ -e "$q" ] || continue
	at_psql -P pager=off -f "$q"
done

cat <<EOF

== What next
  - The extension is installed in the server of $PG_CONFIG.  In your own
    database (UTF8):   CREATE EXTENSION article_tools;
  - Load a folder of articles and attach the table: README.md, "Getting started".
  - Every function, type and setting: README.md, "Reference".
  - Run every test:    test/run_tests.sh
EOF
if $keep; then
	cat <<EOF
  - This demo's cluster is still running, with the articles loaded and attached:
      PGHOST=$PGHOST PGPORT=$PGPORT $("$PG_CONFIG" --bindir)/psql -U $PGUSER -d news
    Stop it and remove it with:
      ${AT_RUN[*]:-} $("$PG_CONFIG" --bindir)/pg_ctl -D $AT_CLUSTER_DIR/data stop && rm -rf $scratch
EOF
else
	echo "  - Keep this demo's database to explore it:  test/demo.sh --keep [files]"
fi
