#!/usr/bin/env bash
# Overlay benchmark, loopback only, bounded: ~1.5 min after the build.
#   cd /work/main && mvn -B -q -o -pl overlay-service package -Dyiyue.skipUberJar=true -DskipTests && overlay-service/bench/run.sh
# Prints: wrk latency (p50/p99) and req/s at 50 connections for a cached 100 KB page through the overlay vs the same
# page straight from the origin, the same for an uncacheable page (every request = fetch + inject + gzip), and the
# in-process cost of one rewrite (InjectionCost, a measured loop).
set -euo pipefail
cd "$(dirname "$0")/.."
MOD=$(pwd)
DURATION=${DURATION:-10s}
ORIGIN_PORT=${ORIGIN_PORT:-18901}
OVERLAY_PORT=${OVERLAY_PORT:-18980}
WORK=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

test -f target/overlay-service.war || { echo "build first: mvn -o -pl overlay-service package -DskipTests" >&2; exit 1; }
test -f target/payara-micro.jar || { echo "target/payara-micro.jar missing (run the package phase)" >&2; exit 1; }

# private copies: a concurrent build may rewrite target/ while we run
cp target/overlay-service.war target/payara-micro.jar "$WORK/"
java bench/BenchOrigin.java "$ORIGIN_PORT" & pids+=($!)
cat > "$WORK/sites.json" <<JSON
{"sites":[{"id":"bench","name":"基准测试","upstream":"http://127.0.0.1:$ORIGIN_PORT"}]}
JSON
java -Xmx1g -Dyiyue.sites.file="$WORK/sites.json" \
  -jar "$WORK/payara-micro.jar" --deploy "$WORK/overlay-service.war" --contextroot / --port "$OVERLAY_PORT" \
  --nohazelcast --disablephonehome >"$WORK/payara.log" 2>&1 & pids+=($!)
for i in $(seq 1 240); do
  # the application's own endpoint: Payara answers /health before the WAR is deployed
  curl -fs "http://127.0.0.1:$OVERLAY_PORT/api/info" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$OVERLAY_PORT/s/bench/page.html" -o /dev/null || { tail -30 "$WORK/payara.log"; exit 1; }

run() { # label url [connections]
  local c=${3:-50} t=2
  [ "$c" -lt 2 ] && t=1
  # warm-up, then the measured run
  wrk -t"$t" -c"$c" -d3s "$2" >/dev/null
  local out; out=$(wrk -t"$t" -c"$c" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$2")
  local p50 p99 rps
  p50=$(awk '/ 50%/{print $2}' <<<"$out"); p99=$(awk '/ 99%/{print $2}' <<<"$out")
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  printf '%-44s c=%-3s p50 %-9s p99 %-9s req/s %s\n' "$1" "$c" "$p50" "$p99" "$rps"
  grep -E 'Non-2xx|Socket errors' <<<"$out" || true
}
echo "== wrk -t2 -c50 -d$DURATION, loopback, $(nproc) cores, load average now: $(cut -d' ' -f1-3 /proc/loadavg) =="
run "origin direct   /page.html (100 KB)" "http://127.0.0.1:$ORIGIN_PORT/page.html"
run "overlay cached  /s/bench/page.html" "http://127.0.0.1:$OVERLAY_PORT/s/bench/page.html"
run "origin direct   /nocache.html" "http://127.0.0.1:$ORIGIN_PORT/nocache.html"
run "overlay miss    /s/bench/nocache.html" "http://127.0.0.1:$OVERLAY_PORT/s/bench/nocache.html"
echo "-- one connection at a time (per-request latency without queueing) --"
run "origin direct   /page.html" "http://127.0.0.1:$ORIGIN_PORT/page.html" 1
run "overlay cached  /s/bench/page.html" "http://127.0.0.1:$OVERLAY_PORT/s/bench/page.html" 1
run "overlay miss    /s/bench/nocache.html" "http://127.0.0.1:$OVERLAY_PORT/s/bench/nocache.html" 1
curl -fs "http://127.0.0.1:$OVERLAY_PORT/api/metrics"; echo

echo "== in-process rewrite cost (measured loop) =="
CP=$(cd .. && mvn -B -q -o -pl overlay-service dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
java -cp "target/classes:target/test-classes:$CP" org.yiyue.overlay.bench.InjectionCost
