#!/usr/bin/env bash
# Writes the H2 database of UpgradeFromPreviousReleaseTest with a given release of Berth,
# as a user would: the jar, the shipped config.yml, jobs through the API.
set -euo pipefail
# Usage: write-fixture.sh BERTH_JAR CONFIG_YML OUT_DIR (a docker engine with berth-test-busybox:1).
jar=$1; config=$2
dir=$3; rm -rf "$dir"; mkdir -p "$dir"
api=http://127.0.0.1:18180/api/v1
java -Xmx256m -Ddw.server.applicationConnectors[0].port=18180 -Ddw.server.adminConnectors[0].port=18181 \
  "-Ddw.database.url=jdbc:h2:$dir/berth" -Ddw.reconciler.instanceId=berth-upgrade-fixture \
  -Ddw.reconciler.initialBackoff=1s -Ddw.reconciler.interval=500ms \
  -jar "$jar" server "$config" > "$dir/berth.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do curl -sf $api/info >/dev/null && break; sleep 1; done
post() { curl -sf -X POST "$api/jobs" -H 'Content-Type: application/json' -d "$1" | sed 's/.*"id":"\([^"]*\)".*/\1/'; }
img=berth-test-busybox:1
curl -sf -X PUT "$api/commands/RegAladin%20(NiftyReg)" -H 'Content-Type: application/json' -d '{
  "name": "RegAladin (NiftyReg)", "version": "1.0", "image": "'$img'", "override-entrypoint": true,
  "command-line": "echo aligning #FLOATING# with token #TOKEN#",
  "inputs": [{"name": "FLOATING", "required": true}, {"name": "TOKEN", "sensitive": true, "required": true}]}' >/dev/null
ok=$(post '{"name": "ok", "labels": {"team": "mri", "kind": "plain"}, "image": "'$img'", "command": ["sh", "-c", "echo to stdout; echo to stderr >&2; exit 0"]}')
retried=$(post '{"name": "retried", "labels": {"team": "mri"}, "image": "'$img'", "command": ["sh", "-c", "echo try; echo oops >&2; exit 3"], "policy": {"backoffLimit": 1}}')
cmd=$(post '{"name": "from-command", "fromCommand": {"name": "RegAladin (NiftyReg)", "params": {"FLOATING": "t1", "TOKEN": "s3cret-token"}}}')
cancelled=$(post '{"name": "cancelled", "image": "'$img'", "command": ["sh", "-c", "echo waiting; sleep 600"]}')
running=$(post '{"name": "running", "labels": {"kind": "long"}, "image": "'$img'", "command": ["sh", "-c", "echo started; sleep 3600"]}')
phase() { curl -sf "$api/jobs/$1" | sed 's/.*"phase":"\([A-Za-z]*\)".*/\1/'; }
for _ in $(seq 1 120); do
  [ "$(phase "$cancelled")" = Running ] && [ "$(phase "$running")" = Running ] && [ "$(phase "$retried")" = Failed ] \
    && [ "$(phase "$ok")" = Succeeded ] && [ "$(phase "$cmd")" = Succeeded ] && break
  sleep 1
done
curl -sf -X POST "$api/jobs/$cancelled/cancel" >/dev/null
for _ in $(seq 1 60); do [ "$(phase "$cancelled")" = Cancelled ] && break; sleep 1; done
for id in $ok $retried $cmd $cancelled $running; do curl -s "$api/jobs/$id"; echo; done > "$dir/jobs.json"
for id in $ok $retried $cmd $cancelled $running; do echo "== $id"; curl -s "$api/jobs/$id/logs"; curl -s "$api/jobs/$id/events"; echo; done > "$dir/logs-events.txt"
kill -TERM $pid; wait $pid || true
echo "ids: ok=$ok retried=$retried cmd=$cmd cancelled=$cancelled running=$running"
# The running job's container stays behind (the test makes its own): remove it.
docker rm -f "berth-$running-1" >/dev/null
