"""Held-out NLU quality floors (the full report: `make evaluate`).

The floors are set below the measured figures so that a real regression fails
the suite; the report in build/nlu-report/ shows the current numbers.
"""

from __future__ import annotations

import pytest

from tests.nlu import evaluate

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(model_path, root):
    return evaluate.run(model_path, root / "build" / "nlu-report")


def test_concern_types_macro_f1(report):
    assert report["intents"]["macro_f1"] >= 0.80, evaluate.markdown(report)


def test_no_concern_type_collapses(report):
    worst = min(s["f1"] for s in report["intents"]["per_intent"].values())
    assert worst >= 0.65, evaluate.markdown(report)


def test_acute_signals_are_not_missed(report):
    acute = report["acute"]
    assert acute["recall"] >= 0.95, acute["misses"]
    assert acute["false_alarm_rate"] <= 0.15, acute["false_alarms"]


def test_age_group_where_stated(report):
    assert report["age"]["accuracy_stated"] >= 0.95, report["age"]["errors"]
