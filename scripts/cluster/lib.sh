# shellcheck shell=bash disable=SC2034
# Settings and helpers shared by scripts/cluster/up.sh and down.sh (sourced, not run).
# Needs ROOT set and scripts/common.sh sourced.

# --- settings (environment, with defaults) ---------------------------------------
# State directory: configs, data, pid files, logs of one local cluster.
CLUSTER_DIR="${HANDLEVEJ_CLUSTER_DIR:-$ROOT/build/cluster/local}"
mkdir -p "$CLUSTER_DIR"
CLUSTER_DIR="$(cd "$CLUSTER_DIR" && pwd)"
RUN_DIR="$CLUSTER_DIR/run"
LOG_DIR="$CLUSTER_DIR/logs"
NGINX_DIR="$CLUSTER_DIR/nginx"
REDIS_DIR="$CLUSTER_DIR/redis"
CLUSTER_ENV="$CLUSTER_DIR/cluster.env"

HTTP_PORT="${HANDLEVEJ_CLUSTER_PORT:-8088}"              # nginx: the one address clients use
RASA1_PORT="${HANDLEVEJ_CLUSTER_RASA1_PORT:-5015}"
RASA2_PORT="${HANDLEVEJ_CLUSTER_RASA2_PORT:-5016}"
ACTIONS_PORT="${HANDLEVEJ_CLUSTER_ACTIONS_PORT:-5065}"
REDIS_PORT="${HANDLEVEJ_CLUSTER_REDIS_PORT:-6390}"
PG_PORT="${HANDLEVEJ_CLUSTER_PG_PORT:-5442}"

# PostgreSQL binaries (Debian: /usr/lib/postgresql/<major>/bin; the newest is used).
pg_bin_dir() {
  if [ -n "${HANDLEVEJ_PG_BIN:-}" ]; then echo "$HANDLEVEJ_PG_BIN"; return; fi
  local dir
  dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)"
  echo "${dir:-/usr/lib/postgresql/15/bin}"
}

# PostgreSQL refuses to run as root: as root, its commands run as this system user
# (Debian's postgresql package creates "postgres"); otherwise as the current user.
PG_OS_USER="${HANDLEVEJ_CLUSTER_PG_OS_USER:-postgres}"
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    (cd / && setpriv --reuid="$PG_OS_USER" --regid="$(id -g "$PG_OS_USER")" --init-groups -- "$@")
  else
    (cd / && "$@")
  fi
}

# --- processes -------------------------------------------------------------------
# Each daemon runs in its own session (setsid), so its process id is also its
# process group id. Pid files hold "<pid> <start time>": a stop only ever signals
# the process that was started, never a later one that reused the number.

proc_start_time() {
  # Field 22 of /proc/<pid>/stat, counted after the "(comm)" field, which may hold spaces.
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  # shellcheck disable=SC2086
  set -- $stat
  [ "$1" != Z ] || return 1   # a zombie is already dead
  echo "${20}"
}

start_daemon() {  # start_daemon NAME LOGFILE COMMAND...
  local name="$1" logfile="$2"; shift 2
  setsid "$@" >"$logfile" 2>&1 </dev/null &
  local pid=$!
  local started
  started="$(proc_start_time "$pid")" || { sleep 0.2; started="$(proc_start_time "$pid" || echo 0)"; }
  echo "$pid $started" >"$RUN_DIR/$name.pid"
}

daemon_pid() {  # prints the pid if NAME's process is still the one that was started
  local file="$RUN_DIR/$1.pid" pid started now
  [ -f "$file" ] || return 1
  read -r pid started <"$file" || return 1
  now="$(proc_start_time "$pid")" || return 1
  [ "$now" = "$started" ] || return 1
  echo "$pid"
}

stop_daemon() {  # stop_daemon NAME [SECONDS]: SIGTERM to its process group, SIGKILL after SECONDS
  local name="$1" grace="${2:-20}" pid waited=0
  if pid="$(daemon_pid "$name")"; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    while daemon_pid "$name" >/dev/null && [ "$waited" -lt $((grace * 5)) ]; do
      sleep 0.2; waited=$((waited + 1))
    done
    if daemon_pid "$name" >/dev/null; then
      log "$name did not stop within ${grace} s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$RUN_DIR/$name.pid"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

random_secret() {
  od -An -tx1 -N16 /dev/urandom | tr -d ' \n'
}
