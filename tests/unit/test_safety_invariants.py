"""Safety invariants (DEVELOPERS.md): acute answer without the action server, and a child
stay-abroad case never advises contacting the parents."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import yaml

from actions import messages

NOW = datetime(2026, 11, 23, 13, 0, tzinfo=timezone.utc)
# A sentence that tells the user to contact, call, tell or involve the parents/family.
CONTACT_PARENTS = re.compile(
    r"\b(kontakt\w*|ring\w*|tal\w*|fortæl\w*|informér\w*|informer\w*|orienter\w*|inddrag\w*|samtale\w*|skriv\w*|spørg\w*|"
    r"konfrontér\w*|konfronter\w*)\b[^.!?]{0,40}\b(forældre\w*|familie\w*|moren|faren|mor|far)\b",
    re.IGNORECASE,
)
NEGATION = re.compile(r"\b(ikke|aldrig|undgå|nej)\b", re.IGNORECASE)


def test_acute_answer_is_a_static_domain_response(rendered_domain_text):
    domain = yaml.safe_load(rendered_domain_text)
    assert "utter_akut" not in domain["actions"], "must not be a custom action"
    variants = domain["responses"]["utter_akut"]
    for variant in variants:
        text = variant["text"]
        assert "112" in text and "114" in text
        assert "Social Døgnvagt via Nordsjællands Politi" in text and "4927 1448" in text
        assert variant["custom"] == {"kind": "akut"}
        assert "@@" not in text


def test_acute_answer_is_in_the_trained_policy_config(root):
    config = yaml.safe_load((root / "config.yml").read_text(encoding="utf-8"))
    names = [p["name"] for p in config["policies"]]
    assert names[0] == "bot.policies.AcuteFirstRulePolicy"


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?:])\s+|\n", text) if s.strip()]


def _advises_contacting_parents(text: str) -> list[str]:
    text = re.sub(r"\S+@\S+", "<mail>", text)
    return [s for s in _sentences(text) if CONTACT_PARENTS.search(s) and not NEGATION.search(s)]


def test_child_stay_abroad_never_advises_contacting_the_parents(pack):
    shown = messages.procedure_messages(pack, "udlandsophold", "under18", False, NOW)
    shown += messages.procedure_messages(pack, "udlandsophold", "under18", True, NOW)
    for topic in pack.data["faq"]:
        shown += messages.faq_messages(pack, topic, "udlandsophold", NOW)
    offending = [s for m in shown for s in _advises_contacting_parents(m.get("text") or "")]
    assert not offending, offending
    body = "\n".join(m.get("text") or "" for m in shown)
    assert "ikke kontakte forældrene" in body or "ikke forældrene" in body


def test_the_parents_check_would_catch_bad_advice():
    assert _advises_contacting_parents("Ring til forældrene og fortæl om bekymringen.")
    assert _advises_contacting_parents("Tag en samtale med familien om rejsen.")
    assert not _advises_contacting_parents("Kontakt som udgangspunkt ikke forældrene.")
