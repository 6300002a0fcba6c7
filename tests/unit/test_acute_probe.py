"""Acute answers beside harmless words: the probe in acute_probe.yml (see its header)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.nlu.components import signal_entities

PROBE = yaml.safe_load((Path(__file__).with_name("acute_probe.yml")).read_text(encoding="utf-8"))
ACUTE_ENTITIES = {"akut_signal", "akut_mulig"}


def _alerts(text: str) -> bool:
    return bool(ACUTE_ENTITIES & {e["entity"] for e in signal_entities(text)})


@pytest.mark.parametrize("text", PROBE["acute"])
def test_acute_message_beside_a_harmless_word_gets_the_acute_answer(text):
    assert _alerts(text)


@pytest.mark.parametrize("text", PROBE["calm"])
def test_calm_message_with_violent_sounding_words_gets_no_acute_answer(text):
    assert not _alerts(text)
