#!/usr/bin/env bash
# Starts a throwaway PostgreSQL (Debian's 15) on a local port and prints its URL.
# Used by .ci/run and by developers who want the PostgreSQL suite locally.
set -euo pipefail
port="${PGPORT_TEST:-55432}"
dir="${PGDATA_TEST:-/tmp/est-pg-$port}"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2; exit 1; }
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if ! pg_isready -h 127.0.0.1 -p "$port" -q 2>/dev/null; then
  rm -rf "$dir"; mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  run "$bin/initdb -D '$dir' -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8" >/dev/null
  run "$bin/pg_ctl -D '$dir' -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off\" -l '$dir/log' -w start" >/dev/null
fi
echo "postgresql://postgres@127.0.0.1:$port/postgres"
