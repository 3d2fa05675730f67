#!/usr/bin/env bash
# Whole-process timing: `pelo login + sync + export` against the notebook pipeline
# (../shared/bench/notebook_pipeline.py), on the same pelo-sim data, in the same run.
#   bench/sync_vs_notebook.sh [WORKOUTS] [EVERY_N] [RUNS] [LATENCY_MS] [JOBS]
# Needs a release build (scripts/build.sh release). pelo syncs with --jobs JOBS (default 4)
# and no rate cap. Prints each run (with both request counts, from the simulator's request
# log), the median ratio, and pelo's sync time over the concurrency bound
# requests x latency / jobs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
workouts=${1:-300}
every_n=${2:-30}
runs=${3:-3}
latency=${4:-0}
jobs=${5:-4}
pelo=$root/build/release/apps/pelo/pelo
sim=$root/build/release/apps/pelo-sim/pelo-sim
notebook=$root/../shared/bench/notebook_pipeline.py
work=$(mktemp -d)
trap 'kill "$sim_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

"$sim" --port 0 --workouts "$workouts" --latency-ms "$latency" --request-log "$work/requests" \
  >"$work/sim.out" &
sim_pid=$!
until [[ -s $work/sim.out ]]; do sleep 0.05; done
url=$(head -1 "$work/sim.out" | sed 's/.*listening on //')

now() { date +%s.%N; }
logged() { if [[ -f $work/requests ]]; then wc -l <"$work/requests"; else echo 0; fi; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for i in $(seq "$runs"); do
  export XDG_CONFIG_HOME=$work/c$i XDG_DATA_HOME=$work/d$i PELOTON_API_URL=$url PELOTON_AUTH_URL=$url
  r0=$(logged)
  t0=$(now)
  echo demo | "$pelo" login --method password-grant --email demo@example.com --password-stdin >/dev/null
  "$pelo" sync --every-n "$every_n" --jobs "$jobs" --rate 0 --quiet --json >"$work/sync$i.json"
  "$pelo" export workouts --format csv -o "$work/pelo$i.csv" 2>/dev/null
  t1=$(now)
  r1=$(logged)
  /usr/bin/python3 "$notebook" --api-url "$url" --auth-url "$url" --email demo@example.com \
    --password demo --every-n "$every_n" --discipline all --out "$work/nb$i.csv" 2>/dev/null
  t2=$(now)
  r2=$(logged)
  sync_s=$(sed 's/.*"seconds":\([0-9.e+-]*\).*/\1/' "$work/sync$i.json")
  sync_requests=$(sed 's/.*"requests":\([0-9]*\).*/\1/' "$work/sync$i.json")
  echo "$t0 $t1 $t2 $((r1 - r0)) $((r2 - r1)) $sync_s $sync_requests" | awk -v lat="$latency" -v j="$jobs" \
    '{bound = $7 * lat / 1000 / j;
      printf "run: pelo %.2f s (%d requests; sync %.2f s for %d requests", $2-$1, $4, $6, $7;
      if (bound > 0) printf ", %.2fx the bound %.2f s", $6 / bound, bound;
      printf "), notebook %.2f s (%d requests)\n", $3-$2, $5}'
  echo "$t0 $t1" | awk '{print $2-$1}' >>"$work/pelo.times"
  echo "$t1 $t2" | awk '{print $2-$1}' >>"$work/nb.times"
done
p=$(median <"$work/pelo.times")
n=$(median <"$work/nb.times")
echo "$workouts workouts, every_n=$every_n, latency ${latency} ms, pelo --jobs $jobs, median of $runs:" \
  "pelo $p s, notebook $n s, notebook/pelo = $(awk -v a="$n" -v b="$p" 'BEGIN {printf "%.1f", a/b}')x"
