"""Dialogue policy that puts the acute answer first, in any turn.

Why a policy and not rules: inside an active form Rasa's ``RulePolicy`` runs
the form on its "happy path" before any rule is looked at, so a rule such as
"acute entity -> utter_akut" never fires while the age or urgency question is
open. Writing acute variants of every rule would also double the rule set.

``AcuteFirstRulePolicy`` is a ``RulePolicy`` with one extra step:

1. Right after a user message that brings an acute signal (the ``akut_signal``
   entity from the rules, the ``akut_mulig`` entity from the acute classifier –
   which does not fill the ``akut`` slot, so the urgency question is still asked –
   or the ``akut`` slot becoming true because the user said yes to
   "is anyone in danger now?"), it predicts the static response ``utter_akut``
   with full confidence – before anything else runs in that turn.
2. For every later prediction in the same turn it predicts on a view of the
   tracker without that ``utter_akut``, so the ordinary rules and the form
   continue exactly as they would have without the escalation.

Inside the two-stage fallback, a reply that clarifies the unclear message (any
intent but the fallback ones) is left to the fallback loop first: the loop drops
the unclear message and replays the reply as a new turn, and that turn gets the
prepended responses like any other. Rasa's event replay only recognises the loop's
second run when it comes straight after the reply; with ``utter_akut`` in between,
the loop stayed active and ran again, forever, at full CPU (found by the load
benchmark on 2026-12-02). A reply that is unclear again still gets them first: the
loop then gives up and drops the reply, so nothing would follow.

``utter_akut`` is a domain response, so the escalation needs nothing but the
Rasa server: it works when the action server is down. The same mechanism sends
``utter_persondata`` once per session when a user types personal data (CPR,
phone, e-mail, address, a name): after the acute answer, before anything else.
"""

from __future__ import annotations

from typing import Any, List, Tuple

from rasa.core.policies.policy import PolicyPrediction
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    AllSlotsReset,
    BotUttered,
    Event,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.slots import bool_from_any
from rasa.shared.core.trackers import DialogueStateTracker

ACUTE_RESPONSE = "utter_akut"
ACUTE_ENTITY = "akut_signal"
POSSIBLY_ACUTE_ENTITY = "akut_mulig"  # the classifier's signal: 112 first, but the urgency question is still asked
ACUTE_SLOT = "akut"
PRIVACY_RESPONSE = "utter_persondata"
PERSONAL_DATA_ENTITY = "persondata"
ESCALATION_SOURCE = "acute_escalation"
FALLBACK_LOOP = "action_two_stage_fallback"
FALLBACK_INTENTS = ("nlu_fallback", "out_of_scope")


def _truthy(value: Any) -> bool:
    try:
        return value is not None and bool_from_any(value)
    except (TypeError, ValueError):
        return False


def _last_user_index(events: List[Event]) -> int | None:
    for index in range(len(events) - 1, -1, -1):
        if isinstance(events[index], UserUttered):
            return index
    return None


def _acute_slot_before(events: List[Event]) -> bool:
    value = False
    for event in events:
        if isinstance(event, (Restarted, SessionStarted, AllSlotsReset)):
            value = False
        elif isinstance(event, SlotSet) and event.key == ACUTE_SLOT:
            value = _truthy(event.value)
    return value


def turn_brings_acute_signal(events: List[Event]) -> bool:
    """Whether the latest user message (and its slot extraction) signals acute danger."""
    index = _last_user_index(events)
    if index is None:
        return False
    user = events[index]
    assert isinstance(user, UserUttered)
    if any(e.get("entity") in (ACUTE_ENTITY, POSSIBLY_ACUTE_ENTITY) and _truthy(e.get("value", True)) for e in user.entities):
        return True
    became_true = any(
        isinstance(e, SlotSet) and e.key == ACUTE_SLOT and _truthy(e.value) for e in events[index + 1:]
    )
    return became_true and not _acute_slot_before(events[:index])


def _session_start(events: List[Event]) -> int:
    for index in range(len(events) - 1, -1, -1):
        if isinstance(events[index], (Restarted, SessionStarted)):
            return index
    return 0


