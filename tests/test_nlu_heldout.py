"""Held-out NLU quality floors (the full report: `make evaluate`).

The floors are set below the measured figures so that a real regression fails
the suite; the report in build/nlu-report/ shows the current numbers. The top-level
figures are round 1 with the rules alone (where the floors were first set); the
`heldout` part covers every open round with the acute path the bot uses.
"""

from __future__ import annotations

import pytest

from tests.nlu import evaluate

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(model_path, root):
    return evaluate.run(model_path, root / "build" / "nlu-report")


def test_concern_types_macro_f1(report):
    assert report["intents"]["macro_f1"] >= 0.90, evaluate.markdown(report)


def test_no_concern_type_collapses(report):
    worst = min(s["f1"] for s in report["intents"]["per_intent"].values())
    assert worst >= 0.80, evaluate.markdown(report)


def test_acute_signals_are_not_missed(report):
    acute = report["acute"]
    assert acute["recall"] >= 0.95, acute["misses"]
    assert acute["false_alarm_rate"] <= 0.15, acute["false_alarms"]


def test_age_group_where_stated(report):
    assert report["age"]["accuracy_stated"] >= 0.95, report["age"]["errors"]


def test_the_bots_acute_path_catches_the_open_rounds(report):
    """Rules + acute classifier, as the bot answers (every open round; sealed rounds are never asserted on)."""
    acute = report["heldout"]["acute"]
    assert acute["n_acute"] >= 100
    assert acute["recall"] >= 0.98, acute["misses"]
    assert acute["false_alarm_rate"] <= 0.15, acute["false_alarms"]


def test_concern_types_meet_the_target_on_the_open_rounds(report):
    """Issue 5's targets (macro F1 >= 0.92, no concern type below 0.85) on every open round."""
    intents = report["heldout"]["intents"]
    assert intents["macro_f1"] >= 0.92, intents["per_intent"]
    assert min(s["f1"] for s in intents["per_intent"].values()) >= 0.85, intents["per_intent"]


def test_age_group_in_the_open_rounds(report):
    age = report["heldout"]["age"]
    assert age["accuracy_stated"] >= 0.97, age["errors"]
