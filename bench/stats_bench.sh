#!/usr/bin/env bash
# `pelo stats rides --csv` and `pelo stats curve --csv` over a synced history (whole process,
# median of RUNS), and the refresh a metric-version change costs: every ride's metrics and curve
# computed again from the archive by the next (otherwise no-op) sync.
#   bench/stats_bench.sh [WORKOUTS=2000] [EVERY_N=1] [RUNS=5]
# Needs a release build (scripts/build.sh release); PELO_BUILD=build/dev to time another.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
workouts=${1:-2000}
every_n=${2:-1}
runs=${3:-5}
bin=$root/${PELO_BUILD:-build/release}
pelo=$bin/apps/pelo/pelo
sim=$bin/apps/pelo-sim/pelo-sim
for b in "$pelo" "$sim"; do
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

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f\n", b - a}'; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

echo demo | "$pelo" login --method password-grant --email demo@example.com --password-stdin >/dev/null
t0=$(now)
"$pelo" sync --every-n "$every_n" --rate 0 --quiet >/dev/null
t1=$(now)
echo "synced $workouts workouts (every_n=$every_n) in $(elapsed "$t0" "$t1") s;" \
  "database $(du -m "$db" | cut -f1) MB"

for i in $(seq "$runs"); do
  for cmd in rides curve; do
    t0=$(now)
    "$pelo" stats "$cmd" --csv >"$work/$cmd.csv"
    t1=$(now)
    elapsed "$t0" "$t1" >>"$work/$cmd.times"
  done
  echo "run $i: stats rides --csv $(tail -1 "$work/rides.times") s," \
    "stats curve --csv $(tail -1 "$work/curve.times") s"
done
rides=$(($(wc -l <"$work/rides.csv") - 1))
points=$(($(wc -l <"$work/curve.csv") - 1))
echo "median of $runs (whole process): stats rides --csv $(median <"$work/rides.times") s" \
  "($rides rows); stats curve --csv $(median <"$work/curve.times") s ($points durations" \
  "from $(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(
    'SELECT COUNT(*) FROM ride_curves').fetchone()[0])" "$db") stored curves)"

# What an older pelo would have left: every row of metric version 1.
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(
  'UPDATE ride_metrics SET metrics_version = 1'); c.commit()" "$db"
t0=$(now)
r=$("$pelo" sync --every-n "$every_n" --quiet --json)
t1=$(now)
echo "refresh after a metric-version change: $(field "$r" recomputed) workouts recomputed from" \
  "the archive by the next sync ($(field "$r" requests) requests) in $(elapsed "$t0" "$t1") s"
