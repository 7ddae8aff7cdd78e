# shellcheck shell=bash
# Shared by every script (engine.sh sources it): how they speak, run noisy commands, and install
# what they need from Debian's packages.

say() { printf '[berth] %s\n' "$*" >&2; }

# Runs a command with its output appended to LOG; when it fails, shows the log's end and says so.
# Maven (even quiet, it writes terminal escape codes) and apt-get (debconf chatters on stderr even
# when all is well) are run this way, so that the scripts print only their own lines.
run_logged() {
  local log=$1
  shift
  mkdir -p "$(dirname "$log")"
  if ! "$@" >>"$log" 2>&1; then
    tail -n 40 "$log" >&2
    say "$* failed (log: $log)"
    return 1
  fi
}

BERTH_APT_LOG=${BERTH_APT_LOG:-/var/log/berth-apt.log}

# Makes sure COMMAND exists, installing Debian's PACKAGE for it when run as root where apt-get is.
ensure_package() {
  local command=$1 package=$2
  command -v "$command" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "$command is required (Debian: apt-get install $package)"
    return 1
  fi
  say "installing Debian's $package (apt-get; log: $BERTH_APT_LOG)"
  run_logged "$BERTH_APT_LOG" apt-get update -qq \
    && run_logged "$BERTH_APT_LOG" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$package"
}
