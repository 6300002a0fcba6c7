"""The Danish spaCy tokenizer component: same tokens as da_core_news_sm, none of its trained pipes."""

from __future__ import annotations

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.spacy_tokenizer import DanishSpacyTokenizer, load_without_pipes


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory) -> DanishSpacyTokenizer:
    storage = LocalModelStorage(tmp_path_factory.mktemp("tok"))
    return DanishSpacyTokenizer.create({}, storage, Resource("tok"), ExecutionContext(GraphSchema({}), "m"))


def _tokens(tokenizer: DanishSpacyTokenizer, text: str) -> list[tuple[str, int]]:
    message = Message(data={TEXT: text})
    tokenizer.process([message])
    return [(t.text, t.start) for t in message.get("text_tokens")]


def test_danish_tokens_and_offsets(tokenizer):
    text = "Hun går i 3.g, og hun er 16 år. Hun tør ikke gå hjem i aften!"
    tokens = _tokens(tokenizer, text)
    assert [t for t, _ in tokens][:8] == ["Hun", "går", "i", "3.g", ",", "og", "hun", "er"]
    assert tokens[-1] == ("!", len(text) - 1)
    assert all(text[start:start + len(token)] == token for token, start in tokens)


def test_same_tokens_as_the_full_spacy_pipeline(tokenizer):
    import spacy

    full = spacy.load("da_core_news_sm", disable=["parser"])
    text = "min elev paa 14 maa ikke gaa til svoemning, og storebror (19 år) tjekker hendes mobil m.m."
    assert [t for t, _ in _tokens(tokenizer, text)] == [t.text for t in full(text) if t.text.strip()]


def test_no_trained_pipe_is_loaded():
    import spacy

    assert spacy.load("da_core_news_sm").pipe_names  # the package has trained pipes ...
    nlp = load_without_pipes("da_core_news_sm")
    assert nlp.pipe_names == []  # ... and the component loads none of them
    assert nlp.lang == "da"


def test_a_missing_model_stops_the_component():
    with pytest.raises(OSError):
        load_without_pipes("xx_no_such_model_sm")
