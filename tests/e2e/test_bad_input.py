"""Bad input over REST (cases in tests/bad_input/cases.yml): a defined answer, never a 5xx."""

from __future__ import annotations

import concurrent.futures
import json
import sqlite3
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow
CASES = yaml.safe_load((Path(__file__).resolve().parents[1] / "bad_input" / "cases.yml").read_text(encoding="utf-8"))["cases"]


def _body(case: dict, sender: str) -> bytes:
    if "raw_hex" in case:
        return bytes.fromhex(case["raw_hex"].replace(" ", ""))
    if "raw_text" in case:
        return case["raw_text"].encode()
    if "repeat" in case:
        return json.dumps({"sender": sender, "message": case["repeat"]["char"] * case["repeat"]["count"]}).encode()
    body = case["body"]
    if isinstance(body, dict):
        body = {k: (sender if v == "S" else "x" * 5000 if v == "LONG_SENDER" else v) for k, v in body.items()}
    return json.dumps(body).encode()


def post(url: str, data: bytes) -> tuple[int, str]:
    request = urllib.request.Request(f"{url}/webhooks/rest/webhook", data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", "replace")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input_gets_a_defined_answer(bot, case):
    status, text = post(bot.url, _body(case, f"bad-{uuid.uuid4().hex[:8]}"))
    assert status == case["expect"], text[:300]
    assert status < 500
    if case.get("reply_contains"):
        assert case["reply_contains"] in text
    if status == 400:
        assert "error" in json.loads(text)


def test_fifty_messages_per_second_from_one_sender(bot):
    sender = f"flood-{uuid.uuid4().hex[:8]}"
    data = json.dumps({"sender": sender, "message": "hej"}).encode()
    with concurrent.futures.ThreadPoolExecutor(max_workers=25) as pool:
        statuses = list(pool.map(lambda _: post(bot.url, data)[0], range(50)))
    assert all(s in (200, 429) for s in statuses), statuses
    # How many get 429 depends on how fast the server gets through the others (a busy
    # CI machine spreads them over seconds); the limit itself is tested in
    # tests/unit/test_rest_rate_limit.py.
    assert statuses.count(200) > 0


def test_markup_is_stored_only_as_plain_user_text(bot):
    sender = f"html-{uuid.uuid4().hex[:8]}"
    post(bot.url, json.dumps({"sender": sender, "message": "<img src=x onerror=alert(1)>"}).encode())
    rows = sqlite3.connect(bot.tracker_db).execute(
        "select type_name, data from events where sender_id = ?", (sender,)).fetchall()
    bot_texts = [json.loads(d).get("text") or "" for t, d in rows if t == "bot"]
    assert bot_texts and not any("<img" in t for t in bot_texts), "the bot echoed markup"
