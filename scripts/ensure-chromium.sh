#!/usr/bin/env bash
# Makes sure the Chromium that the browser tests and benchmarks drive is
# installed: $FEATUREBOOK_CHROMIUM, else /usr/bin/chromium (Debian's package;
# Playwright's own browser download cannot work without network).
# Prints the executable's path. Needs root for apt-get.
set -euo pipefail
exe="${FEATUREBOOK_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$exe" ]; then
  if [ -n "${FEATUREBOOK_CHROMIUM:-}" ]; then
    echo "FEATUREBOOK_CHROMIUM=$exe is not an executable" >&2
    exit 1
  fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Chromium is missing: install it (e.g. sudo apt-get install -y chromium) or set FEATUREBOOK_CHROMIUM" >&2
    exit 1
  fi
  echo "installing chromium with apt-get..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
fi
echo "$exe"
