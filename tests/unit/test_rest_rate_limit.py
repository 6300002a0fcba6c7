"""The REST channel's per-sender limit: more than RATE_LIMIT messages in RATE_WINDOW seconds get 429."""

from __future__ import annotations

from bot.channels import rest
from bot.channels.rest import RATE_LIMIT, SafeRestInput


def test_the_eleventh_message_within_a_second_is_refused(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(rest.time, "monotonic", lambda: now[0])
    channel = SafeRestInput()
    results = []
    for _ in range(RATE_LIMIT + 1):
        results.append(channel._too_many("flood"))
        now[0] += 0.02
    assert results == [False] * RATE_LIMIT + [True]
    assert channel._too_many("someone-else") is False  # per sender
    now[0] += 1.5
    assert channel._too_many("flood") is False  # the window has passed
