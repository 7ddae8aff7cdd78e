# shellcheck shell=bash
# Shared by scripts/run and scripts/test: make sure a Docker engine answers.
#
# If none answers and we are root on a Debian-like machine, install Debian's docker.io and start
# dockerd in the background (log: $BERTH_DOCKERD_LOG). An engine started here is remembered in
# $BERTH_DOCKERD_PIDFILE: only such an engine may be turned into a swarm manager by the tests.

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BERTH_DOCKERD_LOG=${BERTH_DOCKERD_LOG:-/var/log/berth-dockerd.log}
BERTH_DOCKERD_PIDFILE=${BERTH_DOCKERD_PIDFILE:-/var/run/berth-dockerd.pid}

engine_answers() {
  command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1
}

# True when the engine that answers is one these scripts started.
engine_started_by_berth() {
  [ -f "$BERTH_DOCKERD_PIDFILE" ] && kill -0 "$(cat "$BERTH_DOCKERD_PIDFILE")" 2>/dev/null
}

start_dockerd() {
  say "starting dockerd (log: $BERTH_DOCKERD_LOG)"
  mkdir -p "$(dirname "$BERTH_DOCKERD_LOG")"
  # A dockerd killed without warning leaves its pid file behind, and a new one refuses to start.
  if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
    rm -f /var/run/docker.pid
  fi
  setsid dockerd >>"$BERTH_DOCKERD_LOG" 2>&1 < /dev/null &
  echo $! > "$BERTH_DOCKERD_PIDFILE"
  for _ in $(seq 1 60); do
    engine_answers && return 0
    sleep 1
  done
  say "dockerd did not answer within 60 s; the end of its log:"
  tail -n 20 "$BERTH_DOCKERD_LOG" >&2
  return 1
}

ensure_engine() {
  if engine_answers; then
    return 0
  fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "no Docker engine answers (tried: docker info)."
    say "start one (for example: sudo systemctl start docker), or run this script as root on a"
    say "Debian-like machine and it will install docker.io and start dockerd itself."
    return 1
  fi
  ensure_package dockerd docker.io || return 1
  start_dockerd
}

# A second, plain (never swarm) engine for the tests that need one, such as swarm mode on an engine
# that is not a manager: scripts/lib/plain-engine starts it in a network namespace of its own.
# Prints its address, or nothing where it cannot run.

ensure_plain_engine() {
  "$(dirname "${BASH_SOURCE[0]}")/plain-engine" start || true
}
