"""REST channel with input validation: a defined answer for every request, never a 5xx.

Same URL and contract as Rasa's ``rest`` channel (``POST /webhooks/rest/webhook``
with ``{"sender", "message"}``; the reply is the list of bot messages), plus:

* the body must be UTF-8 JSON with an object at the top: otherwise 400;
* ``sender`` must be a string of 1-128 safe characters and ``message`` a string: otherwise 400;
* an empty or whitespace-only message gets a polite reply, and so does a message
  longer than ``MAX_MESSAGE_CHARS`` (with 112 in it: the bot will not read it);
* more than ``RATE_LIMIT`` messages per ``RATE_WINDOW`` seconds from one sender: 429;
* if handling fails inside Rasa, or the turn produced nothing to read (the action
  server is down or too slow), the user gets an apology with 112 and the intake's
  number instead of an error or silence. Static answers (the acute one) still come.
* Rasa waits up to five minutes for a custom action (a constant in
  ``rasa.core.actions.action``); this channel lowers that, process-wide, to
  ``action_timeout_seconds`` (credentials.yml, default 8) so a slow action server
  gives the apology within seconds. The next message is handled normally.
* it also switches on the measured speed-up in ``bot/rasa_speedups.py`` (Rasa's
  check of action-server responses with a validator built once);
  ``HANDLEVEJ_RASA_SPEEDUPS=0`` leaves Rasa as it is (for the benchmark's before/after).
"""

from __future__ import annotations

import contextvars
import json
import logging
import os
import re
import time
from collections import defaultdict, deque
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.knowledge import load_pack
from bot.rasa_speedups import cache_action_response_validator

logger = logging.getLogger(__name__)
MAX_BODY_BYTES = 200_000
MAX_MESSAGE_CHARS = 5_000
RATE_LIMIT = 10
RATE_WINDOW = 1.0
SENDER = re.compile(r"^[A-Za-z0-9_.:@+-]{1,128}$")
ACTION_TIMEOUT_SECONDS = 8.0

# Set while one message is handled; the processor logs failed actions in the same
# asyncio context, so the handler below knows which request they belong to.
_failed_actions: contextvars.ContextVar[list | None] = contextvars.ContextVar("handlevej_failed_actions", default=None)


class _FailedActionHandler(logging.Handler):
    """Notes "Encountered an exception while running action …" for the current request."""

    def emit(self, record: logging.LogRecord) -> None:
        failed = _failed_actions.get()
        if failed is not None and "exception while running action" in record.getMessage():
            failed.append(record.getMessage())


_handler = _FailedActionHandler(level=logging.ERROR)
logging.getLogger("rasa.core.processor").addHandler(_handler)


def limit_action_wait(seconds: float) -> None:
    """Give up on a custom action after ``seconds`` instead of Rasa's five minutes (process-wide)."""
    import rasa.core.actions.action as rasa_actions

    if seconds <= 0:
        raise ValueError("action_timeout_seconds must be positive")
    rasa_actions.DEFAULT_REQUEST_TIMEOUT = seconds
    logger.info("Custom actions time out after %.1f s", seconds)


def _error(status: int, message: str) -> HTTPResponse:
    return response.json({"error": message}, status=status)


class SafeRestInput(RestInput):
    """Rasa's REST channel behind input checks (see module doc)."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> SafeRestInput:
        limit_action_wait(float((credentials or {}).get("action_timeout_seconds", ACTION_TIMEOUT_SECONDS)))
        if os.environ.get("HANDLEVEJ_RASA_SPEEDUPS", "1") != "0":
            cache_action_response_validator()
        return cls()

    def __init__(self) -> None:
        self._recent: dict[str, deque] = defaultdict(deque)

    def _too_many(self, sender: str) -> bool:
        now = time.monotonic()
        recent = self._recent[sender]
        while recent and now - recent[0] > RATE_WINDOW:
            recent.popleft()
        recent.append(now)
        if len(self._recent) > 10_000:  # forget idle senders, keep memory bounded
            for key in [k for k, v in self._recent.items() if not v or now - v[-1] > RATE_WINDOW][:5_000]:
                del self._recent[key]
        return len(recent) > RATE_LIMIT

    def _reply(self, sender: str, text: str) -> HTTPResponse:
        return response.json([{"recipient_id": sender, "text": text}])

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        rest = Blueprint("custom_webhook_SafeRestInput", "rest")

        @rest.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @rest.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            texts = load_pack().texts
            intake = load_pack().intake
            if len(request.body or b"") > MAX_BODY_BYTES:
                return _error(413, f"request body over {MAX_BODY_BYTES} bytes")
            try:
                body = json.loads((request.body or b"").decode("utf-8"))
            except UnicodeDecodeError:
                return _error(400, "the body must be UTF-8")
            except ValueError:
                return _error(400, "the body must be JSON")
            if not isinstance(body, dict):
                return _error(400, 'the body must be a JSON object: {"sender": "...", "message": "..."}')
            sender, message = body.get("sender"), body.get("message")
            if not isinstance(sender, str) or not SENDER.match(sender):
                return _error(400, "'sender' must be 1-128 characters of letters, digits and _.:@+-")
            if not isinstance(message, str):
                return _error(400, "'message' must be a string")
            if self._too_many(sender):
                return _error(429, f"more than {RATE_LIMIT} messages per second from this sender")
            if not message.strip():
                return self._reply(sender, texts["input_empty"])
            if len(message) > MAX_MESSAGE_CHARS:
                return self._reply(sender, texts["input_too_long"].format(max_chars=MAX_MESSAGE_CHARS))
            collector = CollectingOutputChannel()
            failed: list[str] = []
            token = _failed_actions.set(failed)
            try:
                await on_new_message(UserMessage(message, collector, sender, input_channel=self.name()))
            except Exception:  # noqa: BLE001 - the user gets numbers, not a stack trace
                logger.exception("REST: handling a message failed")
                return self._reply(sender, texts["input_error"].format(intake_phone=intake["phone"]))
            finally:
                _failed_actions.reset(token)
            if failed or not any(m.get("text") for m in collector.messages):
                # A custom action failed (action server down or too slow) or nothing to read.
                collector.messages.append({"recipient_id": sender, "text": texts["input_error"].format(intake_phone=intake["phone"])})
            return response.json(collector.messages)

        return rest
