#!/usr/bin/env bash
# Run the suite on SQLite, then on a throwaway PostgreSQL cluster; fail if either fails.
# With both, tests marked `once` (browser gates, tests of their own database or none: see
# tests/conftest.py) run once: in the PostgreSQL run, the production database, except the
# browser tests, which run in the SQLite run (a live server's flush between tests costs less
# there, and a page looks the same); the rest run twice.
#   scripts/run-tests.sh [sqlite|postgres|both] [pytest args…]
set -uo pipefail
cd "$(dirname "$0")/.."

which=${1:-both}
[ $# -gt 0 ] && shift
# One pytest worker per core (two on the reference machine).
pytest=(.venv/bin/pytest -n "${TEST_WORKERS:-$(nproc)}" "$@")
status=0

run_sqlite() {
  echo "=== Test run 1: SQLite${1:+ (the browser tests, not the other tests marked once)} ==="
  env -u DATABASE_URL "${pytest[@]}" ${1:+-m "not once or browser"} || status=1
}

run_postgres() {
  echo "=== Test run 2: PostgreSQL${1:+ (all but the browser tests)} ==="
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
  DATABASE_URL=$url "${pytest[@]}" ${1:+-m "not browser"} || status=1
  scripts/pg-cluster.sh stop "$dir"
  trap - EXIT
}

case "$which" in
  sqlite) run_sqlite ;;
  postgres) run_postgres ;;
  both) run_sqlite split; run_postgres split ;;
  *) echo "usage: $0 [sqlite|postgres|both]" >&2; exit 2 ;;
esac

if [ $status -eq 0 ]; then echo "=== Both database runs passed ==="; else echo "=== A test run failed ===" >&2; fi
exit $status
