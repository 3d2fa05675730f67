#!/usr/bin/env bash
# `pelo serve` under CLIENTS concurrent keep-alive clients asking for 3-hour rides at 1 Hz
# (GET /api/workouts/<id>, round-robin over RIDES rides), beside the time to read and encode the
# same rides in-process. Goal: p99 <= 50 ms. Two loads: the steady state, where the dashboard
# sends the answers it kept, and the same load while the database changes (nothing kept).
#   bench/serve_load.sh [RIDES=8] [CLIENTS=32] [SECONDS=10]
# Needs a release build with benchmarks (scripts/build.sh release). SERVE_LOAD_PATH=/api/rides
# (a path, `{id}` standing for each ride's id) loads another route; WARMUP (s, default 2),
# ROUNDS (in-process calls per ride, default 20).
set -euo pipefail
rides=${1:-8}
clients=${2:-32}
seconds=${3:-10}
warmup=${WARMUP:-2}
rounds=${ROUNDS:-20}
path_template=${SERVE_LOAD_PATH:-/api/workouts/\{id\}}
# shellcheck source=bench/serve_common.sh
source "$(dirname "$0")/serve_common.sh"
load=$bin/bench/pelo_serve_load
read_bench=$bin/bench/pelo_ride_read
for b in "$load" "$read_bench"; do
  [[ -x $b ]] || { echo "missing $b: run scripts/build.sh release" >&2; exit 1; }
done

serve_make_db "$rides" 10800
paths=()
for id in "${ride_ids[@]}"; do paths+=("${path_template//\{id\}/$id}"); done
paths_csv=$(IFS=,; echo "${paths[*]}")

serve_start
# The dashboard keeps an answer only once the database files have been still for a second, and
# its own first read-only open creates the database's (empty) log: let that second pass, so
# that the first answer per ride is computed and kept, and every later one is the kept one.
sleep 1.5
echo "pelo serve at $serve_url; load: $clients clients, ${warmup} s warm-up, $seconds s;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"

# One load: its pelo_serve_load JSON in $work/$1.json, the server's CPU seconds in $work/$1.cpu.
run_load() {
  local cpu0
  cpu0=$(serve_cpu_seconds "$serve_pid")
  "$load" --url "$serve_url" --paths "$paths_csv" --clients "$clients" --seconds "$seconds" \
    --warmup "$warmup" --json >"$work/$1.json"
  echo "$cpu0 $(serve_cpu_seconds "$serve_pid")" | awk '{print $2 - $1}' >"$work/$1.cpu"
}
run_load kept
# The same load while the database's modification time changes every 0.1 s, as while a sync
# commits: no answer is kept, every request reads and encodes its ride.
(while kill -0 "$serve_pid" 2>/dev/null; do touch "$db"; sleep 0.1; done) &
toucher=$!
run_load computed
kill "$toucher"
wait "$toucher" 2>/dev/null || true
serve_stop

"$read_bench" --db "$db" --ids "$(IFS=,; echo "${ride_ids[*]}")" --rounds "$rounds" \
  --json >"$work/read.json"

python3 - "$work" <<'EOF'
import json, sys
work = sys.argv[1]
read = json.load(open(work + "/read.json"))
rows = []
for name, label in (("kept", "steady state (answers kept)"),
                    ("computed", "database changing every 0.1 s (nothing kept)")):
    load = json.load(open("%s/%s.json" % (work, name)))
    cpu = float(open("%s/%s.cpu" % (work, name)).read())
    n = load["requests"] + load["warmup_requests"]
    print("HTTP, %s: %d requests in %.0f s (%.0f req/s, %.0f MB/s), body %d-%d bytes (%s),"
          " errors %d; CPU over warm-up and load: server %.2f ms, client %.2f ms per request"
          % (label, load["requests"], load["seconds"], load["rps"], load["mb_per_s"],
             load["body_bytes_min"], load["body_bytes_max"], load["content_encoding"],
             load["errors"], 1000 * cpu / n, 1000 * load["client_cpu_s"] / n))
    rows.append("| HTTP, %d keep-alive clients, %s | %.2f | %.2f | **%.2f** | %.2f |"
                % (load["clients"], label, load["median_ms"], load["p90_ms"], load["p99_ms"],
                   load["max_ms"]))
    if name == "kept":
        rows.append("| HTTP, first answer per ride, one at a time (computed) | %.2f | | | %.2f |"
                    % (load["cold_median_ms"], load["cold_max_ms"]))
        rows.append("| HTTP, second answer per ride, one at a time (kept) | %.2f | | | %.2f |"
                    % (load["second_median_ms"], load["second_max_ms"]))
for case in read["cases"]:
    rows.append("| in-process, one thread: %s | %.2f | %.2f | %.2f | %.2f |"
                % (case["name"], case["median_ms"], case["p90_ms"], case["p99_ms"],
                   case["max_ms"]))
print()
print("| | median ms | p90 ms | p99 ms | max ms |")
print("|---|---|---|---|---|")
print("\n".join(rows))
EOF
