#!/usr/bin/env bash
# Load test on loopback: one server (-Xmx256m), then /healthz and /api/ask in turn with wrk, same connections,
# same duration. Needs wrk (apt-get install wrk) and a built jar (mvn -q -DskipTests package).
#   src/test/load/loadtest.sh [seconds=20] [connections=64]
set -euo pipefail
cd "$(dirname "$0")/../../.."
secs=${1:-20}
conns=${2:-64}
port=${SCOPEBOT_LOAD_PORT:-3990}
data=$(mktemp -d)
SCOPEBOT_DATA_DIR=$data java -Xmx256m -Xlog:gc:file="$data/gc.log" -jar target/scopebot.jar serve --host 127.0.0.1 --port "$port" \
  > "$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
# warm-up: let the JIT see both endpoints before measuring
wrk -t2 -c"$conns" -d5s "http://127.0.0.1:$port/healthz" >/dev/null
wrk -t2 -c"$conns" -d5s -s src/test/load/ask.lua "http://127.0.0.1:$port" >/dev/null
echo "== /healthz  ($conns connections, ${secs}s)"
wrk -t1 -c"$conns" -d"${secs}s" --latency "http://127.0.0.1:$port/healthz"
echo "== /api/ask  ($conns connections, ${secs}s)"
wrk -t1 -c"$conns" -d"${secs}s" --latency -s src/test/load/ask.lua "http://127.0.0.1:$port"
echo "== server"
grep -c "" "$data/gc.log" | xargs echo "gc log lines:"
grep -o "Pause[^)]*) [0-9]*M->[0-9]*M([0-9]*M)" "$data/gc.log" | tail -3
ps -o rss= -p $pid | awk '{printf "server resident memory: %d MB\n", $1/1024}'
