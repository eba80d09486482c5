#!/usr/bin/env bash
# Heap per live call: the echo route's live objects (after a full GC) with no calls, then with N calls
# connected and streaming (the Node generator, node/load.js), divided by N. Also the server's start-up
# time. STREAM_OPTIONS (default blocking=false) go on the echo route's stream URI.
# Usage: benchmarks/heap-per-call.sh [N=500]   (after: mvn -B -q install -DskipTests)
set -euo pipefail
n=${1:-500}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/benchmarks/target/heap; mkdir -p "$out"
live_heap_kb() { # pid -> KB of live objects (the class histogram forces a full GC first)
  jcmd "$1" GC.class_histogram | awk '/^Total/ {print int($3 / 1024)}'
}
t0=$(date +%s%N)
java -XX:+UseParallelGC -Xmx1g -cp "$root/benchmarks/target/benchmarks.jar" \
  dev.camelvobiz.benchmarks.echo.CamelEchoServer 18089 "${STREAM_OPTIONS:-blocking=false}" > "$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until grep -q "echo route on" "$out/server.log"; do sleep 0.05; done
echo "start-up to listening: $(( ($(date +%s%N) - t0) / 1000000 )) ms (JVM start included)"
idle=$(live_heap_kb $server)
(cd "$root/benchmarks/node" && npm ci --silent --no-audit --no-fund)
node "$root/benchmarks/node/load.js" ws://127.0.0.1:18089/media --calls "$n" --seconds 40 > "$out/load.txt" 2>&1 &
load=$!
sleep 30
live=$(live_heap_kb $server)
jcmd $server GC.class_histogram | head -14 > "$out/histogram.txt"
wait $load || true
echo "live heap: idle ${idle} KB, with ${n} calls ${live} KB: $(( (live - idle) / n )) KB per call"
cat "$out/load.txt"
