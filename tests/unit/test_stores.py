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
