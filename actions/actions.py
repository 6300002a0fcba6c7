"""Rasa SDK actions. They read slots, pick content from the pack and send it.

No Danish text is written here: see ``actions.messages`` and the pack.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import messages
from bot.knowledge import load_pack
from bot.nlu.family_risk import FAMILY_RISK_CONCERNS, family_risk_concern

CONCERN_INTENT_PREFIX = "bekymring_"
FAQ_INTENT_PREFIX = "faq_"
CHOOSE_INTENT = "choose_concern"
# A follow-up question that also names a worry ("må jeg ringe til forældrene, hvis jeg tror, hun skal
# giftes?") is answered for that worry when the classifier ranks its type at least this high. Before a
# worry is registered, the general answer would be the only one the user sees.
FAQ_CONCERN_HINT = 0.2
# Where contacting the family can put the person in danger, a weaker hint is enough: the answer for these types ("do
# not contact the family") is the safe one to give when unsure. A phrase in the message that names such a worry
# ("skal sendes til Somalia", bot/nlu/family_risk.yml) decides before the ranking does.
FAMILY_RISK_HINT = 0.15


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _send(dispatcher: CollectingDispatcher, items: List[Dict[str, Any]]) -> None:
    for item in items:
        dispatcher.utter_message(**item)


def concern_hint(latest_message: Dict[str, Any], minimum: float = FAQ_CONCERN_HINT) -> str | None:
    """The concern type the message itself points to: a family-risk worry named in its words, else the intent
    ranking's first concern type that is likely enough."""
    worded = family_risk_concern(latest_message.get("text") or "")
    if worded:
        return worded
    for entry in latest_message.get("intent_ranking") or []:
        name = entry.get("name") or ""
        if not name.startswith(CONCERN_INTENT_PREFIX):
            continue
        concern = name[len(CONCERN_INTENT_PREFIX):]
        needed = min(minimum, FAMILY_RISK_HINT) if concern in FAMILY_RISK_CONCERNS else minimum
        if (entry.get("confidence") or 0.0) >= needed:
            return concern if concern in messages.PROCEDURE_CONCERNS else None
    return None


def _is_true(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


class ActionRegisterConcern(Action):
    """Store the concern from the intent (or the clicked button) and say what was understood."""

    def name(self) -> str:
        return "action_register_concern"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        pack = load_pack()
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        picked = next(tracker.get_latest_entity_values("concern"), None)
        if intent == CHOOSE_INTENT and picked is None:
            # "That's not what I meant": show all types, keep what we have.
            _send(dispatcher, messages.choose_concern(pack))
            return []
        concern = picked or tracker.get_slot("concern")
        if intent.startswith(CONCERN_INTENT_PREFIX):
            concern = intent[len(CONCERN_INTENT_PREFIX):]
        if concern not in messages.PROCEDURE_CONCERNS:
            _send(dispatcher, messages.choose_concern(pack))
            return [SlotSet("concern", None)]
        _send(dispatcher, messages.concern_understood(pack, concern))
        return [SlotSet("concern", concern)]


class ActionProcedure(Action):
    """The municipality's procedure for concern × age × urgency."""

    def name(self) -> str:
        return "action_procedure"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        pack = load_pack()
        concern = tracker.get_slot("concern")
        age_group = tracker.get_slot("age_group")
        if concern not in messages.PROCEDURE_CONCERNS or age_group not in ("under18", "over18"):
            _send(dispatcher, messages.choose_concern(pack))
            return []
        acute = _is_true(tracker.get_slot("akut"))
        _send(dispatcher, messages.procedure_messages(pack, concern, age_group, acute, _now()))
        return []


class ActionAnswerFaq(Action):
    """Answer a follow-up question from the pack, tailored to the concern when relevant."""

    def name(self) -> str:
        return "action_answer_faq"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        pack = load_pack()
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        topic = intent[len(FAQ_INTENT_PREFIX):] if intent.startswith(FAQ_INTENT_PREFIX) else ""
        if topic not in pack.data["faq"]:
            dispatcher.utter_message(response="utter_default")
            return []
        concern = tracker.get_slot("concern") or concern_hint(tracker.latest_message)
        _send(dispatcher, messages.faq_messages(pack, topic, concern, _now()))
        return []


class ActionDefaultAskAffirmation(Action):
    """First stage of the two-stage fallback: offer the likeliest intents as buttons."""

    def name(self) -> str:
        return "action_default_ask_affirmation"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        pack = load_pack()
        ranking = [r for r in tracker.latest_message.get("intent_ranking", []) if r.get("name") != "nlu_fallback"]
        topic = _question_about_a_worry(ranking, pack.data["faq"])
        if topic:
            # A follow-up question that names a worry ("må jeg ringe til forældrene, hvis jeg tror, hun skal giftes?")
            # splits the classifier between the two; it is one question, answered for that worry, not an ambiguity.
            concern = tracker.get_slot("concern") or concern_hint(tracker.latest_message)
            _send(dispatcher, messages.faq_messages(pack, topic, concern, _now()))
            return []
        _send(dispatcher, messages.affirmation_messages(pack, ranking))
        return []


def _question_about_a_worry(ranking: List[Dict[str, Any]], faq: Dict[str, Any]) -> str | None:
    """The FAQ topic when the likeliest intent is a follow-up question and the next one a worry, else ``None``."""
    if len(ranking) < 2:
        return None
    first, second = (entry.get("name") or "" for entry in ranking[:2])
    topic = first[len(FAQ_INTENT_PREFIX):] if first.startswith(FAQ_INTENT_PREFIX) else ""
    if topic in faq and second.startswith(CONCERN_INTENT_PREFIX):
        return topic
    return None


class _AskQuestion(Action):
    """Ask one of the form's questions; text and buttons come from the pack."""

    slot = ""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        _send(dispatcher, messages.question(load_pack(), self.slot))
        return []


class ActionAskAgeGroup(_AskQuestion):
    slot = "age_group"


class ActionAskAkut(_AskQuestion):
    slot = "akut"
