"""A learned second opinion on acute danger, next to the rules in ``bot.nlu.acute``.

The rules catch the explicit wording ("truer med at slå hende ihjel", "tør ikke
tage hjem i aften") with negation handling. Worried professionals just as often
describe danger indirectly ("hun sms'ede fra toilettet, at onklerne venter ved
cykelskuret"). This module fits a small TF-IDF (word and character n-grams) +
logistic-regression classifier on the labelled examples in ``akut_examples.yml``
(plus, as non-acute examples, the everyday worries and questions of the NLU
training data that the rules do not flag) and reports the probability that a
message is acute.

The classifier is fitted when first used (under a second for ~700 examples,
deterministic), so the examples file, not a pickled artefact, is the source of
truth: editing the file changes the bot at the next start. The decision
threshold is in the same file and is chosen from cross-validation on the
examples (``python -m tests.nlu.acute_threshold``), never from a test set.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.nlu.linear_speed import fortran_coefficients
from bot.nlu.text import fold

EXAMPLES_FILE = Path(__file__).with_name("akut_examples.yml")
ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class AcuteExamples:
    texts: tuple[str, ...]
    labels: tuple[bool, ...]
    threshold: float
    # Probability needed to overrule a message's own "nobody is in danger now".
    denial_override: float = 1.0
    # Probability needed to overrule a calm context (an ordinary pastime, a thing that is over):
    # "i madkundskab sagde hun, at hun vil hoppe ud fra broen i dag" is not calmed by the lesson.
    calm_override: float = 1.0
    # Everyday worries and questions from the NLU training data that the rules do not
    # flag: always used as non-acute examples (never cross-validated, see the CV script).
    extra_negatives: tuple[str, ...] = ()


def _nlu_examples(pattern: str, intents: list[str]) -> list[str]:
    from bot.nlu.acute import detect_acute

    files = sorted(ROOT.glob(pattern))
    if not files:
        raise FileNotFoundError(f"no NLU training files match {pattern!r} under {ROOT}")
    texts = []
    for path in files:
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            if block.get("intent") not in intents:
                continue
            for line in block["examples"].splitlines():
                line = line.strip()
                if line.startswith("- ") and not detect_acute(line[2:]).acute:
                    texts.append(line[2:].strip())
    return texts


def load_examples(path: Path = EXAMPLES_FILE) -> AcuteExamples:
    """Read and check the examples file (a malformed file must stop the bot, not weaken it)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or not isinstance(raw.get("examples"), list):
        raise ValueError(f"{path}: expected a mapping with an 'examples' list")
    threshold = raw.get("threshold")
    if not isinstance(threshold, (int, float)) or not 0 < threshold < 1:
        raise ValueError(f"{path}: 'threshold' must be a number between 0 and 1")
    override = raw.get("denial_override", 1.0)
    if not isinstance(override, (int, float)) or not threshold <= override <= 1:
        raise ValueError(f"{path}: 'denial_override' must be a number between the threshold and 1")
    calm_override = raw.get("calm_override", 1.0)
    if not isinstance(calm_override, (int, float)) or not threshold <= calm_override <= 1:
        raise ValueError(f"{path}: 'calm_override' must be a number between the threshold and 1")
    texts, labels = [], []
    for index, item in enumerate(raw["examples"]):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not isinstance(item.get("akut"), bool):
            raise ValueError(f"{path}: example {index} needs a 'text' string and an 'akut' true/false")
        texts.append(item["text"])
        labels.append(item["akut"])
    if len(set(labels)) < 2:
        raise ValueError(f"{path}: needs both acute and non-acute examples")
    extra: list[str] = []
    source = raw.get("extra_negatives")
    if source is not None:
        if not isinstance(source, dict) or not isinstance(source.get("files"), str) or not isinstance(source.get("intents"), list):
            raise ValueError(f"{path}: 'extra_negatives' needs 'files' (a glob) and 'intents' (a list)")
        extra = _nlu_examples(source["files"], source["intents"])
    return AcuteExamples(tuple(texts), tuple(labels), float(threshold), float(override), float(calm_override),
                         tuple(extra))


def normalise(text: str) -> str:
    return fold(text).text


def build_pipeline(c: float = 10.0) -> Any:
    """The untrained model; also used by the cross-validation script.

    C = 10 had the fewest cross-validated false alarms at 0.98 recall of C in {4, 10, 20, 50}
    (2026-11-22, 880 examples); it was 4 before. Character n-grams 2-6 (2-5 before) had the fewest: 13.5 %
    against 14.0 % at 0.98 recall (2026-12-05, 1 672 examples; C 5/20, chars 1-5, 3-5 and word trigrams were no
    better).
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion([
        ("words", TfidfVectorizer(preprocessor=normalise, ngram_range=(1, 2), min_df=1, sublinear_tf=True)),
        ("chars", TfidfVectorizer(preprocessor=normalise, analyzer="char_wb", ngram_range=(2, 6), min_df=2,
                                  sublinear_tf=True)),
    ])
    classifier = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, solver="liblinear")
    return Pipeline([("features", features), ("classifier", classifier)])


class AcuteClassifier:
    """Probability that a message describes acute danger."""

    def __init__(self, examples: AcuteExamples) -> None:
        self.threshold = examples.threshold
        self.denial_override = examples.denial_override
        self.calm_override = examples.calm_override
        self._pipeline = build_pipeline()
        texts = list(examples.texts) + list(examples.extra_negatives)
        labels = [int(label) for label in examples.labels] + [0] * len(examples.extra_negatives)
        fortran_coefficients(self._pipeline.fit(texts, labels))

    def probability(self, text: str) -> float:
        return float(self._pipeline.predict_proba([text])[0][1])

    def is_acute(self, text: str) -> bool:
        return self.probability(text) >= self.threshold


@lru_cache(maxsize=1)
def acute_classifier() -> AcuteClassifier:
    return AcuteClassifier(load_examples())
