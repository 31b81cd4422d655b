#!/usr/bin/env bash
# Static-engine throughput, this tree against an earlier commit, measured alternately in one run (A B A B) so both
# see the same machine load. Prints JMH's score for each and the ratio. The benchmark class is this tree's
# EngineBenchmark (largest real page of ../shared/corpus/real-pages); only the rule library's classes differ.
#   wcag-rules/bench/compare-with.sh <commit> [ROUNDS=2]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
REV=${1:?usage: compare-with.sh <commit> [rounds]}
ROUNDS=${2:-2}
SHARED=${YIYUE_SHARED:-$ROOT/../shared}
[ -d "$SHARED/corpus/real-pages" ] || { echo "needs ../shared/corpus/real-pages (set YIYUE_SHARED)" >&2; exit 2; }
base=$(mktemp -d)
trap 'git worktree remove --force "$base" >/dev/null 2>&1 || rm -rf "$base"' EXIT
git worktree add -f --detach "$base" "$REV" >/dev/null
(cd "$base" && mvn -B -q -o -pl wcag-rules compile)
mvn -B -q -o -pl wcag-rules -am test-compile -Dskip.npm
# the benchmark's own dependencies (jsoup, JMH) from the local repository, newest of each
cp=$(for a in jsoup jmh-core jopt-simple commons-math3; do
  find ~/.m2/repository -name "$a-*.jar" ! -name '*sources*' | sort -V | tail -1; done | paste -sd:)
declare -A score
for r in $(seq 1 "$ROUNDS"); do
  for v in before after; do
    main=$ROOT/wcag-rules/target/classes; [ $v = before ] && main=$base/wcag-rules/target/classes
    s=$(java -cp "$ROOT/wcag-rules/target/test-classes:$main:$ROOT/testkit/target/classes:$cp" org.openjdk.jmh.Main \
      org.yiyue.rules.bench.EngineBenchmark -p pages=largest -f 1 -wi 3 -w 2s -i 4 -r 3s \
      -jvmArgs "-Dyiyue.root=$ROOT/wcag-rules -Dyiyue.shared=$SHARED" | awk '/^EngineBenchmark/ {print $5}')
    echo "round $r $v ($REV if before): $s pages/s, load $(cut -d' ' -f1 /proc/loadavg)"
    score[$v]="${score[$v]:-} $s"
  done
done
echo "${score[before]} | ${score[after]}" | awk -F'|' '{n=split($1,b," "); split($2,a," "); sb=0; sa=0;
  for(i=1;i<=n;i++){sb+=b[i]; sa+=a[i]} printf "after/before throughput ratio: %.2f (limit: not below 0.90)\n", sa/sb}'
