#!/usr/bin/env bash
# The pipeline on Citus (coordinator + 2 workers): test/scale/citus.sh with
# the private install of test/run_tests.sh.  Skips (77) with a message where
# Citus is not installed, as on a fresh CI machine; docs/scaling.md says how
# to build it.
set -uo pipefail
: "${AT_BINDIR:?run from test/run_tests.sh}"
exec bash "$(dirname "$0")/../scale/citus.sh" "${AT_CITUS_ARTICLES:-2000}"
