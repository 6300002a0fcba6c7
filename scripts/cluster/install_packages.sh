#!/usr/bin/env bash
# Make sure the Debian packages the local cluster needs are installed:
# nginx, redis-server (with redis-cli) and PostgreSQL 15 (initdb, pg_ctl, psql).
# Installs only what is missing, and only as root; nothing is started: a
# temporary /usr/sbin/policy-rc.d keeps the packages' own services from starting
# during the install (the cluster starts its own daemons with its own configs).
#
#   scripts/cluster/install_packages.sh          install what is missing (root)
#   scripts/cluster/install_packages.sh --check  only report; exit 1 if something is missing
set -euo pipefail

missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
{ command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1; } || missing+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "${1:-}" = "--check" ]; then
  echo "[handlevej] missing Debian packages for the cluster: ${missing[*]} (apt-get install -y ${missing[*]})" >&2
  exit 1
fi
if [ "$(id -u)" != 0 ]; then
  echo "[handlevej] ERROR: the cluster needs: ${missing[*]}. Run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "[handlevej] installing Debian packages: ${missing[*]}"
policy=/usr/sbin/policy-rc.d
own_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\n# temporary, from handlevej scripts/cluster/install_packages.sh\nexit 101\n' > "$policy"
  chmod 755 "$policy"
  own_policy=1
fi
cleanup() { if [ "$own_policy" = 1 ]; then rm -f "$policy"; fi; }
trap cleanup EXIT
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
