"""Start the real Rasa server and action server on free loopback ports for tests."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
START_TIMEOUT = 240


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2", PYTHONPATH=str(ROOT))
    return env


def _wait_for(url: str, process: subprocess.Popen, log: Path) -> float:
    started = time.monotonic()
    while time.monotonic() - started < START_TIMEOUT:
        if process.poll() is not None:
            raise RuntimeError(f"process exited during start-up:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return time.monotonic() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {START_TIMEOUT} s:\n{log.read_text()[-3000:]}")


def _start(cmd: list[str], log: Path) -> subprocess.Popen:
    handle = log.open("w")
    return subprocess.Popen(cmd, cwd=ROOT, env=_env(), stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class ActionServer:
    """The action server on a fixed loopback port, so tests can stop it and start it again."""

    def __init__(self, port: int, log: Path) -> None:
        self.port, self.log = port, log
        self.process: subprocess.Popen | None = None

    def start(self, command: list[str] | None = None) -> None:
        """Start the real action server (or ``command``, a stand-in on the same port)."""
        self.stop()
        cmd = command or [str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(self.port)]
        self.process = _start(cmd, self.log)
        _wait_for(f"http://127.0.0.1:{self.port}/health", self.process, self.log)

    def stop(self) -> None:
        if self.process is not None:
            _stop(self.process)
            self.process = None


@dataclass
class Bot:
    url: str
    startup_seconds: float
    log: Path
    tracker_db: Path | None = None
    actions: ActionServer | None = None
    api_token: str = ""

    def say(self, sender: str, message: str) -> list[dict[str, Any]]:
        body = json.dumps({"sender": sender, "message": message}).encode()
        request = urllib.request.Request(
            f"{self.url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    def parse(self, text: str) -> dict[str, Any]:
        request = urllib.request.Request(
            f"{self.url}/model/parse?token={self.api_token}", data=json.dumps({"text": text}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())


@contextmanager
def running_bot(
    model: Path,
    workdir: Path,
    with_action_server: bool = True,
    credentials: Path | None = None,
    tracker_db: Path | None = None,
    tracker_options: dict[str, Any] | None = None,
) -> Iterator[Bot]:
    """Rasa (REST + API) and, unless disabled, the action server; stopped on exit."""
    workdir.mkdir(parents=True, exist_ok=True)
    rasa_port = free_port()
    actions = ActionServer(free_port(), workdir / "actions.log")
    endpoints = workdir / "endpoints.yml"
    config = f'action_endpoint:\n  url: "http://127.0.0.1:{actions.port}/webhook"\n'
    if tracker_db:
        config += f"tracker_store:\n  type: bot.stores.ScrubbingSQLTrackerStore\n  dialect: sqlite\n  db: {tracker_db}\n"
        config += "".join(f"  {key}: {value}\n" for key, value in (tracker_options or {}).items())
    endpoints.write_text(config)
    rasa = None
    api_token = secrets.token_hex(16)
    try:
        if with_action_server:
            actions.start()
        log = workdir / "rasa.log"
        rasa = _start(
            [str(BIN / "rasa"), "run", "--model", str(model), "--endpoints", str(endpoints),
             "--credentials", str(credentials or ROOT / "credentials.yml"), "--interface", "127.0.0.1",
             "--port", str(rasa_port), "--enable-api", "--auth-token", api_token],
            log,
        )
        seconds = _wait_for(f"http://127.0.0.1:{rasa_port}/status?token={api_token}", rasa, log)
        yield Bot(f"http://127.0.0.1:{rasa_port}", seconds, log, tracker_db, actions if with_action_server else None,
                  api_token)
    finally:
        if rasa is not None:
            _stop(rasa)
        actions.stop()
