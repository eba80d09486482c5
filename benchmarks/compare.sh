#!/usr/bin/env bash
# Echo servers side by side under one light load generator (node/load.js): each server restarted,
# warmed up and measured in turn, the order rotating per N so that no server always goes first.
#
# Servers (SERVERS, default "camel camel-blocking vertx node"):
#   camel           the camel-vobiz echo route with blocking=false (runs on the event loop)
#   camel-blocking  the same route with the default blocking=true (per-call lanes on the worker pool)
#   camel-previous  the echo route of an earlier build (benchmarks/build-previous.sh [REV]), with
#                   PREVIOUS_ARGS (e.g. blocking=false to match "camel"; default: none, as "camel-blocking")
#   vertx           the echo written by hand on Vert.x 4 (VertxEchoServer)
#   node            the echo written by hand on Node's ws (node/echo.js)
#   jetty           the echo written by hand on Jetty 12 (JettyEchoServer)
#
# PIN=1 (the default) puts each server on CPU 0 and the generator on CPU 1 (taskset), so a server's
# figures are per core and the generator never takes its CPU; PIN=0 lets both roam over every core.
# Beside every result the generator's own CPU, its send lag and its event-loop delay are printed; a
# row whose generator was late (send lag p99 over 5 ms or loop delay p99 over 20 ms) is marked
# "generator-bound" and is not a figure of the server.
#
# Usage: benchmarks/compare.sh [N ...]   (default 300 600 900; after: mvn -B -q install -DskipTests)
# Env: RUN_SECONDS (15), WARM_SECONDS (8), JVM_OPTS (-XX:+UseParallelGC -Xmx512m), SERVERS, PIN (1),
#      REPEAT (1: runs per N and server), PREVIOUS_ARGS, HOSTILE (extra load.js options, e.g. "--slow-http 250
#      --idle-sockets 2000 --ping-sockets 1000 --answer-url http://127.0.0.1:PORT/answer", PORT replaced)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/benchmarks/target/compare; mkdir -p "$out"
counts=("$@"); [ ${#counts[@]} -eq 0 ] && counts=(300 600 900)
repeated=(); for n in "${counts[@]}"; do for _ in $(seq "${REPEAT:-1}"); do repeated+=("$n"); done; done
counts=("${repeated[@]}")
run_seconds=${RUN_SECONDS:-15}; warm_seconds=${WARM_SECONDS:-8}
jvm_opts=${JVM_OPTS:--XX:+UseParallelGC -Xmx512m}
read -r -a servers <<< "${SERVERS:-camel camel-blocking vertx node}"
bench=$root/benchmarks/target/benchmarks.jar
previous=$root/benchmarks/target/previous.jar
ticks=$(getconf CLK_TCK)
pin=${PIN:-1}
if [ "$pin" = 1 ] && command -v taskset > /dev/null && [ "$(nproc)" -ge 2 ]; then
  on_server=(taskset -c 0); on_generator=(taskset -c 1); layout="server on CPU 0, generator on CPU 1"
else
  on_server=(); on_generator=(); layout="server and generator unpinned over $(nproc) CPUs"
fi

(cd "$root/benchmarks/node" && npm ci --silent --no-audit --no-fund)
if [[ " ${servers[*]} " == *" camel-previous "* ]] && [ ! -f "$previous" ]; then
  "$root/benchmarks/build-previous.sh"
fi

port() {
  case $1 in
    camel) echo 18089 ;; jetty) echo 18090 ;; node) echo 18091 ;; vertx) echo 18093 ;;
    camel-blocking) echo 18094 ;; camel-previous) echo 18095 ;;
  esac
}
start() { # kind -> pid on stdout (the case runs in a background subshell that each branch replaces)
  local p; p=$(port "$1")
  case $1 in
    camel) exec "${on_server[@]}" java $jvm_opts -cp "$bench" dev.camelvobiz.benchmarks.echo.CamelEchoServer "$p" blocking=false ;;
    camel-blocking) exec "${on_server[@]}" java $jvm_opts -cp "$bench" dev.camelvobiz.benchmarks.echo.CamelEchoServer "$p" ;;
    camel-previous) exec "${on_server[@]}" java $jvm_opts -cp "$previous" dev.camelvobiz.benchmarks.echo.CamelEchoServer "$p" ${PREVIOUS_ARGS:-} ;;
    vertx) exec "${on_server[@]}" java $jvm_opts -cp "$bench" dev.camelvobiz.benchmarks.echo.VertxEchoServer "$p" ;;
    jetty) exec "${on_server[@]}" java $jvm_opts -cp "$bench" dev.camelvobiz.benchmarks.echo.JettyEchoServer "$p" ;;
    node) exec "${on_server[@]}" node "$root/benchmarks/node/echo.js" "$p" ;;
  esac > "$out/$1.log" 2>&1 &
  echo $!
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
threads() { awk '/^Threads:/ {print $2}' "/proc/$1/status"; }
generate() { # url calls seconds json [extra...]
  local url=$1 calls=$2 seconds=$3 json=$4; shift 4
  "${on_generator[@]}" node "$root/benchmarks/node/load.js" "$url" --calls "$calls" --seconds "$seconds" --ramp 2 --skip 3 \
    --json "$json" "$@" > /dev/null 2>&1 || true
}

