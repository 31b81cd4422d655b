#!/usr/bin/env bash
# Overlay vs nginx on the same real page, same run, same machine (issue 12). Loopback only.
#   cd <clone> && mvn -B -q -o -pl overlay-service -am package -Dyiyue.skipUberJar=true -DskipTests \
#     && overlay-service/bench/nginx-compare.sh
# Starts (all on 127.0.0.1): nginx as the origin (gzip on, the corpus page jx-yichun-tjgb2022.html, 142 KB,
# no explicit freshness like most government pages; a copy with max-age=3600 for the cache comparison), nginx
# sub_filter injecting the same tag without cache, nginx sub_filter with proxy_cache, and the overlay WAR in
# Payara Micro with the production JVM flags (CONFIG.md "Production launch"). Then wrk -t2 -c50 against each and
# prints the ratios the issue asks for. nginx and wrk come from Debian (installed here if missing: test tools, not
# product dependencies).
set -euo pipefail
cd "$(dirname "$0")/.."
MOD=$(pwd)
DURATION=${DURATION:-10s}
CONNS=${CONNS:-50}
PAGE_ID=jx-yichun-tjgb2022
PAGE="$MOD/../../shared/corpus/real-pages/$PAGE_ID.html"
test -f "$PAGE" || { echo "needs ../shared/corpus/real-pages/$PAGE_ID.html beside the clone" >&2; exit 1; }
test -f target/overlay-service.war || { echo "build first (see the header of this script)" >&2; exit 1; }
test -f target/payara-micro.jar || { echo "target/payara-micro.jar missing (run the package phase)" >&2; exit 1; }
if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  flock /tmp/apt.lock apt-get install -y --no-install-recommends nginx wrk >/dev/null
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
WORK=$(mktemp -d)
chmod 755 "$WORK" # nginx workers run as nobody and must read www/
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

ORIGIN=$(free_port); SUB=$(free_port); SUBCACHE=$(free_port); OVERLAY=$(free_port); OVERLAY_ID=$(free_port)
mkdir -p "$WORK/www" "$WORK/cache" "$WORK/tmp"
cp "$PAGE" "$WORK/www/page.html"
cp "$PAGE" "$WORK/www/cached.html"
cp "$PAGE" "$WORK/www/dynamic.html"
cp target/overlay-service.war "$WORK/ROOT.war"
cp target/payara-micro.jar "$WORK/"
# the tag the overlay inserts (same length and place, so both sides send the same bytes)
TAG='<script src="/a11y/toolbar.js?v=0123456789ab" data-site="bench" data-lang="zh-CN" data-position="top-right" data-tts="/api/tts" integrity="sha384-0000000000000000000000000000000000000000000000000000000000000000"></script>'

cat > "$WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  types { text/html html; }
  proxy_cache_path $WORK/cache keys_zone=pages:10m;
  upstream origin { server 127.0.0.1:$ORIGIN; keepalive 64; }
  # the origin: a static government page, gzip on
  server {
    listen 127.0.0.1:$ORIGIN;
    root $WORK/www;
    gzip on;
    location = /cached.html { expires 1h; }
    # like a JSP page: processed per request (SSI), so neither ETag nor Last-Modified: nothing to revalidate
    location = /dynamic.html { ssi on; }
  }
  # nginx injecting the tag with sub_filter, no cache
  server {
    listen 127.0.0.1:$SUB;
    gzip on;
    location / {
      proxy_pass http://origin; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Accept-Encoding "";
      sub_filter '<head>' '<head>$TAG'; sub_filter_once on;
    }
  }
  # the same with proxy_cache (cache-hit comparison)
  server {
    listen 127.0.0.1:$SUBCACHE;
    gzip on;
    location / {
      proxy_pass http://origin; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Accept-Encoding "";
      proxy_cache pages; proxy_cache_valid 200 10m;
      sub_filter '<head>' '<head>$TAG'; sub_filter_once on;
    }
  }
}
NGINX
nginx -c "$WORK/nginx.conf"

cat > "$WORK/sites.json" <<JSON
{"sites":[{"id":"bench","name":"基准测试","upstream":"http://127.0.0.1:$ORIGIN"}]}
JSON
# production launch (CONFIG.md): full JIT, a throughput collector, fixed heap. A second instance asks its (near)
# upstream for identity on navigations, as nginx's sub_filter must (yiyue.upstream.identity-for-navigations).
launch() { # port data-dir extra-flags...
  local port=$1 data=$2; shift 2
  java -server -Xms1g -Xmx1g -XX:+UseParallelGC -XX:MetaspaceSize=128m -Xlog:gc:file="$WORK/gc-$port.log" "$@" \
    -Dyiyue.sites.file="$WORK/sites.json" -Dyiyue.data.dir="$data" \
    -jar "$WORK/payara-micro.jar" --deploy "$WORK/ROOT.war" --port "$port" \
    --nohazelcast --disablephonehome --prebootcommandfile src/main/payara/pre-boot-commands.txt \
    --postdeploycommandfile src/main/payara/post-deploy-commands.txt >"$WORK/payara-$port.log" 2>&1 & pids+=($!)
}
launch "$OVERLAY" "$WORK/data"
launch "$OVERLAY_ID" "$WORK/data-id" -Dyiyue.upstream.identity-for-navigations=true
for i in $(seq 1 300); do
  curl -fs "http://127.0.0.1:$OVERLAY/api/info" >/dev/null 2>&1 && curl -fs "http://127.0.0.1:$OVERLAY_ID/api/info" \
    >/dev/null 2>&1 && break
  sleep 1
