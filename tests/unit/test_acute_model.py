"""The acute classifier: its examples file is checked, and it catches indirect danger the rules miss."""

from __future__ import annotations

import pytest

from bot.nlu.acute import detect_acute
from bot.nlu.acute_model import acute_classifier, load_examples
from bot.nlu.components import signal_entities


def _kinds(text: str) -> list[str]:
    return [e["entity"] for e in signal_entities(text)]


def test_examples_file_is_valid_and_balanced():
    examples = load_examples()
    assert 0 < examples.threshold < 1
    assert sum(examples.labels) >= 300 and len(examples.labels) - sum(examples.labels) >= 300
    assert len(examples.extra_negatives) > 300  # everyday worries from data/nlu


@pytest.mark.parametrize("broken", [
    "examples: []\n",  # no threshold
    "threshold: 2\nexamples:\n- {text: a, akut: true}\n- {text: b, akut: false}\n",
    "threshold: 0.3\nexamples:\n- {text: a, akut: ja}\n",
    "threshold: 0.3\nexamples:\n- {text: a, akut: true}\n",  # one class only
])
def test_a_broken_examples_file_stops_the_bot(tmp_path, broken):
    path = tmp_path / "akut.yml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ValueError):
        load_examples(path)


@pytest.mark.parametrize("text", [
    "Hun har lige ringet fra en tankstation og siger, at hendes brødre kører rundt og leder efter hende",
    "Han sidder oppe på skolens tag og vil ikke komme ned",
    "hendes far holder hende fast i armen ude på parkeringspladsen og råber ad hende",
])
def test_indirect_danger_gets_the_acute_answer_then_the_question(text):
    assert not detect_acute(text).acute  # the rules alone would miss it
    assert "akut_mulig" in _kinds(text)  # 112 first; the urgency question is still asked
    assert "akut_signal" not in _kinds(text)


@pytest.mark.parametrize("text", [
    "Hun er ked af det, fordi hun ikke må gå til fodbold",
    "Må jeg fortælle forældrene om min bekymring?",
    "Vi så en film om krigen i historietimen i dag",
])
def test_everyday_worries_are_not_flagged(text):
    assert not {"akut_mulig", "akut_signal"} & set(_kinds(text))


@pytest.mark.parametrize("text", ["nej, ingen er i fare lige nu", "ikke i fare lige nu", "nej", "hun er 15"])
def test_answers_that_deny_danger_are_never_overruled(text):
    assert "akut_mulig" not in _kinds(text)


def test_rules_still_decide_explicit_danger():
    assert "akut_signal" in _kinds("Faren har truet med at slå hende ihjel, hvis hun kommer hjem i aften")
    assert acute_classifier().probability("Faren har truet med at slå hende ihjel i aften") > 0.5


@pytest.mark.parametrize("answer", ["nej, ikke lige nu", "Nej ikke lige nu.", "nej, der er ingen i fare lige nu",
                                    "nej hun er ikke i fare lige nu"])
def test_no_to_the_danger_question_is_not_called_possibly_acute(answer):
    # "lige nu" is in so many acute examples that the plain answer scored 0.86 and got the 112 banner.
    assert not any(e["entity"] in ("akut_mulig", "akut_signal") for e in signal_entities(answer))
