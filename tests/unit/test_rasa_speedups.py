"""The cached action-response validator accepts and refuses exactly what Rasa's own does."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError

GOOD = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "age_group", "value": "under18"}],
     "responses": [{"text": "Ring til Modtagelsen på 48 100 100.", "buttons": [], "custom": {"procedure": "x"}}]},
    {"events": [{"event": "followup", "name": "action_listen"}]},
]
BAD = [
    {"events": [{"name": "age_group"}], "responses": []},  # an event without "event"
    {"events": "not a list"},
    {"events": [], "responses": "not a list"},
]


@pytest.fixture(scope="module")
def validators():
    import rasa.core.actions.action as rasa_action

    original = rasa_action.RemoteAction._validate_action_result
    from bot.rasa_speedups import cache_action_response_validator

    cache_action_response_validator()
    cached = rasa_action.RemoteAction._validate_action_result
    rasa_action.RemoteAction._validate_action_result = original
    action = rasa_action.RemoteAction("action_procedure", None)
    yield action, original, cached
    rasa_action.RemoteAction._validate_action_result = original


@pytest.mark.parametrize("result", GOOD)
def test_a_valid_action_response_is_accepted(validators, result):
    action, original, cached = validators
    assert original(action, result) is True
    assert cached(action, result) is True


@pytest.mark.parametrize("result", BAD)
def test_an_invalid_action_response_is_refused_with_rasas_message(validators, result):
    action, original, cached = validators
    with pytest.raises(ValidationError) as theirs:
        original(action, result)
    with pytest.raises(ValidationError) as ours:
        cached(action, result)
    assert ours.value.message == theirs.value.message
    assert "Failed to validate Action server response" in ours.value.message
