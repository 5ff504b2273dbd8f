#!/usr/bin/env bash
# The user gazetteer (article_tools.gazetteer) survives pg_dump and restore:
# rows users added come back in a fresh database, and the extension created
# by the restore uses them.
set -uo pipefail
AT_ROOT=${AT_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$AT_ROOT/test/lib/common.sh"
bin=${AT_BINDIR:?AT_BINDIR is not set (run through test/run_tests.sh)}
export PGOPTIONS="-c client_min_messages=warning"
dump=$(mktemp)
trap 'rm -f "$dump"; "$bin/psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS at_ent_src" -c "DROP DATABASE IF EXISTS at_ent_dst" >/dev/null 2>&1' EXIT

"$bin/psql" -X -q -v ON_ERROR_STOP=1 -d postgres \
	-c "DROP DATABASE IF EXISTS at_ent_src" -c "DROP DATABASE IF EXISTS at_ent_dst" \
	-c "CREATE DATABASE at_ent_src TEMPLATE template0 ENCODING 'UTF8'" \
	-c "CREATE DATABASE at_ent_dst TEMPLATE template0 ENCODING 'UTF8'" || exit 1
"$bin/psql" -X -q -v ON_ERROR_STOP=1 -d at_ent_src \
	-c "CREATE EXTENSION article_tools" \
	-c "INSERT INTO article_tools.gazetteer VALUES ('Tus', 'organization', 'Tus-Holdings Co. Ltd')" || exit 1
"$bin/pg_dump" -d at_ent_src -f "$dump" || exit 1
"$bin/psql" -X -q -v ON_ERROR_STOP=1 -d at_ent_dst -f "$dump" >/dev/null || exit 1
got=$("$bin/psql" -X -qAt -d at_ent_dst \
	-c "SELECT kind || '|' || text || '|' || canonical FROM article_tools.extract_entities('Officials at Tus met investors.')")
echo "after restore: $got"
[ "$got" = "organization|Tus|Tus-Holdings Co. Ltd" ]
