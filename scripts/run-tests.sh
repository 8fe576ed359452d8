#!/usr/bin/env bash
# Run the suite on SQLite, then on a throwaway PostgreSQL cluster; fail if either fails.
# With both, tests marked `once` (browser gates, tests of their own database or none: see
# tests/conftest.py) run in the PostgreSQL run only, the production database; the rest run twice.
#   scripts/run-tests.sh [sqlite|postgres|both] [pytest args…]
set -uo pipefail
cd "$(dirname "$0")/.."

which=${1:-both}
[ $# -gt 0 ] && shift
# One pytest worker per core (two on the reference machine).
pytest=(.venv/bin/pytest -n "${TEST_WORKERS:-$(nproc)}" "$@")
status=0

run_sqlite() {
  echo "=== Test run 1: SQLite${1:+ (without the tests marked once)} ==="
  env -u DATABASE_URL "${pytest[@]}" ${1:+-m "not once"} || status=1
}

run_postgres() {
  echo "=== Test run 2: PostgreSQL ==="
  local dir
  dir=$(mktemp -d /tmp/aict-pg-XXXXXX)
  trap 'scripts/pg-cluster.sh stop "$dir"' EXIT
  local url
  if ! url=$(scripts/pg-cluster.sh start "$dir"); then
    echo "Could not start the PostgreSQL test cluster" >&2
    cat "$dir"/*.log >&2 2>/dev/null
    status=1
    return
  fi
  DATABASE_URL=$url "${pytest[@]}" || status=1
  scripts/pg-cluster.sh stop "$dir"
  trap - EXIT
}

case "$which" in
  sqlite) run_sqlite ;;
  postgres) run_postgres ;;
  both) run_sqlite skip-once; run_postgres ;;
  *) echo "usage: $0 [sqlite|postgres|both]" >&2; exit 2 ;;
esac

if [ $status -eq 0 ]; then echo "=== Both database runs passed ==="; else echo "=== A test run failed ===" >&2; fi
exit $status
