"""Load and validate a municipality's knowledge pack (``bot/kommuner/<key>.yml``).

The pack is the only place municipal content lives. It is checked against
``bot/pack_schema.json`` and for internal consistency (every referenced contact
exists, every template only uses known placeholders) when it is loaded, so a
broken pack stops the action server at start-up instead of in a conversation.
"""

from __future__ import annotations

import json
import os
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

PACK_DIR = Path(__file__).resolve().parent / "kommuner"
SCHEMA_PATH = Path(__file__).resolve().parent / "pack_schema.json"
DEFAULT_KOMMUNE = "allerod"
KOMMUNE_ENV = "HANDLEVEJ_KOMMUNE"

CONCERN_KEYS = (
    "negativ_social_kontrol",
    "aeresrelateret_vold",
    "tvangsaegteskab",
    "udlandsophold",
    "ekstremisme",
    "andet_overgreb",
    "uklar",
)
AGE_GROUPS = ("under18", "over18")

# Placeholders each template may use; anything else is a pack error.
TEMPLATE_FIELDS: dict[str, set[str]] = {
    "concern_understood": {"label", "description"},
    "procedure_heading": {"label", "age_label"},
    "separate_plan": {"plan"},
    "contact_phone": {"phone"},
    "contact_email": {"email"},
    "contact_url": {"url"},
    "contact_app": {"app"},
    "contact_hours": {"hours"},
    "intake_open": {"name", "closes"},
    "intake_closed": {"name", "next_day", "next_opens", "email", "after_hours_name", "after_hours_phone"},
    "next_step": {"name", "phone"},
    "input_too_long": {"max_chars"},
    "input_error": {"intake_phone"},
}


class PackError(ValueError):
    """The knowledge pack is missing, invalid or inconsistent."""


@dataclass(frozen=True)
class Pack:
    """A validated knowledge pack. ``data`` is the parsed YAML."""

    data: dict[str, Any]

    @property
    def key(self) -> str:
        return self.data["kommune"]["key"]

    @property
    def name(self) -> str:
        return self.data["kommune"]["name"]

    @property
    def timezone(self) -> str:
        return self.data["kommune"]["timezone"]

    @property
    def texts(self) -> dict[str, Any]:
        return self.data["texts"]

    def contact(self, key: str) -> dict[str, Any]:
        return self.data["contacts"][key]

    @property
    def intake(self) -> dict[str, Any]:
        return self.contact(self.data["intake"]["contact"])

    @property
    def after_hours(self) -> dict[str, Any]:
        return self.contact(self.data["intake"]["after_hours_contact"])

    def concern(self, key: str) -> dict[str, str]:
        return self.data["concerns"][key]

    def procedure(self, concern: str, age_group: str) -> dict[str, Any]:
        return self.data["procedures"][concern][age_group]

    def faq(self, topic: str) -> dict[str, Any]:
        return self.data["faq"][topic]

    def all_phone_numbers(self) -> set[str]:
        return {c["phone"] for c in self.data["contacts"].values() if "phone" in c}

    def all_emails(self) -> set[str]:
        return {c["email"] for c in self.data["contacts"].values() if "email" in c}


def selected_kommune() -> str:
    """The configured municipality (env ``HANDLEVEJ_KOMMUNE``, default Allerød)."""
    return os.environ.get(KOMMUNE_ENV, DEFAULT_KOMMUNE).strip() or DEFAULT_KOMMUNE


def pack_path(kommune: str) -> Path:
    if not re.fullmatch(r"[a-z0-9_]+", kommune):
        raise PackError(f"invalid municipality key {kommune!r}")
    return PACK_DIR / f"{kommune}.yml"


def _template_errors(texts: dict[str, Any]) -> list[str]:
    errors = []
    for key, allowed in TEMPLATE_FIELDS.items():
        fields = {name for _, name, _, _ in string.Formatter().parse(texts[key]) if name}
        unknown = fields - allowed
        if unknown:
            errors.append(f"texts.{key} uses unknown placeholders {sorted(unknown)}")
    return errors


def consistency_errors(data: dict[str, Any]) -> list[str]:
    """Cross-reference checks that JSON Schema cannot express."""
    contacts = data["contacts"]
    errors = []

    def need(key: str, where: str) -> None:
        if key not in contacts:
            errors.append(f"{where} refers to unknown contact {key!r}")

    need(data["intake"]["contact"], "intake.contact")
    need(data["intake"]["after_hours_contact"], "intake.after_hours_contact")
    need(data["acute"]["after_hours_contact"], "acute.after_hours_contact")
    if "phone" not in contacts.get(data["intake"]["contact"], {}):
        errors.append("the intake contact must have a phone number")
    for concern, by_age in data["procedures"].items():
        for age, proc in by_age.items():
            for key in proc["contacts"]:
                need(key, f"procedures.{concern}.{age}")
    for topic, entry in data["faq"].items():
        for key in entry.get("contacts", []):
            need(key, f"faq.{topic}")
    for slot in data["intake"]["phone_hours"]:
        if slot["opens"] >= slot["closes"]:
            errors.append(f"phone hours {slot} close before they open")
    errors.extend(_template_errors(data["texts"]))
    return errors


def validate(data: Any) -> None:
    """Raise :class:`PackError` unless ``data`` is a valid, consistent pack."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError as exc:
        location = "/".join(str(p) for p in exc.absolute_path) or "<root>"
        raise PackError(f"{location}: {exc.message}") from exc
    errors = consistency_errors(data)
    if errors:
        raise PackError("; ".join(errors))


def load_pack_file(path: Path) -> Pack:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PackError(f"no knowledge pack at {path}") from exc
    validate(data)
    return Pack(data)


@lru_cache(maxsize=8)
def load_pack(kommune: str | None = None) -> Pack:
    """Load (once per process) the pack for ``kommune`` or the configured one."""
    key = kommune or selected_kommune()
    pack = load_pack_file(pack_path(key))
    if pack.key != key:
        raise PackError(f"{pack_path(key).name} declares kommune.key={pack.key!r}")
    return pack
