"""Held-out NLU evaluation: concern intents, acute signals, age groups, fallback rate.

Usage:
    python -m tests.nlu.evaluate [--model models/current.tar.gz] [--out reports/nlu]

Parses every held-out example with the trained model (in process, no server)
and writes ``report.json`` and ``report.md``. The held-out files in this folder
are never used for training (see README.md here).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
HELDOUT_INTENTS = HERE / "heldout_bekymring.yml"
ACUTE_CASES = HERE / "akut_cases.yml"
AGE_CASES = HERE / "age_cases.yml"
FALLBACK_INTENT = "nlu_fallback"


@dataclass(frozen=True)
class Example:
    text: str
    intent: str


def load_intent_examples(path: Path = HELDOUT_INTENTS) -> list[Example]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    examples = []
    for block in data["nlu"]:
        for line in block["examples"].splitlines():
            line = line.strip()
            if line.startswith("- "):
                examples.append(Example(line[2:].strip(), block["intent"]))
    return examples


def load_cases(path: Path) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]


def per_label_scores(gold: list[str], predicted: list[str], labels: list[str]) -> dict[str, dict[str, float]]:
    scores = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=False) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=False) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=False) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    return scores


def confusion(gold: list[str], predicted: list[str]) -> dict[str, dict[str, int]]:
    table: dict[str, Counter] = defaultdict(Counter)
    for g, p in zip(gold, predicted, strict=False):
        table[g][p] += 1
    return {g: dict(c) for g, c in sorted(table.items())}


def quiet_rasa_logging() -> None:
    import logging

    from rasa.utils.log_utils import configure_structlog

    logging.getLogger().setLevel(logging.WARNING)
    configure_structlog(logging.WARNING)


async def _parse_all(model: Path, texts: list[str]) -> tuple[list[dict[str, Any]], list[float]]:
    from rasa.core.agent import Agent

    quiet_rasa_logging()

    agent = Agent.load(str(model))
    parsed, latencies = [], []
    for text in texts:
        started = time.perf_counter()
        parsed.append(await agent.parse_message(text))
        latencies.append((time.perf_counter() - started) * 1000)
    return parsed, latencies


def evaluate_intents(parsed: list[dict[str, Any]], examples: list[Example]) -> dict[str, Any]:
    gold = [e.intent for e in examples]
    top = []
    for result in parsed:
        ranking = [r for r in result.get("intent_ranking", []) if r["name"] != FALLBACK_INTENT]
        top.append(ranking[0] if ranking else {"name": FALLBACK_INTENT, "confidence": 0.0})
    predicted = [t["name"] for t in top]
    labels = sorted(set(gold))
    scores = per_label_scores(gold, predicted, labels)
    macro_f1 = sum(s["f1"] for s in scores.values()) / len(scores)
    accuracy = sum(1 for g, p in zip(gold, predicted, strict=False) if g == p) / len(gold)
    fallback = sum(1 for r in parsed if r["intent"]["name"] == FALLBACK_INTENT) / len(parsed)
    errors = [
        {"text": e.text, "gold": e.intent, "predicted": t["name"], "confidence": round(t["confidence"], 3)}
        for e, t in zip(examples, top, strict=False)
        if e.intent != t["name"]
    ]
    errors.sort(key=lambda x: -x["confidence"])
    return {
        "n": len(examples),
        "accuracy": accuracy,
        "macro_f1": macro_f1,
        "per_intent": scores,
        "confusion": confusion(gold, predicted),
        "fallback_rate": fallback,
        "worst_errors": errors[:20],
    }


def evaluate_acute(parsed: list[dict[str, Any]], cases: list[dict[str, Any]]) -> dict[str, Any]:
    predicted = [any(e["entity"] == "akut_signal" for e in r.get("entities", [])) for r in parsed]
    gold = [bool(c["akut"]) for c in cases]
    acute = [p for p, g in zip(predicted, gold, strict=False) if g]
    calm = [p for p, g in zip(predicted, gold, strict=False) if not g]
    misses = [c["text"] for c, p in zip(cases, predicted, strict=False) if c["akut"] and not p]
    false_alarms = [c["text"] for c, p in zip(cases, predicted, strict=False) if not c["akut"] and p]
    return {
        "n_acute": len(acute),
        "n_not_acute": len(calm),
        "recall": sum(acute) / len(acute) if acute else 0.0,
        "false_alarm_rate": sum(calm) / len(calm) if calm else 0.0,
        "misses": misses,
        "false_alarms": false_alarms,
    }


def evaluate_age(cases: list[dict[str, Any]]) -> dict[str, Any]:
    from bot.nlu.age import detect_age_group, detect_bare_age

    results = []
    for case in cases:
        found = detect_age_group(case["text"]) or detect_bare_age(case["text"])
        results.append((case, found.group if found else None))
    stated = [(c, p) for c, p in results if c["age_group"] is not None]
    unstated = [(c, p) for c, p in results if c["age_group"] is None]
    return {
        "n_stated": len(stated),
        "accuracy_stated": sum(1 for c, p in stated if p == c["age_group"]) / len(stated) if stated else 0.0,
        "n_unstated": len(unstated),
        "asked_when_unstated": sum(1 for _, p in unstated if p is None) / len(unstated) if unstated else 0.0,
        "errors": [{"text": c["text"], "gold": c["age_group"], "predicted": p} for c, p in results if p != c["age_group"]],
    }


def _pct(x: float) -> str:
    return f"{x * 100:.1f} %"


def markdown(report: dict[str, Any]) -> str:
    intents = report["intents"]
    lines = [
        "# Held-out NLU evaluation",
        "",
        f"Model: `{report['model']}` · examples: {intents['n']} · generated {report['generated']}",
        "",
        f"**Concern intents:** accuracy {_pct(intents['accuracy'])}, macro F1 {intents['macro_f1']:.3f}, "
        f"fallback rate at the configured thresholds {_pct(intents['fallback_rate'])}",
        "",
        "| intent | precision | recall | F1 | n |",
        "|---|---|---|---|---|",
    ]
    for name, s in intents["per_intent"].items():
        lines.append(f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['support']} |")
    labels = list(intents["per_intent"])
    predicted_labels = sorted({p for row in intents["confusion"].values() for p in row} | set(labels))
    short = {name: name.replace("bekymring_", "") for name in predicted_labels}
    lines += ["", "## Confusion matrix (rows: gold, columns: predicted)", "",
              "| gold \\ predicted | " + " | ".join(short[p] for p in predicted_labels) + " |",
              "|---" * (len(predicted_labels) + 1) + "|"]
    for gold in labels:
        row = intents["confusion"].get(gold, {})
        lines.append(f"| {short[gold]} | " + " | ".join(str(row.get(p, 0)) for p in predicted_labels) + " |")
    acute, age = report["acute"], report["age"]
    lines += [
        "",
        "## Acute signals",
        "",
        f"Recall {_pct(acute['recall'])} ({acute['n_acute']} acute), false-alarm rate "
        f"{_pct(acute['false_alarm_rate'])} ({acute['n_not_acute']} not acute).",
        "",
        "Missed: " + ("; ".join(f"“{t}”" for t in acute["misses"]) or "none"),
        "",
        "False alarms: " + ("; ".join(f"“{t}”" for t in acute["false_alarms"]) or "none"),
        "",
        "## Age group",
        "",
        f"Accuracy where the text states it: {_pct(age['accuracy_stated'])} ({age['n_stated']} cases); "
        f"asks when not stated: {_pct(age['asked_when_unstated'])} ({age['n_unstated']} cases).",
        "",
        "Errors: " + ("; ".join(f"“{e['text']}” → {e['predicted']} (gold {e['gold']})" for e in age["errors"]) or "none"),
        "",
        "## Worst intent errors (highest confidence first)",
        "",
        "| text | gold | predicted | confidence |",
        "|---|---|---|---|",
    ]
    for e in intents["worst_errors"]:
        lines.append(f"| {e['text']} | {e['gold']} | {e['predicted']} | {e['confidence']} |")
    lat = report["parse_latency_ms"]
    lines += ["", f"Parse latency in process: median {lat['p50']:.1f} ms, p95 {lat['p95']:.1f} ms.", ""]
    return "\n".join(lines)


def run(model: Path, out: Path | None) -> dict[str, Any]:
    examples = load_intent_examples()
    acute_cases = load_cases(ACUTE_CASES)
    age_cases = load_cases(AGE_CASES)
    texts = [e.text for e in examples] + [c["text"] for c in acute_cases]
    parsed, latencies = asyncio.run(_parse_all(model, texts))
    latencies.sort()
    report = {
        "model": model.resolve().name,
        "generated": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "intents": evaluate_intents(parsed[: len(examples)], examples),
        "acute": evaluate_acute(parsed[len(examples):], acute_cases),
        "age": evaluate_age(age_cases),
        "parse_latency_ms": {
            "p50": latencies[len(latencies) // 2],
            "p95": latencies[int(len(latencies) * 0.95)],
        },
    }
    if out:
        out.mkdir(parents=True, exist_ok=True)
        (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        (out / "report.md").write_text(markdown(report), encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    parser = argparse.ArgumentParser(description="Held-out NLU evaluation")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "current.tar.gz")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "nlu")
    args = parser.parse_args(argv)
    report = run(args.model, args.out)
    print(markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
