#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the test suite and prints its URL.
#   scripts/throwaway-postgres.sh start [PORT]   → prints DATABASE_URL on the last line
#   scripts/throwaway-postgres.sh stop
# Needs the Debian `postgresql` package. initdb and pg_ctl refuse to run as root, so the
# cluster is owned by the `postgres` user.
set -euo pipefail
dir=/tmp/binausaha-pg
port="${2:-55432}"
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2
  exit 1
fi

case "${1:-start}" in
  start)
    if [ -f "$dir/data/postmaster.pid" ]; then as_postgres "$bin/pg_ctl -D $dir/data -m immediate stop" >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    as_postgres "$bin/initdb -D $dir/data -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8" >/dev/null
    as_postgres "$bin/pg_ctl -D $dir/data -l $dir/server.log -w -o \"-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=600\" start" >/dev/null
    as_postgres "$bin/createdb -h 127.0.0.1 -p $port -U postgres binausaha_test"
    echo "postgres://postgres@127.0.0.1:$port/binausaha_test?sslmode=disable"
    ;;
  stop)
    as_postgres "$bin/pg_ctl -D $dir/data -m fast stop" >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop [PORT]" >&2; exit 2 ;;
esac
