"""Is the intake phone open right now, and when does it open next?

Times are the municipality's local time (Europe/Copenhagen for Allerød), so
daylight-saving changes are handled by ``zoneinfo``. Public holidays are not
modelled because the source gives none (see the pack's ``source_notes``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Iterable
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class PhoneSlot:
    weekday: int  # 0 = Monday
    opens: time
    closes: time

    @classmethod
    def from_pack(cls, entry: dict) -> PhoneSlot:
        return cls(entry["weekday"], time.fromisoformat(entry["opens"]), time.fromisoformat(entry["closes"]))


@dataclass(frozen=True)
class PhoneStatus:
    is_open: bool
    closes: time | None = None  # when open
    next_weekday: int | None = None  # when closed
    next_opens: time | None = None


def phone_status(slots: Iterable[PhoneSlot], now: datetime, tz: str) -> PhoneStatus:
    """Status of a phone line with weekly ``slots`` at the instant ``now``."""
    local = now.astimezone(ZoneInfo(tz)) if now.tzinfo else now.replace(tzinfo=ZoneInfo(tz))
    slots = sorted(slots, key=lambda s: (s.weekday, s.opens))
    for slot in slots:
        if slot.weekday == local.weekday() and slot.opens <= local.time() < slot.closes:
            return PhoneStatus(True, closes=slot.closes)
    for days_ahead in range(0, 8):
        day = (local + timedelta(days=days_ahead)).weekday()
        for slot in slots:
            if slot.weekday != day:
                continue
            if days_ahead == 0 and slot.opens <= local.time():
                continue
            return PhoneStatus(False, next_weekday=slot.weekday, next_opens=slot.opens)
    return PhoneStatus(False)


def format_clock(value: time) -> str:
    """Danish clock format: 12, 8, 12.30."""
    return f"{value.hour}" if value.minute == 0 else f"{value.hour}.{value.minute:02d}"
