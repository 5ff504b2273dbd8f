#!/usr/bin/env bash
# The update path: a live 1.0 database, updated to this checkout with
# ALTER EXTENSION article_tools UPDATE, must be the same as a fresh install.
#
#   1. builds 1.0 from its commit (AT_V10_COMMIT, default f4dcaed) with
#      git archive, installs it into a private copy of the server, starts a
#      throwaway cluster there;
#   2. at 1.0: a database with an attached table (rows, side tables, a
#      gazetteer row) and a database with only the extension;
#   3. installs this checkout over it (make install, as a user would) and
#      runs ALTER EXTENSION article_tools UPDATE in both;
#   4. compares the extension's objects (pg_dump -s --binary-upgrade, which
#      lists every member of the extension; OIDs left out) of the updated
#      database with a fresh install: any difference fails and is printed;
#   5. compares pg_dump -s of the attached database with a fresh install
#      where the same table is attached (side tables apart: they keep the
#      shape of the release that created them until detach + attach);
#   6. the rows are still there and the trigger still works (insert, update,
#      reprocess); pg_dump + pg_restore of the updated database dumps the same
#      and keeps processing.
#
# Runs alone (bash test/checks/upgrade.sh) or from test/run_tests.sh; it
# uses its own server either way.  Needs the git history (skips with 77
# without it).  Exit 0 = pass, 77 = skip, other = fail.
set -uo pipefail

