"""Shared fixtures: the project root, the knowledge pack, the source document, the model."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(os.environ.get("HANDLEVEJ_SEEDS", ROOT.parent / "shared" / "seeds"))

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def pack():
    from bot.knowledge import load_pack

    return load_pack("allerod")


@pytest.fixture(scope="session")
def source_001() -> str:
    """Allerød's plan (source 001). The number checks need it; skip clearly when absent."""
    found = sorted(SEEDS.glob("001_*.txt"))
    if not found:
        pytest.skip(f"source 001 not found under {SEEDS} (set HANDLEVEJ_SEEDS)")
    return found[0].read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def rendered_domain_text() -> str:
    from bot.knowledge import load_pack
    from bot.render_domain import render

    return render((ROOT / "domain.yml").read_text(encoding="utf-8"), load_pack("allerod"))


@pytest.fixture(scope="session")
def model_path() -> Path:
    model = Path(os.environ.get("HANDLEVEJ_MODEL", ROOT / "models" / "current.tar.gz"))
    if not model.exists():
        pytest.fail(f"no trained model at {model}: run scripts/setup.sh first")
    return model


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)
