"""Personal data typed into the real bot ends up neither in the tracker store nor in the log."""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow
DATA = yaml.safe_load((Path(__file__).resolve().parents[1] / "privacy" / "personal_data.yml").read_text(encoding="utf-8"))
NOTICE = "jeg har ikke brug for navne"


def stored_text(db: Path, sender_like: str = "%") -> str:
    """Every stored event, decoded (the store escapes æøå in its JSON)."""
    rows = sqlite3.connect(db).execute("select data from events where sender_id like ?", (sender_like,)).fetchall()
    return "\n".join(json.dumps(json.loads(r[0]), ensure_ascii=False) for r in rows)


def test_the_bot_says_once_that_it_needs_no_personal_data(bot):
    user = f"pd-{uuid.uuid4().hex[:8]}"
    first = "\n".join(m.get("text", "") for m in bot.say(user, "Pigen hedder Sara Ali og må ikke gå til svømning"))
    assert NOTICE in first and "Negativ social kontrol" in first
    second = "\n".join(m.get("text", "") for m in bot.say(user, "hendes mor har nummeret 23 45 67 89"))
    assert NOTICE not in second


def test_nothing_typed_is_stored_or_logged(bot):
    for index, case in enumerate(DATA["cases"]):
        bot.say(f"pd-store-{index}-{uuid.uuid4().hex[:6]}", case["text"])
    stored = stored_text(bot.tracker_db)
    logged = bot.log.read_text(encoding="utf-8", errors="replace")
    assert "[CPR]" in stored, "the store did not receive the conversations"
    leaks = [c["secret"] for c in DATA["cases"] if c["secret"] in stored or c["secret"] in logged]
    assert not leaks, leaks


def test_numbers_the_bot_gives_are_not_masked(bot):
    prefix = f"pd-keep-{uuid.uuid4().hex[:6]}"
    for index, text in enumerate(DATA["keep"]):  # one conversation each: the channel rate-limits a sender
        bot.say(f"{prefix}-{index}", text)
    stored = stored_text(bot.tracker_db, f"{prefix}-%")
    assert "48 100 100" in stored and "8. klasse" in stored and "14 år" in stored
