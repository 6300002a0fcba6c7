"""Rasa NLU component that adds the rule-based age and acute-danger entities.

Entities it sets (names are part of the domain contract):

* ``age_group``  – "under18"/"over18" stated explicitly; fills the slot any turn.
* ``age_bare``   – a lone number read as an age; the domain only uses it while
                   the age question is open.
* ``akut_signal`` – value ``true``: an acute-danger signal in this message.
* ``akut_mulig`` – value ``true``: no rule fired, but the acute classifier
                     thinks the wording describes danger (112 first, then ask).
* ``akut_afkraeftet`` – value ``false``: the message says nothing is acute now.
* ``persondata`` – the kinds of personal data typed (e.g. "cpr,navn"), not the data.

Acute danger is the rules in ``bot.nlu.acute`` OR the small classifier in
``bot.nlu.acute_model`` (fitted from ``akut_examples.yml`` when the component
loads). Nothing is trained by Rasa here, so the behaviour is exactly what the
unit tests of ``bot.nlu.age``/``bot.nlu.acute``/``bot.nlu.acute_model`` show.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.acute import AcuteResult, detect_acute
from bot.nlu.acute_model import acute_classifier
from bot.nlu.age import detect_age_group, detect_bare_age
from bot.privacy import scrub

ENTITY_AGE = "age_group"
ENTITY_AGE_BARE = "age_bare"
ENTITY_ACUTE = "akut_signal"
ENTITY_NOT_ACUTE = "akut_afkraeftet"
ENTITY_POSSIBLY_ACUTE = "akut_mulig"
MIN_WORDS_FOR_CLASSIFIER = 3  # short answers ("nej", "hun er 15") are for the rules and the form
# A denial is only overruled in a description long enough to say something beside it: "nej,
# ikke lige nu" (the answer to the danger question) scored 0.86 on its own, because "lige nu"
# is in so many acute examples.
MIN_WORDS_FOR_DENIAL_OVERRIDE = 8
ENTITY_PERSONAL_DATA = "persondata"


def _classifier_probability(text: str, acute: AcuteResult) -> float | None:
    """The acute classifier's probability when it says "possibly acute", else ``None``.

    The threshold comes from cross-validation (bot/nlu/acute_model.py). A message that says
    nobody is in danger ("hun siger, hun ikke er i fare, men ...") is only overruled when the
    classifier is far more certain (``denial_override``); so is a calm context (over, hypothetical,
    an ordinary pastime: ``calm_override``). Very short answers are not asked at all.
    """
    if len(text.split()) < MIN_WORDS_FOR_CLASSIFIER:
        return None
    if acute.not_acute and len(text.split()) < MIN_WORDS_FOR_DENIAL_OVERRIDE:
        return None
    classifier = acute_classifier()
    probability = classifier.probability(text)
    needed = classifier.threshold
    # A message that both denies danger and is calm ("de rejser i en uge og er tilbage søndag") needs both overrides.
    if acute.not_acute:
        needed = max(needed, classifier.denial_override)
    if acute.calm_context:
        needed = max(needed, classifier.calm_override)
    return probability if probability >= needed else None


def signal_entities(text: str) -> List[Dict[str, Any]]:
    """The entities this component adds for ``text`` (without extractor metadata)."""
    entities: List[Dict[str, Any]] = []
    age = detect_age_group(text)
    if age:
        entities.append({"entity": ENTITY_AGE, "value": age.group, "start": age.start, "end": age.end, "confidence_entity": 1.0})
    else:
        bare = detect_bare_age(text)
        if bare:
            entities.append(
                {"entity": ENTITY_AGE_BARE, "value": bare.group, "start": bare.start, "end": bare.end, "confidence_entity": 1.0}
            )
    acute = detect_acute(text)
    if acute.acute:
        start, end = acute.span or (0, len(text))
        entities.append({"entity": ENTITY_ACUTE, "value": True, "start": start, "end": end, "confidence_entity": 1.0})
    else:
        possibly = _classifier_probability(text, acute)
        if possibly is not None:
            # The rules saw nothing, but the wording may resemble the acute examples: missing
            # danger is the worse error, so the bot says 112/114 first, then still asks
            # whether anyone is in danger (this entity does not fill the ``akut`` slot).
            entities.append({"entity": ENTITY_POSSIBLY_ACUTE, "value": True, "start": 0, "end": len(text),
                             "confidence_entity": round(possibly, 3)})
        elif acute.not_acute:
            entities.append({"entity": ENTITY_NOT_ACUTE, "value": False, "start": 0, "end": len(text), "confidence_entity": 1.0})
    personal = scrub(text).found
    if personal:
        # Only the kinds are reported, never the data itself.
        entities.append({"entity": ENTITY_PERSONAL_DATA, "value": ",".join(sorted(personal)), "start": 0, "end": 0,
                         "confidence_entity": 1.0})
    return entities


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class DanishSignalExtractor(GraphComponent, EntityExtractorMixin):
    """Adds age-group and acute-danger entities found by Danish rules."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {}

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DanishSignalExtractor:
        acute_classifier()  # fit the acute classifier at load time, not on the first message
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text: str | None = message.get(TEXT)
            if not text:
                continue
            found = self.add_extractor_name(signal_entities(text))
            if found:
                message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)
        return messages
