#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, on 127.0.0.1 only.
#   pg.sh start <data-dir> <port>   installs PostgreSQL (Debian package) if missing, creates a
#                                   cluster with user/password rateup/rateup and databases rateup
#                                   and rateup_shared
#   pg.sh stop  <data-dir>
#   pg.sh resume <data-dir> <port>  starts a stopped cluster again, its data kept (DatabaseOutageIT)
#   pg.sh install                   only installs PostgreSQL if missing (.ci/run, before two builds
#                                   that would otherwise both run apt-get at once)
set -euo pipefail
action=$1 dir=${2:-} port=${3:-12432}
cd / # the postgres user may not be allowed into the caller's directory

bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

as_owner() {
  # PostgreSQL refuses to run as root: run it as the postgres user then
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

run_server() {
  if ! as_owner "$(bin)/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=200" start >/dev/null; then
    tail -20 "$dir/server.log" >&2
    exit 1
  fi
}

install() {
  if [ -z "$(bin)" ] || [ ! -x "$(bin)/postgres" ]; then
    echo "installing PostgreSQL (Debian package postgresql)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
  fi
}

case "$action" in
  install)
    install
    ;;
  start)
    install
    B=$(bin)
    if [ -f "$dir/data/postmaster.pid" ]; then "$0" stop "$dir"; fi # left over by an interrupted run
    rm -rf "$dir" && mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    pwfile=$(mktemp) && echo rateup > "$pwfile" && chmod 644 "$pwfile"
    as_owner "$B/initdb" -D "$dir/data" -U rateup --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
    run_server
    # rateup for the servers the tests start themselves, rateup_shared for the one every Arquillian test
    # class shares: it stays up for the whole run and would act as a second instance on their database
    for db in rateup rateup_shared; do
      PGPASSWORD=rateup "$B/psql" -q -h 127.0.0.1 -p "$port" -U rateup -d postgres -c "CREATE DATABASE $db" >/dev/null
    done
    echo "PostgreSQL $("$B/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, databases rateup and rateup_shared"
    ;;
  stop)
    B=$(bin)
    if [ -d "$dir/data" ]; then as_owner "$B/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true; fi
    ;;
  resume)
    run_server
    ;;
  *) echo "usage: pg.sh start|stop|resume <data-dir> [port] | pg.sh install" >&2; exit 2 ;;
esac