done
for u in "http://127.0.0.1:$SUB/page.html" "http://127.0.0.1:$OVERLAY/s/bench/page.html" \
    "http://127.0.0.1:$OVERLAY_ID/s/bench/dynamic.html"; do
  # to a file first: "curl | grep -q" fails under pipefail when grep stops reading early
  curl -fs -H 'Accept: text/html' -H 'Accept-Encoding: gzip' --compressed "$u" -o "$WORK/check.html" || true
  grep -q 'toolbar.js' "$WORK/check.html" || { echo "no tag from $u" >&2; tail -30 "$WORK"/payara-*.log; exit 1; }
done

# CPU seconds (user+system) used so far by the overlay's JVM and by all nginx processes (origin and sub_filter
# alike: on the overlay's side nginx is only its origin). Per request this is a load-independent figure: on a
# machine shared with other work, req/s says as much about the scheduler as about either program.
JAVA_PIDS="${pids[*]}" # both instances: the one not under load adds next to nothing
tick=$(getconf CLK_TCK)
cpu_of() { local s=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && s=$((s + $(awk '{print $14+$15}' "/proc/$p/stat"))); done; echo "$s"; }
nginx_pids() { pgrep -d' ' -P "$(cat "$WORK/nginx.pid")"; cat "$WORK/nginx.pid"; }
wrk_args=(-t2 -c"$CONNS" --latency -H 'Accept: text/html' -H 'Accept-Encoding: gzip')

# A JVM is compiled while it runs: a server in production has been up for hours, so the overlay is warmed on both of
# its paths before anything is measured (nginx needs no warm-up; it gets the same 3 s before each run as well).
echo "warming the overlay's JVM (C2) for ${OVERLAY_WARMUP:=60s} on each path ..."
wrk "${wrk_args[@]}" -d"$OVERLAY_WARMUP" "http://127.0.0.1:$OVERLAY/s/bench/page.html" >/dev/null
wrk "${wrk_args[@]}" -d"$OVERLAY_WARMUP" "http://127.0.0.1:$OVERLAY/s/bench/cached.html" >/dev/null
wrk "${wrk_args[@]}" -d"$OVERLAY_WARMUP" "http://127.0.0.1:$OVERLAY/s/bench/dynamic.html" >/dev/null
wrk "${wrk_args[@]}" -d"$OVERLAY_WARMUP" "http://127.0.0.1:$OVERLAY_ID/s/bench/dynamic.html" >/dev/null

declare -A RPS P99 CPU_J CPU_N
run() { # key label url round
  wrk "${wrk_args[@]}" -d3s "$3" >/dev/null
  local j0 n0 j1 n1 out
  j0=$(cpu_of $JAVA_PIDS); n0=$(cpu_of $(nginx_pids))
  out=$(wrk "${wrk_args[@]}" -d"$DURATION" "$3")
  j1=$(cpu_of $JAVA_PIDS); n1=$(cpu_of $(nginx_pids))
  local reqs rps p99
  reqs=$(awk '/requests in/{print $1}' <<<"$out")
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p99=$(awk '/ 99%/{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' <<<"$out")
  RPS[$1]+="$rps "; P99[$1]+="$p99 "
  CPU_J[$1]+="$(awk -v c=$((j1 - j0)) -v t="$tick" -v r="$reqs" 'BEGIN{printf "%.3f", c*1000/t/r}') "
  CPU_N[$1]+="$(awk -v c=$((n1 - n0)) -v t="$tick" -v r="$reqs" 'BEGIN{printf "%.3f", c*1000/t/r}') "
  printf 'round %s  %-42s req/s %9s  p99 %8s ms  CPU ms/req: overlay JVM %s, nginx %s  (load %s)\n' "$4" "$2" \
    "$rps" "$p99" "$(awk '{print $NF}' <<<"${CPU_J[$1]}")" "$(awk '{print $NF}' <<<"${CPU_N[$1]}")" \
    "$(cut -d' ' -f1 /proc/loadavg)"
  grep -E 'Non-2xx|Socket errors' <<<"$out" || true
}
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ROUNDS=${ROUNDS:-3}
echo "== $PAGE_ID.html ($(stat -c %s "$PAGE") B), wrk -t2 -c$CONNS -d$DURATION, Accept-Encoding: gzip, $(nproc) cores, $ROUNDS rounds =="
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
gc_from=$(wc -l <"$WORK/gc-$OVERLAY.log")
for r in $(seq 1 "$ROUNDS"); do
  # alternated, so that a change in the machine's load falls on both sides of each ratio
  run nginx_sub   "nginx sub_filter, no cache" "http://127.0.0.1:$SUB/page.html" "$r"
  run overlay     "overlay, page without explicit freshness" "http://127.0.0.1:$OVERLAY/s/bench/page.html" "$r"
  run nginx_cache "nginx sub_filter + proxy_cache (hit)" "http://127.0.0.1:$SUBCACHE/cached.html" "$r"
  run overlay_hit "overlay, max-age page (hit)" "http://127.0.0.1:$OVERLAY/s/bench/cached.html" "$r"
  run nginx_dyn   "nginx sub_filter, page without validators" "http://127.0.0.1:$SUB/dynamic.html" "$r"
  run overlay_dyn "overlay, page without validators" "http://127.0.0.1:$OVERLAY/s/bench/dynamic.html" "$r"
  run overlay_dyn_id "overlay (identity-for-navigations), same page" \
    "http://127.0.0.1:$OVERLAY_ID/s/bench/dynamic.html" "$r"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# stop-the-world pauses of the overlay's JVM during the measured rounds: on a machine whose other work starves the
