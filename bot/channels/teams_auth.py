"""Bot Framework authentication for the Teams channel, without blocking the event loop.

* ``JwtValidator`` checks the bearer token on every incoming activity: RS256
  signature with a key from the OpenID metadata's JWKS, issuer, audience (our app
  id), expiry with a small leeway, and the ``serviceurl`` claim against the
  activity. An unknown key id triggers one refresh of the keys (Microsoft rotates
  them). Any failure is an ``AuthError`` (the channel answers 401, never 5xx).
* ``TokenClient`` gets the bot's outgoing token with the client-credentials
  grant from the tenant's token endpoint (single-tenant) or the botframework.com
  tenant (multi-tenant), and caches it until shortly before it expires.

Both talk HTTP with aiohttp, fetch lazily and retry, so the Rasa server starts
even when Microsoft's endpoints are unreachable. Every URL is configuration.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import jwt

logger = logging.getLogger(__name__)

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"
DEFAULT_OPENID_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration"
DEFAULT_TOKEN_URL = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token"
DEFAULT_TOKEN_SCOPE = "https://api.botframework.com/.default"
MULTI_TENANT = "botframework.com"
LEEWAY_SECONDS = 300
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=10)
MIN_REFRESH_INTERVAL = 10.0  # seconds between key refreshes forced by unknown key ids


class AuthError(Exception):
    """The request is not authenticated (answer 401)."""


@dataclass
class JwtValidator:
    app_id: str
    tenant_id: str | None
    openid_metadata_url: str = DEFAULT_OPENID_METADATA_URL
    _keys: dict[str, Any] = field(default_factory=dict)
    _last_refresh: float = 0.0
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @property
    def issuers(self) -> list[str]:
        issuers = [BOT_FRAMEWORK_ISSUER]
        if self.tenant_id:
            issuers += [f"https://sts.windows.net/{self.tenant_id}/", f"https://login.microsoftonline.com/{self.tenant_id}/v2.0"]
        return issuers

    async def refresh_keys(self) -> None:
        """Fetch the OpenID metadata and its JWKS. Raises on network errors."""
        async with self._lock:
            async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session:
                async with session.get(self.openid_metadata_url) as resp:
                    resp.raise_for_status()
                    metadata = await resp.json(content_type=None)
                async with session.get(metadata["jwks_uri"]) as resp:
                    resp.raise_for_status()
                    jwks = await resp.json(content_type=None)
            keys = {}
            for entry in jwks.get("keys", []):
                if entry.get("kid") and entry.get("kty") == "RSA":
                    keys[entry["kid"]] = jwt.algorithms.RSAAlgorithm.from_jwk(json.dumps(entry))
            self._keys = keys
            self._last_refresh = time.monotonic()
            logger.info("Teams: loaded %d signing keys", len(keys))

    async def keep_keys_fresh(self, retry_seconds: float = 30.0) -> None:
        """Background task: load the keys, retrying until it works (start-up never fails)."""
        while not self._keys:
            try:
                await self.refresh_keys()
            except Exception as exc:  # noqa: BLE001 - any failure means: try again later
                logger.warning("Teams: could not load signing keys (%s); retrying in %.0f s", exc, retry_seconds)
                await asyncio.sleep(retry_seconds)

    async def _key_for(self, kid: str) -> Any:
        if kid not in self._keys and time.monotonic() - self._last_refresh > MIN_REFRESH_INTERVAL:
            try:
                await self.refresh_keys()
            except Exception as exc:  # noqa: BLE001
                raise AuthError(f"signing keys unavailable: {exc}") from exc
        if kid not in self._keys:
            raise AuthError("unknown signing key")
        return self._keys[kid]

    async def validate(self, authorization: str | None, service_url: str | None) -> dict[str, Any]:
        """Claims of a valid token, or ``AuthError``."""
        if not authorization or not authorization.startswith("Bearer "):
            raise AuthError("missing bearer token")
        token = authorization[len("Bearer "):].strip()
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise AuthError(f"malformed token: {exc}") from exc
        if header.get("alg") != "RS256":
            raise AuthError("unexpected algorithm")
        key = await self._key_for(header.get("kid", ""))
        try:
            claims = jwt.decode(
                token, key=key, algorithms=["RS256"], audience=self.app_id, issuer=self.issuers,
                leeway=LEEWAY_SECONDS, options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as exc:
            raise AuthError(str(exc)) from exc
        claimed_url = claims.get("serviceurl") or claims.get("serviceUrl")
        if claimed_url and service_url and claimed_url.rstrip("/") != service_url.rstrip("/"):
            raise AuthError("serviceUrl does not match the token")
        return claims


@dataclass
class TokenClient:
    app_id: str
    app_password: str
    tenant_id: str | None
    token_url: str = DEFAULT_TOKEN_URL
    scope: str = DEFAULT_TOKEN_SCOPE
    _token: str | None = None
    _expires: float = 0.0
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def url(self) -> str:
        return self.token_url.format(tenant=self.tenant_id or MULTI_TENANT)

    async def token(self) -> str:
        async with self._lock:
            if self._token and time.monotonic() < self._expires - 60:
                return self._token
            form = {"grant_type": "client_credentials", "client_id": self.app_id,
                    "client_secret": self.app_password, "scope": self.scope}
            async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session:
                async with session.post(self.url(), data=form) as resp:
                    body = await resp.json(content_type=None)
                    if resp.status != 200 or "access_token" not in body:
                        raise RuntimeError(f"token endpoint answered {resp.status}: {body.get('error', '')}")
            self._token = body["access_token"]
            self._expires = time.monotonic() + float(body.get("expires_in", 3600))
            return self._token
