#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS cluster for the tests (issue 17): initdb in a temporary
# folder, listening on a unix socket in that folder only (no TCP port to clash with anything),
# a database `planlines_test` with PostGIS, and a template `planlines_template` (PostGIS) that
# tests copy into a database of their own.
#
#   tests/pgcluster/pgcluster.sh start STATE_DIR   starts it; writes STATE_DIR/pg.env and prints
#                                                  `export PLANLINES_TEST_PG=postgresql:///…`
#   tests/pgcluster/pgcluster.sh stop STATE_DIR    stops it and removes the temporary folder
#   eval "$(tests/pgcluster/pgcluster.sh start /tmp/pgstate)"   # by hand, for a shell
#
# PGCLUSTER_SHARED_BUFFERS (default 32MB) sizes the server's buffer cache: the benchmarks give
# it what a county's database server would have (bench/pg_bench.sh: 4GB).
#
# initdb and postgres refuse to run as root (CI runs as root): as root the server runs as the
# system account planlines-ci (created here when absent), which owns the temporary folder. The
# superuser of the cluster is `postgres`; authentication is `trust` on the socket only, and the
# socket folder is readable by its owner alone (and root), so no other account can connect.
# Any failure exits non-zero with the cause and the server log: the tests are never skipped.
set -euo pipefail

ACCOUNT=planlines-ci
DB=planlines_test
TEMPLATE=planlines_template
PORT=5432 # only names the socket file (.s.PGSQL.5432) inside the temporary folder

die() {
  echo "pgcluster: $*" >&2
  exit 1
}

bindir() {
  local d
  d=$(pg_config --bindir 2>/dev/null || true)
  # Debian's pg_config (libpq-dev) may name /usr/bin; the server lives under /usr/lib/postgresql.
  for c in "$d" /usr/lib/postgresql/15/bin; do
    [[ -n "$c" && -x "$c/initdb" && -x "$c/postgres" ]] && { echo "$c"; return; }
  done
  die "no PostgreSQL server found (initdb, postgres): run packaging/install-deps.sh (postgresql-15, postgresql-15-postgis-3)"
}

# Runs a command as the account that owns the cluster.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u "$ACCOUNT" -- "$@"
  else
    "$@"
  fi
}

ensure_account() {
  [[ $(id -u) -eq 0 ]] || return 0
  getent passwd "$ACCOUNT" >/dev/null && return 0
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$ACCOUNT" ||
    getent passwd "$ACCOUNT" >/dev/null || # another build made it meanwhile
    die "cannot create the system account $ACCOUNT (useradd failed); initdb refuses to run as root"
}

stop() {
  local state=$1 dir
  [[ -f "$state/pg.env" ]] || return 0
  dir=$(sed -n 's/^PGCLUSTER_DIR=//p' "$state/pg.env")
  if [[ -n "$dir" && -d "$dir/data" ]]; then
    as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  [[ -n "$dir" && "$dir" == */planlines-pg.* ]] && rm -rf "$dir"
  rm -f "$state/pg.env"
}

start() {
  local state=$1 bin dir uri
  mkdir -p "$state"
  stop "$state" # a cluster left by an interrupted run
  bin=$(bindir)
  ensure_account
  # A short path: a unix socket's path is limited to 107 bytes. As root, a $TMPDIR that the
  # server's account cannot enter (e.g. under /root) gives way to /tmp.
  local base=${TMPDIR:-/tmp}
  if [[ $(id -u) -eq 0 ]] && ! runuser -u "$ACCOUNT" -- test -x "$base" 2>/dev/null; then
    base=/tmp
  fi
  dir=$(mktemp -d "$base/planlines-pg.XXXXXX")
  (( ${#dir} < 80 )) || die "temporary folder path too long for a unix socket: $dir"
  [[ $(id -u) -eq 0 ]] && chown "$ACCOUNT:" "$dir"
  chmod 700 "$dir"

  if ! as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
       >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    die "initdb failed in $dir (log above)"
  fi
  # Small and fast: a test cluster on a shared two-core machine; durability is not wanted.
  # (Benchmarks size the buffer cache as a county's server would: PGCLUSTER_SHARED_BUFFERS.)
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir'
port = $PORT
shared_buffers = ${PGCLUSTER_SHARED_BUFFERS:-32MB}
max_connections = 60
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
CONF
  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null; then
    cat "$dir/server.log" >&2 || true
    rm -rf "$dir"
    die "the server did not start (log above)"
  fi
  # From here the cluster runs: write the state first so that stop can clean up after a failure.
  uri="postgresql:///$DB?host=$dir&port=$PORT&user=postgres"
  printf 'PLANLINES_TEST_PG=%s\nPGCLUSTER_DIR=%s\n' "$uri" "$dir" >"$state/pg.env"
  local psql=("$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$PORT" -U postgres)
  if ! "${psql[@]}" -d postgres >"$dir/setup.log" 2>&1 <<SQL
CREATE DATABASE $TEMPLATE;
\connect $TEMPLATE
CREATE EXTENSION postgis;
\connect postgres
ALTER DATABASE $TEMPLATE WITH IS_TEMPLATE true;
CREATE DATABASE $DB TEMPLATE $TEMPLATE;
SQL
  then
    cat "$dir/setup.log" >&2
    stop "$state"
    die "cannot create the PostGIS databases (log above; is postgresql-15-postgis-3 installed?)"
  fi
  echo "export PLANLINES_TEST_PG='$uri'"
}

[[ $# -eq 2 ]] || die "usage: $0 start|stop STATE_DIR"
state=$(mkdir -p "$2" && cd "$2" && pwd)
case "$1" in
  start) start "$state" ;;
  stop) stop "$state" ;;
  *) die "usage: $0 start|stop STATE_DIR" ;;
esac