# GC threads, one young collection can hold all 50 in-flight requests for hundreds of ms (the tail of its p99)
tail -n +"$((gc_from + 1))" "$WORK/gc-$OVERLAY.log" | awk '/Pause/ {v=$NF; sub(/ms/,"",v); n++; s+=v; if (v>m) m=v}
  END {printf "GC    overlay JVM pauses during the rounds: %d, longest %.1f ms, total %.1f ms\n", n, m, s}'
for k in nginx_sub overlay nginx_cache overlay_hit nginx_dyn overlay_dyn overlay_dyn_id; do
  printf 'MEDIAN %-12s req/s %9s  p99 %8s ms  CPU ms/req overlay JVM %s, nginx %s\n' "$k" "$(median "${RPS[$k]}")" \
    "$(median "${P99[$k]}")" "$(median "${CPU_J[$k]}")" "$(median "${CPU_N[$k]}")"
done
awk -v a="$(median "${RPS[overlay]}")" -v b="$(median "${RPS[nginx_sub]}")" \
    -v pa="$(median "${P99[overlay]}")" -v pb="$(median "${P99[nginx_sub]}")" \
    -v c="$(median "${RPS[overlay_hit]}")" -v d="$(median "${RPS[nginx_cache]}")" \
    -v ja="$(median "${CPU_J[overlay]}")" -v na="$(median "${CPU_N[overlay]}")" -v nb="$(median "${CPU_N[nginx_sub]}")" \
    -v jc="$(median "${CPU_J[overlay_hit]}")" -v nd="$(median "${CPU_N[nginx_cache]}")" \
    -v e="$(median "${RPS[overlay_dyn]}")" -v f="$(median "${RPS[nginx_dyn]}")" \
    -v pe="$(median "${P99[overlay_dyn]}")" -v pf="$(median "${P99[nginx_dyn]}")" \
    -v g="$(median "${RPS[overlay_dyn_id]}")" -v pg="$(median "${P99[overlay_dyn_id]}")" 'BEGIN {
  printf "RATIO uncached throughput (page with validators, revalidated on every request) overlay/nginx_sub_filter = %.2f (target >= 1.0)\n", a / b
  printf "P99   page with validators: overlay %.2f ms vs nginx %.2f ms + 2 ms = %.2f ms: %s\n", pa, pb, pb + 2, (pa <= pb + 2 ? "ok" : "over")
  printf "RATIO page without validators (fetched in full every time) overlay/nginx_sub_filter = %.2f (target >= 1.0)\n", e / f
  printf "P99   no-validator page: overlay %.2f ms vs nginx %.2f ms + 2 ms = %.2f ms: %s\n", pe, pf, pf + 2, (pe <= pf + 2 ? "ok" : "over")
  printf "RATIO page without validators, overlay asking identity like sub_filter = %.2f (target >= 1.0)\n", g / f
  printf "P99   same: overlay %.2f ms vs nginx %.2f ms + 2 ms = %.2f ms: %s\n", pg, pf, pf + 2, (pg <= pf + 2 ? "ok" : "over")
  printf "RATIO cache-hit throughput overlay/nginx_proxy_cache = %.2f (target >= 2.0)\n", c / d
  printf "CPU   uncached: overlay %.3f ms/req (+ its origin %.3f) vs nginx sub_filter %.3f ms/req (origin included)\n", ja, na, nb
  printf "CPU   cache hit: overlay %.3f ms/req vs nginx proxy_cache + sub_filter %.3f ms/req\n", jc, nd
}'
curl -fs "http://127.0.0.1:$OVERLAY/api/metrics" | head -c 600; echo
