#!/usr/bin/env bash
# `pelo export fit --dir` of every workout of a 1 Hz sync, as a whole process, against the time to
# read the same samples from the store (bench/samples_read.cc): one pass over every sample row
# (--stream) and each workout in full (--per-workout, the reads the export makes).
#   bench/export_files_bench.sh [WORKOUTS] [RUNS] [FORMAT]      (defaults: 2000 3 fit)
# Needs a release build with benchmarks (scripts/build.sh release). Prints each run, then the
# medians and export / read.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
workouts=${1:-2000}
runs=${2:-3}
format=${3:-fit}
bin=$root/build/release
pelo=$bin/apps/pelo/pelo
sim=$bin/apps/pelo-sim/pelo-sim
read=$bin/bench/pelo_samples_read
for b in "$pelo" "$sim" "$read"; do
  [[ -x $b ]] || { echo "missing $b: run scripts/build.sh release" >&2; exit 1; }
done
work=$(mktemp -d)
sim_pid=
trap '[[ -n $sim_pid ]] && kill "$sim_pid" 2>/dev/null; rm -rf "$work"' EXIT

"$sim" --port 0 --workouts "$workouts" >"$work/sim.out" &
sim_pid=$!
until [[ -s $work/sim.out ]]; do sleep 0.05; done
url=$(head -1 "$work/sim.out" | sed 's/.*listening on //')
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data PELOTON_API_URL=$url \
  PELOTON_AUTH_URL=$url
db=$work/data/pelo/pelo.db
echo demo | "$pelo" login --method password-grant --email demo@example.com --password-stdin >/dev/null
"$pelo" sync --every-n 1 >/dev/null
kill "$sim_pid"
wait "$sim_pid" 2>/dev/null || true
sim_pid=
echo "synced $workouts workouts (every_n=1); database $(du -m "$db" | cut -f1) MB"

seconds() { # the wall time of a command, its output to $work/out
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >"$work/out"
  t1=$(date +%s.%N)
  echo "$t0 $t1" | awk '{printf "%.3f", $2-$1}'
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for i in $(seq "$runs"); do
  rm -rf "$work/out-dir"
  e=$(seconds "$pelo" export "$format" --dir "$work/out-dir" --json)
  written=$(python3 -c "import json; print(json.load(open('$work/out'))['written'])")
  bytes=$(du -sm "$work/out-dir" | cut -f1)
  s=$(seconds "$read" --db "$db" --stream)
  rows=$(cat "$work/out")
  p=$(seconds "$read" --db "$db" --per-workout)
  echo "run $i: export $written $format files ($bytes MB) in $e s; read $rows: stream $s s," \
    "per workout $p s"
  echo "$e" >>"$work/e"
  echo "$s" >>"$work/s"
  echo "$p" >>"$work/p"
done
e=$(median <"$work/e")
s=$(median <"$work/s")
p=$(median <"$work/p")
echo "median: export $e s; read: stream $s s, per workout $p s;" \
  "export/stream $(awk -v a="$e" -v b="$s" 'BEGIN {printf "%.2f", a/b}')x," \
  "export/per-workout $(awk -v a="$e" -v b="$p" 'BEGIN {printf "%.2f", a/b}')x (goal: within 1.5x)"
