"""The TF-IDF intent classifier and the ranking average, as Rasa trains, stores and loads them."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu import tfidf_classifier
from bot.nlu.tfidf_classifier import TfidfIntentClassifier
from tests.nlu.ensemble import AveragedRanking, RankingSnapshot

TRAINING = {
    "bekymring_negativ_social_kontrol": [
        "hun må ikke gå til fester og broren tjekker hendes telefon",
        "forældrene læser alle hendes beskeder og bestemmer hendes tøj",
        "hun må ikke have veninder med hjem, og lillebror skal fortælle hjem hvem hun taler med",
    ],
    "bekymring_tvangsaegteskab": [
        "familien vil have hende gift med en fætter til sommer",
        "hun skal forloves med en mand hun aldrig har mødt",
        "forældrene har fundet en mand til hende, og brylluppet er planlagt",
    ],
    "affirm": ["ja", "ja tak", "det er rigtigt"],
}


def _context() -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), "test-model")


def _training_data() -> TrainingData:
    return TrainingData([Message(data={TEXT: text, INTENT: intent}) for intent, texts in TRAINING.items()
                         for text in texts])


def _trained(tmp_path: Path) -> tuple[LocalModelStorage, Resource]:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("tfidf_intent")
    component = TfidfIntentClassifier.create({}, storage, resource, _context())
    component.train(_training_data())
    return storage, resource


def _parse(component, text: str) -> Message:
    message = Message(data={TEXT: text})
    component.process([message])
    return message


def test_trained_and_reloaded_classifier_reads_aeoeaa_spellings(tmp_path):
    storage, resource = _trained(tmp_path)
    loaded = TfidfIntentClassifier.load({}, storage, resource, _context())
    # Written without æøå, as professionals often do; folding makes it the same words.
    message = _parse(loaded, "familien vil have hende gift med en faetter, brylluppet er til sommer")
    assert message.get(INTENT)["name"] == "bekymring_tvangsaegteskab"
    ranking = message.get(INTENT_RANKING_KEY)
    assert [r["name"] for r in ranking][0] == "bekymring_tvangsaegteskab"
    assert abs(sum(r["confidence"] for r in ranking) - 1.0) < 1e-6  # all three intents, probabilities
    assert _parse(loaded, "broren tjekker hendes telefon").get(INTENT)["name"] == "bekymring_negativ_social_kontrol"


def test_loading_refuses_unexpected_stored_types(tmp_path, monkeypatch):
    storage, resource = _trained(tmp_path)
    monkeypatch.setattr(tfidf_classifier, "TRUSTED_TYPES", frozenset())
    with pytest.raises(ValueError, match="refusing to load"):
        TfidfIntentClassifier.load({}, storage, resource, _context())


def test_a_missing_model_stops_loading_instead_of_running_untrained(tmp_path):
    with pytest.raises(ValueError):
        TfidfIntentClassifier.load({}, LocalModelStorage(tmp_path), Resource("never_trained"), _context())


def test_training_needs_two_intents(tmp_path):
    component = TfidfIntentClassifier.create({}, LocalModelStorage(tmp_path), Resource("one"), _context())
    with pytest.raises(ValueError, match="two intents"):
        component.train(TrainingData([Message(data={TEXT: "ja", INTENT: "affirm"})]))


def test_averaged_ranking_is_the_weighted_mean_of_both_classifiers():
    message = Message(data={TEXT: "x"})
    message.set(INTENT_RANKING_KEY, [{"name": "a", "confidence": 0.9}, {"name": "b", "confidence": 0.1}])
    RankingSnapshot.create({}, None, None, _context()).process([message])
    message.set(INTENT_RANKING_KEY, [{"name": "b", "confidence": 0.7}, {"name": "a", "confidence": 0.3}])
    AveragedRanking.create({"weights": [0.25, 0.75]}, None, None, _context()).process([message])
    # a: 0.25*0.9 + 0.75*0.3 = 0.45; b: 0.25*0.1 + 0.75*0.7 = 0.55
    assert message.get(INTENT)["name"] == "b"
    assert [round(r["confidence"], 3) for r in message.get(INTENT_RANKING_KEY)] == [0.55, 0.45]


def test_loaded_classifier_predicts_without_copying_its_coefficients(tmp_path):
    """The per-message speed fix (bot/nlu/linear_speed.py) keeps the predictions and removes the copy."""
    storage, resource = _trained(tmp_path)
    loaded = TfidfIntentClassifier.load({}, storage, resource, _context())
    classifier = loaded._model.named_steps["classifier"]
    # scipy copies the right-hand side of a sparse product unless it is C-contiguous.
    assert classifier.coef_.T.flags["C_CONTIGUOUS"]
    reference = tfidf_classifier.build_model(loaded.config).fit(
        [tfidf_classifier.normalise(t) for texts in TRAINING.values() for t in texts],
        [intent for intent, texts in TRAINING.items() for _ in texts])
    assert not reference.named_steps["classifier"].coef_.T.flags["C_CONTIGUOUS"]  # the layout sklearn leaves
    text = "hun skal forloves med en fætter til sommer"
    expected = reference.predict_proba([tfidf_classifier.normalise(text)])[0]
    got = {r["name"]: r["confidence"] for r in _parse(loaded, text).get(INTENT_RANKING_KEY)}
    for intent, probability in zip(reference.classes_, expected, strict=True):
        assert got[intent] == pytest.approx(probability, abs=1e-9)
