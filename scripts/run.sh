#!/usr/bin/env bash
# Set everything up, then run Handlevej locally with embedded defaults:
# the Rasa server (REST channel and HTTP API on 127.0.0.1:5005) and the action
# server (127.0.0.1:5055). Ctrl-C stops both.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/common.sh
source "$ROOT/scripts/common.sh"

"$ROOT/scripts/setup.sh"

RASA_PORT="${HANDLEVEJ_PORT:-5005}"
ACTIONS_PORT="${HANDLEVEJ_ACTIONS_PORT:-5055}"
mkdir -p build/logs
sed "s#http://localhost:5055/webhook#http://127.0.0.1:${ACTIONS_PORT}/webhook#" endpoints.yml > build/endpoints.yml

pids=()
stop() {
  trap - INT TERM EXIT
  log "stopping"
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM EXIT

log "starting the action server on 127.0.0.1:${ACTIONS_PORT} (log: build/logs/actions.log)"
.venv/bin/rasa run actions --actions actions --port "$ACTIONS_PORT" >build/logs/actions.log 2>&1 &
pids+=($!)

# Cross-origin requests (the widget on an intranet page served from another host) are
# refused unless their origins are listed: HANDLEVEJ_CORS_ORIGINS="https://intra.kommune.dk".
cors=()
if [ -n "${HANDLEVEJ_CORS_ORIGINS:-}" ]; then
  for origin in $HANDLEVEJ_CORS_ORIGINS; do cors+=(--cors "$origin"); done
fi
# The HTTP API (/model/parse, /conversations/...) needs a token: HANDLEVEJ_API_TOKEN,
# or a new random one per start, written to build/api-token (readable by this user only).
# The chat channels (/webhooks/...) do not use it.
umask 077
API_TOKEN="${HANDLEVEJ_API_TOKEN:-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
printf '%s\n' "$API_TOKEN" > build/api-token
umask 022
log "starting Rasa on 127.0.0.1:${RASA_PORT} (log: build/logs/rasa.log)"
.venv/bin/rasa run --model models/current.tar.gz --endpoints build/endpoints.yml \
  --credentials credentials.yml --interface 127.0.0.1 --port "$RASA_PORT" --enable-api \
  --auth-token "$API_TOKEN" "${cors[@]}" \
  >build/logs/rasa.log 2>&1 &
pids+=($!)

started=$(date +%s)
until curl -sf "http://127.0.0.1:${RASA_PORT}/status?token=${API_TOKEN}" >/dev/null 2>&1; do
  if ! kill -0 "${pids[1]}" 2>/dev/null; then
    tail -n 30 build/logs/rasa.log; die "the Rasa server stopped during start-up"
  fi
  sleep 1
done
log "ready after $(( $(date +%s) - started )) s. Talk to it:"
echo "  curl -s localhost:${RASA_PORT}/webhooks/rest/webhook -H 'Content-Type: application/json' \\"
echo "       -d '{\"sender\": \"demo\", \"message\": \"hej\"}'"
echo "  HTTP API (token in build/api-token):"
echo "  curl -s \"localhost:${RASA_PORT}/model/parse?token=\$(cat build/api-token)\" -d '{\"text\": \"...\"}'"
echo "  Chat widget demo page: http://127.0.0.1:${RASA_PORT}/webhooks/widget/demo"
echo "  Ctrl-C stops both servers."
status=0
wait -n "${pids[@]}" || status=$?
# 0 or a signal (Ctrl-C reaches the servers too): a normal stop. Anything else is a crash.
if [ "$status" -eq 0 ] || [ "$status" -ge 128 ]; then
  exit 0
fi
die "a server stopped with exit code $status; see build/logs/"
