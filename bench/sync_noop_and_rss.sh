#!/usr/bin/env bash
# The issue's sync benchmarks 2 and 3, whole-process, against pelo-sim:
#   - a full sync of WORKOUTS at EVERY_N with --jobs JOBS, its peak RSS (/usr/bin/time -v), and
#   - RUNS no-op re-syncs: the requests each makes and the median wall time.
#   bench/sync_noop_and_rss.sh [WORKOUTS=2000] [EVERY_N=1] [JOBS=16] [RUNS=5]
# Needs a release build (scripts/build.sh release).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
workouts=${1:-2000}
every_n=${2:-1}
jobs=${3:-16}
runs=${4:-5}
pelo=$root/build/release/apps/pelo/pelo
sim=$root/build/release/apps/pelo-sim/pelo-sim
work=$(mktemp -d)
trap 'kill "$sim_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

"$sim" --port 0 --workouts "$workouts" >"$work/sim.out" &
sim_pid=$!
until [[ -s $work/sim.out ]]; do sleep 0.05; done
url=$(head -1 "$work/sim.out" | sed 's/.*listening on //')
export XDG_CONFIG_HOME=$work/c XDG_DATA_HOME=$work/d PELOTON_API_URL=$url PELOTON_AUTH_URL=$url
echo demo | "$pelo" login --method password-grant --email demo@example.com --password-stdin >/dev/null

/usr/bin/time -v "$pelo" sync --every-n "$every_n" --jobs "$jobs" --rate 0 --quiet --json \
  >"$work/full.json" 2>"$work/time.txt"
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
echo "full sync: $(cat "$work/full.json")"
echo "full sync of $workouts workouts at every_n=$every_n, --jobs $jobs: peak RSS $((rss_kb / 1024)) MB," \
  "database $(du -m "$work/d/pelo/pelo.db" | cut -f1) MB"

for i in $(seq "$runs"); do
  t0=$(date +%s.%N)
  "$pelo" sync --every-n "$every_n" --quiet --json >"$work/noop$i.json"
  t1=$(date +%s.%N)
  echo "$t0 $t1" | awk '{print $2-$1}' >>"$work/noop.times"
  echo "no-op re-sync $i: $(cat "$work/noop$i.json")"
done
median=$(sort -g "$work/noop.times" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "no-op re-sync: $(sed 's/.*"requests":\([0-9]*\).*/\1/' "$work/noop1.json") requests," \
  "median wall time $median s over $runs runs (whole process)"
