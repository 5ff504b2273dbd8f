#!/usr/bin/env bash
# Exact-value F1 and measure / holder / period accuracy of extract_metrics()
# on the team-written held-out set (test/metrics/heldout/, format in its
# README): the test split and each tuning split (tune: u*, tune_v: v*)
# reported apart.  Fails when the test split is below its floors.
# AT_METRICS_SHOW_TEST=1 also lists test-split misses (do not tune on them).
set -uo pipefail
AT_ROOT=${AT_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$AT_ROOT" || exit 1
# floors a little under the last measured test split (F1 0.966; measure 0.855,
# holder 0.855, period 0.942): they catch regressions; the issue's target for
# the fields is 0.85
floor_f1=${AT_METRICS_FLOOR_F1:-0.95}
floor_fields=${AT_METRICS_FLOOR_FIELDS:-0.84}
psql=${AT_BINDIR:+$AT_BINDIR/}psql
db=at_metrics_heldout
"$psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0" || exit 1
trap '"$psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1' EXIT
"$psql" -X -q -d "$db" -c "CREATE EXTENSION article_tools" || exit 1
"$psql" -X -q -d "$db" -P pager=off -v show_test="${AT_METRICS_SHOW_TEST:-0}" \
	-v floor_f1="$floor_f1" -v floor_fields="$floor_fields" \
	-f test/metrics/heldout.sql
