#!/usr/bin/env bash
# The FIT activity file of a 3-hour ride at 1 Hz (bench/fit_activity.h: 10,800 samples, 12 laps,
# pelo's totals and zones; with GPS: a point and an altitude per second): pelo's
# exporter::FitFile (pelo_fit_write, in process) against Garmin's JavaScript Encoder
# (bench/fit_encode_js.mjs --from, node) writing the same messages, decoded from pelo's file, in
# the same order. Both time whole files in process, median of RUNS after a warm-up; the encoder's
# copy must decode to the same messages.
#   bench/fit_vs_js.sh [RUNS=5]
# Needs a release build with benchmarks (scripts/build.sh release) and node with web/'s test
# packages (scripts/install-deps.sh --tests).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
writer=$root/build/release/bench/pelo_fit_write
[[ -x $writer ]] || { echo "missing $writer: run scripts/build.sh release" >&2; exit 1; }
[[ -f $root/web/node_modules/@garmin/fitsdk/package.json ]] ||
  { echo "@garmin/fitsdk missing: run scripts/install-deps.sh --tests" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The median in ms a tool's summary line gives ("... median 3.84 ms of 5").
ms() { sed -n 's/.* median \([0-9.]*\) ms of .*/\1/p' <<<"$1"; }

for kind in indoor gps; do
  flag=()
  [[ $kind == gps ]] && flag=(--gps)
  pelo=$("$writer" "$work/$kind.fit" "${flag[@]}" --runs "$runs")
  js=$(node "$root/bench/fit_encode_js.mjs" --from "$work/$kind.fit" --runs "$runs")
  echo "$pelo"
  echo "$js"
  awk -v p="$(ms "$pelo")" -v j="$(ms "$js")" -v k="$kind" \
    'BEGIN { printf "%s: Garmin Encoder / pelo FitFile = %.0fx\n", k, j / p }'
done
