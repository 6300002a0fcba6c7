"""Which static response goes first in a turn (bot/policies.py), on plain event lists."""

from __future__ import annotations

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.policies import AcuteFirstRulePolicy, next_prepended, without_prepended


@pytest.fixture(scope="module")
def domain(rendered_domain_text):
    return Domain.from_yaml(rendered_domain_text)


def user(intent="greet", **entities):
    return UserUttered("...", {"name": intent, "confidence": 1.0}, [{"entity": k, "value": v} for k, v in entities.items()])


START = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]


def test_acute_first_then_the_privacy_notice_then_nothing(domain):
    events = [*START, user("bekymring_tvangsaegteskab", akut_signal=True, persondata="cpr")]
    assert next_prepended(events, domain) == "utter_akut"
    events += [ActionExecuted("utter_akut"), BotUttered("...")]
    assert next_prepended(events, domain) == "utter_persondata"
    events += [ActionExecuted("utter_persondata"), BotUttered("...")]
    assert next_prepended(events, domain) is None


def test_yes_to_the_danger_question_is_acute(domain):
    events = [*START, user("affirm"), SlotSet("akut", True)]
    assert next_prepended(events, domain) == "utter_akut"


def test_no_signal_no_prepend(domain):
    assert next_prepended([*START, user("greet")], domain) is None


def test_privacy_notice_only_once_per_session(domain):
    events = [*START, user(persondata="navn"), ActionExecuted("utter_persondata"), BotUttered("..."),
              ActionExecuted("utter_greet"), ActionExecuted("action_listen"), user(persondata="telefon")]
    assert next_prepended(events, domain) is None
    events += [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"), user(persondata="cpr")]
    assert next_prepended(events, domain) == "utter_persondata"


def test_the_continuation_is_predicted_as_if_nothing_was_prepended(domain):
    events = [*START, user("greet", akut_signal=True), ActionExecuted("utter_akut"), BotUttered("Ring 112")]
    tracker = DialogueStateTracker.from_events("t", events, slots=domain.slots)
    view = without_prepended(tracker, domain)
    assert [e.action_name for e in view.events if isinstance(e, ActionExecuted)][-1] == "action_listen"
    assert view.latest_message.intent["name"] == "greet"


def test_a_clarifying_reply_in_the_fallback_loop_is_left_to_the_loop(domain):
    # The loop replays the reply as a new turn; prepending here made Rasa run the loop forever.
    events = [*START, user("nlu_fallback", akut_mulig=True), ActionExecuted("utter_akut"),
              ActionExecuted("action_two_stage_fallback"), ActionExecuted("action_listen"),
              user("bekymring_andet_overgreb", akut_signal=True)]
    assert next_prepended(events, domain, active_loop="action_two_stage_fallback") is None
    assert next_prepended(events, domain) == "utter_akut"  # the replayed turn, loop over


def test_an_unclear_reply_in_the_fallback_loop_still_gets_112_first(domain):
    events = [*START, user("nlu_fallback"), ActionExecuted("action_two_stage_fallback"),
              ActionExecuted("action_listen"), user("nlu_fallback", akut_signal=True)]
    assert next_prepended(events, domain, active_loop="action_two_stage_fallback") == "utter_akut"


def test_after_the_fallback_gives_up_the_bot_listens(domain):
    context = ExecutionContext(GraphSchema({}), "test")
    policy = AcuteFirstRulePolicy.create(AcuteFirstRulePolicy.get_default_config(), None, None, context)
    events = [*START, user("nlu_fallback"), ActionExecuted("action_two_stage_fallback"), ActionExecuted("action_listen"),
              user("nlu_fallback", akut_signal=True), ActionExecuted("utter_akut"), BotUttered("Ring 112"),
              ActionExecuted("action_two_stage_fallback"), BotUttered("48 100 100"), UserUtteranceReverted()]
    tracker = DialogueStateTracker.from_events("t", events, slots=domain.slots)
    prediction, _ = policy._predict(tracker, domain)
    assert domain.action_names_or_texts[prediction.max_confidence_index] == "action_listen"
