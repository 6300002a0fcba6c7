#!/usr/bin/env bash
# Start Handlevej as a small cluster on 127.0.0.1, without system services:
#
#   nginx :8088  --(sticky by conversation)-->  Rasa 1 :5015 --+--> action server :5065
#                                               Rasa 2 :5016 --+
#   both Rasa servers: locks in Redis :6390, conversations in PostgreSQL :5442
#
# Every daemon runs from its own configuration under $HANDLEVEJ_CLUSTER_DIR
# (default build/cluster/local): PostgreSQL is a throwaway cluster made with
# initdb, Redis and nginx get generated config files; scripts/cluster/down.sh
# stops everything. See docs/cluster.md.
#
# Environment (all optional):
#   HANDLEVEJ_CLUSTER_DIR             state directory (default build/cluster/local)
#   HANDLEVEJ_CLUSTER_PORT            nginx port (8088); _RASA1_PORT (5015), _RASA2_PORT (5016),
#   HANDLEVEJ_CLUSTER_ACTIONS_PORT    (5065), _REDIS_PORT (6390), _PG_PORT (5442)
#   HANDLEVEJ_AUTH_TOKEN              protect the Rasa HTTP API (/model/parse, trackers) with this token
#   HANDLEVEJ_CORS_ORIGINS            origins allowed to call the REST channel from a browser
#   HANDLEVEJ_MODEL                   model file (default models/current.tar.gz)
#   HANDLEVEJ_CLUSTER_CREDENTIALS     channels file (default credentials.yml)
#   HANDLEVEJ_CLUSTER_SKIP_SETUP=1    do not run scripts/setup.sh first (virtualenv and model exist)
#   HANDLEVEJ_CLUSTER_NO_INSTALL=1    never apt-get install; fail if nginx/redis/postgresql are missing
#   HANDLEVEJ_CLUSTER_TIMEOUT         seconds to wait for the servers (default 420)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/common.sh
source "$ROOT/scripts/common.sh"
# shellcheck source=scripts/cluster/lib.sh
source "$ROOT/scripts/cluster/lib.sh"

STARTED_AT=$(date +%s)
TIMEOUT="${HANDLEVEJ_CLUSTER_TIMEOUT:-420}"
MODEL="${HANDLEVEJ_MODEL:-$ROOT/models/current.tar.gz}"
CREDENTIALS="${HANDLEVEJ_CLUSTER_CREDENTIALS:-$ROOT/credentials.yml}"
PY="$ROOT/.venv/bin/python"

# --- 0. prerequisites -------------------------------------------------------------
if [ "${HANDLEVEJ_CLUSTER_SKIP_SETUP:-0}" != 1 ]; then
  "$ROOT/scripts/setup.sh"
fi
[ -x "$PY" ] || die "no virtualenv at .venv: run scripts/setup.sh"
[ -f "$MODEL" ] || die "no model at $MODEL: run scripts/setup.sh"
if [ "${HANDLEVEJ_CLUSTER_NO_INSTALL:-0}" = 1 ]; then
  "$ROOT/scripts/cluster/install_packages.sh" --check \
    || die "install them first (scripts/cluster/install_packages.sh as root does it)"
else
  "$ROOT/scripts/cluster/install_packages.sh"
fi
command -v curl >/dev/null 2>&1 || die "curl is needed (apt-get install -y curl)"
PG_BIN="$(pg_bin_dir)"
[ -x "$PG_BIN/initdb" ] || die "no PostgreSQL binaries in $PG_BIN (set HANDLEVEJ_PG_BIN)"
if [ "$(id -u)" = 0 ]; then
  id "$PG_OS_USER" >/dev/null 2>&1 || die "user $PG_OS_USER does not exist (PostgreSQL refuses to run as root; set HANDLEVEJ_CLUSTER_PG_OS_USER)"
fi

mkdir -p "$RUN_DIR" "$LOG_DIR" "$NGINX_DIR/tmp" "$REDIS_DIR"
for name in nginx rasa1 rasa2 actions redis; do
  if daemon_pid "$name" >/dev/null; then
    die "a cluster is already running from $CLUSTER_DIR ($name): scripts/cluster/down.sh first"
  fi
