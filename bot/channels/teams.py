"""Microsoft Teams channel (Bot Framework protocol), single-tenant by default.

Configured in ``credentials.yml`` (values may come from the environment):

    bot.channels.teams.TeamsInput:
      app_id: ${TEAMS_APP_ID}
      app_password: ${TEAMS_APP_PASSWORD}
      tenant_id: ${TEAMS_TENANT_ID}        # leave out (or multi_tenant: true) for multi-tenant
      # openid_metadata_url / token_url / token_scope default to Microsoft's endpoints

Incoming activities arrive at ``POST /webhooks/teams/api/messages``. The bearer
token is validated (``teams_auth``); invalid requests get 401. ``<at>…</at>``
mentions are removed, an Adaptive Card button click (``value.payload``) becomes
the user message, and adding the bot to a conversation triggers the greeting
plus a notice that the chat is not anonymous in Teams. Replies are posted to
the activity's ``serviceUrl`` with aiohttp; buttons and the ``akut`` /
``procedure`` payloads become Adaptive Cards.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from typing import Any, Awaitable, Callable

import aiohttp
from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.teams_auth import (
    DEFAULT_OPENID_METADATA_URL,
    DEFAULT_TOKEN_SCOPE,
    DEFAULT_TOKEN_URL,
    HTTP_TIMEOUT,
    AuthError,
    JwtValidator,
    TokenClient,
)
from bot.knowledge import Pack, load_pack

logger = logging.getLogger(__name__)
MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)
CARD = "application/vnd.microsoft.card.adaptive"


def strip_mentions(text: str) -> str:
    return re.sub(r"\s+", " ", MENTION.sub(" ", text or "")).strip()


def user_text(activity: dict[str, Any]) -> str:
    """What the user said: a card button's payload, or the text without mentions."""
    value = activity.get("value")
    if isinstance(value, dict) and isinstance(value.get("payload"), str) and value["payload"].strip():
        return value["payload"].strip()
    return strip_mentions(activity.get("text", ""))


def pseudonymous_sender(activity: dict[str, Any]) -> str:
    """A stable id per Teams user that is not their Azure AD id or name."""
    user = activity.get("from") or {}
    raw = user.get("aadObjectId") or user.get("id") or "unknown"
    return "teams-" + hashlib.sha256(raw.encode()).hexdigest()[:24]


