#!/usr/bin/env bash
# The README's first command: install, build, and run `pelo demo` in the current directory.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh" release pelo >/dev/null
exec "$root/build/release/apps/pelo/pelo" demo "$@"
