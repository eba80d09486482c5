#!/usr/bin/env bash
# Soak: N calls for S seconds through the echo route, sampling the server's heap and threads, driven by
# the light Node generator (node/load.js). STREAM_OPTIONS (default blocking=false) go on the stream URI.
# Usage: benchmarks/soak.sh [calls=500] [seconds=600] [port=18089]   (after: mvn -B -q install -DskipTests)
set -euo pipefail
calls=${1:-500}; seconds=${2:-600}; port=${3:-18089}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/benchmarks/target/soak; mkdir -p "$out"
java -XX:+UseParallelGC -Xmx512m -cp "$root/benchmarks/target/benchmarks.jar" \
  dev.camelvobiz.benchmarks.echo.CamelEchoServer "$port" "${STREAM_OPTIONS:-blocking=false}" > "$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 5
(cd "$root/benchmarks/node" && npm ci --silent --no-audit --no-fund)
load_js=$root/benchmarks/node/load.js
node "$load_js" "ws://127.0.0.1:$port/media" --calls 200 --seconds 10 > /dev/null 2>&1   # JIT warm-up
echo "elapsed_s,heap_used_kb,threads,rss_kb" > "$out/samples.csv"
node "$load_js" "ws://127.0.0.1:$port/media" --calls "$calls" --seconds "$seconds" --json "$out/report.json" \
  > "$out/load.txt" 2>&1 &
load=$!
start=$(date +%s)
while kill -0 $load 2>/dev/null; do
  heap=$(jstat -gc $server | awk 'NR==2 {print int($3+$4+$6+$8)}')
  threads=$(awk '/^Threads:/ {print $2}' /proc/$server/status)
  rss=$(awk '/^VmRSS:/ {print $2}' /proc/$server/status)
  echo "$(( $(date +%s) - start )),$heap,$threads,$rss" >> "$out/samples.csv"
  sleep 30
done
cat "$out/load.txt"; echo; cat "$out/samples.csv"
