"""Tracker store that never persists personal data, and deletes old conversations.

``ScrubbingSQLTrackerStore`` is Rasa's ``SQLTrackerStore`` (SQLite by default,
PostgreSQL in production) with two changes:

* user messages are masked with ``bot.privacy.scrub`` before they are written
  (text and parse data; the NLU has already seen the original text);
* conversations whose last event is older than ``retention_days`` are deleted by
  the store itself, at start-up and then every ``cleanup_interval_minutes``.

Sessions expire after the domain's ``session_expiration_time`` (30 idle minutes).
If the database is unreachable, at start-up or later, the store says so once in
the log and keeps the bot answering from memory until it is back (class doc).
It also installs a logging filter that masks personal data in every log line,
so a debug log cannot leak what a user typed. An event broker is refused: it
would receive the unmasked events.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from rasa.core.tracker_store import SQLTrackerStore, TrackerStore, is_postgresql_url, validate_port
from rasa.shared.core.domain import Domain
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


@dataclass
class _RecentCopy:
    """A masked copy of a conversation as last saved by this process."""

    events: list[dict]
    seen: float
    outage: bool = False  # saved while the database was unreachable: never written to it


class ScrubbingSQLTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore`` that masks personal data, enforces retention and survives outages.

    If the database cannot be reached at start-up (Rasa's own store would wait
    for it forever) or fails later, the store logs one clear error, keeps
    answering from masked copies of the recent conversations held in this
    process, and tries to reconnect every ``reconnect_seconds``. A conversation
    that was saved during an outage stays in memory until it has been idle for
    ``memory_minutes``; it is never written to the database afterwards, because
    the database's copy of it is incomplete.
    """

    def __init__(
        self,
        domain: Domain | None = None,
        event_broker: Any = None,
        retention_days: float = 7,
        cleanup_interval_minutes: float = 60,
        reconnect_seconds: float = 10,
        memory_minutes: float = 30,
        **sql: Any,
    ) -> None:
        if event_broker is not None:
            raise ValueError("ScrubbingSQLTrackerStore does not forward to an event broker (it would see unmasked text)")
        TrackerStore.__init__(self, domain, None)
        self.retention_seconds = float(retention_days) * 86400
        self.reconnect_seconds = float(reconnect_seconds)
        self.memory_seconds = float(memory_minutes) * 60
        self._sql = {key: value for key, value in sql.items() if key != "host" or value is not None}
        self._recent: dict[str, _RecentCopy] = {}
        self._recent_lock = threading.Lock()
        self._last_purge = time.monotonic()
        self._available = threading.Event()
        self._reconnecting = threading.Lock()
        install_log_filter()
        if self._reachable():
            self._open()
        else:
            logger.error(
                "Tracker store unavailable at start-up (%s). Answering from memory; retrying every %.0f s.",
                self._describe(), self.reconnect_seconds,
            )
            self._start_reconnecting()
        self._cleaner = threading.Thread(
            target=self._clean_periodically, args=(float(cleanup_interval_minutes) * 60,), daemon=True
        )
        self._cleaner.start()

    # -- connection ---------------------------------------------------------

    def _url(self) -> Any:
        s = self._sql
        return self.get_db_url(
            s.get("dialect", "sqlite"), s.get("host"), validate_port(s.get("port")), s.get("db", "rasa.db"),
            s.get("username"), s.get("password"), s.get("login_db"), s.get("query"),
        )

    def _describe(self) -> str:
        s = self._sql
        return f"{s.get('dialect', 'sqlite')} {s.get('host') or ''}{':' if s.get('port') else ''}{s.get('port') or ''} db={s.get('db')}"

    def _reachable(self) -> bool:
        """One quick connection attempt; never waits for long."""
        import sqlalchemy as sa

        engine = getattr(self, "engine", None)
        own = engine is None
        try:
            if own:
                url = self._url()
                kwargs = {"connect_args": {"connect_timeout": 5}} if is_postgresql_url(url) else {}
                engine = sa.create_engine(url, **kwargs)
            with engine.connect() as connection:
                connection.execute(sa.text("SELECT 1"))
            return True
        except Exception as exc:  # noqa: BLE001 - any failure means "not now"
            logger.debug("Tracker store not reachable: %s", exc)
            return False
        finally:
            if own and engine is not None:
                engine.dispose()

    def _open(self) -> None:
        if getattr(self, "engine", None) is None:
            SQLTrackerStore.__init__(self, domain=self.domain, **self._sql)
        self._available.set()
        self.delete_expired()

    def _start_reconnecting(self) -> None:
        if self._reconnecting.acquire(blocking=False):
            threading.Thread(target=self._reconnect, daemon=True).start()

    def _reconnect(self) -> None:
        try:
            while not self._available.is_set():
                time.sleep(self.reconnect_seconds)
                if self._reachable():
                    self._open()
                    logger.warning("Tracker store is reachable again (%s); new conversations are stored.", self._describe())
        finally:
            self._reconnecting.release()

    def _unavailable(self, operation: str, error: Exception) -> None:
        if self._available.is_set():
            self._available.clear()
            logger.error(
                "Tracker store unavailable (%s failed: %s). Answering from memory; retrying every %.0f s.",
                operation, error, self.reconnect_seconds,
            )
        self._start_reconnecting()

    # -- the masked copies kept in memory -------------------------------------

    def _remember(self, tracker: DialogueStateTracker) -> _RecentCopy:
        events = [scrubbed_event(event).as_dict() for event in tracker.events]
        now = time.monotonic()
        with self._recent_lock:
            previous = self._recent.get(tracker.sender_id)
            copy = _RecentCopy(events, now, outage=bool(previous and previous.outage))
            self._recent[tracker.sender_id] = copy
            if now - self._last_purge > 60:
                self._last_purge = now
                for key in [k for k, v in self._recent.items() if now - v.seen > self.memory_seconds]:
                    del self._recent[key]
        return copy

    def _from_memory(self, sender_id: str) -> DialogueStateTracker | None:
        with self._recent_lock:
            copy = self._recent.get(sender_id)
        if copy is None or time.monotonic() - copy.seen > self.memory_seconds:
            return None
        return DialogueStateTracker.from_dict(sender_id, copy.events, self.domain.slots)

    def _outage_copy(self, sender_id: str) -> bool:
        with self._recent_lock:
            copy = self._recent.get(sender_id)
        return bool(copy and copy.outage)

    # -- TrackerStore ---------------------------------------------------------

    async def save(self, tracker: DialogueStateTracker) -> None:
        copy = self._remember(tracker)
        if self._available.is_set() and not copy.outage:
            try:
                await super().save(tracker)
                return
            except Exception as exc:  # noqa: BLE001 - keep answering; see class doc
                self._unavailable("save", exc)
        copy.outage = True

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        if self._available.is_set() and not self._outage_copy(sender_id):
            try:
                return await super().retrieve(sender_id)
            except Exception as exc:  # noqa: BLE001
                self._unavailable("retrieve", exc)
        return self._from_memory(sender_id)

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        if self._available.is_set() and not self._outage_copy(conversation_id):
            try:
                return await super().retrieve_full_tracker(conversation_id)
            except Exception as exc:  # noqa: BLE001
                self._unavailable("retrieve", exc)
        return self._from_memory(conversation_id)

    async def keys(self) -> Iterable[str]:
        with self._recent_lock:
            keys = set(self._recent)
        if self._available.is_set():
            try:
                keys.update(await super().keys())
            except Exception as exc:  # noqa: BLE001
                self._unavailable("keys", exc)
        return sorted(keys)

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
        for event in super()._additional_events(session, tracker):
            yield scrubbed_event(event)

    # -- retention ------------------------------------------------------------

    def delete_expired(self, now: float | None = None) -> int:
        """Delete conversations idle for longer than the retention period; returns how many."""
        import sqlalchemy as sa

        if not self._available.is_set():
            return 0
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
