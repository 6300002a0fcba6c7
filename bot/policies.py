"""Dialogue policy that puts the acute answer first, in any turn.

Why a policy and not rules: inside an active form Rasa's ``RulePolicy`` runs
the form on its "happy path" before any rule is looked at, so a rule such as
"acute entity -> utter_akut" never fires while the age or urgency question is
open. Writing acute variants of every rule would also double the rule set.

``AcuteFirstRulePolicy`` is a ``RulePolicy`` with one extra step:

1. Right after a user message that brings an acute signal (the ``akut_signal``
   entity, or the ``akut`` slot becoming true because the user said yes to
   "is anyone in danger now?"), it predicts the static response ``utter_akut``
   with full confidence – before anything else runs in that turn.
2. For every later prediction in the same turn it predicts on a view of the
   tracker without that ``utter_akut``, so the ordinary rules and the form
   continue exactly as they would have without the escalation.

``utter_akut`` is a domain response, so the escalation needs nothing but the
Rasa server: it works when the action server is down.
"""

from __future__ import annotations

from typing import Any, List, Tuple

from rasa.core.policies.policy import PolicyPrediction
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    AllSlotsReset,
    BotUttered,
    Event,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.slots import bool_from_any
from rasa.shared.core.trackers import DialogueStateTracker

ACUTE_RESPONSE = "utter_akut"
ACUTE_ENTITY = "akut_signal"
ACUTE_SLOT = "akut"
ESCALATION_SOURCE = "acute_escalation"


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
    if any(e.get("entity") == ACUTE_ENTITY and _truthy(e.get("value", True)) for e in user.entities):
        return True
    became_true = any(
        isinstance(e, SlotSet) and e.key == ACUTE_SLOT and _truthy(e.value) for e in events[index + 1:]
    )
    return became_true and not _acute_slot_before(events[:index])


def _escalation_index(events: List[Event]) -> int | None:
    """Index of the ``utter_akut`` the escalation added in this turn, if any."""
    index = _last_user_index(events)
    if index is None:
        return None
    for position in range(index + 1, len(events)):
        event = events[position]
        if isinstance(event, ActionExecuted):
            return position if event.action_name == ACUTE_RESPONSE else None
    return None


def escalation_due(events: List[Event]) -> bool:
    """True right after a user message with an acute signal, before anything answered it."""
    index = _last_user_index(events)
    if index is None or not turn_brings_acute_signal(events):
        return False
    return not any(isinstance(e, ActionExecuted) for e in events[index + 1:])


def without_escalation(tracker: DialogueStateTracker, domain: Domain) -> DialogueStateTracker:
    """The tracker as it would be had the escalation message not been sent."""
    events = list(tracker.events)
    position = _escalation_index(events)
    if position is None or not turn_brings_acute_signal(events):
        return tracker
    end = position + 1
    while end < len(events) and isinstance(events[end], BotUttered):
        end += 1
    return DialogueStateTracker.from_events(
        tracker.sender_id, events[:position] + events[end:], slots=domain.slots
    )


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITH_END_TO_END_SUPPORT, is_trainable=True
)
class AcuteFirstRulePolicy(RulePolicy):
    """``RulePolicy`` that answers acute signals with ``utter_akut`` first (see module doc)."""

    def _predict(
        self, tracker: DialogueStateTracker, domain: Domain
    ) -> Tuple[PolicyPrediction, str | None]:
        if ACUTE_RESPONSE in domain.action_names_or_texts and escalation_due(list(tracker.events)):
            prediction = self._rule_prediction(
                self._prediction_result(ACUTE_RESPONSE, tracker, domain), ESCALATION_SOURCE
            )
            return prediction, ESCALATION_SOURCE
        return super()._predict(without_escalation(tracker, domain), domain)
