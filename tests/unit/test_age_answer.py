"""A worry that states the age is read as the worry, an age answer stays an age answer."""

from __future__ import annotations

import pytest

from bot.nlu.age import detect_age_group, detect_bare_age
from bot.nlu.age_answer import as_age_answer, content_words, is_age_only, worry_ranking


def _ranker(name: str, confidence: float, seen: list[str] | None = None):
    def rank(text: str):
        if seen is not None:
            seen.append(text)
        return [{"name": name, "confidence": confidence}, {"name": "inform_age", "confidence": 0.05}]
    return rank


def _evidence(text: str):
    return detect_age_group(text) or detect_bare_age(text)


@pytest.mark.parametrize("answer", [
    "hun er 16",
    "en 15-årig pige",
    "han er lige fyldt femten, tror jeg",
    "hun går vist i 8. klasse",
    "Drengen er 12 år gammel",
    "she's about 14",
])
def test_an_age_answer_stays_an_age_answer_even_when_the_rest_looks_like_a_type(answer):
    assert worry_ranking(answer, _evidence(answer), _ranker("bekymring_ekstremisme", 0.9)) is None


@pytest.mark.parametrize(("text", "words"), [
    ("han ser IS-videoer, 15 år gammel", ["ser", "videoer"]),  # English "is" is filler
    ("far tjekker hans telefon. han er 15", ["far", "tjekker", "telefon"]),
    ("pigen på 9 år er slået", ["slaaet"]),
])
def test_content_words_leave_out_the_age_and_filler(text, words):
    rest = text[:_evidence(text).start] + text[_evidence(text).end:]
    assert content_words(rest) == words


def test_the_worry_beside_the_age_is_classified_without_the_age_phrase():
    seen: list[str] = []
    text = "far tjekker hans telefon. han er 15"
    ranking = worry_ranking(text, _evidence(text), _ranker("bekymring_negativ_social_kontrol", 0.7, seen))
    assert ranking is not None and ranking[0]["name"] == "bekymring_negativ_social_kontrol"
    assert seen and "15" not in seen[0] and "telefon" in seen[0]


@pytest.mark.parametrize(("name", "confidence"), [
    ("bekymring_uklar", 0.9),  # a vague remainder does not make it a worry
    ("bekymring_ekstremisme", 0.2),  # nor does a type the classifier is unsure of
    ("greet", 0.9),
])
def test_the_age_answer_is_kept_unless_the_rest_is_a_clear_type(name, confidence):
    text = "han ser IS-videoer, 15 år gammel"
    assert worry_ranking(text, _evidence(text), _ranker(name, confidence)) is None


def test_no_age_phrase_no_change():
    assert worry_ranking("han ser videoer", None, _ranker("bekymring_ekstremisme", 0.9)) is None


@pytest.mark.parametrize("text", ["en 15-årig pige", "baby på 6 uger", "Drengen er 12 år gammel", "hun er vist 67"])
def test_an_age_phrase_alone_is_an_age_answer(text):
    assert is_age_only(text, _evidence(text))


@pytest.mark.parametrize("text", ["Pige 15 med kønssygdom", "nazisymboler på værelset, 20 år", "tvangsgift, 17 år"])
def test_a_worry_word_beside_the_age_is_not_an_age_answer(text):
    assert not is_age_only(text, _evidence(text))


def test_an_age_answer_by_rule_puts_inform_age_first_once():
    ranking = [{"name": "bekymring_andet_overgreb", "confidence": 0.35}, {"name": "inform_age", "confidence": 0.2}]
    assert [r["name"] for r in as_age_answer(ranking)] == ["inform_age", "bekymring_andet_overgreb"]
