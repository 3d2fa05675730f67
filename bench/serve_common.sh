# Shared steps of the dashboard benchmarks (bench/serve_load.sh, bench/workout_page_draw.sh),
# sourced, not run: a fresh database of RIDES generated long rides synced from pelo-sim, and
# `pelo serve` over it on an ephemeral port of 127.0.0.1.
#
#   source bench/serve_common.sh    # sets root, bin, pelo, sim, work; removes $work at exit
#   serve_make_db RIDES SECONDS     # sets db and ride_ids (array, newest first)
#   serve_start                     # sets serve_url, serve_pid
#   serve_stop
#
# PELO_BUILD=build/dev times another build (default build/release).
# shellcheck shell=bash
# shellcheck disable=SC2034  # serve_url, ride_ids, db are for the scripts that source this

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=$root/${PELO_BUILD:-build/release}
pelo=$bin/apps/pelo/pelo
sim=$bin/apps/pelo-sim/pelo-sim
for b in "$pelo" "$sim"; do
  [[ -x $b ]] || { echo "missing $b: run scripts/build.sh release" >&2; exit 1; }
done
work=$(mktemp -d)
sim_pid=
serve_pid=
serve_cleanup() {
  [[ -n $sim_pid ]] && kill "$sim_pid" 2>/dev/null
  [[ -n $serve_pid ]] && kill "$serve_pid" 2>/dev/null
  rm -rf "$work"
}
trap serve_cleanup EXIT

# The first line of FILE once a background process has written it.
serve_first_line() {
  local file=$1 pid=$2
  until [[ -s $file ]]; do
    kill -0 "$pid" 2>/dev/null || { echo "process $pid exited early" >&2; exit 1; }
    sleep 0.05
  done
  head -1 "$file"
}

# RIDES rides of SECONDS at 1 Hz (bench/gen_long_rides.py), served by pelo-sim --workouts-from,
# then `pelo login` and `pelo sync --every-n 1` into $work/data/pelo/pelo.db, as the other
# benchmarks sync; the simulator is stopped after. Checks each stored ride's duration and power.
serve_make_db() {
  local rides=$1 seconds=$2
  python3 "$root/bench/gen_long_rides.py" "$work/rides" --rides "$rides" --seconds "$seconds" \
    >/dev/null
  "$sim" --port 0 --workouts-from "$work/rides" >"$work/sim.out" &
  sim_pid=$!
  local url
  url=$(serve_first_line "$work/sim.out" "$sim_pid" | sed 's/.*listening on //')
  export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data PELOTON_API_URL=$url \
    PELOTON_AUTH_URL=$url
  db=$work/data/pelo/pelo.db
  echo demo | "$pelo" login --method password-grant --email demo@example.com --password-stdin \
    >/dev/null
  "$pelo" sync --every-n 1 --rate 0 --quiet >/dev/null
  kill "$sim_pid"
  wait "$sim_pid" 2>/dev/null || true
  sim_pid=
  "$pelo" stats rides --json >"$work/rides.json"
  mapfile -t ride_ids < <(python3 - "$work/rides.json" "$rides" "$seconds" <<'EOF'
import json, sys
rows = json.load(open(sys.argv[1]))
want, seconds = int(sys.argv[2]), int(sys.argv[3])
bad = [r["workout_id"] for r in rows if r["duration_s"] != seconds or not r["avg_power"]]
if len(rows) != want or bad:
    sys.exit("serve_make_db: %d rides stored (want %d); wrong duration or no power: %s"
             % (len(rows), want, bad))
for r in rows:
    print(r["workout_id"])
EOF
  )
  echo "database: ${#ride_ids[@]} rides of $seconds s at 1 Hz (power, heart rate, cadence," \
    "resistance, speed), $(du -k "$db" | cut -f1) KB"
}

# `pelo serve --port 0 --db $db` in the background, once it listens.
serve_start() {
  "$pelo" serve --port 0 --db "$db" >"$work/serve.out" 2>"$work/serve.err" &
  serve_pid=$!
  serve_url=$(serve_first_line "$work/serve.out" "$serve_pid" |
    sed 's/.*listening on \([^ ]*\).*/\1/')
}

serve_stop() {
  kill "$serve_pid"
  wait "$serve_pid" 2>/dev/null || true
  serve_pid=
}

# CPU seconds (user + system) the process PID has used so far.
serve_cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"
}
