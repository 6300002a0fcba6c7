"""Every Rasa pipeline in the NLU comparison (tests/nlu/variants/) is a graph Rasa accepts.

The comparison only runs in ``make evaluate`` (about 75 minutes); a variant whose edits
leave out a component another one needs would otherwise first fail there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.recipes.recipe import Recipe
from rasa.engine.validation import validate
from rasa.shared.data import TrainingType

from tests.nlu import compare

VARIANTS = sorted(p.stem for p in (Path(compare.__file__).parent / "variants").glob("*.yml"))
RASA_VARIANTS = [name for name in VARIANTS if compare.load_variant(name).get("kind") == "rasa"]


def test_the_comparison_has_the_issues_candidates():
    assert {"rasa_default", "ours", "ours_no_spacy", "tfidf_logreg"} <= set(VARIANTS)
    assert {"rasa_default", "ours", "ours_no_spacy"} <= set(RASA_VARIANTS)


@pytest.mark.parametrize("name", RASA_VARIANTS)
def test_variant_pipeline_validates(name):
    config = compare.load_variant(name)["config"]
    recipe = Recipe.recipe_for_name(config.get("recipe"))
    graph = recipe.graph_config_for_recipe(config, {}, training_type=TrainingType.NLU, is_finetuning=False)
    validate(graph)  # raises GraphSchemaValidationException for a missing required component
