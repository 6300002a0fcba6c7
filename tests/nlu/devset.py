"""Score the intent classifier on a development set, with or without some training files.

Usage:
    python -m tests.nlu.devset [--dev tests/nlu/dev/quoted_speech_dev.yml] [--without data/nlu/FILE.yml ...]

A development set is for deciding whether a change of training data helps a kind of
wording (here: the person's own words quoted). It is not a held-out round: it may be
read and tuned on, so its score says nothing about unseen authors. The classifier is the
bot's own TF-IDF + logistic regression (``bot.nlu.tfidf_classifier``) fitted in process
on ``data/nlu`` (minus ``--without``); the fallback is counted with the thresholds in
``config.yml``. Prints macro F1 over the concern types, per-type F1 and the fallback rate.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DEV = ROOT / "tests" / "nlu" / "dev" / "quoted_speech_dev.yml"


def _examples(paths: list[Path]) -> list[tuple[str, str]]:
    from rasa.shared.nlu.training_data.loading import load_data

    pairs: list[tuple[str, str]] = []
    for path in paths:
        data = load_data(str(path))
        pairs += [(m.get("text"), m.get("intent")) for m in data.intent_examples if m.get("text") and m.get("intent")]
    return pairs


def _fallback_thresholds() -> tuple[float, float]:
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    step = next(c for c in config["pipeline"] if c["name"] == "FallbackClassifier")
    return float(step["threshold"]), float(step["ambiguity_threshold"])


def score(dev: Path, without: list[Path]) -> dict[str, object]:
    from sklearn.metrics import f1_score

    from bot.nlu.tfidf_classifier import TfidfIntentClassifier, build_model, normalise

    skip = {p.resolve() for p in without}
    files = [p for p in sorted((ROOT / "data" / "nlu").glob("*.yml")) if p.resolve() not in skip]
    train = _examples(files)
    test = _examples([dev])
    model = build_model(TfidfIntentClassifier.get_default_config())
    model.fit([normalise(t) for t, _ in train], [i for _, i in train])
    classes = list(model.classes_)
    threshold, ambiguity = _fallback_thresholds()
    predicted, fallbacks = [], 0
    for row in model.predict_proba([normalise(t) for t, _ in test]):
        order = row.argsort()[::-1]
        fallbacks += row[order[0]] < threshold or row[order[0]] - row[order[1]] < ambiguity
        predicted.append(classes[order[0]])
    gold = [i for _, i in test]
    labels = sorted(set(gold))
    per_type = f1_score(gold, predicted, labels=labels, average=None)
    return {
        "training_examples": len(train),
        "dev_examples": len(test),
        "macro_f1": float(f1_score(gold, predicted, labels=labels, average="macro")),
        "per_type_f1": {label: round(float(f), 3) for label, f in zip(labels, per_type, strict=True)},
        "fallback_rate": fallbacks / len(test),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--without", type=Path, nargs="*", default=[], help="training files to leave out")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    result = score(args.dev, args.without)
    print(f"{result['dev_examples']} dev examples, {result['training_examples']} training examples: "
          f"macro F1 {result['macro_f1']:.3f}, fallback {result['fallback_rate']:.1%}")
    for label, f1 in result["per_type_f1"].items():
        print(f"  {label:36s} {f1:.3f}")


if __name__ == "__main__":
    main()
