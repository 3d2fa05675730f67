#!/usr/bin/env bash
# Installs what is missing, then configures and builds one CMake preset (default: release).
#   scripts/build.sh [PRESET] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-release}
shift || true

bash scripts/install-deps.sh
if [[ ! -f build/$preset/CMakeCache.txt ]]; then
  cmake --preset "$preset" >/dev/null
fi
if (($# > 0)); then
  targets=()
  for t in "$@"; do targets+=(--target "$t"); done
  cmake --build --preset "$preset" "${targets[@]}"
else
  cmake --build --preset "$preset"
fi
