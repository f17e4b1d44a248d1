#!/usr/bin/env bash
# Backs up and restores rateup-webhooks' database, with the key that opens its stored secrets.
#
#   ops/backup.sh create  DIR    writes DIR/database.{sql.gz,dump}, DIR/secret-key (if one is configured)
#                                and DIR/backup.properties
#   ops/backup.sh restore DIR    loads DIR into the configured database, which must be empty (H2: no
#                                file yet; PostgreSQL: a database without tables)
#
# It reads the database settings the app reads, from the same environment variables:
# RATEUP_DB_URL (default: the embedded H2 file ./data/rateup), RATEUP_DB_USER and RATEUP_DB_PASSWORD
# (default rateup/rateup), RATEUP_WEBHOOK_SECRET_KEY. H2: the app must be stopped (the embedded
# database is open in one process only), and RATEUP_H2_JAR names the H2 the servers run (2.2.224;
# default: Maven's local repository, where a build of the app puts it). PostgreSQL:
# online, consistent (pg_dump's snapshot), with pg_dump/pg_restore of the server's major version or
# newer on PATH.
#
# The secret key is what opens the webhook secrets and endpoint credentials in the dump: without it
# they are lost. It is written to DIR/secret-key (mode 600) so that one directory holds everything a
# restore needs; store that file apart from the database dumps (a dump with its key is the secrets in
# the clear). A development installation keeps its generated key in the database: then the dump is
# enough. docs/operations.md, "Backup and restore", says when to take one and how to check it.
set -euo pipefail

usage() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1 dir=$2
url=${RATEUP_DB_URL:-jdbc:h2:file:./data/rateup;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=5000}
user=${RATEUP_DB_USER:-rateup}
password=${RATEUP_DB_PASSWORD:-rateup}

fail() { echo "backup.sh: $*" >&2; exit 1; }

h2() {
  local jar=${RATEUP_H2_JAR:-$HOME/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar}
  [ -f "$jar" ] || fail "no H2 jar at $jar: set RATEUP_H2_JAR to H2 2.2.224, the version Payara and WildFly ship (WildFly:
  modules/system/layers/base/com/h2database/h2/main/; or: mvn dependency:get -Dartifact=com.h2database:h2:2.2.224)"
  java -cp "$jar" "$@" || fail "H2 could not do it (is the app still running? it holds the file)"
}

# a PostgreSQL client tool: from PATH, else the newest of Debian's installed server versions
pg() {
  local tool=$1; shift
  if ! command -v "$tool" >/dev/null; then
    local dir; dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -n "$dir" ] && [ -x "$dir/$tool" ] || fail "$tool is not installed (Debian: postgresql-client)"
    tool=$dir/$tool
  fi
  PGPASSWORD=$password "$tool" "$@"
}

# jdbc:postgresql://host[:port]/database[?…] as a libpq URI (the password travels in PGPASSWORD, never on a command line)
libpq() {
  local rest=${url#jdbc:postgresql://}
  echo "postgresql://${user}@${rest%%\?*}"
}

case "$action" in
  create)
    [ ! -e "$dir" ] || [ -z "$(ls -A "$dir")" ] || fail "$dir is not empty"
    mkdir -p "$dir"
    case "$url" in
      jdbc:h2:*)
        # SCRIPT writes schema and rows as SQL; it fails with H2's "Database may be already in use" while the app runs
        h2 org.h2.tools.Script -url "${url%%;*};IFEXISTS=TRUE" -user "$user" -password "$password" -script "$dir/database.sql.gz" -options COMPRESSION GZIP
        kind=h2 ;;
      jdbc:postgresql:*)
        pg pg_dump --format=custom --no-owner --no-privileges --file="$dir/database.dump" "$(libpq)"
        kind=postgresql ;;
      *) fail "cannot back up $url: only jdbc:h2: and jdbc:postgresql: URLs" ;;
    esac
    if [ -n "${RATEUP_WEBHOOK_SECRET_KEY:-}" ]; then
      (umask 077 && printf '%s\n' "$RATEUP_WEBHOOK_SECRET_KEY" > "$dir/secret-key")
    fi
    {
      echo "database=$kind"
      echo "created=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
      echo "secret-key=$([ -f "$dir/secret-key" ] && echo "secret-key (store it apart from the dump)" || echo "none configured: the development key is in the dump")"
    } > "$dir/backup.properties"
    echo "backed up $kind database to $dir"
    ;;
  restore)
    [ -f "$dir/backup.properties" ] || fail "$dir holds no backup (no backup.properties)"
    kind=$(sed -n 's/^database=//p' "$dir/backup.properties")
    case "$kind:$url" in
      h2:jdbc:h2:*)
        file=${url%%;*}; file=${file#jdbc:h2:file:}
        [ ! -e "$file.mv.db" ] || fail "$file.mv.db exists: restore into a new database (move the old file away first)"
        h2 org.h2.tools.RunScript -url "${url%%;*}" -user "$user" -password "$password" -script "$dir/database.sql.gz" -options COMPRESSION GZIP
        ;;
      postgresql:jdbc:postgresql:*)
        tables=$(pg psql -tA -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'" "$(libpq)")
        [ "$tables" = 0 ] || fail "the database of $url has $tables tables: restore into an empty database"
        pg pg_restore --no-owner --no-privileges --exit-on-error --dbname="$(libpq)" "$dir/database.dump"
        ;;
      *) fail "$dir holds a $kind backup; RATEUP_DB_URL is $url" ;;
    esac
    echo "restored $kind database from $dir"
    if [ -f "$dir/secret-key" ]; then
      echo "start the app with RATEUP_WEBHOOK_SECRET_KEY=\$(cat $dir/secret-key) (or with the key it has now, and this one among rateup.webhook.previous-secret-keys)"
    fi
    ;;
  *) usage ;;
esac
