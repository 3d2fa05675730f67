#!/usr/bin/env bash
# Fuzzes every libFuzzer target (or the ones named) for SECONDS each, and prints what happened.
#   scripts/fuzz.sh [SECONDS_PER_TARGET=60] [TARGET...]
# Installs clang and libFuzzer if missing, builds the `fuzz` preset (build/fuzz), seeds a work
# corpus per target (build/fuzz/work/<target>) from the captured responses and fuzz/corpus, and
# runs PELO_FUZZ_JOBS targets at a time (default 2; the machine's cores). Crash, leak, timeout
# and OOM inputs are copied to fuzz/corpus/<target>/, where the replay test (ctest -L fuzz)
# runs them from then on. Exits 1 when any target found one. See fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
jobs=${PELO_FUZZ_JOBS:-2}
shared=${PELO_SHARED_DIR:-$(pwd)/../shared}

missing=()
for p in clang libclang-rt-14-dev python3; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]} > 0)); then
  echo "fuzz: installing ${missing[*]}" >&2
  sudo=
  if [[ $(id -u) -ne 0 ]]; then sudo=sudo; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
bash scripts/install-deps.sh

targets=("$@")
if ((${#targets[@]} == 0)); then
  # The list CMake builds from, so that a new target is fuzzed without editing this script.
  read -r -a targets < <(sed -n '/^set(PELO_FUZZ_TARGETS/,/)/p' cmake/PeloFuzz.cmake |
    tr -d '()' | sed 's/set//; s/PELO_FUZZ_TARGETS//' | tr '\n' ' ') || true  # no newline: 1
fi

[[ -f build/fuzz/CMakeCache.txt ]] || cmake --preset fuzz >/dev/null
build_targets=()
for t in "${targets[@]}"; do build_targets+=(--target "${t}_fuzzer"); done
cmake --build build/fuzz -j "$jobs" "${build_targets[@]}"

work=build/fuzz/work
results=build/fuzz/results
rm -rf "$results"
mkdir -p "$results"

fuzz_one() {
  local t=$1 corpus=$work/$1 artifacts=$results/$1/
  mkdir -p "$corpus" "$artifacts"
  python3 scripts/fuzz_seeds.py "$shared/fixtures/peloton" fuzz/seeds.txt "$t" "$corpus" >/dev/null
  if [[ -d fuzz/corpus/$t ]]; then cp fuzz/corpus/"$t"/* "$corpus"/; fi
  # -timeout: an input that takes 10 s is a hang. -rss_limit_mb: 2 GB, half of what CI has.
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    build/fuzz/fuzz/"${t}_fuzzer" "$corpus" -max_total_time="$seconds" -max_len=16384 \
    -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 -print_final_stats=1 \
    -artifact_prefix="$artifacts" >"$results/$t.log" 2>&1 || true
}

running=0
for t in "${targets[@]}"; do
  echo "fuzz: $t for ${seconds} s" >&2
  fuzz_one "$t" &
  running=$((running + 1))
  if ((running >= jobs)); then
    wait -n
    running=$((running - 1))
  fi
done
wait

stat() { sed -n "s/^stat::$2: *//p" "$results/$1.log" | tail -1; }
found=0
printf '%-18s %8s %12s %9s %8s %s\n' target seconds executions exec/s corpus crashes/leaks
for t in "${targets[@]}"; do
  execs=$(stat "$t" number_of_executed_units)
  rate=$(stat "$t" average_exec_per_sec)
  corpus=$(find "$work/$t" -type f | wc -l)
  artifacts=$(find "$results/$t" -type f | wc -l)
  if ((artifacts > 0)); then
    found=1
    mkdir -p fuzz/corpus/"$t"
    cp "$results/$t"/* fuzz/corpus/"$t"/
  fi
  printf '%-18s %8s %12s %9s %8s %s\n' "$t" "$seconds" "${execs:--}" "${rate:--}" "$corpus" \
    "$artifacts"
done
if ((found)); then
  echo "fuzz: crashes or leaks copied to fuzz/corpus/<target>/ (logs: $results/<target>.log)" >&2
fi
exit "$found"
