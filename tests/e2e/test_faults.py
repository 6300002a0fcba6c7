"""Faults: the action server down or slow and back again; the tracker store unreachable.

The user must always get either the acute answer or an apology with 112 and the
intake's number, and the conversation must go on once the service is back.
"""

from __future__ import annotations

import shutil
import time

import pytest

from tests.e2e.servers import BIN, running_bot
from tests.e2e.test_rest_conversations import ASK_URGENCY, customs, sender, texts

pytestmark = pytest.mark.slow

STAY_ABROAD = ("Jeg er lærer. En elev har fortalt, at hun skal på en lang ferie hos sin farmor i forældrenes "
               "hjemland efter jul, og hun ved ikke, hvornår hun kommer tilbage.")
ACUTE = "Hun ringer fra toilettet: faren står uden for døren med en kniv og truer hende lige nu"


def is_apology(messages: list[dict]) -> bool:
    body = texts(messages)
    return "Undskyld" in body and "112" in body and "48 100 100" in body


def finish_stay_abroad(bot, user: str, first_reply: list[dict]) -> list[dict]:
    """Answer whatever the bot still needs (age, then urgency) and return the last reply."""
    reply = first_reply
    for _ in range(3):
        if any(c.get("kind") == "procedure" for c in customs(reply)):
            return reply
        if "Hvor gammel" in texts(reply):
            reply = bot.say(user, "hun er 13")
        elif ASK_URGENCY in texts(reply):
            reply = bot.say(user, "/deny")
        else:
            reply = bot.say(user, STAY_ABROAD)
    return reply


def assert_stay_abroad_procedure(reply: list[dict]) -> None:
    assert {"kind": "procedure", "concern": "udlandsophold", "age_group": "under18", "acute": False,
            "kommune": "allerod"} in customs(reply), texts(reply)
    assert "ikke forældrene" in texts(reply)


def test_action_server_down_then_back_the_conversation_goes_on(bot):
    user = sender()
    bot.actions.stop()
    try:
        down = bot.say(user, STAY_ABROAD)
        assert is_apology(down), down
        acute = bot.say(sender(), ACUTE)
        assert "112" in acute[0]["text"] and customs(acute)[0] == {"kind": "akut"}
    finally:
        bot.actions.start()
    again = bot.say(user, "hun er 13")
    assert not is_apology(again), again
    assert_stay_abroad_procedure(finish_stay_abroad(bot, user, again))


def test_slow_action_server_gives_the_apology_within_seconds_then_recovers(bot):
    user = sender()
    first = bot.say(user, STAY_ABROAD)
    assert "Hvor gammel" in texts(first)
    stand_in = [str(BIN / "python"), "-m", "tests.e2e.slow_actions", str(bot.actions.port), "60"]
    bot.actions.start(stand_in)
    try:
        started = time.monotonic()
        slow = bot.say(user, "hun er 13")
        waited = time.monotonic() - started
        assert is_apology(slow), slow
        assert waited < 20, f"the user waited {waited:.0f} s for the apology"
    finally:
        bot.actions.start()
    assert_stay_abroad_procedure(finish_stay_abroad(bot, user, bot.say(user, "hun er 13")))


@pytest.fixture(scope="module")
def bot_with_missing_database(model_path, root):
    workdir = root / "build" / "e2e" / "no-database"
    shutil.rmtree(workdir, ignore_errors=True)
    db_dir = workdir / "db"  # does not exist yet: the database is unreachable at start-up
    with running_bot(model_path, workdir, tracker_db=db_dir / "trackers.db",
                     tracker_options={"reconnect_seconds": 1}) as started:
        yield started


def wait_for_log(bot, text: str, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in bot.log.read_text(errors="replace"):
            return True
        time.sleep(0.2)
    return False


def test_tracker_store_unreachable_at_start_then_lost_mid_conversation(bot_with_missing_database):
    bot = bot_with_missing_database
    db = bot.tracker_db
    assert "Tracker store unavailable at start-up" in bot.log.read_text(errors="replace")

    acute = bot.say(sender(), ACUTE)
    assert "112" in acute[0]["text"] and "4927 1448" in acute[0]["text"]
    during = sender()
    first = bot.say(during, STAY_ABROAD)
    assert "Hvor gammel" in texts(first)
    assert_stay_abroad_procedure(finish_stay_abroad(bot, during, bot.say(during, "hun er 13")))

    db.parent.mkdir()
    assert wait_for_log(bot, "Tracker store is reachable again")
    later = sender()
    assert "Hvor gammel" in texts(bot.say(later, STAY_ABROAD))
    assert db.exists() and later.encode() in db.read_bytes()
    assert during.encode() not in db.read_bytes()  # held in memory during the outage, never half-written

    moved = db.parent.with_name("db-away")
    db.parent.rename(moved)  # the database disappears mid-conversation
    try:
        reply = bot.say(later, "hun er 13")
        assert not is_apology(reply), reply
        assert_stay_abroad_procedure(finish_stay_abroad(bot, later, reply))
        assert bot.log.read_text(errors="replace").count("Tracker store unavailable (") == 1
    finally:
        moved.rename(db.parent)
    assert wait_for_log(bot, "Tracker store is reachable again")
    log = bot.log.read_text(errors="replace")
    assert "Traceback" not in log.split("Tracker store unavailable at start-up")[1], "an unhandled error in the log"