def turn_brings_personal_data(events: List[Event]) -> bool:
    """Personal data in the latest user message, and the notice not yet given this session."""
    index = _last_user_index(events)
    if index is None:
        return False
    user = events[index]
    assert isinstance(user, UserUttered)
    if not any(e.get("entity") == PERSONAL_DATA_ENTITY for e in user.entities):
        return False
    earlier = events[_session_start(events[:index]):index]
    return not any(isinstance(e, ActionExecuted) and e.action_name == PRIVACY_RESPONSE for e in earlier)


# Static responses that come first in a turn, in this order, when their condition holds.
PREPENDED = ((ACUTE_RESPONSE, turn_brings_acute_signal), (PRIVACY_RESPONSE, turn_brings_personal_data))


def _due(events: List[Event], domain: Domain) -> List[str]:
    return [name for name, condition in PREPENDED if name in domain.action_names_or_texts and condition(events)]


def _executed_since_user(events: List[Event]) -> List[ActionExecuted]:
    index = _last_user_index(events)
    if index is None:
        return []
    return [e for e in events[index + 1:] if isinstance(e, ActionExecuted)]


def next_prepended(events: List[Event], domain: Domain, active_loop: str | None = None) -> str | None:
    """The static response to send next in this turn, before anything else, if any.

    ``active_loop`` is the tracker's active loop; in the two-stage fallback the loop
    answers the reply first (see the module docstring).
    """
    executed = [e.action_name for e in _executed_since_user(events)]
    if active_loop == FALLBACK_LOOP and not executed and _clarifies(events):
        return None
    due = _due(events, domain)
    if executed != due[: len(executed)]:
        return None  # something else already answered this turn
    return due[len(executed)] if len(executed) < len(due) else None


def _clarifies(events: List[Event]) -> bool:
    """Whether the two-stage fallback will take the latest message as the clarification.

    It does for any intent but the fallback ones; it then replays the message as a new
    turn, which gets the prepended responses. A reply that is unclear again makes the
    fallback give up and drop the message, so that one gets them first, as usual.
    """
    index = _last_user_index(events)
    if index is None:
        return False
    user = events[index]
    assert isinstance(user, UserUttered)
    return user.intent_name not in FALLBACK_INTENTS


def _fallback_gave_up(events: List[Event]) -> bool:
    """The two-stage fallback ran last in this turn and dropped the user's message."""
    if not events or not isinstance(events[-1], UserUtteranceReverted):
        return False
    last_action = next((e for e in reversed(events) if isinstance(e, ActionExecuted)), None)
    return last_action is not None and last_action.action_name == FALLBACK_LOOP


def without_prepended(tracker: DialogueStateTracker, domain: Domain) -> DialogueStateTracker:
    """The tracker as it would be had the prepended responses not been sent."""
    events = list(tracker.events)
    index = _last_user_index(events)
    due = _due(events, domain)
    if index is None or not due:
        return tracker
    keep, position, skipped = events[: index + 1], index + 1, 0
    while position < len(events):
        event = events[position]
        if isinstance(event, ActionExecuted) and skipped < len(due) and event.action_name == due[skipped]:
            skipped += 1
            position += 1
            while position < len(events) and isinstance(events[position], BotUttered):
                position += 1
            continue
        keep.append(event)
        position += 1
    if not skipped:
        return tracker
    return DialogueStateTracker.from_events(tracker.sender_id, keep, slots=domain.slots)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITH_END_TO_END_SUPPORT, is_trainable=True
)
class AcuteFirstRulePolicy(RulePolicy):
    """``RulePolicy`` that sends the acute answer (and the personal-data notice) first."""

    def _predict(
        self, tracker: DialogueStateTracker, domain: Domain
    ) -> Tuple[PolicyPrediction, str | None]:
        events = list(tracker.events)
        if _fallback_gave_up(events):
            # The fallback has answered with the intake's number and dropped the message; with
            # a response prepended before it, Rasa's replay leaves the loop looking active and
            # the core fallback would send the same answer twice.
            prediction = self._rule_prediction(self._prediction_result(ACTION_LISTEN_NAME, tracker, domain), ESCALATION_SOURCE)
            return prediction, ESCALATION_SOURCE
        name = next_prepended(events, domain, tracker.active_loop_name)
        if name:
            prediction = self._rule_prediction(self._prediction_result(name, tracker, domain), ESCALATION_SOURCE)
            return prediction, ESCALATION_SOURCE
        return super()._predict(without_prepended(tracker, domain), domain)
