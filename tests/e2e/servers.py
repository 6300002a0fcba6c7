"""Start the real Rasa server and action server on free loopback ports for tests."""

from __future__ import annotations

import json
import os
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


@dataclass
class Bot:
    url: str
    startup_seconds: float
    log: Path
    tracker_db: Path | None = None

    def say(self, sender: str, message: str) -> list[dict[str, Any]]:
        body = json.dumps({"sender": sender, "message": message}).encode()
        request = urllib.request.Request(
            f"{self.url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    def parse(self, text: str) -> dict[str, Any]:
        request = urllib.request.Request(
            f"{self.url}/model/parse", data=json.dumps({"text": text}).encode(), headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())


@contextmanager
def running_bot(
    model: Path, workdir: Path, with_action_server: bool = True, credentials: Path | None = None, tracker_db: Path | None = None
) -> Iterator[Bot]:
    """Rasa (REST + API) and, unless disabled, the action server; stopped on exit."""
    workdir.mkdir(parents=True, exist_ok=True)
    rasa_port, actions_port = free_port(), free_port()
    endpoints = workdir / "endpoints.yml"
    config = f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n'
    if tracker_db:
        config += f"tracker_store:\n  type: bot.stores.ScrubbingSQLTrackerStore\n  dialect: sqlite\n  db: {tracker_db}\n"
    endpoints.write_text(config)
    processes = []
    try:
        if with_action_server:
            log = workdir / "actions.log"
            actions = _start([str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(actions_port)], log)
            processes.append(actions)
            _wait_for(f"http://127.0.0.1:{actions_port}/health", actions, log)
        log = workdir / "rasa.log"
        rasa = _start(
            [str(BIN / "rasa"), "run", "--model", str(model), "--endpoints", str(endpoints),
             "--credentials", str(credentials or ROOT / "credentials.yml"), "--interface", "127.0.0.1",
             "--port", str(rasa_port), "--enable-api"],
            log,
        )
        processes.append(rasa)
        seconds = _wait_for(f"http://127.0.0.1:{rasa_port}/status", rasa, log)
        yield Bot(f"http://127.0.0.1:{rasa_port}", seconds, log)
    finally:
        for process in reversed(processes):
            _stop(process)
