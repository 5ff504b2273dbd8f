#!/usr/bin/env bash
# Conformance of extract_metrics() with the Microsoft Recognizers-Text English
# specs (../shared/conformance/recognizers): per file, the share of cases
# whose expected values are all found.  Fails when a score is below target.
# Declined cases and their reasons: test/metrics/declined.tsv.
set -uo pipefail
AT_ROOT=${AT_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
spec=${AT_SHARED_DIR:-$AT_ROOT/../shared}/conformance/recognizers
if [ ! -f "$spec/NumberModel.json" ]; then
	echo "metrics_conformance: $spec not found, skipping"
	exit 77
fi
psql=${AT_BINDIR:+$AT_BINDIR/}psql
db=at_metrics_conformance
"$psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0" || exit 1
trap '"$psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1' EXIT
"$psql" -X -q -d "$db" -c "CREATE EXTENSION article_tools" || exit 1
export AT_METRICS_DECLINED=$AT_ROOT/test/metrics/declined.tsv
export AT_METRICS_UNITS=$AT_ROOT/test/metrics/conformance_units.tsv
# too large for an argument: conformance.sql reads it itself
export AT_METRICS_DATETIME=$spec/DateTimeModel.json
"$psql" -X -q -d "$db" -P pager=off \
	-v number="$(cat "$spec/NumberModel.json")" \
	-v percent="$(cat "$spec/PercentModel.json")" \
	-v currency="$(cat "$spec/CurrencyModel.json")" \
	-v dimension="$(cat "$spec/DimensionModel.json")" \
	-f "$AT_ROOT/test/metrics/conformance.sql"
