# shellcheck shell=bash
# Shared by scripts/test: Debian's shellcheck over every shell script of the project, so that a new
# warning fails the tests. Needs say() and apt_install() from engine.sh; run from the repository's root (the scripts
# source their libraries by paths relative to it, and -x follows them).

# Every shell script in scripts/ and .ci/: a bash shebang, or a library's `shellcheck shell=` line.
project_scripts() {
  local file
  find scripts .ci -type f | sort | while read -r file; do
    if head -n 1 "$file" | grep -q '^#!.*\(ba\)\?sh' || grep -q '^# shellcheck shell=' "$file"; then
      echo "$file"
    fi
  done
}

ensure_shellcheck() {
  command -v shellcheck >/dev/null 2>&1 && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "shellcheck is required to check the scripts (Debian: apt-get install shellcheck)"
    return 1
  fi
  say "installing Debian's shellcheck (apt-get; log: $BERTH_APT_LOG)"
  apt_install shellcheck
}

lint_scripts() {
  ensure_shellcheck || return 1
  local scripts
  mapfile -t scripts < <(project_scripts)
  if ! shellcheck -x "${scripts[@]}"; then
    say "shellcheck found problems in the scripts (above)"
    return 1
  fi
  say "shellcheck: ${#scripts[@]} scripts clean"
}
