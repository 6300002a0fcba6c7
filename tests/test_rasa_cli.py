"""Rasa's own checks, run on the real project files: data validation and test stories."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RASA = str(ROOT / ".venv" / "bin" / "rasa")


def _run(args: list[str], timeout: int = 900) -> subprocess.CompletedProcess:
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2", PYTHONPATH=str(ROOT))
    return subprocess.run([RASA, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.mark.slow
def test_rasa_data_validate_has_no_warnings():
    domain = ROOT / "build" / "domain.yml"
    assert domain.exists(), "run scripts/setup.sh to render build/domain.yml"
    result = _run(["data", "validate", "--domain", str(domain), "--data", "data", "--config", "config.yml", "--fail-on-warnings"])
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert "UserWarning" not in output, output[-4000:]


@pytest.mark.slow
def test_stories_pass_with_fail_on_prediction_errors(model_path):
    out = ROOT / "build" / "test-reports" / "core"
    result = _run(["test", "core", "--model", str(model_path), "--stories", "tests/stories",
                   "--fail-on-prediction-errors", "--out", str(out)])
    failed = out / "failed_test_stories.yml"
    details = failed.read_text(encoding="utf-8")[:6000] if failed.exists() else ""
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:] + "\n" + details
    print(result.stdout[-1500:], file=sys.stderr)
