#!/usr/bin/env bash
# Installs the Debian 12 packages pelo needs to build, test and run, and the web packages of
# web/package-lock.json (the chart library the report embeds at build time). Idempotent: installs
# only what is missing, so the second run costs a dpkg query and a checksum.
#   scripts/install-deps.sh           what building, packaging and running pelo needs
#   scripts/install-deps.sh --tests   also what the tests need: Debian's chromium, Playwright,
#                                     the shells and man(1) the completion and page tests drive
set -euo pipefail
cd "$(dirname "$0")/.."
tests=false
if [[ ${1:-} == --tests ]]; then
  tests=true
fi

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates clang-format
  clang libclang-rt-14-dev lld
  libcurl4-openssl-dev libsimdjson-dev nlohmann-json3-dev libcpp-httplib-dev libcli11-dev
  libfmt-dev libspdlog-dev libsqlite3-dev libssl-dev libzstd-dev libhowardhinnant-date-dev libeigen3-dev libunistring-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-requests python3-pandas python3-numpy sqlite3 tzdata
  # The Debian packages CPack makes (ADR 0027): `file` picks the binaries out for dpkg-shlibdeps.
  file dpkg-dev
)
# Node.js and npm: the machine's own when it has them (these machines have Node 20 from another
# source, whose package conflicts with Debian's npm), else Debian's (Node 18).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi
# The browser the tests drive (never a browser downloaded by Playwright), xmllint, which checks
# exported TCX and GPX files against their schemas, gpsbabel, the second reader of the FIT,
# TCX and GPX files, lintian, Debian's checker of the packages CPack makes (ADR 0027), and the
# shells whose completions the tests drive (bash-completion's loader too) and man(1) with groff,
# which render the manual pages (ADR 0026), and systemd for `systemd-analyze verify` of the
# user units (no systemd runs here; ADR 0028).
if $tests; then
  packages+=(chromium libxml2-utils gpsbabel lintian zsh fish bash-completion man-db groff-base
    systemd)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]} > 0)); then
  echo "install-deps: installing ${missing[*]}" >&2
  if [[ $(id -u) -ne 0 ]]; then
    sudo=sudo
  else
    sudo=
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The web packages, exactly as web/package-lock.json pins them (`npm ci`): the chart library
# always, Playwright for the tests. A stamp of the lock file's checksum (and whether the test
# packages are in) skips the step when nothing changed.
want="$(sha256sum web/package-lock.json | cut -d' ' -f1) $($tests && echo tests || echo runtime)"
stamp=web/node_modules/.pelo-install-stamp
have=$(cat "$stamp" 2>/dev/null || true)
if [[ $have != "$want" && $have != "${want% *} tests" ]]; then
  echo "install-deps: npm ci in web/ ($($tests && echo 'with the test packages' || echo 'runtime packages only'))" >&2
  omit=()
  $tests || omit=(--omit=dev)
  (cd web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error "${omit[@]}" >/dev/null)
  echo "$want" >"$stamp"
fi
