"""Figures per held-out round: concern intents, acute signals (rules + classifier), age.

Usage:
    python -m tests.nlu.rounds [--model models/current.tar.gz] [--include-sealed]

Every open round present is shown (tests/nlu/heldout.py finds them). The sealed round
(tests/nlu/README.md) is left out unless ``--include-sealed`` is given, and even then
only its aggregate numbers are printed, never the texts of errors: a figure looked at
after every change becomes a figure tuned on.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.nlu.heldout import SEALED_ROUNDS, discover

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CONCERNS = [
    "bekymring_negativ_social_kontrol", "bekymring_aeresrelateret_vold", "bekymring_tvangsaegteskab",
    "bekymring_udlandsophold", "bekymring_ekstremisme", "bekymring_andet_overgreb", "bekymring_uklar",
]


def _intent_examples(path: Path) -> list[tuple[str, str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [(line.strip()[2:].strip(), block["intent"]) for block in data["nlu"]
            for line in block["examples"].splitlines() if line.strip().startswith("- ")]


def _cases(path: Path) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]


async def _predict(model: Path, texts: list[str]) -> list[str]:
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    # Rasa's structlog logger prints every parsed text at debug level to stdout; this table needs none of it.
    configure_structlog(logging.WARNING)
    logging.getLogger().setLevel(logging.WARNING)
    agent = Agent.load(str(model))
    predicted = []
    for text in texts:
        parsed = await agent.parse_message(text)
        ranking = [r for r in parsed.get("intent_ranking", []) if r["name"] != "nlu_fallback"]
        predicted.append(ranking[0]["name"] if ranking else "nlu_fallback")
    return predicted


def intent_scores(gold: list[str], predicted: list[str]) -> dict[str, Any]:
    f1 = {}
    for label in CONCERNS:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1[label] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    worst = min(f1, key=f1.get)
    return {"macro_f1": sum(f1.values()) / len(f1), "worst": (worst, f1[worst]), "per_intent": f1}


def acute_scores(cases: list[dict[str, Any]]) -> dict[str, Any]:
    from bot.nlu.components import ENTITY_ACUTE, ENTITY_POSSIBLY_ACUTE, signal_entities

    rows = []
    for case in cases:
        kinds = {e["entity"] for e in signal_entities(case["text"])}
        rows.append((bool(case["akut"]), ENTITY_ACUTE in kinds, bool({ENTITY_ACUTE, ENTITY_POSSIBLY_ACUTE} & kinds)))
    acute = [r for r in rows if r[0]]
    calm = [r for r in rows if not r[0]]
    return {
        "n": (len(acute), len(calm)),
        "rules": (sum(r[1] for r in acute) / len(acute), sum(r[1] for r in calm) / len(calm)),
        "combined": (sum(r[2] for r in acute) / len(acute), sum(r[2] for r in calm) / len(calm)),
    }


def age_accuracy(cases: list[dict[str, Any]]) -> tuple[float, int]:
    from bot.nlu.age import detect_age_group, detect_bare_age

    stated = [c for c in cases if c["age_group"] is not None]
    right = 0
    for case in stated:
        found = detect_age_group(case["text"]) or detect_bare_age(case["text"])
        right += bool(found and found.group == case["age_group"])
    return right / len(stated), len(stated)


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "current.tar.gz")
    parser.add_argument("--include-sealed", action="store_true", help="also the sealed round (aggregates only)")
    args = parser.parse_args(argv)
    found = discover(HERE, include_sealed=args.include_sealed)
    examples = {n: _intent_examples(path) for n, path in found["intents"].items()}
    texts = [t for n in examples for t, _ in examples[n]]
    predicted = asyncio.run(_predict(args.model, texts))
    print("| round | macro F1 | lowest intent F1 | acute recall (rules → +classifier) "
          "| false alarms (rules → +classifier) | age, stated |")
    print("|---|---|---|---|---|---|")
    offset = 0
    for n in found["intents"]:
        gold = [intent for _, intent in examples[n]]
        scores = intent_scores(gold, predicted[offset:offset + len(gold)])
        offset += len(gold)
        acute = acute_scores(_cases(found["acute"][n]))
        age, n_age = age_accuracy(_cases(found["age"][n]))
        name = f"{n} (sealed)" if n in SEALED_ROUNDS else str(n)
        print(f"| {name} | {scores['macro_f1']:.3f} | {scores['worst'][1]:.3f} ({scores['worst'][0]}) "
              f"| {acute['rules'][0]:.1%} → {acute['combined'][0]:.1%} of {acute['n'][0]} "
              f"| {acute['rules'][1]:.1%} → {acute['combined'][1]:.1%} of {acute['n'][1]} | {age:.1%} of {n_age} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
