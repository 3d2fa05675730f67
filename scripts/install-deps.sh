#!/usr/bin/env bash
# Installs the Debian 12 packages pelo needs to build, test and run. Idempotent: installs only
# what is missing, so the second run costs a dpkg query.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates clang-format
  clang libclang-rt-14-dev lld
  libcurl4-openssl-dev libsimdjson-dev nlohmann-json3-dev libcpp-httplib-dev libcli11-dev
  libfmt-dev libspdlog-dev libsqlite3-dev libssl-dev libzstd-dev libhowardhinnant-date-dev libeigen3-dev libunistring-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-requests python3-pandas python3-numpy sqlite3 tzdata
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
if [[ $(id -u) -ne 0 ]]; then
  sudo=sudo
else
  sudo=
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
