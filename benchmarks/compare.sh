#!/usr/bin/env bash
# Side by side under the emulator's load mode: the camel-vobiz echo route, the same echo written by hand
# on Jetty 12's core WebSocket API, and a hand-written Node.js `ws` echo (shared/BASELINES.md) (also
# available: camel-unpaced, the route with playLead=0, so echoes are not paced to real time), each
# restarted, warmed up and measured in turn, the order rotating per N so no server always goes first.
# Usage: benchmarks/compare.sh [N ...]   (default 100 500 1000; after: mvn -B -q install -DskipTests)
# Env: RUN_SECONDS (20), WARM_SECONDS (10), JVM_OPTS (-XX:+UseParallelGC -Xmx512m), SERVERS (camel jetty node),
#      REPEAT (1: runs per N and server; on a 2-core machine single runs vary a lot, so repeat)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/benchmarks/target/compare; mkdir -p "$out"
counts=("$@"); [ ${#counts[@]} -eq 0 ] && counts=(100 500 1000)
repeated=(); for n in "${counts[@]}"; do for _ in $(seq "${REPEAT:-1}"); do repeated+=("$n"); done; done
counts=("${repeated[@]}")
run_seconds=${RUN_SECONDS:-20}; warm_seconds=${WARM_SECONDS:-10}
jvm_opts=${JVM_OPTS:--XX:+UseParallelGC -Xmx512m}
read -r -a servers <<< "${SERVERS:-camel jetty node}"
bench=$root/benchmarks/target/benchmarks.jar
emulator=$root/camel-vobiz-emulator/target/camel-vobiz-emulator.jar
ticks=$(getconf CLK_TCK)

if [[ " ${servers[*]} " == *" node "* ]]; then
  if command -v node > /dev/null; then
    (cd "$root/benchmarks/node-echo" && npm ci --silent --no-audit --no-fund)
  else
    echo "node not found: the Node baseline is left out" >&2
    servers=("${servers[@]/node}")
  fi
fi

start() { # kind -> pid on stdout
  case $1 in
    camel) java $jvm_opts -cp "$bench" dev.camelvobiz.benchmarks.echo.CamelEchoServer 18089 > "$out/$1.log" 2>&1 & ;;
    camel-unpaced) java $jvm_opts -cp "$bench" dev.camelvobiz.benchmarks.echo.CamelEchoServer 18092 playLead=0 \
      > "$out/$1.log" 2>&1 & ;;
    jetty) java $jvm_opts -cp "$bench" dev.camelvobiz.benchmarks.echo.JettyEchoServer 18090 > "$out/$1.log" 2>&1 & ;;
    node) node "$root/benchmarks/node-echo/echo.js" 18091 > "$out/$1.log" 2>&1 & ;;
  esac
  echo $!
}
port() { case $1 in camel) echo 18089 ;; jetty) echo 18090 ;; node) echo 18091 ;; camel-unpaced) echo 18092 ;; esac; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

results=$out/results.csv
echo "calls,server,connected,sent,returned,lost,out_of_order,p50,p99,max,server_cpu_pct_of_one_core,server_rss_mb,emulator_stalls" > "$results"
rotation=0
for n in "${counts[@]}"; do
  order=("${servers[@]:rotation}" "${servers[@]:0:rotation}"); rotation=$(( (rotation + 1) % ${#servers[@]} ))
  for kind in "${order[@]}"; do
    [ -z "$kind" ] && continue
    pid=$(start "$kind"); sleep 4
    if ! kill -0 "$pid" 2> /dev/null; then
      echo "the $kind server did not start (port taken?):" >&2; tail -5 "$out/$kind.log" >&2; exit 1
    fi
    url="ws://127.0.0.1:$(port "$kind")/media"
    java -jar "$emulator" load "$url" --calls 100 --seconds "$warm_seconds" > /dev/null 2>&1 || true
    before=$(cpu_ticks "$pid"); t0=$(date +%s.%N)
    java $jvm_opts -jar "$emulator" load "$url" --calls "$n" --seconds "$run_seconds" --json "$out/$kind-$n.json" \
      > "$out/$kind-$n.txt" 2>&1 || true
    after=$(cpu_ticks "$pid"); t1=$(date +%s.%N)
    rss=$(awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$pid/status")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    cpu=$(awk -v a="$after" -v b="$before" -v t="$ticks" -v s="$t0" -v e="$t1" 'BEGIN {printf "%.0f", 100 * (a - b) / t / (e - s)}')
    python3 - "$out/$kind-$n.json" "$n" "$kind" "$cpu" "$rss" >> "$results" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(",".join(str(x) for x in [sys.argv[2], sys.argv[3], r["connected"], r["framesSent"], r["framesReturned"], r["lost"],
      r["outOfOrder"], r["p50"], r["p99"], r["max"], sys.argv[4], sys.argv[5], r["emulatorStalls"]]))
PY
    tail -1 "$results"
  done
done
echo; echo "| N | server | connected | frames sent / returned / lost / out of order | RTT p50 / p99 / max ms | server CPU (% of one core) | server RSS MB | emulator clock stalls |"
echo "|---|---|---|---|---|---|---|---|"
tail -n +2 "$results" | sort -t, -k1,1n -k2,2 | awk -F, '{printf "| %s | %s | %s | %s / %s / %s / %s | %s / %s / %s | %s | %s | %s |\n", $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13}'
