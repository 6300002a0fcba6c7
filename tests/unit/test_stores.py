"""The tracker store keeps no personal data and deletes old conversations itself."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.stores import PersonalDataLogFilter, ScrubbingSQLTrackerStore

INTENT = {"name": "bekymring_uklar", "confidence": 1.0}


def _store(tmp_path, rendered_domain_text, **kwargs):
    return ScrubbingSQLTrackerStore(domain=Domain.from_yaml(rendered_domain_text), dialect="sqlite",
                                    db=str(tmp_path / "t.db"), **kwargs)


def test_user_text_is_masked_in_the_database(tmp_path, rendered_domain_text):
    store = _store(tmp_path, rendered_domain_text)
    text = "Pigen hedder Amira Hassan, cpr 120508-1234, mobil 23 45 67 89"
    tracker = DialogueStateTracker.from_events("s1", [
        ActionExecuted("action_listen"),
        UserUttered(text, INTENT, [], {"text": text, "intent": INTENT}),
    ])
    asyncio.run(store.save(tracker))
    rows = sqlite3.connect(tmp_path / "t.db").execute("select data from events").fetchall()
    stored = " ".join(r[0] for r in rows)
    for secret in ("Amira", "Hassan", "120508", "23 45 67 89"):
        assert secret not in stored
    assert "[CPR]" in stored and "[navn]" in stored
    loaded = asyncio.run(store.retrieve("s1"))
    assert loaded.latest_message.intent["name"] == "bekymring_uklar"


def test_conversations_past_retention_are_deleted(tmp_path, rendered_domain_text):
    store = _store(tmp_path, rendered_domain_text, retention_days=7)
    old = DialogueStateTracker.from_events("old", [ActionExecuted("action_listen", timestamp=time.time() - 8 * 86400)])
    new = DialogueStateTracker.from_events("new", [ActionExecuted("action_listen", timestamp=time.time())])
    asyncio.run(store.save(old))
    asyncio.run(store.save(new))
    assert store.delete_expired() == 1
    senders = {r[0] for r in sqlite3.connect(tmp_path / "t.db").execute("select sender_id from events")}
    assert senders == {"new"}


def test_log_lines_are_masked():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "user said %s", ("ring 23456789 eller skriv a@b.dk",), None)
    PersonalDataLogFilter().filter(record)
    assert record.getMessage() == "user said ring [telefon] eller skriv [e-mail]"


def test_structlog_events_are_masked():
    from bot.stores import _scrub_event_dict

    event = _scrub_event_dict(None, "debug", {"event": "parse", "parse_data": {"text": "cpr 120508-1234"}, "n": 3})
    assert event == {"event": "parse", "parse_data": {"text": "cpr [CPR]"}, "n": 3}


def _conversation(sender: str, *texts: str) -> DialogueStateTracker:
    events = [ActionExecuted("action_listen")]
    for text in texts:
        events.append(UserUttered(text, INTENT, [], {"text": text, "intent": INTENT}))
    return DialogueStateTracker.from_events(sender, events)


def _wait_until(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_database_unreachable_at_start_up_is_logged_and_the_bot_keeps_going(tmp_path, rendered_domain_text, caplog):
    """Rasa's own SQL store waits forever for the database; ours starts and answers from memory."""
    db_dir = tmp_path / "missing"
    started = time.monotonic()
    with caplog.at_level(logging.ERROR, logger="bot.stores"):
        store = ScrubbingSQLTrackerStore(domain=Domain.from_yaml(rendered_domain_text), dialect="sqlite",
                                         db=str(db_dir / "t.db"), reconnect_seconds=0.2)
    assert time.monotonic() - started < 5
    assert "Tracker store unavailable at start-up" in caplog.text
    asyncio.run(store.save(_conversation("during", "cpr 120508-1234")))
    kept = asyncio.run(store.retrieve("during"))
    assert kept is not None and kept.latest_message.text == "cpr [CPR]"  # the memory copy is masked too

    db_dir.mkdir()
    assert _wait_until(store._available.is_set), "the store did not reconnect once the database was back"
    asyncio.run(store.save(_conversation("after", "hej")))
    asyncio.run(store.save(_conversation("during", "cpr 120508-1234", "tak")))
    senders = {r[0] for r in sqlite3.connect(db_dir / "t.db").execute("select sender_id from events")}
    assert senders == {"after"}  # the conversation held during the outage is never written half
    assert len(asyncio.run(store.retrieve("during")).events) == 3


def test_database_lost_mid_conversation_keeps_the_conversation(tmp_path, rendered_domain_text, caplog):
    db_dir = tmp_path / "db"
    db_dir.mkdir()
    store = ScrubbingSQLTrackerStore(domain=Domain.from_yaml(rendered_domain_text), dialect="sqlite",
                                     db=str(db_dir / "t.db"), reconnect_seconds=0.2)
    asyncio.run(store.save(_conversation("s1", "første")))
    db_dir.rename(tmp_path / "away")
    with caplog.at_level(logging.ERROR, logger="bot.stores"):
        tracker = asyncio.run(store.retrieve("s1"))
        assert tracker is not None and tracker.latest_message.text == "første"
        tracker.update(UserUttered("anden", INTENT, [], {"text": "anden", "intent": INTENT}))
        asyncio.run(store.save(tracker))
    assert caplog.text.count("Tracker store unavailable") == 1
    assert asyncio.run(store.retrieve("s1")).latest_message.text == "anden"
    (tmp_path / "away").rename(db_dir)
    assert _wait_until(store._available.is_set)
    assert asyncio.run(store.retrieve("s1")).latest_message.text == "anden"
