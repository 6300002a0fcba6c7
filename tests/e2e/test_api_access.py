"""The HTTP API needs the token; the chat channels do not."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from tests.e2e.test_rest_conversations import sender, texts

pytestmark = pytest.mark.slow


def _status(url: str, body: dict | None = None) -> int:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_api_without_token_is_refused(bot):
    user = sender()
    assert "Handlevej" in texts(bot.say(user, "hej"))  # the chat channel needs no token
    assert _status(f"{bot.url}/model/parse", {"text": "hej"}) == 401
    assert _status(f"{bot.url}/model/parse?token=wrong", {"text": "hej"}) == 401
    assert _status(f"{bot.url}/conversations/{user}/tracker") == 401
    assert _status(f"{bot.url}/conversations/{user}/tracker?token={bot.api_token}") == 200
    assert bot.parse("hej")["intent"]["name"] == "greet"
