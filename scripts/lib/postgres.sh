# shellcheck shell=bash
# A PostgreSQL cluster of Berth's own, for scripts/test and `scripts/run --postgres`: Debian's
# postgresql package (installed when missing, as root), a data directory that only these scripts
# use, listening on 127.0.0.1 only, on a port of its own. A cluster these scripts did not create is
# never started, stopped or changed; the package's own cluster is left as it is.
#
# BERTH_PG_DIR      its data directory (and socket directory), owned by the postgres user
# BERTH_PG_PORT     its port on 127.0.0.1
# BERTH_PG_PASSWORD the password of its superuser `berth` (password auth, as a real site would use)

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BERTH_PG_DIR=${BERTH_PG_DIR:-/var/lib/berth-postgres}
BERTH_PG_PORT=${BERTH_PG_PORT:-55432}
BERTH_PG_PASSWORD=${BERTH_PG_PASSWORD:-berth}
BERTH_PG_LOG=${BERTH_PG_LOG:-/var/log/berth-postgres.log}
# Written by these scripts into a data directory they initialised: nothing else is ever touched.
BERTH_PG_MARK=berth-cluster

pg_bin() {
  local newest
  newest=$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/initdb' 2>/dev/null | sort -V | tail -n 1)
  [ -n "$newest" ] && dirname "$newest"
}

as_postgres() {
  runuser -u postgres -- "$@"
}

pg_url() {
  printf 'jdbc:postgresql://127.0.0.1:%s/%s' "$BERTH_PG_PORT" "${1:-berth}"
}

pg_answers() {
  local bin
  bin=$(pg_bin) || return 1
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$BERTH_PG_PORT" 2>/dev/null
}

# Installs the package (root only) and makes sure the cluster of these scripts runs. Returns 1 with
# a message where it cannot (not root and nothing installed, a port taken by something else).
ensure_postgres() {
  if [ "$(id -u)" != 0 ]; then
    say "PostgreSQL tests and --postgres need root here (to install postgresql and run a cluster as the postgres user)"
    return 1
  fi
  if [ -z "$(pg_bin)" ]; then
    say "installing Debian's postgresql (apt-get; log: $BERTH_APT_LOG)"
    run_logged "$BERTH_APT_LOG" apt-get update -qq \
      && run_logged "$BERTH_APT_LOG" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq postgresql \
      || return 1
  fi
  local bin
  bin=$(pg_bin)
  if [ -d "$BERTH_PG_DIR" ] && [ ! -f "$BERTH_PG_DIR/$BERTH_PG_MARK" ]; then
    say "$BERTH_PG_DIR exists but was not created by these scripts: set BERTH_PG_DIR to another directory"
    return 1
  fi
  if [ ! -f "$BERTH_PG_DIR/PG_VERSION" ]; then
    say "creating Berth's PostgreSQL cluster in $BERTH_PG_DIR"
    mkdir -p "$BERTH_PG_DIR"
    chown postgres:postgres "$BERTH_PG_DIR"
    chmod 700 "$BERTH_PG_DIR"
    local pwfile
    pwfile=$(mktemp)
    printf '%s\n' "$BERTH_PG_PASSWORD" > "$pwfile"
    chown postgres "$pwfile"
    run_logged "$BERTH_PG_LOG" as_postgres "$bin/initdb" -D "$BERTH_PG_DIR" -U berth --pwfile="$pwfile" \
      --auth-host=scram-sha-256 --auth-local=peer -E UTF8 --locale=C.UTF-8 || { rm -f "$pwfile"; return 1; }
    rm -f "$pwfile"
    touch "$BERTH_PG_DIR/$BERTH_PG_MARK"
  fi
  if pg_answers; then
    return 0
  fi
  if [ -f "$BERTH_PG_DIR/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$BERTH_PG_DIR" status >/dev/null 2>&1; then
    say "Berth's PostgreSQL cluster runs but does not answer on 127.0.0.1:$BERTH_PG_PORT (log: $BERTH_PG_LOG)"
    return 1
  fi
  say "starting Berth's PostgreSQL on 127.0.0.1:$BERTH_PG_PORT (log: $BERTH_PG_LOG)"
  # fsync stays on: the tests check what survives a SIGKILL, as on a real server.
  local options="-c listen_addresses=127.0.0.1 -c port=$BERTH_PG_PORT -c unix_socket_directories=$BERTH_PG_DIR"
  options+=" -c max_connections=300"
  touch "$BERTH_PG_LOG" && chown postgres "$BERTH_PG_LOG"
  if ! as_postgres "$bin/pg_ctl" -D "$BERTH_PG_DIR" -l "$BERTH_PG_LOG" -o "$options" -w -t 60 start >/dev/null; then
    tail -n 20 "$BERTH_PG_LOG" >&2
    say "Berth's PostgreSQL did not start (log: $BERTH_PG_LOG)"
    return 1
  fi
}

# Creates database NAME in the cluster of these scripts unless it exists.
ensure_pg_database() {
  local name=$1 bin
  bin=$(pg_bin)
  if ! PGPASSWORD=$BERTH_PG_PASSWORD "$bin/psql" -h 127.0.0.1 -p "$BERTH_PG_PORT" -U berth -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
    PGPASSWORD=$BERTH_PG_PASSWORD "$bin/psql" -q -h 127.0.0.1 -p "$BERTH_PG_PORT" -U berth -d postgres \
      -c "CREATE DATABASE $name" >/dev/null
  fi
}

# Drops the databases the tests made in earlier runs (named test_*; see TestStore).
drop_test_databases() {
  local bin name
  bin=$(pg_bin)
  for name in $(PGPASSWORD=$BERTH_PG_PASSWORD "$bin/psql" -h 127.0.0.1 -p "$BERTH_PG_PORT" -U berth -d postgres -tAc \
      "SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%'"); do
    PGPASSWORD=$BERTH_PG_PASSWORD "$bin/psql" -q -h 127.0.0.1 -p "$BERTH_PG_PORT" -U berth -d postgres \
      -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null
  done
}

# Stops the cluster of these scripts if it runs (fast: open sessions are ended).
stop_postgres() {
  local bin
  bin=$(pg_bin) || return 0
  [ -f "$BERTH_PG_DIR/$BERTH_PG_MARK" ] && [ -f "$BERTH_PG_DIR/postmaster.pid" ] || return 0
  say "stopping Berth's PostgreSQL"
  as_postgres "$bin/pg_ctl" -D "$BERTH_PG_DIR" -m fast -w stop >/dev/null
}
