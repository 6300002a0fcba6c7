#!/usr/bin/env bash
# Set up everything Handlevej needs, reusing what is still current:
#   1. a Python 3.8-3.10 virtualenv with the pinned dependencies, cached by the
#      hash of requirements.lock (+ interpreter version);
#   2. the Danish spaCy pipeline da_core_news_sm 3.4.0, from a local wheelhouse
#      when there is one, otherwise from Explosion's official release wheel;
#   3. build/domain.yml rendered for the configured municipality;
#   4. the chat widget bundle (npm ci from widget/package-lock.json, esbuild);
#   5. a trained model, cached by the hash of everything training reads.
#
# Environment:
#   HANDLEVEJ_KOMMUNE     municipality pack in bot/kommuner/ (default: allerod)
#   HANDLEVEJ_WHEELHOUSE  directory with da_core_news_sm-3.4.0*.whl
#                         (default: ../shared/wheels next to the checkout, if present)
#   HANDLEVEJ_CACHE       cache for virtualenvs and models (default: ~/.cache/handlevej)
#   HANDLEVEJ_NO_TRAIN=1  skip step 4
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/common.sh
source "$ROOT/scripts/common.sh"

SPACY_MODEL_VERSION="3.4.0"
SPACY_MODEL_URL="https://github.com/explosion/spacy-models/releases/download/da_core_news_sm-${SPACY_MODEL_VERSION}/da_core_news_sm-${SPACY_MODEL_VERSION}-py3-none-any.whl"

find_python() {
  local candidates=(python3.10 python3.9 python3.8)
  local root
  for root in "${PYENV_ROOT:-}" "$HOME/.pyenv" /root/.pyenv /usr/local/pyenv; do
    [ -n "$root" ] || continue
    for v in 3.10 3.9 3.8; do
      for p in "$root"/versions/"$v"*/bin/python"$v"; do
        [ -x "$p" ] && candidates+=("$p")
      done
    done
  done
  candidates+=(/usr/bin/python3.10 /usr/local/bin/python3.10 python3)
  local c
  for c in "${candidates[@]}"; do
    if "$c" -c 'import sys, venv; sys.exit(0 if (3, 8) <= sys.version_info[:2] <= (3, 10) else 1)' >/dev/null 2>&1; then
      command -v "$c" 2>/dev/null || echo "$c"
      return 0
    fi
  done
  return 1
}

PYTHON="$(find_python)" || die "Rasa 3.6 needs Python 3.8-3.10 and none was found (tried python3.10/3.9/3.8, pyenv versions, python3). Install Python 3.10 and re-run."
PYVER="$("$PYTHON" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')"

# --- 1. virtualenv -----------------------------------------------------------
LOCK_HASH="$( { cat requirements.lock; echo "$PYVER"; } | sha256sum | cut -c1-16)"
VENV_DIR="$HANDLEVEJ_CACHE/venv-$LOCK_HASH"
if [ -f "$VENV_DIR/.handlevej-complete" ]; then
  log "virtualenv: reusing $VENV_DIR (requirements.lock unchanged)"
else
  log "virtualenv: creating $VENV_DIR with Python $PYVER ($PYTHON)"
  rm -rf "$VENV_DIR"
  mkdir -p "$HANDLEVEJ_CACHE"
  "$PYTHON" -m venv "$VENV_DIR"
  pip_quiet "$VENV_DIR" install "pip==24.0"
  pip_quiet "$VENV_DIR" install --no-deps -r requirements.lock
  touch "$VENV_DIR/.handlevej-complete"
fi
if [ -d "$ROOT/.venv" ] && [ ! -L "$ROOT/.venv" ]; then
  log "virtualenv: replacing the unmanaged .venv directory with a link to $VENV_DIR"
  rm -rf "$ROOT/.venv"
fi
ln -sfn "$VENV_DIR" "$ROOT/.venv"
# Keep the two newest virtualenvs; each is ~2.7 GB.
ls -1dt "$HANDLEVEJ_CACHE"/venv-* 2>/dev/null | tail -n +3 | xargs -r rm -rf

# --- 2. Danish spaCy pipeline ------------------------------------------------
WHEELHOUSE="${HANDLEVEJ_WHEELHOUSE:-$ROOT/../shared/wheels}"
SPACY_WHEEL=""
if [ -d "$WHEELHOUSE" ]; then
  SPACY_WHEEL="$(ls -1 "$WHEELHOUSE"/da_core_news_sm-"$SPACY_MODEL_VERSION"*.whl 2>/dev/null | head -n 1 || true)"
