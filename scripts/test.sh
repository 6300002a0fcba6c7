#!/usr/bin/env bash
# Set everything up, then run the whole test suite: lint, data validation,
# unit tests, test stories and end-to-end conversations over REST (all in pytest).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/common.sh
source "$ROOT/scripts/common.sh"

"$ROOT/scripts/setup.sh"

# The widget's browser tests drive Debian's Chromium (test tools' own browser downloads fail here).
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  [ "$(id -u)" = 0 ] || die "the browser tests need Debian's chromium: sudo apt-get install chromium"
  log "installing Debian's chromium for the browser tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# tests/cluster/ needs Debian's nginx, redis-server and postgresql (installs only what is missing).
"$ROOT/scripts/cluster/install_packages.sh"
# docker-compose.yml must pass `docker compose config` (no Docker engine runs here; see docs/cluster.md).
"$ROOT/scripts/cluster/validate_compose.sh"

log "ruff"
.venv/bin/ruff check .
log "pytest"
mkdir -p build/test-reports
exec .venv/bin/python -m pytest tests "$@"