results=$out/results.csv
echo "calls,server,connected,measured_sent,lost,out_of_order,p50,p99,max,server_cpu_pct,server_us_per_frame,server_threads,server_rss_mb,generator_cpu_pct,generator_send_lag_p99,generator_loop_delay_p99,verdict,answer_p50,answer_p99,answer_max,answer_failures" > "$results"
echo "layout: $layout" | tee "$out/layout.txt"
rotation=0
for n in "${counts[@]}"; do
  order=("${servers[@]:rotation}" "${servers[@]:0:rotation}"); rotation=$(( (rotation + 1) % ${#servers[@]} ))
  for kind in "${order[@]}"; do
    [ -z "$kind" ] && continue
    pid=$(start "$kind"); sleep 4
    if ! kill -0 "$pid" 2> /dev/null; then
      echo "the $kind server did not start (port taken?):" >&2; tail -5 "$out/$kind.log" >&2; exit 1
    fi
    p=$(port "$kind"); url="ws://127.0.0.1:$p/media"
    # warms the answer URL too (its first requests pay for class loading and JIT)
    generate "$url" 100 "$warm_seconds" "$out/warm.json" --answer-url "http://127.0.0.1:$p/answer"
    hostile=${HOSTILE:-}; hostile=${hostile//PORT/$p}
    # The server's CPU is sampled over the generator's measured window: after its 2 s ramp and 3 s skip.
    ( sleep 5; before=$(cpu_ticks "$pid"); t0=$(date +%s.%N); sleep "$((run_seconds - 3))"
      after=$(cpu_ticks "$pid"); t1=$(date +%s.%N)
      awk -v a="$after" -v b="$before" -v t="$ticks" -v s="$t0" -v e="$t1" 'BEGIN {printf "%.1f", 100 * (a - b) / t / (e - s)}' \
        > "$out/cpu"; threads "$pid" > "$out/threads" ) &
    sampler=$!
    # shellcheck disable=SC2086
    generate "$url" "$n" "$run_seconds" "$out/$kind-$n.json" $hostile
    wait "$sampler" || true
    rss=$(awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$pid/status")
    kill "$pid"; wait "$pid" 2> /dev/null || true
    python3 - "$out/$kind-$n.json" "$n" "$kind" "$(cat "$out/cpu")" "$(cat "$out/threads")" "$rss" >> "$results" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
cpu = float(sys.argv[4])
frames_per_second = r["measuredReturned"] / max(1e-9, float(r.get("measuredSeconds", 0)) or 1)
late = (r["sendLagP99"] or 0) > 5 or (r["loopDelayP99"] or 0) > 20
us_per_frame = 1e4 * cpu / frames_per_second if frames_per_second > 0 else float("nan")
print(",".join(str(x) for x in [sys.argv[2], sys.argv[3], r["connected"], r["measuredSent"], r["lost"], r["outOfOrder"],
      r["p50"], r["p99"], r["max"], cpu, round(us_per_frame, 1), sys.argv[5], sys.argv[6], r["generatorCpuPct"],
      r["sendLagP99"], r["loopDelayP99"], "generator-bound" if late else "ok",
      r["answerP50"], r["answerP99"], r["answerMax"], r["answerFailures"]]))
PY
    tail -1 "$results"
  done
done
echo; echo "$layout"
echo "| N | server | lost / sent | RTT p50 / p99 / max ms | server CPU % of a core | µs CPU per echoed frame | threads | RSS MB | generator CPU % / send lag p99 ms / loop delay p99 ms | verdict |"
echo "|---|---|---|---|---|---|---|---|---|---|"
tail -n +2 "$results" | sort -t, -k1,1n -k2,2 | awk -F, '{printf "| %s | %s | %s / %s | %s / %s / %s | %s | %s | %s | %s | %s / %s / %s | %s |\n", $1,$2,$5,$4,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17}'
if [ -n "${HOSTILE:-}" ]; then
  echo; echo "| N | server | answer URL p50 / p99 / max ms | answer failures |"; echo "|---|---|---|---|"
  tail -n +2 "$results" | sort -t, -k1,1n -k2,2 | awk -F, '{printf "| %s | %s | %s / %s / %s | %s |\n", $1,$2,$18,$19,$20,$21}'
fi
