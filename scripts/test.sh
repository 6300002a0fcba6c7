#!/usr/bin/env bash
# Set everything up, then run the whole test suite: lint, data validation,
# unit tests, test stories and end-to-end conversations over REST (all in pytest).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/common.sh
source "$ROOT/scripts/common.sh"

"$ROOT/scripts/setup.sh"

log "ruff"
.venv/bin/ruff check .
log "pytest"
mkdir -p build/test-reports
exec .venv/bin/python -m pytest tests "$@"
