#!/usr/bin/env bash
# The workout page of a 3-hour ride at 1 Hz in Chromium: time from the page's data to its drawn
# chart, measured by the page itself (bench/workout_page_draw.mjs). Goal: draw_ms <= 100 ms.
#   bench/workout_page_draw.sh [RIDES=2] [RUNS=10]
# Needs a release build (scripts/build.sh release), web/node_modules (scripts/install-deps.sh)
# and Debian's chromium (scripts/install-deps.sh --tests).
set -euo pipefail
rides=${1:-2}
runs=${2:-10}
# shellcheck source=bench/serve_common.sh
source "$(dirname "$0")/serve_common.sh"
[[ -d $root/web/node_modules/@playwright/test ]] ||
  { echo "missing web/node_modules: run scripts/install-deps.sh" >&2; exit 1; }

serve_make_db "$rides" 10800
serve_start
ids=$(IFS=,; echo "${ride_ids[*]}")
echo "pelo serve at $serve_url; load average $(cut -d' ' -f1-3 /proc/loadavg)"
node "$root/bench/workout_page_draw.mjs" "$serve_url" "$ids" --runs "$runs"
serve_stop
