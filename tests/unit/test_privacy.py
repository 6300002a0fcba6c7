"""Personal data typed by a user is masked before anything stores or logs it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.privacy import MASKS, scrub

DATA = yaml.safe_load((Path(__file__).resolve().parents[1] / "privacy" / "personal_data.yml").read_text(encoding="utf-8"))
CASES = DATA["cases"]


def test_the_set_is_big_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_personal_data_is_masked(case):
    result = scrub(case["text"])
    assert case["secret"] not in result.text, result.text
    assert case["kind"] in result.found
    assert MASKS[case["kind"]] in result.text


@pytest.mark.parametrize("text", DATA["keep"])
def test_look_alikes_that_matter_are_kept(text):
    result = scrub(text)
    assert result.text == text and not result.found


def test_the_rest_of_the_message_survives():
    result = scrub("Pigen hedder Amira Hassan og tør ikke tage hjem i aften, ring 23 45 67 89")
    assert result.text == "Pigen hedder [navn] og tør ikke tage hjem i aften, ring [telefon]"


def test_a_person_next_to_a_public_name_is_still_masked():
    result = scrub("Hun har fået en besked fra Ahmed Ali i Sri Lanka")
    assert "Ahmed Ali" not in result.text and "Sri Lanka" in result.text and "navn" in result.found


def test_a_broken_first_name_file_is_refused(tmp_path, monkeypatch):
    import bot.privacy as privacy

    bad = tmp_path / "first_names.yml"
    bad.write_text("version: 1\nnames: [Fatima, 'Anne Marie']\n", encoding="utf-8")
    monkeypatch.setattr(privacy, "FIRST_NAMES_FILE", bad)
    privacy._first_names.cache_clear()
    try:
        with pytest.raises(ValueError, match="single capitalised names"):
            privacy._first_names()
    finally:
        privacy._first_names.cache_clear()
