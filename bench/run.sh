#!/usr/bin/env bash
# The benchmark: builds the WAR, starts it on Payara Micro (or with --wildfly on WildFly 39) with the
# embedded H2 database (or with --postgresql on a PostgreSQL server of its own), and runs
# bench/Bench.java against it: raw HTTP ceiling, end-to-end throughput, latency at a fixed rate,
# isolation, memory and start time.
# Usage: bench/run.sh [--wildfly] [--postgresql] [Bench options, e.g. --seconds 20 --concurrency 8]
# --filter JSON puts that filter (#31) on every webhook the benchmark makes; it must match what it submits, e.g.
#   bench/run.sh --filter '{"responses":{"$elemMatch":{"response":{"$gte":7}}},"language":{"$in":["en","de"]}}'
# Writes target/bench-report.md and prints it.
# --erasure-residue (after --wildfly/--postgresql) runs bench/ErasureResidue.java instead: what an erasure (#34)
#   leaves in the database's files, and after what it goes (writes target/erasure-residue.md).
# The embedded database's file under sustained load (#30): BENCH_SERVER_OPTS=-Drateup.delivery.retention=PT2M
#   bench/run.sh --deliveries 100000 (the file's size every 10 s until that many deliveries arrived; the p99 at
#   --rate before and after). The H2 URL is the app's default; BENCH_RETENTION_TIME=45000 gives H2's own.
set -euo pipefail
cd "$(dirname "$0")/.."

server_kind=payara
if [ "${1:-}" = "--wildfly" ]; then server_kind=wildfly; shift; fi
db=h2
if [ "${1:-}" = "--postgresql" ]; then db=postgresql; shift; fi
program=bench/Bench.java report=target/bench-report.md
if [ "${1:-}" = "--erasure-residue" ]; then program=bench/ErasureResidue.java report=target/erasure-residue.md; shift; fi

if [ "$server_kind" = wildfly ]; then mvn -q -B clean package -DskipTests -Dwildfly.skip=false; else mvn -q -B clean package -DskipTests; fi
work=$(mktemp -d)
port=18080
dbopts=(-Drateup.db.url="jdbc:h2:file:$work/data/rateup;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=${BENCH_WRITE_DELAY:-0};RETENTION_TIME=${BENCH_RETENTION_TIME:-5000}")
if [ "$db" = postgresql ]; then
  pgport=55433
  bash src/test/postgres/pg.sh start "/tmp/rateup-webhooks-bench-pg-$pgport" "$pgport"
  # the driver: Payara's data source names a class, WildFly's (WEB-INF/rateup-ds.xml) the WAR's driver by deployment
  dbopts=(-Drateup.db.url="jdbc:postgresql://127.0.0.1:$pgport/rateup" -Drateup.db.datasource-class=org.postgresql.ds.PGSimpleDataSource
    -Drateup.db.wildfly-driver=rateup-webhooks.war_org.postgresql.Driver_42_7)
fi

started=$(date +%s%3N)
# BENCH_SERVER_OPTS: extra server settings for experiments, e.g. -Drateup.delivery.max-concurrency-per-endpoint=16
# (on WildFly only -D system properties: they are passed to the server, not to the JVM)
settings=(-Xmx512m "${dbopts[@]}" ${BENCH_SERVER_OPTS:-} -Drateup.admin.password=bench-admin -Drateup.delivery.allow-private-network=true)
if [ "$server_kind" = wildfly ]; then
  home=$(ls -d target/wildfly-*/ | head -1)
  cp -r "$home/standalone" "$work/wildfly" && cp target/rateup-webhooks.war "$work/wildfly/deployments/"
  # system properties as server arguments; the JVM's own options in JAVA_OPTS (standalone.conf's defaults otherwise)
  JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}" \
  JAVA_OPTS="-Xmx512m -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true" \
    "$home/bin/standalone.sh" -Djboss.server.base.dir="$work/wildfly" -Djboss.socket.binding.port-offset=$((port - 8080)) \
    "${settings[@]:1}" > "$work/server.log" 2>&1 &
  launcher=$!
  # the server JVM (for its memory) is standalone.sh's child; the script also runs `java -version` first
  until server=$(pgrep -P "$launcher" -f jboss-modules.jar); do sleep 0.1; done
else
  java "${settings[@]}" \
    -jar target/payara-micro.jar --nohazelcast --disablephonehome --port "$port" --contextroot / \
    --rootdir "$work/root" --prebootcommandfile src/main/payara/preboot.asadmin \
    --deploy target/rateup-webhooks.war > "$work/server.log" 2>&1 &
  server=$!
fi
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  if [ "$db" = postgresql ]; then bash src/test/postgres/pg.sh stop "/tmp/rateup-webhooks-bench-pg-$pgport"; fi
  # the H2 file of a run holds about a gigabyte (docs/operations.md, Production): keep only the log
  cp "$work/server.log" target/bench-server.log 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# on PostgreSQL the stats route is timed on a webhook with a million attempts seeded in bulk with psql
seed=()
# --deliveries N (Bench) samples the size of the embedded database's file
if [ "$db" = h2 ]; then seed=(--store-file "$work/data/rateup.mv.db"); fi
if [ "$db" = postgresql ]; then
  seed=(--psql "PGPASSWORD=rateup $(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql -h 127.0.0.1 -p $pgport -U rateup rateup")
fi
java -Xmx1g "$program" --base "http://127.0.0.1:$port" --server-pid "$server" --started-at-ms "$started" \
  --admin-password bench-admin --database "$db" --server "$server_kind" --report "$report" "${seed[@]}" "$@"
if [ "$program" = bench/ErasureResidue.java ] && [ "$db" = h2 ]; then
  # what an offline compaction leaves: H2 rewrites the whole file (the server holds it open: stopped first)
  kill "$server" && wait "$server" 2>/dev/null || true
  h2version=$(grep -A1 '<artifactId>h2</artifactId>' pom.xml | sed -n 's:.*<version>\(.*\)</version>.*:\1:p')
  java -cp "$HOME/.m2/repository/com/h2database/h2/$h2version/h2-$h2version.jar" org.h2.tools.Shell -url "jdbc:h2:file:$work/data/rateup" \
    -user rateup -password rateup -sql "SHUTDOWN COMPACT" > /dev/null
  java bench/ErasureResidue.java --count "$work/data/rateup.mv.db" --report "$report" --when "after SHUTDOWN COMPACT, the server stopped"
  cat "$report"
fi
