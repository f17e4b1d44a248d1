#!/usr/bin/env bash
# A throwaway forward proxy (Squid, Debian package squid) for the egress-proxy tests, on 127.0.0.1 only:
#   squid.sh start <dir> <port>   installs Squid if missing and starts it with its config, log and pid in <dir>;
#                                 it forwards plain HTTP and CONNECT from 127.0.0.1 and logs every request to
#                                 <dir>/access.log
#   squid.sh stop <dir>
#   squid.sh install              only installs Squid if missing (.ci/run, before the two builds)
# docs/operations.md, "An egress proxy", shows a production configuration (private ranges refused, a static egress address).
set -euo pipefail
action=$1 dir=${2:-} port=${3:-13128}

install() {
  if ! command -v squid >/dev/null && [ ! -x /usr/sbin/squid ]; then
    echo "installing Squid (Debian package squid)"
    export DEBIAN_FRONTEND=noninteractive
    if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends squid >/dev/null
  fi
}

case "$action" in
  install)
    install
    ;;
  start)
    install
    if [ -f "$dir/squid.pid" ]; then "$0" stop "$dir"; fi # left over by an interrupted run
    rm -rf "$dir" && mkdir -p "$dir"
    chmod 777 "$dir" # Squid run as root works as the user proxy
    cat > "$dir/squid.conf" <<CONF
http_port 127.0.0.1:$port
acl from_here src 127.0.0.1/32
acl CONNECT method CONNECT
http_access allow from_here
http_access deny all
cache deny all
access_log stdio:$dir/access.log
cache_log $dir/cache.log
pid_filename $dir/squid.pid
coredump_dir $dir
shutdown_lifetime 0 seconds
CONF
    /usr/sbin/squid -f "$dir/squid.conf"
    for _ in $(seq 1 100); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "Squid $(/usr/sbin/squid -v | head -1 | awk '{print $4}') on 127.0.0.1:$port, log $dir/access.log"
        exit 0
      fi
      sleep 0.1
    done
    cat "$dir/cache.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$dir/squid.conf" ]; then /usr/sbin/squid -f "$dir/squid.conf" -k shutdown 2>/dev/null || true; fi
    for _ in $(seq 1 50); do [ -f "$dir/squid.pid" ] || break; sleep 0.1; done
    ;;
  *) echo "usage: squid.sh start|stop <dir> [port] | squid.sh install" >&2; exit 2 ;;
esac
