#!/usr/bin/env bash
# Failover under load (not part of the tests): ./yiyue cluster (PostgreSQL, two clustered instances, nginx), then
# FailoverLoad through the balancer, killing instance A with kill -9 mid-run. Prints the error count, when the errors
# happened and the time to recover; ends the cluster. Build first (./yiyue cluster builds unless YIYUE_SKIP_BUILD=1).
#   overlay-service/bench/failover.sh [SECONDS=40] [KILL_AT=15] [THREADS=8]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
log=$(mktemp)
./yiyue cluster >"$log" 2>&1 &
cluster_pid=$!
# TERM, not INT: a background job of a non-interactive shell ignores SIGINT, so the cluster never stopped
stop_cluster() { kill -TERM $cluster_pid 2>/dev/null || true; wait $cluster_pid 2>/dev/null || true; rm -f "$log"; }
trap stop_cluster EXIT
for _ in $(seq 1 900); do
  grep -q '^READY' "$log" && break
  kill -0 $cluster_pid 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 1
done
grep -q '^READY' "$log" || { cat "$log" >&2; exit 1; }
grep -E '^(NODE|BALANCER)' "$log"
balancer=$(sed -n 's/^BALANCER //p' "$log")
victim=$(cat "$ROOT/.yiyue/cluster/node-A.pid")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java "$ROOT/overlay-service/bench/FailoverLoad.java" "$balancer" "$victim" "${1:-40}" "${2:-15}" "${3:-8}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
