#!/usr/bin/env bash
# The power-duration curve: pelo (bench/power_curve_bench.cc) against the numpy peer
# (../shared/bench/mmp_numpy.py curve), on the same synthetic rides, in the same run. Two pelo
# figures: the all-history curve straight from the raw rides (pruned across rides), and every
# ride's own curve (what sync stores) with their maximum (what `stats curve` computes).
#   bench/power_curve_vs_numpy.sh [HOURS=1000] [RUNS=3] [THREADS=1]
# Needs a release build with benchmarks (scripts/build.sh release) and python3-numpy
# (scripts/install-deps.sh). The data set (mmp_numpy.py make --hours H --seed 1) is cached in
# ${TMPDIR:-/tmp}/pelo-power-curve. Each run times both (compute only, loading not counted, as
# each prints), checks the two CSVs agree to 1e-6 W, then the medians and numpy / pelo.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
hours=${1:-1000}
runs=${2:-3}
threads=${3:-1}
peer=$root/../shared/bench/mmp_numpy.py
bench=$root/build/release/bench/pelo_power_curve_bench
[[ -x $bench ]] || { echo "missing $bench: run scripts/build.sh release" >&2; exit 1; }
/usr/bin/python3 -c 'import numpy' 2>/dev/null ||
  { echo "python3-numpy missing: run scripts/install-deps.sh" >&2; exit 1; }

cache=${TMPDIR:-/tmp}/pelo-power-curve
mkdir -p "$cache"
rides=$cache/rides-${hours}h-seed1.jsonl
if [[ ! -s $rides ]]; then
  /usr/bin/python3 "$peer" make --hours "$hours" --seed 1 --out "$rides.tmp"
  mv "$rides.tmp" "$rides"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# The number before the final " s" of a tool's summary line (stderr).
secs() { sed -n 's/.*: \([0-9.]*\) s$/\1/p' "$1" | tail -1; }

for i in $(seq "$runs"); do
  /usr/bin/python3 "$peer" curve --input "$rides" --out "$work/numpy.csv" 2>"$work/numpy.err"
  "$bench" --input "$rides" --out "$work/pelo.csv" --threads "$threads" 2>"$work/pelo.err"
  # Same durations, watts within 1e-6 W.
  paste -d, "$work/numpy.csv" "$work/pelo.csv" | awk -F, '
    NR == 1 { next }
    NF != 4 || $1 != $3 || ($2 - $4 > 1e-6 || $4 - $2 > 1e-6) { bad++; if (bad <= 5) print "differs: " $0 }
    END { if (bad) { print bad " rows differ" > "/dev/stderr"; exit 1 } }'
  [[ $(wc -l <"$work/numpy.csv") == $(wc -l <"$work/pelo.csv") ]] ||
    { echo "the CSVs have different lengths" >&2; exit 1; }
  n=$(secs "$work/numpy.err")
  p=$(secs "$work/pelo.err")
  a=$(sed -n 's/.*alone (pruned across rides): \([0-9.]*\) s$/\1/p' "$work/pelo.err")
  echo "run $i: $(cat "$work/numpy.err")"
  echo "run $i: $(cat "$work/pelo.err"); CSVs agree ($(($(wc -l <"$work/pelo.csv") - 1)) durations)"
  echo "$n" >>"$work/numpy.times"
  echo "$p" >>"$work/pelo.times"
  echo "$a" >>"$work/alone.times"
done
n=$(median <"$work/numpy.times")
p=$(median <"$work/pelo.times")
a=$(median <"$work/alone.times")
ratio() { awk -v n="$1" -v p="$2" 'BEGIN {printf "%.1f", n/p}'; }
echo "median over $runs runs, $hours h, numpy $n s:"
echo "  all-history curve from the raw rides: pelo $a s, numpy / pelo = $(ratio "$n" "$a")x"
echo "  every ride's curve, then their max:   pelo $p s, numpy / pelo = $(ratio "$n" "$p")x"