def _text_block(text: str, **extra: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": text, "wrap": True, **extra}


def _card(body: list[dict[str, Any]], actions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    content: dict[str, Any] = {"type": "AdaptiveCard", "version": "1.4", "body": body}
    if actions:
        content["actions"] = actions
    return {"contentType": CARD, "content": content}


def to_activities(messages: list[dict[str, Any]], pack: Pack) -> list[dict[str, Any]]:
    """Rasa's collected messages as Bot Framework message activities."""
    activities = []
    for message in messages:
        custom = message.get("custom") or {}
        if custom.get("kind") == "akut":
            # The card replaces the plain acute text that Rasa sends just before it.
            if activities and "text" in activities[-1] and not activities[-1].get("attachments"):
                activities.pop()
            after = pack.after_hours
            card = _card([
                {"type": "Container", "style": "attention", "items": [
                    _text_block("AKUT", weight="Bolder", size="Large"),
                    _text_block(f"Er nogen i fare lige nu: ring {pack.data['acute']['emergency_number']}.", weight="Bolder"),
                    _text_block(f"Politiet i øvrigt: {pack.data['acute']['police_number']}."),
                    _text_block(f"Uden for åbningstid: {after['name']}, {after['phone']}."),
                ]},
            ])
            activities.append({"type": "message", "attachments": [card]})
        elif custom.get("kind") == "procedure":
            concern = pack.data["concerns"].get(custom.get("concern", ""), {}).get("label", "")
            age = pack.data["age_groups"].get(custom.get("age_group", ""), "")
            activities.append({"type": "message", "attachments": [_card([_text_block(f"{concern} – {age}", weight="Bolder")])]})
        elif message.get("buttons"):
            actions = [
                {"type": "Action.Submit", "title": b["title"], "data": {"payload": b["payload"]}}
                for b in message["buttons"]
            ]
            activities.append({"type": "message", "attachments": [_card([_text_block(message.get("text", ""))], actions)]})
        elif message.get("text"):
            activities.append({"type": "message", "text": message["text"], "textFormat": "plain"})
    return activities


class TeamsInput(InputChannel):
    """Teams via the Bot Framework, validating every request."""

    @classmethod
    def name(cls) -> str:
        return "teams"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> TeamsInput:
        if not credentials or not credentials.get("app_id") or not credentials.get("app_password"):
            raise ValueError("the Teams channel needs app_id and app_password (see docs/teams.md)")
        tenant = None if credentials.get("multi_tenant") else credentials.get("tenant_id")
        if not tenant and not credentials.get("multi_tenant"):
            raise ValueError("the Teams channel needs tenant_id for a single-tenant bot (or multi_tenant: true)")
        return cls(
            app_id=str(credentials["app_id"]),
            app_password=str(credentials["app_password"]),
            tenant_id=tenant,
            openid_metadata_url=credentials.get("openid_metadata_url", DEFAULT_OPENID_METADATA_URL),
            token_url=credentials.get("token_url", DEFAULT_TOKEN_URL),
            token_scope=credentials.get("token_scope", DEFAULT_TOKEN_SCOPE),
        )

    def __init__(self, app_id: str, app_password: str, tenant_id: str | None, openid_metadata_url: str,
                 token_url: str, token_scope: str) -> None:
        self.validator = JwtValidator(app_id, tenant_id, openid_metadata_url)
        self.tokens = TokenClient(app_id, app_password, tenant_id, token_url, token_scope)

    async def _send(self, activity: dict[str, Any], replies: list[dict[str, Any]]) -> None:
        service_url = activity["serviceUrl"].rstrip("/")
        conversation = activity["conversation"]["id"]
        url = f"{service_url}/v3/conversations/{conversation}/activities/{activity.get('id', '')}"
        token = await self.tokens.token()
        async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT, headers={"Authorization": f"Bearer {token}"}) as session:
            for reply in replies:
                reply.update(
                    {"from": activity.get("recipient"), "recipient": activity.get("from"),
                     "conversation": activity.get("conversation"), "replyToId": activity.get("id")}
                )
                async with session.post(url, json=reply) as resp:
                    if resp.status >= 300:
                        logger.error("Teams: posting a reply failed with HTTP %s", resp.status)

    async def _handle(self, activity: dict[str, Any], on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        pack = load_pack()
        collector = CollectingOutputChannel()
        sender = pseudonymous_sender(activity)
        kind = activity.get("type")
        notice: list[dict[str, Any]] = []
        if kind == "conversationUpdate":
            bot_id = (activity.get("recipient") or {}).get("id")
            if not any(m.get("id") == bot_id for m in activity.get("membersAdded") or []):
                return
            text = "/greet"
            notice = [{"type": "message", "text": pack.texts["teams_notice"], "textFormat": "plain"}]
        elif kind == "message":
            text = user_text(activity)
            if not text:
                return
        else:
            return
        await on_new_message(UserMessage(text, collector, sender, input_channel=self.name()))
        await self._send(activity, notice + to_activities(collector.messages, pack))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        teams = Blueprint("handlevej_teams", __name__)

        @teams.listener("after_server_start")
        async def warm_up(app: Any, loop: Any) -> None:
            app.add_task(self.validator.keep_keys_fresh())

        @teams.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok", "keys_loaded": bool(self.validator._keys)})

        @teams.route("/api/messages", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            activity = request.json if isinstance(request.json, dict) else None
            if activity is None:
                return response.json({"error": "expected a JSON activity"}, status=400)
            try:
                await self.validator.validate(request.headers.get("Authorization"), activity.get("serviceUrl"))
            except AuthError as exc:
                logger.warning("Teams: rejected a request: %s", exc)
                return response.json({"error": "unauthorized"}, status=401)
            if not activity.get("serviceUrl") or not (activity.get("conversation") or {}).get("id"):
                return response.json({"error": "activity lacks serviceUrl or conversation"}, status=400)
            try:
                await asyncio.wait_for(self._handle(activity, on_new_message), timeout=14)
            except Exception:  # noqa: BLE001 - the user gets no reply, Teams gets no 5xx loop
                logger.exception("Teams: handling an activity failed")
            return response.empty(status=200)

        return teams