AT_ROOT=${AT_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$AT_ROOT/test/lib/common.sh"
if [ "$PG_CONFIG" = pg_config ] && [ -x /usr/lib/postgresql/15/bin/pg_config ]; then
	PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
fi
export PG_CONFIG
V10=${AT_V10_COMMIT:-f4dcaed}

say() { echo "upgrade: $*"; }
fail() { echo "upgrade: FAILED: $*" >&2; exit 1; }

if ! git -C "$AT_ROOT" cat-file -e "$V10^{commit}" 2>/dev/null; then
	say "skipped: commit $V10 (release 1.0) is not in this clone's history (a shallow clone?)"
	exit 77
fi

scratch=$(at_scratch)
trap 'at_stop_cluster; rm -rf "$scratch"' EXIT

# -- 1. release 1.0 ----------------------------------------------------------
say "1/6 building 1.0 from commit $V10 (about a minute)"
mkdir -p "$scratch/v10"
git -C "$AT_ROOT" archive "$V10" | tar -x -C "$scratch/v10" || fail "git archive $V10"
make -C "$scratch/v10" -s PG_CONFIG="$PG_CONFIG" > "$scratch/v10-build.log" 2>&1 \
	|| { cat "$scratch/v10-build.log"; fail "1.0 does not build"; }
here=$AT_ROOT
AT_ROOT=$scratch/v10 at_tmp_install "$scratch/inst" > "$scratch/v10-install.log" 2>&1 \
	|| { cat "$scratch/v10-install.log"; fail "1.0 does not install"; }
at_start_cluster "$AT_BINDIR" "$scratch/cluster" || fail "cannot start the cluster"
B=$AT_BINDIR
q() { "$B/psql" -X -q -v ON_ERROR_STOP=1 -At "$@"; }

# -- 2. databases at 1.0 -----------------------------------------------------
say "2/6 at 1.0: database 'attached' (table news, 3 rows, attach) and 'bare' (extension only)"
ATTACHED_SQL="
SET client_min_messages = warning;
CREATE TABLE news (id int PRIMARY KEY, site text, raw text);
INSERT INTO news VALUES
 (1, 'chinadaily', E'Nanhai Power expands\nBy ZHOU Lan | China Daily | Updated: 2024-03-18 09:12\n\nNanhai Power Co. Ltd said its exports rose 38.5 percent to 12.4 billion yuan (\$1.72 billion) in 2023.'),
 (2, 'xinhua', E'BEIJING, Dec. 11 (Xinhua) -- China''s grain output reached 695.41 million tonnes in 2023, the National Bureau of Statistics said.'),
 (3, 'wire', E'Tianhe Logistics opens rail hub\nUpdated: Oct 8, 2018\n\nTianhe Logistics Group opened a 2-billion-yuan hub in Chongqing, general manager Ma Jun said.');
SELECT article_tools.attach('news', 'raw');
INSERT INTO article_tools.gazetteer VALUES ('Tianhe Logistics', 'organization', 'Tianhe Logistics Group');
"
for db in attached bare; do
	"$B/createdb" -T template0 -E UTF8 "$db" || fail "createdb $db"
	q -d "$db" -c "CREATE EXTENSION article_tools" || fail "CREATE EXTENSION at 1.0 in $db"
done
q -d attached -c "$ATTACHED_SQL" >/dev/null || fail "attach at 1.0"
v=$(q -d attached -c "SELECT extversion FROM pg_extension WHERE extname = 'article_tools'")
[ "$v" = 1.0 ] || fail "expected version 1.0 before the update, got '$v'"
side_counts() {
	q -d "$1" -c "SELECT (SELECT count(*) FROM news) || ' articles, ' ||
		(SELECT count(*) FROM news_parsed) || ' parsed, ' ||
		(SELECT count(*) FROM news_entities) || ' entities, ' ||
		(SELECT count(*) FROM news_metrics) || ' metrics, ' ||
		(SELECT count(*) FROM news_errors) || ' errors'"
}
before=$(side_counts attached)
say "   at 1.0: $before"

# -- 3. install this checkout and update -------------------------------------
say "3/6 installing this checkout (1.1) over 1.0 and running ALTER EXTENSION article_tools UPDATE"
make -C "$here" -s PG_CONFIG="$PG_CONFIG" install DESTDIR="$scratch/inst" > "$scratch/v11-install.log" 2>&1 \
	|| { cat "$scratch/v11-install.log"; fail "this checkout does not install"; }
new=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$here/article_tools.control")
for db in attached bare; do
	q -d "$db" -c "ALTER EXTENSION article_tools UPDATE" || fail "ALTER EXTENSION article_tools UPDATE in $db (the update script failed; its error is above)"
	v=$(q -d "$db" -c "SELECT extversion FROM pg_extension WHERE extname = 'article_tools'")
	[ "$v" = "$new" ] || fail "$db is at '$v' after the update, expected '$new'"
done
for db in fresh fresh_attached; do
	"$B/createdb" -T template0 -E UTF8 "$db" || fail "createdb $db"
	q -d "$db" -c "CREATE EXTENSION article_tools" || fail "CREATE EXTENSION $new in $db"
done
q -d fresh_attached -c "$ATTACHED_SQL" >/dev/null || fail "attach on a fresh $new install"

# Dumps without what differs between any two databases: OIDs, the random
# \restrict key of newer pg_dump releases.
dump() {
	"$B/pg_dump" "$@" | sed -E \
		-e '/binary_upgrade_set_next_/d' \
		-e '/^\\(un)?restrict /d' \
		-e "s/'\\{[0-9]+(,[0-9]+)*\\}'/'{OIDS}'/g" \
		-e "s/relfrozenxid = '[0-9]+', relminmxid = '[0-9]+'/relfrozenxid = XID, relminmxid = XID/" \
		-e "s/^WHERE oid = '[0-9]+';/WHERE oid = OID;/"
}
# show_diff LABEL A B: prints a unified diff that says which side is which
show_diff() {
	echo "---- $1 ----"
	diff -u --label "$2" --label "$3" "$scratch/$2.sql" "$scratch/$3.sql"
	echo "---- end of $1 ----"
}
status=0

# -- 4. the extension's objects ----------------------------------------------
say "4/6 extension objects: updated 1.0 ('bare') against fresh $new ('fresh'), pg_dump -s --binary-upgrade"
dump -s --binary-upgrade -d bare > "$scratch/updated_from_1.0.sql" || fail "pg_dump bare"
dump -s --binary-upgrade -d fresh > "$scratch/fresh_$new.sql" || fail "pg_dump fresh"
if cmp -s "$scratch/updated_from_1.0.sql" "$scratch/fresh_$new.sql"; then
	say "   same ($(grep -c '^ALTER EXTENSION article_tools ADD' "$scratch/fresh_$new.sql") member objects)"
else
	say "   DIFFERENT: the update script does not do what the fresh install script does."
	say "   Lines with '-' exist only after the update, '+' only in a fresh install;"
	say "   fix src/sql/upgrade/article_tools--1.0--$new.sql (or the src/sql piece)."
	show_diff "extension objects" "updated_from_1.0" "fresh_$new"
	status=1
fi

# -- 5. the attached table ---------------------------------------------------
say "5/6 pg_dump -s of 'attached' against a fresh $new install with the same table attached"
side='public.news_*'
dump -s -T "$side" -d attached > "$scratch/attached_updated.sql" || fail "pg_dump attached"
dump -s -T "$side" -d fresh_attached > "$scratch/attached_fresh.sql" || fail "pg_dump fresh_attached"
if cmp -s "$scratch/attached_updated.sql" "$scratch/attached_fresh.sql"; then
	say "   same (side tables and views apart)"
else
	say "   DIFFERENT outside the side tables ('-' after the update, '+' fresh):"
	show_diff "attached table" attached_updated attached_fresh
	status=1
fi
dump -s -t "$side" -d attached > "$scratch/side_updated.sql"
dump -s -t "$side" -d fresh_attached > "$scratch/side_fresh.sql"
if ! cmp -s "$scratch/side_updated.sql" "$scratch/side_fresh.sql"; then
	say "   note: side tables attached under 1.0 keep their 1.0 shape until"
	say "   detach(tbl, true) + attach (not a failure); the difference:"
	diff -u --label side_attached_under_1.0 --label "side_attached_under_$new" \
		"$scratch/side_updated.sql" "$scratch/side_fresh.sql" | grep '^[-+]' | sed 's/^/     /'
fi

# -- 6. rows, trigger, dump and restore --------------------------------------
say "6/6 rows and trigger after the update; pg_dump + pg_restore of the updated database"
after=$(side_counts attached)
say "   after the update: $after"
[ "$after" = "$before" ] || { say "   the rows changed with the update (before: $before)"; status=1; }
q -d attached -c "INSERT INTO news VALUES (4, 'people', E'Port throughput rose 6 percent\n\nNINGBO, May 2 (Xinhua) -- Ningbo-Zhoushan Port handled 1.2 billion tonnes of cargo, up 6 percent, port operator Wang Lei said.')" \
	|| { say "   INSERT into the attached table failed after the update"; status=1; }
got=$(q -d attached -c "SELECT (SELECT count(*) FROM news_parsed WHERE id = 4) || '/' ||
	(SELECT count(*) > 0 FROM news_entities WHERE id = 4) || '/' || (SELECT count(*) > 0 FROM news_metrics WHERE id = 4)")
[ "$got" = "1/true/true" ] || { say "   the trigger did not fill the side tables for a new row (parsed/entities/metrics: $got)"; status=1; }
q -d attached -c "UPDATE news SET raw = raw || E'\n\nExports rose 3 percent.' WHERE id = 2" >/dev/null \
	|| { say "   UPDATE of the raw column failed after the update"; status=1; }
q -d attached -c "SELECT article_tools.reprocess('news')" >/dev/null \
	|| { say "   reprocess() failed after the update"; status=1; }
got=$(q -d attached -c "SELECT count(*) FROM news_metrics WHERE id = 2 AND text = '3 percent'")
[ "$got" = 1 ] || { say "   the updated row's metrics were not replaced (rows for '3 percent': $got)"; status=1; }

"$B/pg_dump" -Fc -d attached -f "$scratch/attached.dump" || fail "pg_dump -Fc attached"
"$B/createdb" -T template0 -E UTF8 restored || fail "createdb restored"
"$B/pg_restore" -d restored "$scratch/attached.dump" 2> "$scratch/restore.log" \
	|| { cat "$scratch/restore.log"; say "   pg_restore of the updated database failed"; status=1; }
dump -s -d attached > "$scratch/before_restore.sql"
dump -s -d restored > "$scratch/after_restore.sql"
if ! cmp -s "$scratch/before_restore.sql" "$scratch/after_restore.sql"; then
	say "   the restored database dumps differently ('-' updated, '+' restored):"
	show_diff "dump and restore" before_restore after_restore
	status=1
fi
q -d restored -c "INSERT INTO news VALUES (5, 'wire', 'Exports rose 4 percent in May, the ministry said.')" \
	|| { say "   INSERT after the restore failed"; status=1; }
got=$(q -d restored -c "SELECT count(*) FROM news_parsed WHERE id = 5")
[ "$got" = 1 ] || { say "   the trigger does not process rows in the restored database"; status=1; }

if [ "$status" -eq 0 ]; then
	say "passed: 1.0 -> $new update equals a fresh install; rows, trigger, dump and restore work"
fi
exit "$status"
