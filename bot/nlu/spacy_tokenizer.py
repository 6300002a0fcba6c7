"""Tokenizer: the Danish tokenizer of spaCy's ``da_core_news_sm``, without its trained pipes.

Rasa's ``SpacyNLP`` + ``SpacyTokenizer`` run the whole pipeline on every message
(tok2vec, morphologizer, lemmatizer, attribute ruler): about 4.4 ms per message
on these machines, against 0.2 ms for the tokenizer alone (measured 2026-12-02 on
200 held-out worries). Nothing in this pipeline reads the tags or lemmas: the intent
classifier and the signal extractor read the text, and the 5-fold comparison in
reports/nlu/report.md found the same intent scores with or without spaCy's
features. So this component loads the same package with every trained pipe
excluded and keeps its Danish tokenization rules (abbreviations, "3.g",
"7.-klasse", clitics). Tokens carry no lemma or POS tag.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message


def load_without_pipes(model_name: str) -> Any:
    """spaCy ``model_name`` with every trained pipe excluded; it must be installed (nothing is downloaded)."""
    import spacy
    from spacy.util import get_model_meta, get_package_path, is_package

    if not is_package(model_name):  # spacy.info() would call sys.exit() instead of raising
        raise OSError(f"spaCy model {model_name!r} is not installed (make setup installs it from the wheelhouse)")
    pipes = get_model_meta(get_package_path(model_name)).get("pipeline", [])
    nlp = spacy.load(model_name, exclude=list(pipes))
    if nlp.path is None:  # spaCy returns a blank stub when it did not read the package from disk
        raise OSError(f"spaCy model {model_name!r} did not load from disk")
    return nlp


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class DanishSpacyTokenizer(Tokenizer):
    """Splits Danish text into tokens with the tokenizer of a spaCy package."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {
            "model": "da_core_news_sm",
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            "token_pattern": None,
            "prefix_separator_symbol": None,
        }

    @staticmethod
    def required_packages() -> List[str]:
        return ["spacy"]

    @staticmethod
    def supported_languages() -> List[str] | None:
        return ["da"]

    def __init__(self, config: Dict[str, Any]) -> None:
        super().__init__(config)
        self._tokenizer = load_without_pipes(config["model"]).tokenizer

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> DanishSpacyTokenizer:
        return cls({**cls.get_default_config(), **config})

    def tokenize(self, message: Message, attribute: str) -> List[Token]:
        text = message.get(attribute)
        if not text:
            return []
        tokens = [Token(t.text, t.idx) for t in self._tokenizer(text) if t.text.strip()]
        return self._apply_token_pattern(tokens)
