"""Two small Rasa components for the comparison's ensemble variant (tests/nlu/variants/).

Rasa lets the last intent classifier in a pipeline overwrite the intent of the
ones before it. To average DIET with a second classifier:

    - name: DIETClassifier
    - name: tests.nlu.ensemble.RankingSnapshot      # keeps DIET's ranking
    - name: bot.nlu.tfidf_classifier.TfidfIntentClassifier
    - name: tests.nlu.ensemble.AveragedRanking      # weighted mean of both rankings
      weights: [0.5, 0.5]                           # snapshot(s) first, then the last classifier

Only the evaluation uses them: in the cross-validation the mean of DIET and the
TF-IDF classifier was below the TF-IDF classifier alone, so the bot runs that.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY
from rasa.shared.nlu.training_data.message import Message

SNAPSHOTS = "handlevej_ranking_snapshots"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class RankingSnapshot(GraphComponent, IntentClassifier):
    """Remembers the intent ranking predicted so far (not part of the parse output)."""

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> RankingSnapshot:
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            ranking = message.get(INTENT_RANKING_KEY) or []
            message.set(SNAPSHOTS, (message.get(SNAPSHOTS) or []) + [list(ranking)])
        return messages


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class AveragedRanking(GraphComponent, IntentClassifier):
    """Replaces the intent with the weighted mean of the snapshots and the current ranking."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {"weights": None, "ranking_length": 10}

    def __init__(self, config: Dict[str, Any]) -> None:
        self.config = {**self.get_default_config(), **config}

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> AveragedRanking:
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            rankings = (message.get(SNAPSHOTS) or []) + [message.get(INTENT_RANKING_KEY) or []]
            weights = self.config["weights"] or [1.0] * len(rankings)
            if len(weights) != len(rankings):
                raise ValueError(f"AveragedRanking: {len(weights)} weights for {len(rankings)} rankings")
            scores: Dict[str, float] = {}
            for weight, ranking in zip(weights, rankings, strict=True):
                for entry in ranking:
                    name = entry[INTENT_NAME_KEY]
                    scores[name] = scores.get(name, 0.0) + weight * float(entry[PREDICTED_CONFIDENCE_KEY])
            total = sum(scores.values()) or 1.0
            ranked = sorted(scores.items(), key=lambda item: -item[1])[: self.config["ranking_length"]]
            ranking = [{INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: score / total} for name, score in ranked]
            if ranking:
                message.set(INTENT, ranking[0], add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
            message.data.pop(SNAPSHOTS, None)
        return messages
