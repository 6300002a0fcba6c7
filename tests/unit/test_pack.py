"""The knowledge pack is validated by its schema and cross-reference checks."""

from __future__ import annotations

import copy

import pytest
import yaml

from bot.knowledge import CONCERN_KEYS, PACK_DIR, PackError, load_pack, load_pack_file, validate


@pytest.fixture()
def raw() -> dict:
    return yaml.safe_load((PACK_DIR / "allerod.yml").read_text(encoding="utf-8"))


def test_every_pack_in_the_folder_is_valid():
    packs = sorted(PACK_DIR.glob("*.yml"))
    assert packs, "no knowledge packs found"
    for path in packs:
        pack = load_pack_file(path)
        assert pack.key == path.stem


def test_allerod_has_a_procedure_for_every_concern_and_age(pack):
    for concern in CONCERN_KEYS:
        if concern == "uklar":
            continue
        for age in ("under18", "over18"):
            proc = pack.procedure(concern, age)
            assert proc["do_now"] and proc["notify"]["text"]


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d["contacts"]["modtagelsen"].pop("phone"), "intake contact must have a phone"),
        (lambda d: d["contacts"]["modtagelsen"].update(phone="48-100-100"), "does not match"),
        (lambda d: d["contacts"]["modtagelsen"].update(email="familier at alleroed"), "does not match"),
        (lambda d: d["procedures"]["udlandsophold"]["under18"]["contacts"].append("ukendt"), "unknown contact 'ukendt'"),
        (lambda d: d["procedures"].pop("ekstremisme"), "'ekstremisme' is a required property"),
        (lambda d: d["procedures"]["tvangsaegteskab"].pop("over18"), "'over18' is a required property"),
        (lambda d: d["texts"].update(intake_open="Åben til {closing}"), "unknown placeholders ['closing']"),
        (lambda d: d["intake"]["phone_hours"].append({"weekday": 4, "opens": "17:00", "closes": "08:00"}), "close before they open"),
        (lambda d: d["acute"].update(emergency_number="113"), "'112' was expected"),
        (lambda d: d["faq"].pop("press"), "'press' is a required property"),
    ],
)
def test_broken_packs_are_refused(raw, mutate, message):
    broken = copy.deepcopy(raw)
    mutate(broken)
    with pytest.raises(PackError, match=message.replace("[", r"\[").replace("]", r"\]").replace("(", r"\(")):
        validate(broken)


def test_a_second_municipality_is_one_file(tmp_path, raw, monkeypatch):
    other = copy.deepcopy(raw)
    other["kommune"].update(key="testby", name="Testby Kommune")
    (tmp_path / "testby.yml").write_text(yaml.safe_dump(other, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr("bot.knowledge.PACK_DIR", tmp_path)
    monkeypatch.setenv("HANDLEVEJ_KOMMUNE", "testby")
    load_pack.cache_clear()
    try:
        assert load_pack().name == "Testby Kommune"
    finally:
        load_pack.cache_clear()


def test_unknown_municipality_is_a_clear_error(monkeypatch):
    load_pack.cache_clear()
    with pytest.raises(PackError, match="no knowledge pack"):
        load_pack("findesikke")
    with pytest.raises(PackError, match="invalid municipality key"):
        load_pack("../etc/passwd")


def test_the_intake_email_spelling_choice_is_recorded(pack):
    notes = {n["id"]: n for n in pack.data["source_notes"]}
    note = notes["intake_email_spelling"]
    assert pack.intake["email"] == "familier@alleroed.dk"
    assert "familier@allerod.dk" in note["alternatives"]
    assert "alleroed.dk" in note["reason"]
