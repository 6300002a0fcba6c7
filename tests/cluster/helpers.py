"""Helpers for the cluster tests: free ports, the Debian packages, HTTP through nginx."""

from __future__ import annotations

import json
import shlex
import socket
import subprocess
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts" / "cluster"
UPSTREAM_HEADER = "X-Handlevej-Upstream"


def free_ports(count: int) -> list[int]:
    """Distinct free loopback ports (all held open at once while choosing)."""
    sockets = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def require_packages() -> None:
    """Fail clearly when nginx, redis-server or PostgreSQL is missing (the tests install nothing)."""
    check = subprocess.run([str(SCRIPTS / "install_packages.sh"), "--check"], capture_output=True, text=True)
    if check.returncode != 0:
        pytest.fail(f"{check.stderr.strip()} - scripts/cluster/install_packages.sh installs them (as root)")


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines as written by up.sh (values shell-quoted with printf %q)."""
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith("#"):
            key, _, raw = line.partition("=")
            parts = shlex.split(raw)
            values[key] = parts[0] if parts else ""
    return values


@dataclass
class Reply:
    status: int
    body: Any
    upstreams: list[str]  # the servers nginx tried, the answering one last

    @property
    def upstream(self) -> str:
        return self.upstreams[-1] if self.upstreams else ""


def request(url: str, body: bytes | None = None, method: str | None = None, timeout: float = 90) -> Reply:
    headers = {"Content-Type": "application/json"} if body is not None else {}
    req = urllib.request.Request(url, data=body, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            status, raw, header = response.status, response.read(), response.headers.get(UPSTREAM_HEADER, "")
    except urllib.error.HTTPError as err:
        status, raw, header = err.code, err.read(), err.headers.get(UPSTREAM_HEADER, "")
    try:
        parsed: Any = json.loads(raw) if raw else None
    except ValueError:
        parsed = raw.decode("utf-8", "replace")
    upstreams = [part.strip() for part in header.replace(" : ", ",").split(",") if part.strip()]
    return Reply(status, parsed, upstreams)


def post_json(url: str, payload: Any, timeout: float = 90) -> Reply:
    return request(url, json.dumps(payload, ensure_ascii=False).encode("utf-8"), timeout=timeout)