done
for port in "$HTTP_PORT" "$RASA1_PORT" "$RASA2_PORT" "$ACTIONS_PORT" "$REDIS_PORT" "$PG_PORT"; do
  if port_in_use "$port"; then
    die "port $port on 127.0.0.1 is in use (set the HANDLEVEJ_CLUSTER_*_PORT variables; see the top of this script)"
  fi
done

# From here on, a failure stops whatever was started (logs are kept).
ready=0
on_exit() {
  if [ "$ready" != 1 ]; then
    log "start-up failed; stopping what was started (logs: $LOG_DIR)"
    for f in "$LOG_DIR"/*.log; do
      [ -s "$f" ] || continue
      echo "----- $(basename "$f") (last lines)"; tail -n 15 "$f"
    done
    HANDLEVEJ_CLUSTER_DIR="$CLUSTER_DIR" "$ROOT/scripts/cluster/down.sh" || true
  fi
}
trap on_exit EXIT

# --- 1. secrets (generated once per state directory, readable by root only) --------
SECRETS="$CLUSTER_DIR/secrets.env"
fresh_secrets=0
if [ ! -f "$SECRETS" ]; then
  fresh_secrets=1
  umask 077
  {
    echo "PG_SUPER_PASSWORD=$(random_secret)"
    echo "PG_APP_PASSWORD=$(random_secret)"
    echo "REDIS_PASSWORD=$(random_secret)"
  } >"$SECRETS"
  umask 022
fi
# shellcheck disable=SC1090
source "$SECRETS"

# --- 2. PostgreSQL: a throwaway cluster of our own ---------------------------------
PG_BASE="$CLUSTER_DIR/postgres"
mkdir -p "$PG_BASE"
[ "$(id -u)" != 0 ] || chown "$PG_OS_USER:" "$PG_BASE"
if ! as_pg test -w "$PG_BASE"; then
  # The postgres user cannot reach the checkout (e.g. it is under /root): keep the
  # data directory in /var/tmp instead, named after the state directory.
  PG_BASE="/var/tmp/handlevej-cluster-$(printf '%s' "$CLUSTER_DIR" | sha256sum | cut -c1-12)"
  log "postgres: $PG_OS_USER cannot write under $CLUSTER_DIR; using $PG_BASE"
  mkdir -p "$PG_BASE"
  chown "$PG_OS_USER:" "$PG_BASE"
  chmod 700 "$PG_BASE"
fi
PG_DATA="$PG_BASE/data"
PG_LOG="$PG_BASE/postgres.log"
if [ "$fresh_secrets" = 1 ]; then
  rm -rf "$PG_DATA"   # an old database would not know the new passwords
fi

# Everything down.sh and the tests need to find this cluster again.
write_cluster_env() {
  umask 077
  {
    for var in CLUSTER_DIR RUN_DIR LOG_DIR HTTP_PORT RASA1_PORT RASA2_PORT ACTIONS_PORT REDIS_PORT PG_PORT \
               PG_BIN PG_BASE PG_DATA PG_LOG PG_OS_USER PG_SUPER_PASSWORD PG_APP_PASSWORD REDIS_PASSWORD; do
      printf '%s=%q\n' "$var" "${!var}"
    done
    printf 'AUTH_TOKEN=%q\n' "${HANDLEVEJ_AUTH_TOKEN:-}"
  } >"$CLUSTER_ENV"
  umask 022
}
write_cluster_env

if [ ! -f "$PG_DATA/PG_VERSION" ]; then
  log "postgres: initdb in $PG_DATA"
  rm -rf "$PG_DATA"
  pwfile="$(mktemp)"
  echo "$PG_SUPER_PASSWORD" >"$pwfile"
  [ "$(id -u)" != 0 ] || chown "$PG_OS_USER:" "$pwfile"
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=scram-sha-256 --pwfile="$pwfile" \
    --encoding=UTF8 --locale=C.UTF-8 >"$LOG_DIR/initdb.log" 2>&1 \
    || { rm -f "$pwfile"; cat "$LOG_DIR/initdb.log"; die "initdb failed"; }
  rm -f "$pwfile"
  echo "include '$PG_BASE/handlevej.conf'" | as_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null
fi
# Our settings, rewritten on every start (the port may change): loopback TCP only.
as_pg tee "$PG_BASE/handlevej.conf" >/dev/null <<EOF
# written by scripts/cluster/up.sh
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
max_connections = 100
shared_buffers = 64MB
log_line_prefix = '%m [%p] '
EOF
log "postgres: starting on 127.0.0.1:$PG_PORT (log: $PG_LOG)"
as_pg touch "$PG_LOG"
as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null \
  || { tail -n 20 "$PG_LOG"; die "PostgreSQL did not start"; }
[ "$PG_BASE" = "$CLUSTER_DIR/postgres" ] || ln -sfn "$PG_LOG" "$LOG_DIR/postgres.log"

psql_super() {
  PGPASSWORD="$PG_SUPER_PASSWORD" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"
}
if [ "$(psql_super -tAc "select 1 from pg_roles where rolname = 'handlevej'")" != 1 ]; then
  log "postgres: creating role and database handlevej"
  psql_super <<EOF
CREATE ROLE handlevej LOGIN PASSWORD '$PG_APP_PASSWORD';
CREATE DATABASE handlevej OWNER handlevej ENCODING 'UTF8';
EOF
fi

# --- 3. Redis: the lock store --------------------------------------------------------
umask 077
cat >"$REDIS_DIR/redis.conf" <<EOF
# written by scripts/cluster/up.sh: locks only, nothing persisted
bind 127.0.0.1
port $REDIS_PORT
protected-mode yes
requirepass $REDIS_PASSWORD
daemonize no
save ""
appendonly no
dir $REDIS_DIR
logfile ""
databases 4
EOF
umask 022
log "redis: starting on 127.0.0.1:$REDIS_PORT"
start_daemon redis "$LOG_DIR/redis.log" redis-server "$REDIS_DIR/redis.conf"

# --- 4. nginx ---------------------------------------------------------------------------
export HANDLEVEJ_LISTEN="127.0.0.1:$HTTP_PORT" HANDLEVEJ_RASA1="127.0.0.1:$RASA1_PORT" HANDLEVEJ_RASA2="127.0.0.1:$RASA2_PORT"
export HANDLEVEJ_NGINX_DIR="$NGINX_DIR" HANDLEVEJ_LOG_DIR="$LOG_DIR" HANDLEVEJ_NGINX_USER=""
if [ "$(id -u)" = 0 ]; then
  # The master runs as root; its workers as Debian's web server user.
  HANDLEVEJ_NGINX_USER="user www-data www-data;"
  chown -R www-data: "$NGINX_DIR/tmp"
fi
"$PY" scripts/cluster/render_template.py deploy/nginx/handlevej.conf.template "$NGINX_DIR/handlevej.conf" \
  HANDLEVEJ_LISTEN HANDLEVEJ_RASA1 HANDLEVEJ_RASA2
"$PY" scripts/cluster/render_template.py deploy/nginx/nginx.local.conf.template "$NGINX_DIR/nginx.conf" \
  HANDLEVEJ_NGINX_USER HANDLEVEJ_NGINX_DIR HANDLEVEJ_LOG_DIR
NGINX=(nginx -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR/" -e "$LOG_DIR/nginx-error.log")
"${NGINX[@]}" -t -q || die "nginx rejected $NGINX_DIR/nginx.conf"
log "nginx: starting on 127.0.0.1:$HTTP_PORT"
start_daemon nginx "$LOG_DIR/nginx.log" "${NGINX[@]}"

# --- 5. action server and two Rasa servers (in parallel) --------------------------------
export HANDLEVEJ_ACTIONS_URL="http://127.0.0.1:$ACTIONS_PORT/webhook"
export HANDLEVEJ_PG_HOST=127.0.0.1 HANDLEVEJ_PG_PORT="$PG_PORT" HANDLEVEJ_PG_DB=handlevej \
       HANDLEVEJ_PG_USER=handlevej HANDLEVEJ_PG_PASSWORD="$PG_APP_PASSWORD"
export HANDLEVEJ_REDIS_HOST=127.0.0.1 HANDLEVEJ_REDIS_PORT="$REDIS_PORT" HANDLEVEJ_REDIS_PASSWORD="$REDIS_PASSWORD"
# Rasa's PostgreSQL pool (default 50 + 100 overflow per server): at most 30 per server.
export SQL_POOL_SIZE="${SQL_POOL_SIZE:-10}" SQL_MAX_OVERFLOW="${SQL_MAX_OVERFLOW:-20}"

log "actions: starting on 127.0.0.1:$ACTIONS_PORT"
SANIC_HOST=127.0.0.1 start_daemon actions "$LOG_DIR/actions.log" \
  "$ROOT/.venv/bin/rasa" run actions --actions actions --port "$ACTIONS_PORT"

# The tracker tables, created once before both servers start (they would race).
"$PY" scripts/cluster/create_tracker_tables.py 2>"$LOG_DIR/schema.log" \
  || { cat "$LOG_DIR/schema.log"; die "could not create the tracker tables"; }

api=(--enable-api)
[ -z "${HANDLEVEJ_AUTH_TOKEN:-}" ] || api+=(--auth-token "$HANDLEVEJ_AUTH_TOKEN")
if [ -n "${HANDLEVEJ_CORS_ORIGINS:-}" ]; then
  for origin in $HANDLEVEJ_CORS_ORIGINS; do api+=(--cors "$origin"); done
fi
for n in 1 2; do
  port_var="RASA${n}_PORT"
  log "rasa$n: starting on 127.0.0.1:${!port_var}"
  start_daemon "rasa$n" "$LOG_DIR/rasa$n.log" \
    "$ROOT/.venv/bin/rasa" run --model "$MODEL" --endpoints "$ROOT/deploy/endpoints.cluster.yml" \
    --credentials "$CREDENTIALS" --interface 127.0.0.1 --port "${!port_var}" "${api[@]}"
done

# --- 6. wait until everything answers ------------------------------------------------------
token_query=""
[ -z "${HANDLEVEJ_AUTH_TOKEN:-}" ] || token_query="?token=$HANDLEVEJ_AUTH_TOKEN"
wait_for() {  # wait_for NAME URL
  local name="$1" url="$2"
  until curl -sf -o /dev/null "$url"; do
    daemon_pid "$name" >/dev/null || die "$name stopped during start-up (log: $LOG_DIR/$name.log)"
    [ $(( $(date +%s) - STARTED_AT )) -lt "$TIMEOUT" ] || die "$name did not answer within $TIMEOUT s"
    sleep 1
  done
}
until REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; do
  daemon_pid redis >/dev/null || die "redis stopped during start-up"
  sleep 0.2
done
wait_for actions "http://127.0.0.1:$ACTIONS_PORT/health"
wait_for rasa1 "http://127.0.0.1:$RASA1_PORT/status$token_query"
wait_for rasa2 "http://127.0.0.1:$RASA2_PORT/status$token_query"
wait_for nginx "http://127.0.0.1:$HTTP_PORT/status$token_query"

ready=1
log "cluster ready after $(( $(date +%s) - STARTED_AT )) s:"
echo "  http://127.0.0.1:$HTTP_PORT/webhooks/rest/webhook   (nginx; REST channel, sticky per sender)"
echo "  http://127.0.0.1:$HTTP_PORT/webhooks/widget/demo    (chat widget demo page)"
echo "  Rasa 127.0.0.1:$RASA1_PORT and :$RASA2_PORT, actions :$ACTIONS_PORT, Redis :$REDIS_PORT, PostgreSQL :$PG_PORT"
echo "  state and logs: $CLUSTER_DIR   stop: scripts/cluster/down.sh"
