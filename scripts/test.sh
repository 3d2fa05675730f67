#!/usr/bin/env bash
# The README's second command (and CI's): install, build, and run every test, then the
# sanitizer builds. Set PELO_TEST_PRESETS to choose presets (default: release asan-ubsan tsan).
# Each preset builds only the test binaries it runs (target pelo_tests, PELO_TEST_SCOPE in
# CMakePresets.json; docs/adr/0014-test-command-speed.md). Ends with a table of the time each
# step took, so that anyone can see where the minutes go.
set -euo pipefail
cd "$(dirname "$0")/.."
presets=${PELO_TEST_PRESETS:-release asan-ubsan tsan}

steps=()
# timed LABEL COMMAND...: runs the command; records its wall time and CPU time (user + sys of
# the command and its children) for the table. A failing command still ends the script.
timed() {
  local label=$1
  shift
  local start=$SECONDS
  local before after status=0
  cpu_seconds >"$times_file.before"
  "$@" || status=$?
  cpu_seconds >"$times_file.after"
  before=$(<"$times_file.before")
  after=$(<"$times_file.after")
  steps+=("$(printf '%-22s %7ds %7ds' "$label" $((SECONDS - start)) $((after - before)))")
  if ((status != 0)); then
    summary
    exit "$status"
  fi
}
# User + system seconds of this shell's finished children so far: the second line of bash's
# `times`, which must run in this shell (not in a $(...) subshell, which has no children).
times_file=$(mktemp)
trap 'rm -f "$times_file" "$times_file".*' EXIT
cpu_seconds() {
  times >"$times_file"
  awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/);
                 printf "%d\n", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$times_file"
}
summary() {
  echo
  printf '%-22s %8s %8s\n' "step" "wall" "cpu"
  printf '%s\n' "${steps[@]}"
  printf '%-22s %7ds\n' "total" "$SECONDS"
}

timed "install-deps" bash scripts/install-deps.sh --tests
echo "browser for the browser tests: $(chromium --version 2>/dev/null || echo 'chromium not found')"
timed "check-format" bash scripts/check-format.sh

for preset in $presets; do
  echo "== $preset: build"
  timed "$preset: build" bash scripts/build.sh "$preset" pelo_tests
  echo "== $preset: test"
  timed "$preset: test" ctest --preset "$preset"
done
summary
