#!/usr/bin/env bash
# Fails when a C++ file is not clang-formatted (Google base, 100 columns: .clang-format).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "check-format: clang-format not installed; skipped"; exit 0; }
files=$(git ls-files '*.h' '*.cc')
[[ -z $files ]] && exit 0
# shellcheck disable=SC2086
if ! clang-format --dry-run --Werror $files 2>/tmp/pelo-format.$$; then
  grep -E '^[^ ].*: (warning|error)' /tmp/pelo-format.$$ | cut -d: -f1 | sort -u | sed 's/^/needs clang-format: /'
  rm -f /tmp/pelo-format.$$
  exit 1
fi
rm -f /tmp/pelo-format.$$
echo "check-format: ok"
