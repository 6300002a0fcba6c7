# Shared settings and helpers for the scripts in this folder (sourced, not run).

export RASA_TELEMETRY_ENABLED=false
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
export SQLALCHEMY_SILENCE_UBER_WARNING=1
export HANDLEVEJ_KOMMUNE="${HANDLEVEJ_KOMMUNE:-allerod}"
export HANDLEVEJ_CACHE="${HANDLEVEJ_CACHE:-$HOME/.cache/handlevej}"
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"

log() { echo "[handlevej] $*"; }
die() { echo "[handlevej] ERROR: $*" >&2; exit 1; }

# Hash of everything `rasa train` reads (data, rendered domain, config, the
# custom component and policy code, pinned dependencies). Same hash -> same model.
# The rule-based detectors (bot/nlu/age.py, acute.py, text.py and the pattern
# file) are left out on purpose: they train nothing and run as code at load time.
model_content_hash() {
  (
    cd "$ROOT"
    {
      echo "kommune=$HANDLEVEJ_KOMMUNE"
      # bot/nlu/*.py: the components and everything they import (text folding, the
      # TF-IDF classifier) shape the trained model; so does denied_themes.yml, which the
      # classifier's text normalisation reads when it trains. The acute example/pattern
      # files and the precedence rules are read at run time, not trained into it, so
      # they stay out of the key.
      find config.yml build/domain.yml requirements.lock data bot/nlu bot/privacy.py bot/policies.py \
        -type f \( -name '*.yml' -o -name '*.yaml' -o -name '*.py' -o -name '*.lock' \) \
        \( ! -path 'bot/nlu/*.yml' -o -path 'bot/nlu/denied_themes.yml' \) -print0 \
        | LC_ALL=C sort -z | xargs -0 sha256sum
    } | sha256sum | cut -c1-16
  )
}

# pip without its progress noise (and without the warnings this machine's pip
# configuration prints for index folders that do not exist).
pip_quiet() {
  local venv="$1"; shift
  "$venv/bin/python" -m pip --disable-pip-version-check --quiet "$@" 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }
  return "${PIPESTATUS[0]}"
}
