"""A loopback stand-in for Microsoft's endpoints: OpenID metadata + JWKS, the token
endpoint and the Bot Connector activities API. Tokens are signed with keys made here."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import jwt
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.e2e.servers import free_port

APP_ID = "00000000-0000-0000-0000-0000000000aa"
TENANT = "11111111-2222-3333-4444-555555555555"
SECRET = "test-secret"


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class StandIn:
    keys: dict[str, rsa.RSAPrivateKey] = field(default_factory=lambda: {"key-1": new_key()})
    activities: list[dict[str, Any]] = field(default_factory=list)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    port: int = field(default_factory=free_port)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def token(self, kid: str = "key-1", key: rsa.RSAPrivateKey | None = None, **claims: Any) -> str:
        now = int(time.time())
        body = {"iss": "https://api.botframework.com", "aud": APP_ID, "iat": now, "nbf": now, "exp": now + 3600,
                "serviceurl": self.url}
        body.update(claims)
        return jwt.encode(body, key or self.keys[kid], algorithm="RS256", headers={"kid": kid})

    def credentials(self) -> dict[str, Any]:
        return {"app_id": APP_ID, "app_password": SECRET, "tenant_id": TENANT,
                "openid_metadata_url": f"{self.url}/openid", "token_url": f"{self.url}/{{tenant}}/oauth2/v2.0/token"}

    def _app(self) -> web.Application:
        async def openid(_: web.Request) -> web.Response:
            return web.json_response({"issuer": "https://api.botframework.com", "jwks_uri": f"{self.url}/keys"})

        async def keys(_: web.Request) -> web.Response:
            entries = []
            for kid, key in self.keys.items():
                entry = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
                entry.update(kid=kid, use="sig")
                entries.append(entry)
            return web.json_response({"keys": entries})

        async def token(request: web.Request) -> web.Response:
            form = dict(await request.post())
            self.token_requests.append({"tenant": request.match_info["tenant"], **form})
            if form.get("client_secret") != SECRET:
                return web.json_response({"error": "invalid_client"}, status=401)
            return web.json_response({"access_token": "standin-access-token", "expires_in": 3600, "token_type": "Bearer"})

        async def activity(request: web.Request) -> web.Response:
            self.activities.append({"auth": request.headers.get("Authorization"), "body": await request.json(),
                                    "conversation": request.match_info["conversation"]})
            return web.json_response({"id": f"reply-{len(self.activities)}"})

        app = web.Application()
        app.router.add_get("/openid", openid)
        app.router.add_get("/keys", keys)
        app.router.add_post("/{tenant}/oauth2/v2.0/token", token)
        app.router.add_post("/v3/conversations/{conversation}/activities/{activity}", activity)
        return app

    def start(self) -> None:
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            runner = web.AppRunner(self._app())
            loop.run_until_complete(runner.setup())
            loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", self.port).start())
            ready.set()
            loop.run_forever()

        threading.Thread(target=run, daemon=True).start()
        ready.wait(10)
