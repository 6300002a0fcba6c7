"""Safety invariant: every phone number and e-mail the bot can show equals source 001."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from actions import messages
from tests.conftest import digits

PHONE = re.compile(r"(?<!\d)(?:\+45\s?)?\d(?:[ ]?\d){2,9}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Numbers that are not phone numbers: hours, deadlines, ages, paragraphs.
NOT_PHONES = {"24", "6", "18", "12", "17", "8", "112", "114", "2024", "27", "28", "49", "15", "3", "14", "2"}


def _phone_numbers(text: str) -> set[str]:
    found = set()
    for match in PHONE.finditer(text):
        value = digits(match.group())
        if value not in NOT_PHONES and len(value) >= 6:
            found.add(value)
    return found


def _source_phone_digits(source: str) -> set[str]:
    # The OCR prints numbers with varying spaces ("4927 1448", "4927 14 48", "7011 62 63").
    return {digits(m.group()) for m in re.finditer(r"\d[\d ]{4,12}\d", source)}


def _all_bot_text(pack, rendered_domain_text) -> str:
    now = datetime(2026, 11, 23, 13, 0, tzinfo=timezone.utc)
    parts = [rendered_domain_text]
    for concern in messages.PROCEDURE_CONCERNS:
        for age in ("under18", "over18"):
            for acute in (False, True):
                parts += [m.get("text", "") for m in messages.procedure_messages(pack, concern, age, acute, now)]
    for topic in pack.data["faq"]:
        for concern in (None, *messages.PROCEDURE_CONCERNS):
            parts += [m["text"] for m in messages.faq_messages(pack, topic, concern, now)]
    return "\n".join(parts)


def test_every_contact_phone_is_printed_in_the_source(pack, source_001):
    source_numbers = _source_phone_digits(source_001)
    for key, contact in pack.data["contacts"].items():
        if "phone" in contact:
            assert digits(contact["phone"]) in source_numbers, f"{key}: {contact['phone']} is not in source 001"


def test_every_contact_email_is_printed_in_the_source(pack, source_001):
    for key, contact in pack.data["contacts"].items():
        if "email" in contact:
            assert contact["email"] in source_001, f"{key}: {contact['email']} is not in source 001"


def test_every_number_and_email_the_bot_can_say_is_in_the_source(pack, rendered_domain_text, source_001):
    text = _all_bot_text(pack, rendered_domain_text)
    source_numbers = _source_phone_digits(source_001)
    unknown_phones = {n for n in _phone_numbers(text) if n not in source_numbers}
    assert not unknown_phones, f"numbers not in source 001: {sorted(unknown_phones)}"
    unknown_emails = {e for e in EMAIL.findall(text) if e not in source_001}
    assert not unknown_emails, f"e-mails not in source 001: {sorted(unknown_emails)}"


def test_key_numbers_match_the_source_exactly(pack, source_001):
    # The numbers a worried professional needs most, checked one by one.
    assert digits(pack.intake["phone"]) == "48100100"
    assert digits(pack.after_hours["phone"]) == "49271448"
    assert pack.data["acute"]["emergency_number"] == "112" and "112" in source_001
    assert pack.data["acute"]["police_number"] == "114" and "114" in source_001
    assert "Mandag 12-17" in source_001 and "Tirsdag 8-12" in source_001 and "Torsdag 12-17" in source_001
    hours = [(s["weekday"], s["opens"], s["closes"]) for s in pack.data["intake"]["phone_hours"]]
    assert hours == [(0, "12:00", "17:00"), (1, "08:00", "12:00"), (3, "12:00", "17:00")]
    assert "24 timer" in source_001 and pack.data["notification"]["assessment_hours"] == 24
    assert "6 hverdage" in source_001 and pack.data["notification"]["receipt_weekdays"] == 6


def test_the_phone_check_would_catch_a_wrong_number(pack, rendered_domain_text, source_001):
    wrong = rendered_domain_text.replace("4927 1448", "4927 1449")
    assert "49271449" in {n for n in _phone_numbers(wrong) if n not in _source_phone_digits(source_001)}
