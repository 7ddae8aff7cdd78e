# shellcheck shell=bash
# Shared by scripts/run and scripts/berth: builds target/berth.jar when it is missing or older than
# any of its sources.

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# ensure_jar ROOT: for the repository at ROOT; the caller's working directory is left as it is, so
# that its relative paths keep their meaning.
ensure_jar() {
  local root=$1 newest_source
  newest_source=$(find "$root/pom.xml" "$root/src/main" "$root/migrations" -type f -newer "$root/target/berth.jar" \
    2>/dev/null | head -n 1 || true)
  if [ ! -f "$root/target/berth.jar" ] || [ -n "$newest_source" ]; then
    command -v mvn >/dev/null || { say "Maven is required to build target/berth.jar"; return 1; }
    say "building target/berth.jar (log: target/build.log)"
    rm -f "$root/target/build.log"
    (cd "$root" && run_logged target/build.log mvn -B -DskipTests package) || return 1
  fi
}
