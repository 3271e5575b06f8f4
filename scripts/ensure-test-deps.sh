#!/usr/bin/env bash
# Installs what the tests need from Debian's packages when it is missing:
# redis-server (server-mode tests) and chromium (browser tests).
# Needs root (apt-get). Prints what to install by hand otherwise.
set -u
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x "${FEATUREBOOK_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "featurebook tests need: ${missing[*]} — install them (e.g. sudo apt-get install -y ${missing[*]})" >&2
  exit 1
fi
echo "installing ${missing[*]} with apt-get..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