fi
if [ -n "$SPACY_WHEEL" ]; then
  SPACY_SOURCE="local wheelhouse: $SPACY_WHEEL"
else
  SPACY_SOURCE="Explosion's official release: $SPACY_MODEL_URL"
fi
MARKER="$VENV_DIR/.handlevej-spacy-source"
if "$VENV_DIR/bin/python" -c 'import da_core_news_sm, sys; sys.exit(da_core_news_sm.__version__.split("+")[0] != "'"$SPACY_MODEL_VERSION"'")' >/dev/null 2>&1; then
  log "da_core_news_sm $SPACY_MODEL_VERSION: already installed in this virtualenv (from $(cat "$MARKER" 2>/dev/null || echo 'an unknown source'))"
else
  log "da_core_news_sm $SPACY_MODEL_VERSION: installing from $SPACY_SOURCE"
  if [ -n "$SPACY_WHEEL" ]; then
    pip_quiet "$VENV_DIR" install --no-deps --force-reinstall --no-index --find-links "$WHEELHOUSE" \
      "da_core_news_sm==$SPACY_MODEL_VERSION"
  else
    pip_quiet "$VENV_DIR" install --no-deps --force-reinstall "$SPACY_MODEL_URL" \
      || die "could not download $SPACY_MODEL_URL; put the wheel in a directory and set HANDLEVEJ_WHEELHOUSE to it"
  fi
  echo "$SPACY_SOURCE" > "$MARKER"
fi
"$VENV_DIR/bin/python" -m pip check >/dev/null || die "pip check failed in $VENV_DIR"

# --- 3. domain for the configured municipality --------------------------------
"$ROOT/.venv/bin/python" -m bot.render_domain --kommune "$HANDLEVEJ_KOMMUNE" --out "$ROOT/build/domain.yml"

# --- 4. chat widget (built from widget/package-lock.json; nothing fetched at run time) ---
command -v node >/dev/null 2>&1 || die "Node.js >= 18 is needed to build the chat widget (Debian: apt-get install nodejs npm)"
"$ROOT/.venv/bin/python" -m bot.widget_config --kommune "$HANDLEVEJ_KOMMUNE" --out "$ROOT/widget/generated/kommune.json"
WIDGET_LOCK="$(sha256sum "$ROOT/widget/package-lock.json" | cut -c1-16)"
if [ "$(cat "$ROOT/widget/node_modules/.handlevej-lock" 2>/dev/null)" != "$WIDGET_LOCK" ]; then
  log "widget: installing the locked npm packages"
  (cd "$ROOT/widget" && npm ci --no-audit --no-fund --loglevel=error 2>&1 | { grep -v "nodedir" || true; })
  echo "$WIDGET_LOCK" > "$ROOT/widget/node_modules/.handlevej-lock"
fi
(cd "$ROOT/widget" && node build.mjs) | sed 's/^/[handlevej] /'

# --- 5. trained model ---------------------------------------------------------
if [ "${HANDLEVEJ_NO_TRAIN:-0}" = "1" ]; then
  exit 0
fi
MODEL_HASH="$(model_content_hash)"
MODEL_NAME="handlevej-$HANDLEVEJ_KOMMUNE-$MODEL_HASH"
MODEL_FILE="$HANDLEVEJ_CACHE/models/$MODEL_NAME.tar.gz"
if [ -f "$MODEL_FILE" ]; then
  log "model: reusing $MODEL_FILE (training data, domain and config unchanged)"
else
  log "model: training $MODEL_NAME (training data, domain or config changed)"
  mkdir -p "$HANDLEVEJ_CACHE/models"
  started=$(date +%s)
  "$ROOT/.venv/bin/rasa" train --domain build/domain.yml --data data --config config.yml \
    --out "$HANDLEVEJ_CACHE/models" --fixed-model-name "$MODEL_NAME" >"$ROOT/build/train.log" 2>&1 \
    || { tail -n 40 "$ROOT/build/train.log"; die "training failed (full log: build/train.log)"; }
  log "model: trained in $(( $(date +%s) - started )) s"
  # Keep the five newest models.
  ls -1t "$HANDLEVEJ_CACHE"/models/handlevej-*.tar.gz 2>/dev/null | tail -n +6 | xargs -r rm -f
fi
mkdir -p "$ROOT/models"
ln -sfn "$MODEL_FILE" "$ROOT/models/current.tar.gz"
