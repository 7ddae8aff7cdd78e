# shellcheck shell=bash
# Shared by scripts/test: Debian's shellcheck over every shell script of the project, so that a new
# warning fails the tests. Needs common.sh (through engine.sh); run from the repository's root (the scripts
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

lint_scripts() {
  ensure_package shellcheck shellcheck || return 1
  local scripts
  mapfile -t scripts < <(project_scripts)
  if ! shellcheck -x "${scripts[@]}"; then
    say "shellcheck found problems in the scripts (above)"
    return 1
  fi
  say "shellcheck: ${#scripts[@]} scripts clean"
}
