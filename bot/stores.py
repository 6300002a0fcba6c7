"""Tracker store that never persists personal data, and deletes old conversations.

``ScrubbingSQLTrackerStore`` is Rasa's ``SQLTrackerStore`` (SQLite by default,
PostgreSQL in production) with two changes:

* user messages are masked with ``bot.privacy.scrub`` before they are written
  (text and parse data; the NLU has already seen the original text);
* conversations whose last event is older than ``retention_days`` are deleted by
  the store itself, at start-up and then every ``cleanup_interval_minutes``.

Sessions expire after the domain's ``session_expiration_time`` (30 idle minutes).
It also installs a logging filter that masks personal data in every log line,
so a debug log cannot leak what a user typed. An event broker is refused: it
would receive the unmasked events.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any, Iterator

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy import scrub

logger = logging.getLogger(__name__)


def scrubbed_event(event: Event) -> Event:
    """A user message with personal data masked; other events unchanged."""
    if not isinstance(event, UserUttered) or not event.text:
        return event
    masked = scrub(event.text)
    if not masked.found:
        return event
    parse_data = dict(event.parse_data or {})
    parse_data["text"] = masked.text
    return UserUttered(
        text=masked.text, intent=event.intent, entities=event.entities, parse_data=parse_data,
        timestamp=event.timestamp, input_channel=event.input_channel, message_id=event.message_id,
    )


class PersonalDataLogFilter(logging.Filter):
    """Mask personal data in log records before any handler writes them."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken record is not ours to fix
            return True
        masked = scrub(message)
        if masked.found:
            record.msg, record.args = masked.text, ()
        return True


def _scrub_value(value: Any) -> Any:
    if isinstance(value, str):
        return scrub(value).text
    if isinstance(value, dict):
        return {k: _scrub_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_scrub_value(v) for v in value)
    return value


def _scrub_event_dict(_: Any, __: str, event_dict: dict) -> dict:
    """structlog processor (Rasa's debug events carry message texts and parse data)."""
    return {key: _scrub_value(value) for key, value in event_dict.items()}


def install_log_filter() -> None:
    """Mask personal data in stdlib logging handlers and in structlog's pipeline."""
    import structlog

    processors = list(structlog.get_config().get("processors", []))
    if _scrub_event_dict not in processors:
        structlog.configure(processors=[_scrub_event_dict, *processors])
    log_filter = PersonalDataLogFilter()
    loggers = [logging.getLogger()] + [
        value for value in logging.root.manager.loggerDict.values() if isinstance(value, logging.Logger)
    ]
    for each in loggers:
        for handler in each.handlers:
            if not any(isinstance(f, PersonalDataLogFilter) for f in handler.filters):
                handler.addFilter(log_filter)


class ScrubbingSQLTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore`` that masks personal data and enforces retention."""

    def __init__(self, *args: Any, retention_days: float = 7, cleanup_interval_minutes: float = 60, **kwargs: Any) -> None:
        if kwargs.get("event_broker") is not None:
            raise ValueError("ScrubbingSQLTrackerStore does not forward to an event broker (it would see unmasked text)")
        super().__init__(*args, **kwargs)
        self.retention_seconds = float(retention_days) * 86400
        install_log_filter()
        self.delete_expired()
        self._cleaner = threading.Thread(
            target=self._clean_periodically, args=(float(cleanup_interval_minutes) * 60,), daemon=True
        )
        self._cleaner.start()

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
        for event in super()._additional_events(session, tracker):
            yield scrubbed_event(event)

    def delete_expired(self, now: float | None = None) -> int:
        """Delete conversations idle for longer than the retention period; returns how many."""
        import sqlalchemy as sa

        cutoff = (now or time.time()) - self.retention_seconds
        try:
            with self.session_scope() as session:
                last_seen = (
                    session.query(self.SQLEvent.sender_id)
                    .group_by(self.SQLEvent.sender_id)
                    .having(sa.func.max(self.SQLEvent.timestamp) < cutoff)
                )
                senders = [row[0] for row in last_seen]
                if senders:
                    session.query(self.SQLEvent).filter(self.SQLEvent.sender_id.in_(senders)).delete(
                        synchronize_session=False
                    )
                    session.commit()
        except Exception as exc:  # noqa: BLE001 - the store may be down; try again next round
            logger.error("Tracker store retention clean-up failed: %s", exc)
            return 0
        if senders:
            logger.info("Deleted %d conversations older than the retention period", len(senders))
        return len(senders)

    def _clean_periodically(self, interval: float) -> None:
        while True:
            time.sleep(interval)
            self.delete_expired()
