"""Intent classifier: TF-IDF word and character n-grams + logistic regression.

On this data (1 900 short-to-medium Danish descriptions, 29 intents) a linear
model on n-grams beat DIET in the 5-fold cross-validation and on the held-out
rounds, and also beat the mean of both (reports/nlu/report.md, "Comparison of
pipelines"). Its probabilities are flatter than DIET's, so the fallback
threshold was chosen again from the cross-validation (config.yml).

The text is folded first (lower case, æ/ø/å → ae/oe/aa, see ``bot.nlu.text``):
professionals write "aeresrelateret" as often as "æresrelateret", and folding
put 0.01 on the cross-validated macro F1. The classifier works on the raw text
and needs no tokenizer or featurizer before it.

When a message names two concern types, the border conventions in ``theme_precedence.yml`` decide which
comes first (``bot.nlu.theme_precedence``).

A message ranked ``inform_age`` that also describes a worry ("han ser IS-videoer,
15 år gammel") gets the worry's ranking instead, and a message that is nothing
but an age phrase is an age answer whatever the ranking (``bot.nlu.age_answer``).

The fitted model is stored with skops (as Rasa's own LogisticRegressionClassifier
does). Loading refuses any stored type outside a fixed list of scikit-learn and
numpy types, and a missing or unreadable model stops the bot instead of
running with an untrained classifier.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.age import detect_age_group, detect_bare_age
from bot.nlu.age_answer import AGE_INTENT, CONCERN_PREFIX, as_age_answer, is_age_only, worry_ranking
from bot.nlu.denied_themes import mask_denied_themes
from bot.nlu.linear_speed import fortran_coefficients
from bot.nlu.text import fold
from bot.nlu.theme_precedence import apply_precedence

logger = logging.getLogger(__name__)

MODEL_FILE = "tfidf_logreg.skops"
# Everything a fitted build_model() contains; anything else in a stored file is refused.
TRUSTED_TYPES = frozenset({
    "builtins.slice",
    "numpy.float64",
    "numpy.int64",
    "numpy.int32",
    "numpy.ndarray",
    "numpy.dtype",
    "scipy.sparse._csr.csr_matrix",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.pipeline.Pipeline",
})


def normalise(text: str) -> str:
    """What the vectorizers see: the folded text (lower case, æøå spelled out), with phrases that rule a
    concern type out ("ikke noget med vold", "ingen skal gifte mig") as one neutral token."""
    return mask_denied_themes(fold(text).text)


def build_model(config: Dict[str, Any]) -> Any:
    """The untrained scikit-learn pipeline for ``config`` (see ``get_default_config``)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion([
        ("words", TfidfVectorizer(analyzer="word", ngram_range=tuple(config["word_ngram_range"]),
                                  sublinear_tf=config["sublinear_tf"])),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(config["char_ngram_range"]),
                                  sublinear_tf=config["sublinear_tf"])),
    ])
    classifier = LogisticRegression(C=config["C"], class_weight=config["class_weight"], max_iter=config["max_iter"])
    return Pipeline([("features", features), ("classifier", classifier)])


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class TfidfIntentClassifier(GraphComponent, IntentClassifier):
    """Predicts the intent from TF-IDF n-grams of the folded text with logistic regression."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        # Chosen by 5-fold cross-validation on data/nlu (never on the held-out set).
        return {
            "word_ngram_range": [1, 2],
            "char_ngram_range": [2, 5],
            "sublinear_tf": True,
            "C": 10.0,
            "class_weight": "balanced",
            "max_iter": 3000,
            "ranking_length": 10,
        }

    @staticmethod
    def required_packages() -> List[str]:
        return ["sklearn", "skops"]

    def __init__(self, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 model: Any = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._model = fortran_coefficients(model) if model is not None else None

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> TfidfIntentClassifier:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT) and m.get(INTENT)]
        intents = {m.get(INTENT) for m in examples}
        if len(intents) < 2:
            raise ValueError(f"{type(self).__name__} needs at least two intents to train, got {sorted(intents)}")
        model = build_model(self.config)
        model.fit([normalise(m.get(TEXT)) for m in examples], [m.get(INTENT) for m in examples])
        self._model = model
        self._persist()  # stored as scikit-learn leaves it (the Fortran copy compresses worse)
        self._model = fortran_coefficients(model)
        return self._resource

    def _persist(self) -> None:
        import skops.io as sio

        with self._model_storage.write_to(self._resource) as directory:
            sio.dump(self._model, directory / MODEL_FILE)

    @classmethod
    def load(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> TfidfIntentClassifier:
        import skops.io as sio

        with model_storage.read_from(resource) as directory:
            path = directory / MODEL_FILE
            untrusted = set(sio.get_untrusted_types(file=path))
            unexpected = untrusted - TRUSTED_TYPES
            if unexpected:
                raise ValueError(f"{path.name}: refusing to load unexpected types {sorted(unexpected)}")
            model = sio.load(path, trusted=sorted(untrusted))
        return cls(config, model_storage, resource, model)

    def ranking(self, text: str) -> List[Dict[str, Any]]:
        """The intents for ``text``, most likely first (at most ``ranking_length``)."""
        if self._model is None:
            raise RuntimeError(f"{type(self).__name__} is not trained")
        probabilities = self._model.predict_proba([normalise(text)])[0]
        classes = self._model.classes_
        order = probabilities.argsort()[::-1]
        ranking = [{INTENT_NAME_KEY: str(classes[i]), PREDICTED_CONFIDENCE_KEY: float(probabilities[i])} for i in order]
        # The border conventions between concern types decide when a message names two (bot/nlu/theme_precedence.yml).
        ranking = apply_precedence(fold(text).text, ranking, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY)
        return ranking[: self.config["ranking_length"]]

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not text:
                continue
            ranking = self.ranking(text)
            top = ranking[0][INTENT_NAME_KEY]
            if top == AGE_INTENT or top.startswith(CONCERN_PREFIX):
                evidence = detect_age_group(text) or detect_bare_age(text)
                if top == AGE_INTENT:
                    ranking = worry_ranking(text, evidence, self.ranking) or ranking
                elif is_age_only(text, evidence):
                    ranking = as_age_answer(ranking)
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
