#!/usr/bin/env bash
# The README's second command (and CI's): install, build, and run every test, then the
# sanitizer builds. Set PELO_TEST_PRESETS to choose presets (default: release asan-ubsan tsan).
set -euo pipefail
cd "$(dirname "$0")/.."
presets=${PELO_TEST_PRESETS:-release asan-ubsan tsan}

bash scripts/install-deps.sh
bash scripts/check-format.sh

for preset in $presets; do
  echo "== $preset: build"
  bash scripts/build.sh "$preset"
  echo "== $preset: test"
  ctest --preset "$preset"
done
