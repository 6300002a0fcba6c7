"""Choose the acute classifier's threshold from cross-validation on its training examples.

Usage:
    python -m tests.nlu.acute_threshold [--folds 5] [--seeds 7,1,2,3,4] [--target-recall 0.98] [--write]

Out-of-fold probabilities for every example in ``bot/nlu/akut_examples.yml`` are
combined with the rules exactly as the bot does (acute when the rules fire OR the
probability reaches the threshold). The cross-validation is repeated with one
shuffled split per seed and the rates are averaged: with ~600 acute examples one
split moves recall by up to 0.01 (3 examples either way), which is the whole
margin the target leaves. The chosen threshold is the highest one (in steps of
0.01) whose mean cross-validated recall reaches the target (the product's 0.98 by
default), so the false-alarm rate is as low as that recall allows. ``--write``
stores it in the examples file. No held-out test set is read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from bot.nlu.acute import detect_acute
from bot.nlu.acute_model import EXAMPLES_FILE, build_pipeline, load_examples
from bot.nlu.components import MIN_WORDS_FOR_CLASSIFIER

ROOT = Path(__file__).resolve().parents[2]
THRESHOLDS = [round(0.01 * i, 2) for i in range(5, 96)]


def out_of_fold_probabilities(texts: list[str], labels: list[int], folds: int, extra: list[str],
                              seed: int = 7) -> list[float]:
    """Each labelled example scored by a model that did not see it (the extra negatives are always in)."""
    from sklearn.model_selection import StratifiedKFold

    probabilities = [0.0] * len(texts)
    for train, test in StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(texts, labels):
        model = build_pipeline().fit([texts[i] for i in train] + extra, [labels[i] for i in train] + [0] * len(extra))
        for i, p in zip(test, model.predict_proba([texts[i] for i in test])[:, 1], strict=True):
            probabilities[i] = float(p)
    return probabilities


def sweep(labels: list[int], rules: list[bool], probabilities: list[float], vetoed: list[bool],
          denied: list[bool] | None = None, override: float = 1.0, calmed: list[bool] | None = None,
          calm_override: float = 1.0) -> list[dict[str, float]]:
    """Rules OR classifier per threshold; a stated denial is overruled only at ``override`` and a calm
    context only at ``calm_override``, a message with both only at the higher of the two (as in the bot)."""
    denied = denied or [False] * len(rules)
    calmed = calmed or [False] * len(rules)
    rows = []
    for threshold in THRESHOLDS:
        predicted = [r or (not v and p >= threshold)
                     or ((d or c) and p >= max(override if d else 0.0, calm_override if c else 0.0))
                     for r, p, v, d, c in zip(rules, probabilities, vetoed, denied, calmed, strict=True)]
        acute = [p for p, y in zip(predicted, labels, strict=True) if y]
        calm = [p for p, y in zip(predicted, labels, strict=True) if not y]
        rows.append({"threshold": threshold, "recall": sum(acute) / len(acute), "false_alarm_rate": sum(calm) / len(calm)})
    return rows


def mean_rows(per_seed: list[list[dict[str, float]]]) -> list[dict[str, float]]:
    """Average the per-seed sweeps threshold by threshold; keep the worst seed's recall beside the mean."""
    rows = []
    for at_threshold in zip(*per_seed, strict=True):
        recalls = [row["recall"] for row in at_threshold]
        rows.append({"threshold": at_threshold[0]["threshold"], "recall": sum(recalls) / len(recalls),
                     "recall_min": min(recalls),
                     "false_alarm_rate": sum(row["false_alarm_rate"] for row in at_threshold) / len(at_threshold)})
    return rows


def choose(rows: list[dict[str, float]], target_recall: float) -> float:
    good = [row["threshold"] for row in rows if row["recall"] >= target_recall]
    return max(good) if good else min(THRESHOLDS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", default="7,1,2,3,4", help="one shuffled split per seed (comma-separated)")
    parser.add_argument("--target-recall", type=float, default=0.98)
    parser.add_argument("--write", action="store_true", help="store the chosen threshold in the examples file")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "nlu" / "acute_threshold.json")
    args = parser.parse_args(argv)

    examples = load_examples()
    texts, labels = list(examples.texts), [int(y) for y in examples.labels]
    rules = [detect_acute(t).acute for t in texts]
    # As in the bot: an explicit "nobody is in danger", a calm context (over, hypothetical) and very short
    # answers are not left to the classifier.
    results = [detect_acute(t) for t in texts]
    short = [len(t.split()) < MIN_WORDS_FOR_CLASSIFIER for t in texts]
    vetoed = [r.not_acute or r.calm_context or s for r, s in zip(results, short, strict=True)]
    denied = [r.not_acute and not s for r, s in zip(results, short, strict=True)]
    calm = [r.calm_context and not r.not_acute and not s for r, s in zip(results, short, strict=True)]
    seeds = [int(seed) for seed in args.seeds.split(",")]
    rows = mean_rows([sweep(labels, rules, out_of_fold_probabilities(texts, labels, args.folds,
                                                                     list(examples.extra_negatives), seed),
                            vetoed, denied, examples.denial_override, calm, examples.calm_override)
                      for seed in seeds])
    chosen = choose(rows, args.target_recall)
    rules_only = sweep(labels, rules, [0.0] * len(texts), vetoed, denied, examples.denial_override, calm,
                       examples.calm_override)[-1]
    print(f"{len(texts)} examples ({sum(labels)} acute) + {len(examples.extra_negatives)} everyday examples, "
          f"{args.folds}-fold cross-validation repeated with seeds {seeds} (mean; lowest seed's recall beside it)")
    print(f"rules alone: recall {rules_only['recall']:.3f}, false alarms {rules_only['false_alarm_rate']:.3f}")
    print("threshold  recall (lowest)  false-alarms   (rules OR classifier)")
    for row in rows:
        if round(row["threshold"] * 100) % 5 and abs(row["threshold"] - chosen) > 0.035:
            continue
        mark = "  <- chosen" if row["threshold"] == chosen else ""
        print(f"  {row['threshold']:.2f}     {row['recall']:.3f} ({row['recall_min']:.3f})   "
              f"{row['false_alarm_rate']:.3f}{mark}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"folds": args.folds, "seeds": seeds, "target_recall": args.target_recall, "chosen": chosen,
                                    "rules_only": rules_only, "sweep": rows}, indent=2), encoding="utf-8")
    if args.write:
        text = EXAMPLES_FILE.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^threshold:.*$", f"threshold: {chosen}", text, count=1)
        EXAMPLES_FILE.write_text(text, encoding="utf-8")
        print(f"wrote threshold {chosen} to {EXAMPLES_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
