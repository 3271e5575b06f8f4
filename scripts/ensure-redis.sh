#!/usr/bin/env bash
# Makes sure redis-server is on PATH (server-mode tests and bench/serve use a
# real Redis they start themselves). Installs Debian's redis-server with
# apt-get when it is missing; needs root. Exit 0 when redis-server is there.
set -u
command -v redis-server >/dev/null 2>&1 && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "featurebook: redis-server is missing; install it (e.g. sudo apt-get install -y redis-server)" >&2
  exit 1
fi
echo "installing redis-server with apt-get..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null || { echo "featurebook: apt-get update failed" >&2; exit 1; }
apt-get install -y -qq --no-install-recommends redis-server >/dev/null || { echo "featurebook: apt-get install redis-server failed" >&2; exit 1; }
# The package starts a system-wide service where an init system runs; tests start their own.
command -v redis-server >/dev/null 2>&1
