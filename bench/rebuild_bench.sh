#!/usr/bin/env bash
# `pelo rebuild` over the archive of a full sync, against the bound: the rate at which the same
# SQLite schema takes the same rows from a plain prepared-statement loop (bench/rebuild_bound.cc).
#   bench/rebuild_bench.sh [WORKOUTS] [EVERY_N] [RUNS]      (defaults: 2000 1 3)
# Needs a release build with benchmarks (scripts/build.sh release). Prints each run, then the
# medians: rebuild MB/s of JSON and samples/s, bound samples/s, and rebuild/bound.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
workouts=${1:-2000}
every_n=${2:-1}
runs=${3:-3}
bin=$root/build/release
pelo=$bin/apps/pelo/pelo
sim=$bin/apps/pelo-sim/pelo-sim
bound=$bin/bench/pelo_rebuild_bound
for b in "$pelo" "$sim" "$bound"; do
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
t0=$(date +%s.%N)
"$pelo" sync --every-n "$every_n" >/dev/null
t1=$(date +%s.%N)
kill "$sim_pid"
wait "$sim_pid" 2>/dev/null || true
sim_pid=
echo "synced $workouts workouts (every_n=$every_n) in $(echo "$t0 $t1" | awk '{printf "%.1f", $2-$1}') s;" \
  "database $(du -m "$db" | cut -f1) MB"

field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for i in $(seq "$runs"); do
  r=$("$pelo" rebuild --json)
  s=$(field "$r" seconds)
  mb=$(awk -v b="$(field "$r" json_bytes)" -v s="$s" 'BEGIN {printf "%.1f", b/1e6/s}')
  sps=$(awk -v n="$(field "$r" samples)" -v s="$s" 'BEGIN {printf "%.0f", n/s}')
  echo "rebuild run $i: $(field "$r" workouts) workouts, $(field "$r" samples) samples," \
    "$(field "$r" json_bytes) JSON bytes in $s s: $mb MB/s, $sps samples/s"
  echo "$mb" >>"$work/mbps"
  echo "$sps" >>"$work/sps"
  b=$("$bound" --db "$db" --out "$work/bound.db")
  echo "bound run $i: $(field "$b" rows) rows in $(field "$b" seconds) s:" \
    "$(field "$b" samples_per_s) samples/s"
  field "$b" samples_per_s >>"$work/bound"
  rm -f "$work/bound.db" "$work/bound.db-wal" "$work/bound.db-shm"
done
mbps=$(median <"$work/mbps")
sps=$(median <"$work/sps")
bsps=$(median <"$work/bound")
echo "median of $runs: rebuild $mbps MB/s of JSON, $sps samples/s; bound $bsps samples/s;" \
  "rebuild/bound = $(awk -v a="$sps" -v b="$bsps" 'BEGIN {printf "%.0f%%", 100*a/b}') (goal >= 80%)"
