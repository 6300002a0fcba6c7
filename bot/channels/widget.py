"""Serve the intranet chat widget and its demo page from the Rasa server.

Routes (under ``/webhooks/widget/``):
  ``handlevej.js`` the built widget (one script tag embeds it in any page)
  ``demo``         a demo intranet page that embeds it

The widget talks to the REST channel (``/webhooks/rest/webhook``); this channel
only serves files, so it receives no messages itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "widget" / "dist" / "handlevej.js"
DEMO = ROOT / "widget" / "demo.html"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
DEMO_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


class WidgetInput(InputChannel):
    """Static files for the chat widget (no messages arrive here)."""

    @classmethod
    def name(cls) -> str:
        return "widget"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        widget = Blueprint("handlevej_widget", __name__)

        @widget.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok", "bundle": BUNDLE.exists()})

        @widget.route("/handlevej.js", methods=["GET"])
        async def bundle(_: Request) -> HTTPResponse:
            if not BUNDLE.exists():
                return response.text("widget not built: run scripts/setup.sh", status=404)
            return await response.file(
                str(BUNDLE), mime_type="application/javascript; charset=utf-8",
                headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"},
            )

        @widget.route("/demo", methods=["GET"])
        async def demo(_: Request) -> HTTPResponse:
            return await response.file(
                str(DEMO), mime_type="text/html; charset=utf-8",
                headers={**SECURITY_HEADERS, "Content-Security-Policy": DEMO_CSP},
            )

        return widget
