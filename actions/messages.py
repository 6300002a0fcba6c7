"""Build the bot's messages from the knowledge pack.

Pure functions (pack + facts in, list of message dicts out) so the tests can
check exactly what a user reads without a running server. Every word shown to
the user comes from the pack; this module only arranges it.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Iterable

from bot.knowledge import Pack
from bot.opening_hours import PhoneSlot, format_clock, phone_status

Message = dict[str, Any]
BULLET = "• "
CONCERN_PAYLOAD = '/choose_concern{{"concern":"{key}"}}'
PROCEDURE_CONCERNS = (
    "negativ_social_kontrol",
    "aeresrelateret_vold",
    "tvangsaegteskab",
    "udlandsophold",
    "ekstremisme",
    "andet_overgreb",
)


_LEADER_STEP = re.compile(r"\b(?:med|til)\s+din\s+(?:nærmeste\s+)?leder\b", re.IGNORECASE)

def _bullets(lines: Iterable[str]) -> str:
    return "\n".join(BULLET + line for line in lines)


def concern_buttons(pack: Pack, exclude: str | None = None) -> list[dict[str, str]]:
    return [
        {"title": pack.concern(key)["label"], "payload": CONCERN_PAYLOAD.format(key=key)}
        for key in PROCEDURE_CONCERNS
        if key != exclude
    ]


def concern_understood(pack: Pack, concern: str) -> list[Message]:
    """'I understood X' plus buttons to correct it."""
    info = pack.concern(concern)
    text = pack.texts["concern_understood"].format(label=info["label"], description=info["description"])
    return [{"text": text, "buttons": concern_buttons(pack, exclude=concern)}]


def question(pack: Pack, slot: str) -> list[Message]:
    entry = pack.data["questions"][slot]
    return [{"text": entry["text"], "buttons": [dict(b) for b in entry["buttons"]]}]


def choose_concern(pack: Pack) -> list[Message]:
    return [{"text": pack.texts["concern_buttons_intro"], "buttons": concern_buttons(pack)}]


def contact_line(pack: Pack, key: str) -> str:
    contact = pack.contact(key)
    t = pack.texts
    parts = []
    if "phone" in contact:
        parts.append(t["contact_phone"].format(phone=contact["phone"]))
    if "email" in contact:
        parts.append(t["contact_email"].format(email=contact["email"]))
    if "url" in contact:
        parts.append(t["contact_url"].format(url=contact["url"]))
    if "app" in contact:
        parts.append(t["contact_app"].format(app=contact["app"]))
    line = f"{contact['name']} – {contact['role']}: {', '.join(parts)}."
    if "hours" in contact:
        line += " " + t["contact_hours"].format(hours=contact["hours"])
    return line


def intake_status(pack: Pack, now: datetime) -> str:
    """Whether the intake phone is open at ``now`` and, if not, the after-hours route."""
    slots = [PhoneSlot.from_pack(s) for s in pack.data["intake"]["phone_hours"]]
    status = phone_status(slots, now, pack.timezone)
    intake, after = pack.intake, pack.after_hours
    name = intake.get("short_name", intake["name"])
    if status.is_open:
        return pack.texts["intake_open"].format(name=name, closes=format_clock(status.closes))
    return pack.texts["intake_closed"].format(
        name=name,
        next_day=pack.texts["weekdays"][status.next_weekday],
        next_opens=format_clock(status.next_opens),
        email=intake.get("email", ""),
        after_hours_name=after["name"],
        after_hours_phone=after["phone"],
    )


def contacts_block(pack: Pack, keys: Iterable[str], now: datetime) -> str:
    return "\n".join([pack.texts["contacts_heading"], _bullets(contact_line(pack, k) for k in keys), intake_status(pack, now)])


def procedure_messages(pack: Pack, concern: str, age_group: str, acute: bool, now: datetime) -> list[Message]:
    """The procedure answer: do now, avoid, notify, contacts, and the widget payload."""
    proc = pack.procedure(concern, age_group)
    t = pack.texts
    heading = t["procedure_heading"].format(label=pack.concern(concern)["label"], age_label=pack.data["age_groups"][age_group])
    intro = [heading, proc["summary"]]
    if acute:
        intro.append(t["acute_followup"])
    # The general "talk to your leader" step comes first, unless the procedure already has its own leader step.
    own_leader_step = any(_LEADER_STEP.search(step) for step in proc["do_now"])
    steps = [*([] if own_leader_step else [t["leader_step"]]), *proc["do_now"]]
    messages: list[Message] = [{"text": "\n".join(intro) + "\n\n" + t["do_now_heading"] + "\n" + _bullets(steps)}]
    if proc["avoid"]:
        messages.append({"text": t["avoid_heading"] + "\n" + _bullets(proc["avoid"])})
    notify = [t["notify_heading"], proc["notify"]["text"], pack.data["after_notification"][age_group]]
    if "separate_plan" in proc:
        notify.append(t["separate_plan"].format(plan=proc["separate_plan"]))
    messages.append({"text": "\n".join(notify)})
    contacts = list(dict.fromkeys([pack.data["intake"]["contact"], *proc["contacts"]]))
    messages.append({"text": contacts_block(pack, contacts, now)})
    messages.append(
        {"custom": {"kind": "procedure", "concern": concern, "age_group": age_group, "acute": bool(acute), "kommune": pack.key}}
    )
    return messages


def faq_messages(pack: Pack, topic: str, concern: str | None, now: datetime) -> list[Message]:
    entry = pack.faq(topic)
    text = entry.get("by_concern", {}).get(concern or "", entry["text"])
    messages: list[Message] = [{"text": text}]
    if entry.get("contacts"):
        messages.append({"text": contacts_block(pack, entry["contacts"], now)})
    return messages


def affirmation_messages(pack: Pack, ranking: list[dict[str, Any]], limit: int = 3) -> list[Message]:
    """Buttons for the likeliest intents, in readable Danish, plus 'something else'."""
    labels = pack.texts["intent_labels"]
    buttons = []
    for entry in ranking:
        name = entry.get("name") or ""
        if name.startswith("bekymring_") and name[len("bekymring_"):] in PROCEDURE_CONCERNS:
            title = pack.concern(name[len("bekymring_"):])["label"]
        elif name in labels:
            title = labels[name]
        else:
            continue
        buttons.append({"title": title, "payload": f"/{name}"})
        if len(buttons) == limit:
            break
    buttons.append({"title": pack.texts["affirmation_other"], "payload": "/out_of_scope"})
    return [{"text": pack.texts["affirmation_question"], "buttons": buttons}]
