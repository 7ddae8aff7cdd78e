# shellcheck shell=bash
# Used by scripts/swarm-lab: finding, stopping and cleaning up after the processes it started, and
# only those. Needs say() from common.sh (through engine.sh).

# A live process (a zombie left to a parent that does not reap it has ended, whatever kill -0 says).
alive() {
  local state
  state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d ' ' -f 1) || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

# Prints the pid named by PIDFILE if that process still runs COMM with MARK on its command line: a
# pid reused by another program, or by the main or plain engine's dockerd, is never ours.
our_pid() {
  local pidfile=$1 comm=$2 mark=$3 pid
  pid=$(cat "$pidfile" 2>/dev/null) || return 1
  [ -n "$pid" ] && alive "$pid" && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$comm" ] || return 1
  tr '\0' ' ' 2>/dev/null < "/proc/$pid/cmdline" | grep -qF -- "$mark" || return 1
  echo "$pid"
}

# SIGTERM to every pid, up to SECONDS for all to end, then SIGKILL to those left.
stop_pids() {
  local seconds=$1 pid left i
  shift
  [ $# -gt 0 ] || return 0
  kill -TERM "$@" 2>/dev/null || true
  for ((i = 0; i < seconds * 2; i++)); do
    left=()
    for pid in "$@"; do
      ! alive "$pid" || left+=("$pid")
    done
    [ ${#left[@]} -gt 0 ] || return 0
    sleep 0.5
  done
  say "still running after $seconds s, killed: ${left[*]}"
  kill -KILL "${left[@]}" 2>/dev/null || true
  for ((i = 0; i < 20; i++)); do
    for pid in "${left[@]}"; do
      ! alive "$pid" || { sleep 0.5; continue 2; }
    done
    return 0
  done
}

# The bed's daemons still alive, one pid a line: a dockerd, containerd, containerd shim or registry
# whose command line names one of the bed's own directories (given as arguments).
our_processes() {
  local dir pid comm cmdline mark
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    comm=$(cat "$dir/comm" 2>/dev/null) || continue
    case $comm in
      dockerd | containerd | containerd-shim* | docker-registry) ;;
      *) continue ;;
    esac
    alive "$pid" || continue
    cmdline=$(tr '\0' ' ' 2>/dev/null < "$dir/cmdline") || continue
    for mark in "$@"; do
      if [[ $cmdline == *"$mark"* ]]; then
        echo "$pid"
        break
      fi
    done
  done
}

# Every descendant of the given pids (a shim's containers), one a line.
descendants() {
  ps -e -o pid=,ppid= | awk -v roots=" $* " '
    { parent[$1] = $2; order[NR] = $1 }
    END {
      n = split(roots, r, " "); for (i = 1; i <= n; i++) mine[r[i]] = 1
      do {
        grew = 0
        for (j = 1; j <= NR; j++) { p = order[j]; if (!(p in mine) && (parent[p] in mine)) { mine[p] = 1; grew = 1; print p } }
      } while (grew)
    }'
}

# What a dockerd killed without warning leaves behind: its containerd (killed with it, as a rule),
# its shims and their containers, which keep running. All of them are the bed's own.
kill_leftovers() {
  local pids
  mapfile -t pids < <(our_processes "$@")
  [ ${#pids[@]} -gt 0 ] || return 0
  mapfile -t -O ${#pids[@]} pids < <(descendants "${pids[@]}")
  say "stopping what the bed's dockerds left running: ${pids[*]}"
  stop_pids 5 "${pids[@]}"
}

# Unmounts everything mounted under the given directories, deepest first: the containers' layers
# and the namespace files the dockerds bind-mounted, which `rm -rf --one-file-system` would refuse.
unmount_under() {
  local target
  mounts_under "$@" | while read -r target; do
    umount "$target" 2>/dev/null || umount -l "$target"
  done
}

# The mount points under the given directories, deepest first. The mount table names them by their
# real paths: /var/run is a link to /run on Debian.
mounts_under() {
  local dir
  for dir in "$@"; do
    dir=$(readlink -m "$dir")
    findmnt -rn -o TARGET | grep -E "^$dir(/|\$)" || true
  done | sort -ru
}

# The docker-registry processes in the root network namespace, one pid a line.
host_registry_pids() {
  local dir root
  root=$(readlink /proc/self/ns/net)
  for dir in /proc/[0-9]*; do
    [ "$(cat "$dir/comm" 2>/dev/null)" = docker-registry ] || continue
    [ "$(readlink "$dir/ns/net" 2>/dev/null)" = "$root" ] && echo "${dir#/proc/}"
  done
  return 0
}
