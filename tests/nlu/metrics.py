"""Scores shared by the held-out evaluation, the cross-validation and the comparison.

Pure Python on lists of predictions, so it is the same arithmetic for every
pipeline (Rasa models and the scikit-learn baseline alike).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Iterable

FALLBACK_INTENT = "nlu_fallback"
CONCERN_PREFIX = "bekymring_"
OTHER = "other"

# The FallbackClassifier in config.yml; read from there when possible (see configured_fallback).
DEFAULT_THRESHOLD = 0.4
DEFAULT_AMBIGUITY = 0.1
COST_TOLERANCE = 0.01


def is_concern(intent: str) -> bool:
    return intent.startswith(CONCERN_PREFIX)


def short(intent: str) -> str:
    return intent.replace(CONCERN_PREFIX, "")


def per_label_scores(gold: list[str], predicted: list[str], labels: Iterable[str]) -> dict[str, dict[str, float]]:
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


def macro_f1(scores: dict[str, dict[str, float]]) -> float:
    return sum(s["f1"] for s in scores.values()) / len(scores) if scores else 0.0


def confusion(gold: list[str], predicted: list[str]) -> dict[str, dict[str, int]]:
    table: dict[str, Counter] = defaultdict(Counter)
    for g, p in zip(gold, predicted, strict=False):
        table[g][p] += 1
    return {g: dict(sorted(c.items())) for g, c in sorted(table.items())}


def top_prediction(parsed: dict[str, Any]) -> dict[str, Any]:
    """The classifier's own best intent, ignoring the FallbackClassifier's ``nlu_fallback``."""
    ranking = [r for r in parsed.get("intent_ranking") or [] if r["name"] != FALLBACK_INTENT]
    if not ranking:
        intent = parsed.get("intent") or {}
        if intent.get("name") and intent["name"] != FALLBACK_INTENT:
            return {"name": intent["name"], "confidence": float(intent.get("confidence") or 0.0), "second": 0.0}
        return {"name": FALLBACK_INTENT, "confidence": 0.0, "second": 0.0}
    second = ranking[1]["confidence"] if len(ranking) > 1 else 0.0
    return {"name": ranking[0]["name"], "confidence": float(ranking[0]["confidence"]), "second": float(second)}


def falls_back(top: dict[str, Any], threshold: float, ambiguity: float) -> bool:
    """What Rasa's FallbackClassifier does: low confidence, or the top two too close."""
    return top["confidence"] < threshold or (top["confidence"] - top["second"]) < ambiguity


def intent_scores(gold: list[str], tops: list[dict[str, Any]], texts: list[str], fallback_flags: list[bool],
                  labels: list[str] | None = None, extra: list[dict[str, Any]] | None = None,
                  n_errors: int = 20) -> dict[str, Any]:
    """Per-intent scores, macro F1 over ``labels`` (default: the gold labels), confusion, worst errors."""
    predicted = [t["name"] for t in tops]
    labels = labels if labels is not None else sorted(set(gold))
    scores = per_label_scores(gold, predicted, labels)
    errors = []
    for i, (text, g, t) in enumerate(zip(texts, gold, tops, strict=True)):
        if g != t["name"]:
            error = {"text": text, "gold": g, "predicted": t["name"], "confidence": round(t["confidence"], 3)}
            if extra:
                error.update(extra[i])
            errors.append(error)
    errors.sort(key=lambda x: -x["confidence"])
    n = len(gold)
    return {
        "n": n,
        "accuracy": sum(1 for g, p in zip(gold, predicted, strict=True) if g == p) / n if n else 0.0,
        "macro_f1": macro_f1(scores),
        "per_intent": scores,
        "confusion": confusion(gold, predicted),
        "fallback_rate": sum(fallback_flags) / n if n else 0.0,
        "n_errors": len(errors),
        "worst_errors": errors[:n_errors],
    }


def threshold_analysis(gold: list[str], tops: list[dict[str, Any]], thresholds: list[float], ambiguity: float,
                       error_cost: float) -> dict[str, Any]:
    """Fallback rate vs. error rate among accepted predictions for each threshold.

    ``cost`` per message = fallback rate + error_cost * (wrong and accepted) / n: a
    fallback costs the user one click on the offered buttons, an accepted wrong
    type shows a wrong procedure unless the user corrects it.
    """
    rows = []
    n = len(gold)
    for threshold in thresholds:
        fallback = [falls_back(t, threshold, ambiguity) for t in tops]
        accepted = [(g, t) for g, t, f in zip(gold, tops, fallback, strict=True) if not f]
        wrong = sum(1 for g, t in accepted if g != t["name"])
        # Of the messages sent to the fallback, how many would have been classified correctly?
        lost = sum(1 for g, t, f in zip(gold, tops, fallback, strict=True) if f and g == t["name"])
        rows.append({
            "threshold": round(threshold, 2),
            "fallback_rate": sum(fallback) / n if n else 0.0,
            "accepted_error_rate": wrong / len(accepted) if accepted else 0.0,
            "wrong_accepted": wrong,
            "correct_sent_to_fallback": lost,
            "cost": (sum(fallback) + error_cost * wrong) / n if n else 0.0,
        })
    # The cost curve is flat near its minimum: take the lowest threshold within COST_TOLERANCE
    # of it, so no user is sent to the fallback for a difference the data cannot show.
    lowest = min((r["cost"] for r in rows), default=None)
    best = next((r for r in rows if r["cost"] <= lowest + COST_TOLERANCE), None) if rows else None
    minimum = min(rows, key=lambda r: (round(r["cost"], 6), r["threshold"])) if rows else None
    return {"n": n, "ambiguity_threshold": ambiguity, "error_cost": error_cost, "rows": rows,
            "recommended": best["threshold"] if best else None,
            "minimum_cost_threshold": minimum["threshold"] if minimum else None,
            "cost_tolerance": COST_TOLERANCE}


def acute_scores(predicted: list[bool], cases: list[dict[str, Any]]) -> dict[str, Any]:
    gold = [bool(c["akut"]) for c in cases]
    acute = [p for p, g in zip(predicted, gold, strict=True) if g]
    calm = [p for p, g in zip(predicted, gold, strict=True) if not g]
    return {
        "n_acute": len(acute),
        "n_not_acute": len(calm),
        "recall": sum(acute) / len(acute) if acute else 0.0,
        "false_alarm_rate": sum(calm) / len(calm) if calm else 0.0,
        "misses": [c["text"] for c, p in zip(cases, predicted, strict=True) if c["akut"] and not p],
        "false_alarms": [c["text"] for c, p in zip(cases, predicted, strict=True) if not c["akut"] and p],
    }


# The bot answers 112/114 first on either entity (bot/policies.py): ``akut_signal`` from
# the rules, ``akut_mulig`` from the acute classifier when no rule fired.
ACUTE_RULES_ENTITY = "akut_signal"
ACUTE_ENTITIES = frozenset({ACUTE_RULES_ENTITY, "akut_mulig"})


def has_acute_entity(parsed: dict[str, Any], entities: frozenset[str] = ACUTE_ENTITIES) -> bool:
    return any(e.get("entity") in entities for e in parsed.get("entities") or [])


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]
