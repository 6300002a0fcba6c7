"""A family-risk worry read from the words of a question (bot/nlu/family_risk.yml)."""

from __future__ import annotations

import pytest

from actions import actions
from bot.nlu import family_risk
from bot.nlu.family_risk import family_risk_concern


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        ("Må jeg ringe til forældrene, hvis jeg tror, hun skal sendes til Somalia?", "udlandsophold"),
        ("Kan jeg tale med mor om det? Jeg er bange for, at han bliver sendt ned til sin farmor.", "udlandsophold"),
        ("Skal jeg ringe til far? Hun er ikke kommet hjem efter sommerferien.", "udlandsophold"),
        ("Må jeg kontakte familien, hvis det er en genopdragelsesrejse?", "udlandsophold"),
        ("Må jeg ringe hjem, hvis jeg tror, hun skal giftes med sin fætter?", "tvangsaegteskab"),
        ("Kan jeg sige det til forældrene, hvis det er tvangsægteskab?", "tvangsaegteskab"),
        ("Må jeg tale med far om det, hvis jeg tror, det er æresrelateret?", "aeresrelateret_vold"),
    ],
)
def test_a_question_that_names_a_family_risk_worry_gets_that_worry(text, concern):
    assert family_risk_concern(text) == concern


@pytest.mark.parametrize(
    "text",
    [
        "Må jeg ringe til forældrene om hans fravær?",
        "Hun har sendt en besked til sin mor. Må jeg ringe til far?",
        "Må jeg ringe til far? Han blev sendt hjem fra lejrskolen.",
        "Må jeg ringe til forældrene? Hun skal ikke sendes nogen steder, hun er bare ked af det.",
        "Skal jeg kontakte mor? Der er ingen, der skal giftes, det handler om hendes venner.",
    ],
)
def test_no_family_risk_worry_in_other_or_denied_wording(text):
    assert family_risk_concern(text) is None


def test_the_worded_worry_decides_the_parents_answer_over_a_low_ranking():
    # The ranking alone ranks the stay abroad far too low; the words in the question decide.
    latest = {"text": "Må jeg ringe til forældrene, hvis jeg tror, hun skal sendes til Somalia?",
              "intent_ranking": [{"name": "faq_tell_parents", "confidence": 0.86},
                                 {"name": "bekymring_uklar", "confidence": 0.07},
                                 {"name": "bekymring_udlandsophold", "confidence": 0.067}]}
    assert actions.concern_hint(latest) == "udlandsophold"


def test_a_broken_pattern_file_is_refused(tmp_path, monkeypatch):
    bad = tmp_path / "family_risk.yml"
    bad.write_text("version: 1\nconcerns:\n  udlandsophold: ['x']\n  tvangsaegteskab: []\n", encoding="utf-8")
    monkeypatch.setattr(family_risk, "PATTERN_FILE", bad)
    family_risk._patterns.cache_clear()
    try:
        with pytest.raises(ValueError, match="tvangsaegteskab"):
            family_risk._patterns()
    finally:
        family_risk._patterns.cache_clear()
