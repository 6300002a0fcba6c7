#!/usr/bin/env bash
# Stop the local cluster started by scripts/cluster/up.sh: nginx, both Rasa
# servers, the action server, Redis and PostgreSQL - only the processes that
# up.sh started (by their recorded process ids), never anything found by name.
# Safe to run when nothing (or only part of it) is running.
#
#   scripts/cluster/down.sh           stop; keep data and logs
#   scripts/cluster/down.sh --purge   stop, then delete the data (database, secrets,
#                                     configs); the logs are kept
#
# HANDLEVEJ_CLUSTER_DIR selects the state directory (default build/cluster/local).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT" || exit 1
# shellcheck source=scripts/common.sh
source "$ROOT/scripts/common.sh"
# shellcheck source=scripts/cluster/lib.sh
source "$ROOT/scripts/cluster/lib.sh"

purge=0
[ "${1:-}" = "--purge" ] && purge=1

PG_DATA="" PG_BASE="" PG_BIN=""
if [ -f "$CLUSTER_ENV" ]; then
  # shellcheck disable=SC1090
  source "$CLUSTER_ENV"
fi
mkdir -p "$RUN_DIR"

# Traffic first, then the servers, then what they depend on.
stop_daemon nginx 10
stop_daemon rasa1 20
stop_daemon rasa2 20
stop_daemon actions 20
stop_daemon redis 10

if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 || {
    # pg_ctl could not stop it: signal the postmaster recorded in its own pid file.
    pid="$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null)"
    if [ -n "$pid" ] && [ -d "/proc/$pid" ] && grep -q postgres "/proc/$pid/comm" 2>/dev/null; then
      kill -QUIT "$pid" 2>/dev/null || true
    fi
  }
fi

if [ "$purge" = 1 ]; then
  if [ -n "$PG_BASE" ] && [ "$PG_BASE" != "$CLUSTER_DIR/postgres" ]; then
    rm -rf "$PG_BASE"
  fi
  rm -rf "$CLUSTER_DIR/postgres" "$REDIS_DIR" "$NGINX_DIR" "$RUN_DIR" "$CLUSTER_DIR/secrets.env" "$CLUSTER_ENV"
  log "cluster stopped and its data deleted ($CLUSTER_DIR; logs kept in $LOG_DIR)"
else
  log "cluster stopped ($CLUSTER_DIR)"
fi
