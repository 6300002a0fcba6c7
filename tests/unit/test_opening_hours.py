"""Is the intake phone open now? Europe/Copenhagen time, weekly slots from the pack."""

from __future__ import annotations

from datetime import datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest

from actions.messages import intake_status
from bot.opening_hours import PhoneSlot, phone_status

CPH = ZoneInfo("Europe/Copenhagen")


@pytest.fixture()
def slots(pack):
    return [PhoneSlot.from_pack(s) for s in pack.data["intake"]["phone_hours"]]


@pytest.mark.parametrize(
    "local, is_open",
    [
        (datetime(2026, 11, 23, 12, 0), True),   # Monday 12:00 opens
        (datetime(2026, 11, 23, 16, 59), True),  # Monday just before 17
        (datetime(2026, 11, 23, 17, 0), False),  # Monday 17:00 closed
        (datetime(2026, 11, 23, 11, 59), False),  # Monday morning
        (datetime(2026, 11, 24, 8, 0), True),    # Tuesday 8-12
        (datetime(2026, 11, 24, 12, 0), False),
        (datetime(2026, 11, 25, 10, 0), False),  # Wednesday: no phone hours
        (datetime(2026, 11, 26, 14, 30), True),  # Thursday 12-17
        (datetime(2026, 11, 27, 10, 0), False),  # Friday: none
        (datetime(2026, 11, 28, 13, 0), False),  # Saturday
        (datetime(2026, 11, 29, 13, 0), False),  # Sunday
    ],
)
def test_open_and_closed(slots, local, is_open):
    assert phone_status(slots, local.replace(tzinfo=CPH), "Europe/Copenhagen").is_open is is_open


def test_utc_is_converted_to_copenhagen_time_in_summer_and_winter(slots):
    # 10:30 UTC is 12:30 in Copenhagen in summer (CEST) and 11:30 in winter (CET).
    summer = datetime(2026, 6, 1, 10, 30, tzinfo=timezone.utc)  # Monday
    winter = datetime(2026, 11, 23, 10, 30, tzinfo=timezone.utc)  # Monday
    assert phone_status(slots, summer, "Europe/Copenhagen").is_open
    assert not phone_status(slots, winter, "Europe/Copenhagen").is_open


def test_next_opening_skips_closed_days(slots):
    friday = datetime(2026, 11, 27, 9, 0, tzinfo=CPH)
    status = phone_status(slots, friday, "Europe/Copenhagen")
    assert (status.next_weekday, status.next_opens) == (0, time(12, 0))
    tuesday_after = datetime(2026, 11, 24, 12, 30, tzinfo=CPH)
    status = phone_status(slots, tuesday_after, "Europe/Copenhagen")
    assert (status.next_weekday, status.next_opens) == (3, time(12, 0))


def test_user_reads_open_until_closing_time(pack):
    text = intake_status(pack, datetime(2026, 11, 26, 14, 0, tzinfo=CPH))
    assert "åben telefon nu" in text and "kl. 17" in text


def test_user_reads_after_hours_route_when_closed(pack):
    text = intake_status(pack, datetime(2026, 11, 27, 22, 0, tzinfo=CPH))
    assert "lukket" in text
    assert "mandag kl. 12" in text
    assert "4927 1448" in text and "Social Døgnvagt" in text
    assert "112" in text
