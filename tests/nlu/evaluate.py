"""NLU evaluation: held-out set, cross-validation on the training data, pipeline comparison.

Usage:
    python -m tests.nlu.evaluate                        # held-out + 5-fold CV of our pipeline
    python -m tests.nlu.evaluate --compare --cv 5       # + every variant in tests/nlu/variants/ (`make evaluate`)
    python -m tests.nlu.evaluate --cv 0                 # held-out only (what tests/test_nlu_heldout.py runs)
    HANDLEVEJ_EVAL_EPOCHS=2 python -m tests.nlu.evaluate --compare --out build/nlu-dev   # quick development run
    python -m tests.nlu.evaluate --compare --record "what changed"   # full run + an entry in history.yml

1. Held-out: every held-out file in this folder (round 1 + later rounds, see
   heldout.py) is parsed with the trained model (``models/current.tar.gz``; an
   NLU-only model is trained from config.yml + data/nlu if there is none) in
   process. Scores per round and combined. The held-out files are never trained on.
2. Cross-validation: stratified k folds of data/nlu (all intents), NLU-only
   models trained in worker processes (tests/nlu/crossval.py); per-intent
   scores, confusion, worst errors and a fallback-threshold analysis.
3. Comparison (``--compare``): the variants in tests/nlu/variants/ on the
   same folds (tests/nlu/compare.py).

Writes report.json, report.md and confusion.png to ``--out`` (default reports/nlu).
History (tests/nlu/history.yml) is rendered into the report.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from tests.nlu import compare, crossval, heldout
from tests.nlu.heldout import Example, load_cases, load_intent_examples  # noqa: F401  (used by other tests)
from tests.nlu.metrics import (
    ACUTE_ENTITIES,
    ACUTE_RULES_ENTITY,
    FALLBACK_INTENT,
    acute_scores,
    confusion,  # noqa: F401
    has_acute_entity,
    intent_scores,
    is_concern,
    per_label_scores,  # noqa: F401
    percentile,
    short,
    threshold_analysis,
    top_prediction,
)
from tests.nlu.plots import confusion_markdown, save_confusion_png

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
HISTORY = HERE / "history.yml"
DEFAULT_MODEL = ROOT / "models" / "current.tar.gz"
DEFAULT_OUT = ROOT / "reports" / "nlu"
THRESHOLDS = [round(0.1 + 0.05 * i, 2) for i in range(15)]  # 0.10 .. 0.80
AMBIGUITIES = [0.0, 0.05, 0.1, 0.15]  # the FallbackClassifier's ambiguity_threshold, swept with the threshold
# Cost of an accepted wrong concern type relative to one fallback: the fallback
# costs one click on the offered buttons; a wrong type shows the wrong procedure
# unless the user notices and uses "not right? choose the type" (assumption).
ERROR_COST = 3.0


def quiet_rasa_logging() -> None:
    crossval.quiet_rasa_logging()


# --------------------------------------------------------------------------- held-out


def ensure_model(model: Path, progress=print) -> Path:
    """The trained model; without one, an NLU-only model from config.yml + data/nlu (build/nlu-eval/model)."""
    if model.exists():
        return model
    target = crossval.WORK / "model" / "nlu-current.tar.gz"
    progress(f"no model at {model}: training an NLU-only model from config.yml and data/nlu -> {target}")
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "rasa", "train", "nlu", "--config", "config.yml", "--nlu", "data/nlu",
                    "--out", str(target.parent), "--fixed-model-name", "nlu-current"], cwd=ROOT, env=env, check=True)
    return target


def git_commit() -> str | None:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "data", "config.yml", "bot/nlu"], cwd=ROOT,
                               capture_output=True, text=True, check=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return head + ("+uncommitted data/config/bot.nlu changes" if dirty else "")


def model_is_current(model: Path) -> bool | None:
    """Whether a cached model from scripts/setup.sh matches the current data and config (None: unknown)."""
    match = re.fullmatch(r"handlevej-([a-z0-9_]+)-([0-9a-f]{16})\.tar\.gz", model.resolve().name)
    if not match or not (ROOT / "build" / "domain.yml").exists():
        return None
    try:
        out = subprocess.run(["bash", "-c", 'ROOT="$PWD"; source scripts/common.sh; model_content_hash'], cwd=ROOT,
                             env={**os.environ, "HANDLEVEJ_KOMMUNE": match.group(1)}, capture_output=True,
                             text=True, check=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return out == match.group(2)


async def _parse_all(model: Path, texts: list[str]) -> tuple[list[dict[str, Any]], list[float]]:
    quiet_rasa_logging()
    return await crossval.parse_texts(model, texts)


def evaluate_intents(parsed: list[dict[str, Any]], examples: list[Example]) -> dict[str, Any]:
    """Concern-intent scores; the fallback rate is what the model's own FallbackClassifier did."""
    tops = [top_prediction(p) for p in parsed]
    fallback = [(p.get("intent") or {}).get("name") == FALLBACK_INTENT for p in parsed]
    return intent_scores([e.intent for e in examples], tops, [e.text for e in examples], fallback,
                         extra=[{"round": e.round} for e in examples])


def evaluate_acute(parsed: list[dict[str, Any]], cases: list[dict[str, Any]]) -> dict[str, Any]:
    """Acute as the bot sees it: ``akut_signal`` (rules) or ``akut_mulig`` (acute classifier) from
    DanishSignalExtractor; either makes AcuteFirstRulePolicy answer 112/114 first. The rules'
    share alone is reported beside it."""
    scores = acute_scores([has_acute_entity(p) for p in parsed], cases)
    rules = acute_scores([has_acute_entity(p, frozenset({ACUTE_RULES_ENTITY})) for p in parsed], cases)
    scores["rules_only"] = {"recall": rules["recall"], "false_alarm_rate": rules["false_alarm_rate"]}
    return scores


def _seal(part: dict[str, Any] | None) -> dict[str, Any] | None:
    """Aggregates only: a sealed round's texts and per-example errors stay out of the report."""
    if part is None:
        return None
    part = dict(part)
    for key in ("worst_errors", "misses", "false_alarms", "errors", "confusion"):
        if key in part:
            part[key] = [] if key != "confusion" else {}
    part["sealed"] = True
    return part


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
        "errors": [{"text": c["text"], "gold": c["age_group"], "predicted": p, "round": c["round"]}
                   for c, p in results if p != c["age_group"]],
    }


def evaluate_heldout(model: Path, ambiguity: float, include_sealed: bool = False) -> dict[str, Any]:
    """Scores per round; ``intents``/``acute``/``age`` combine the open (unsealed) rounds.

    With ``include_sealed`` the sealed rounds are parsed too, but only their
    aggregate numbers are kept (per round and in ``with_sealed``).
    """
    found = heldout.discover(include_sealed=include_sealed)
    examples, acute_cases, age_cases = heldout.load_all(found)
    texts = [e.text for e in examples] + [c["text"] for c in acute_cases]
    parsed, latencies = asyncio.run(_parse_all(model, texts))
    intent_parsed, acute_parsed = parsed[: len(examples)], parsed[len(examples):]
    sealed = heldout.SEALED_ROUNDS

    def part(rounds: set[str] | None) -> dict[str, Any]:
        idx = [i for i, e in enumerate(examples) if rounds is None or e.round in rounds]
        a_idx = [i for i, c in enumerate(acute_cases) if rounds is None or c["round"] in rounds]
        ages = [c for c in age_cases if rounds is None or c["round"] in rounds]
        return {
            "intents": evaluate_intents([intent_parsed[i] for i in idx], [examples[i] for i in idx]) if idx else None,
            "acute": evaluate_acute([acute_parsed[i] for i in a_idx], [acute_cases[i] for i in a_idx]) if a_idx else None,
            "age": evaluate_age(ages) if ages else None,
        }

    all_rounds = heldout.rounds(found)
    open_rounds = [r for r in all_rounds if r not in sealed]
    combined = part(set(open_rounds))
    report: dict[str, Any] = {
        "files": {kind: {rnd: str(p.relative_to(ROOT)) for rnd, p in files.items() if rnd not in sealed}
                  for kind, files in found.items()},
        "open_rounds": open_rounds,
        "sealed_rounds_included": [r for r in all_rounds if r in sealed],
        "sealed_rounds_present": heldout.sealed_present(),
        **combined,
        "parse_latency_ms": {"p50": percentile(latencies, 0.5), "p95": percentile(latencies, 0.95)},
        "rounds": {},
    }
    for rnd in all_rounds:
        scores = part({rnd})
        if rnd in sealed:
            scores = {k: _seal(v) for k, v in scores.items()}
            scores["sealed"] = True
        report["rounds"][rnd] = scores
    if report["sealed_rounds_included"]:
        report["with_sealed"] = {k: _seal(v) for k, v in part(None).items()}
    # What tests/test_nlu_heldout.py's floors were set on: round 1, acute = the rules' entity.
    first = open_rounds[0] if open_rounds else None
    if first:
        legacy = part({first})
        a_idx = [i for i, c in enumerate(acute_cases) if c["round"] == first]
        legacy["acute"] = acute_scores([has_acute_entity(acute_parsed[i], frozenset({ACUTE_RULES_ENTITY}))
                                        for i in a_idx], [acute_cases[i] for i in a_idx]) if a_idx else None
        report["legacy"] = {"round": first, **legacy}
    # The threshold check never looks at a sealed round.
    idx = [i for i, e in enumerate(examples) if e.round not in sealed]
    report["threshold_check"] = threshold_analysis([examples[i].intent for i in idx],
                                                   [top_prediction(intent_parsed[i]) for i in idx],
                                                   THRESHOLDS, ambiguity, ERROR_COST)
    return report


# --------------------------------------------------------------------------- cross-validation + comparison


def rules_only_acute(acute_cases: list[dict[str, Any]]) -> dict[str, Any]:
    """The acute path on its own (DanishSignalExtractor without any intent pipeline): rules + acute classifier,
    and the rules alone."""
    from bot.nlu.components import signal_entities

    signal_entities("warm-up: fit the acute classifier before timing")
    latencies, both, rules = [], [], []
    for case in acute_cases:
        started = time.perf_counter()
        found = {e["entity"] for e in signal_entities(case["text"])}
        latencies.append((time.perf_counter() - started) * 1000)
        both.append(bool(found & ACUTE_ENTITIES))
        rules.append(ACUTE_RULES_ENTITY in found)
    scores = acute_scores(both, acute_cases)
    only_rules = acute_scores(rules, acute_cases)
    return {"recall": scores["recall"], "false_alarm_rate": scores["false_alarm_rate"],
            "n_acute": scores["n_acute"], "n_not_acute": scores["n_not_acute"],
            "rules_only": {"recall": only_rules["recall"], "false_alarm_rate": only_rules["false_alarm_rate"]},
            "latency_ms": {"p50": percentile(latencies, 0.5), "p95": percentile(latencies, 0.95)}}


def run_cv(k: int, variants: list[str], *, epochs: int | None, reuse: bool, threshold: float, ambiguity: float,
           progress=print) -> dict[str, Any]:
    training_data = crossval.load_training_data()
    examples = crossval.training_examples(training_data)
    folds = crossval.stratified_folds([e.intent for e in examples], k)
    fold_files = crossval.prepare_folds(training_data, folds)
    held_examples, acute_cases, _ = heldout.load_all()
    summaries = {}
    # Slowest last (a single fold of Rasa's default pipeline takes about an hour here): an interrupted
    # run keeps the finished variants' fold results for --reuse.
    slow_last = sorted(variants, key=lambda n: n == "rasa_default")
    for name in slow_last:
        spec = compare.load_variant(name)
        started = time.perf_counter()
        progress(f"variant {name}: {k} folds" + (f", epochs overridden to {epochs}" if epochs else ""))
        raw = compare.run_variant(spec, fold_files, examples, folds, held_examples, acute_cases, epochs=epochs,
                                  reuse=reuse, progress=progress)
        summary = compare.summarize(raw, examples, folds, held_examples, acute_cases, threshold, ambiguity)
        summary["wall_seconds"] = time.perf_counter() - started
        summaries[name] = summary
    summaries = {name: summaries[name] for name in variants}
    ours = summaries["ours"]
    gold = [examples[i].intent for i in ours["cv_covered"]]
    concern_idx = [j for j, g in enumerate(gold) if is_concern(g)]
    tops = ours["cv_tops"]
    analysis = {
        "all": threshold_analysis(gold, tops, THRESHOLDS, ambiguity, ERROR_COST),
        "concern": threshold_analysis([gold[i] for i in concern_idx], [tops[i] for i in concern_idx], THRESHOLDS,
                                      ambiguity, ERROR_COST),
    }
    analysis["ambiguity_sweep"] = ambiguity_sweep(gold, tops)
    for summary in summaries.values():
        summary.pop("cv_tops", None)
        summary.pop("cv_covered", None)
    return {
        "k": k,
        "seed": crossval.SEED,
        "n_examples": len(examples),
        "n_intents": len({e.intent for e in examples}),
        "n_concern_examples": len(concern_idx),
        "epochs_override": epochs,
        "ours": ours,
        "threshold_analysis": analysis,
        "variants": summaries,
        "rules_only_acute": rules_only_acute(acute_cases),
    }


def ambiguity_sweep(gold: list[str], tops: list[dict[str, Any]]) -> dict[str, Any]:
    """Both fallback thresholds from the CV predictions.

    Every (threshold, ambiguity) pair is costed as in ``threshold_analysis``. Of
    the pairs within the cost tolerance of the cheapest one, the recommendation
    is the one that sends the fewest messages to the fallback (the same rule as
    for the threshold alone: no user gets a fallback for a difference the data
    cannot show).
    """
    per_ambiguity = []
    candidates = []
    for ambiguity in AMBIGUITIES:
        analysis = threshold_analysis(gold, tops, THRESHOLDS, ambiguity, ERROR_COST)
        best = min(analysis["rows"], key=lambda r: (round(r["cost"], 6), r["threshold"]))
        per_ambiguity.append({"ambiguity": ambiguity, **best})
        candidates += [{"ambiguity": ambiguity, **row} for row in analysis["rows"]]
    lowest = min(c["cost"] for c in candidates)
    tolerance = per_ambiguity and threshold_analysis(gold, tops, THRESHOLDS[:1], 0.0, ERROR_COST)["cost_tolerance"]
    near = [c for c in candidates if c["cost"] <= lowest + tolerance]
    chosen = min(near, key=lambda c: (c["fallback_rate"], c["ambiguity"], c["threshold"]))
    return {"rows": per_ambiguity, "minimum_cost": lowest, "cost_tolerance": tolerance,
            "recommended": {"threshold": chosen["threshold"], "ambiguity": chosen["ambiguity"],
                            "cost": chosen["cost"], "fallback_rate": chosen["fallback_rate"],
                            "accepted_error_rate": chosen["accepted_error_rate"]}}


# --------------------------------------------------------------------------- history


def load_history(path: Path = HISTORY) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("entries") or []


def history_entry(report: dict[str, Any], change: str) -> dict[str, Any]:
    held = report["heldout"]
    rounds = held["rounds"]
    r1 = rounds.get("1") or {}
    entry: dict[str, Any] = {
        "date": dt.date.today().isoformat(),
        "change": change,
        "commit": report.get("commit"),
        "heldout_rounds": "+".join(held.get("open_rounds") or rounds),
        "macro_f1_round1": round(r1["intents"]["macro_f1"], 3) if r1.get("intents") else None,
        "macro_f1_all": round(held["intents"]["macro_f1"], 3),
        "acute_recall_round1": round(r1["acute"]["recall"], 3) if r1.get("acute") else None,
        "acute_recall_all": round(held["acute"]["recall"], 3),
    }
    if report.get("cv") and not report["cv"].get("carried_over_from"):
        entry["cv_macro_f1"] = round(report["cv"]["ours"]["cv"]["macro_f1"], 3)
    notes = []
    for rnd in held.get("sealed_rounds_included") or []:
        sealed = rounds[rnd]
        notes.append(f"sealed round {rnd}: macro F1 {sealed['intents']['macro_f1']:.3f}, acute recall "
                     f"{sealed['acute']['recall']:.2f}" if sealed.get("intents") and sealed.get("acute") else
                     f"sealed round {rnd} evaluated")
    if report.get("epochs_override"):
        notes.append(f"epochs overridden to {report['epochs_override']} (development run)")
    if notes:
        entry["note"] = "; ".join(notes)
    return {k: v for k, v in entry.items() if v is not None}


def append_history(entry: dict[str, Any], path: Path = HISTORY) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else "entries:\n"
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=1000)
    text = text.rstrip("\n") + "\n" + "".join("  " + line + "\n" for line in block.splitlines())
    path.write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- the run


def run(model: Path, out: Path | None, *, cv: int = 0, variants: list[str] | None = None, epochs: int | None = None,
        reuse: bool = False, record: str | None = None, include_sealed: bool = False,
        progress=print) -> dict[str, Any]:
    """Evaluate and (with ``out``) write report.json, report.md and confusion.png.

    Without ``cv`` only the held-out set is evaluated (fast; what the test suite
    runs). ``variants`` adds the comparison (``ours`` is always part of the CV).
    Sealed held-out rounds only with ``include_sealed`` (the final figures; see heldout.py).
    """
    started = time.perf_counter()
    timings: dict[str, float] = {}
    model = ensure_model(model, progress)
    threshold, ambiguity = compare.configured_fallback()
    held = evaluate_heldout(model, ambiguity, include_sealed)
    timings["heldout"] = time.perf_counter() - started
    report: dict[str, Any] = {
        "model": model.resolve().name,
        "model_current": model_is_current(model),
        "commit": git_commit(),
        "generated": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "fallback_config": {"threshold": threshold, "ambiguity_threshold": ambiguity},
        "epochs_override": epochs,
        # Top level: the old report's scope, which tests/test_nlu_heldout.py's floors were set on
        # (round 1; acute = the rules' akut_signal entity). Everything else is under "heldout".
        "legacy_scope": "round 1; acute = akut_signal (rules) only",
        "intents": (held.get("legacy") or held)["intents"],
        "acute": (held.get("legacy") or held)["acute"],
        "age": (held.get("legacy") or held)["age"],
        "parse_latency_ms": held["parse_latency_ms"],
        "heldout": held,
    }
    if cv:
        step = time.perf_counter()
        names = ["ours"] + [n for n in (variants or []) if n != "ours"]
        report["cv"] = run_cv(cv, names, epochs=epochs, reuse=reuse, threshold=threshold, ambiguity=ambiguity,
                              progress=progress)
        report["cv"]["compared"] = bool(variants)
        timings["cv_and_comparison"] = time.perf_counter() - step
    elif out and (out / "report.json").exists():
        previous = json.loads((out / "report.json").read_text(encoding="utf-8"))
        if previous.get("cv"):
            report["cv"] = {**previous["cv"], "carried_over_from": previous.get("generated")}
    timings["total"] = time.perf_counter() - started
    report["runtime_seconds"] = {k: round(v, 1) for k, v in timings.items()}
    if record:
        append_history(history_entry(report, record))
    report["history"] = load_history()
    if out:
        out.mkdir(parents=True, exist_ok=True)
        panels = [("Held-out, all rounds (trained model)", held["intents"]["confusion"])]
        if report.get("cv") and not report["cv"].get("carried_over_from"):
            panels.append((f"{report['cv']['k']}-fold CV on data/nlu (ours), concern rows",
                           report["cv"]["ours"]["cv"]["confusion"]))
        save_confusion_png(panels, out / "confusion.png")
        (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        (out / "report.md").write_text(markdown(report), encoding="utf-8")
    return report


# --------------------------------------------------------------------------- markdown


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x * 100:.1f} %"


def _f(x: float | None, digits: int = 3) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _intent_table(overall: dict[str, Any], rounds: dict[str, Any]) -> list[str]:
    multi = len(rounds) > 1
    head = "| intent | precision | recall | F1 | n |" + "".join(f" F1 round {r} |" for r in rounds if multi)
    lines = [head, "|---" * (5 + (len(rounds) if multi else 0)) + "|"]
    for name, s in overall["per_intent"].items():
        row = f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['support']} |"
        if multi:
            for r in rounds.values():
                per = (r.get("intents") or {}).get("per_intent", {}).get(name)
                row += f" {_f(per['f1']) if per else '–'} |"
        lines.append(row)
    return lines


def _errors_table(errors: list[dict[str, Any]], extra: str | None) -> list[str]:
    lines = ["| text | gold | predicted | confidence |" + (f" {extra} |" if extra else ""),
             "|---|---|---|---|" + ("---|" if extra else "")]
    for e in errors:
        lines.append(f"| {_cell(e['text'])} | {short(e['gold'])} | {short(e['predicted'])} | {e['confidence']} |"
                     + (f" {e.get(extra, '')} |" if extra else ""))
    return lines


def _history_lines(history: list[dict[str, Any]]) -> list[str]:
    if not history:
        return ["No entries yet (tests/nlu/history.yml)."]
    lines = ["| date | change | held-out rounds | macro F1 round 1 | macro F1 these rounds | acute recall round 1 "
             "| acute recall these rounds | CV macro F1 |", "|---|---|---|---|---|---|---|---|"]
    for h in history:
        change = h["change"] + (f" ({h['note']})" if h.get("note") else "")
        lines.append(f"| {h['date']} | {_cell(change)} | {h.get('heldout_rounds', '1')} | {_f(h.get('macro_f1_round1'))} "
                     f"| {_f(h.get('macro_f1_all'))} | {_f(h.get('acute_recall_round1'), 2)} "
                     f"| {_f(h.get('acute_recall_all'), 2)} | {_f(h.get('cv_macro_f1'))} |")
    return lines


def _threshold_lines(cv: dict[str, Any], check: dict[str, Any] | None, configured: float) -> list[str]:
    everything, concern = cv["threshold_analysis"]["all"], cv["threshold_analysis"]["concern"]
    checks = {r["threshold"]: r for r in (check or {}).get("rows", [])}
    lines = [
        f"Ambiguity threshold fixed at {everything['ambiguity_threshold']}. *Fallback* = the FallbackClassifier would "
        "answer `nlu_fallback`; *error* = a wrong intent among the accepted predictions; *cost* = (fallbacks + "
        f"{everything['error_cost']:g} × accepted errors) / messages, i.e. an accepted wrong type counted as "
        f"{everything['error_cost']:g} fallbacks. CV columns: the out-of-fold predictions of our pipeline on data/nlu "
        f"({everything['n']} messages, {concern['n']} of them concern descriptions). The held-out columns are a "
        "check with the trained model, not used for the choice.",
        "",
        "| threshold | CV fallback (all) | CV error among accepted (all) | CV cost (all) | CV fallback (concern) "
        "| CV error among accepted (concern) | held-out fallback | held-out error among accepted |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for a, c in zip(everything["rows"], concern["rows"], strict=True):
        h = checks.get(a["threshold"])
        mark = " ←" if a["threshold"] == everything["recommended"] else (" (now)" if a["threshold"] == configured else "")
        if a["threshold"] == everything["recommended"] and a["threshold"] == configured:
            mark = " ← (now)"
        lines.append(f"| {a['threshold']:.2f}{mark} | {_pct(a['fallback_rate'])} | {_pct(a['accepted_error_rate'])} "
                     f"| {a['cost']:.3f} | {_pct(c['fallback_rate'])} | {_pct(c['accepted_error_rate'])} "
                     f"| {_pct(h['fallback_rate']) if h else '–'} | {_pct(h['accepted_error_rate']) if h else '–'} |")
    lines += ["", recommendation(cv, check, configured)]
    sweep = cv["threshold_analysis"].get("ambiguity_sweep")
    if sweep:
        pick = sweep["recommended"]
        lines += [
            "",
            "Both thresholds together (CV, all messages): the cheapest threshold at each ambiguity threshold.",
            "",
            "| ambiguity threshold | cheapest threshold | CV cost | CV fallback | CV error among accepted |",
            "|---|---|---|---|---|",
        ]
        for r in sweep["rows"]:
            lines.append(f"| {r['ambiguity']:.2f} | {r['threshold']:.2f} | {r['cost']:.3f} | {_pct(r['fallback_rate'])} "
                         f"| {_pct(r['accepted_error_rate'])} |")
        lines += ["", f"**Recommended pair: threshold {pick['threshold']:.2f}, ambiguity {pick['ambiguity']:.2f}** "
                      f"(of the pairs whose CV cost is within {sweep['cost_tolerance']:g} of the minimum "
                      f"{sweep['minimum_cost']:.3f}, the one with the fewest fallbacks: {_pct(pick['fallback_rate'])} "
                      f"fallback, {_pct(pick['accepted_error_rate'])} wrong among accepted, cost {pick['cost']:.3f}). "
                      "The CV data hold no nonsense or off-topic text, so a pair is only configured if nonsense still "
                      "gets the fallback (`tests/e2e/test_rest_conversations.py`, "
                      "`test_fallback_offers_buttons_then_gives_the_intake_number`): on 2026-12-02 the pair 0.10/0.05 "
                      f"sent \"xqz blorp\" to `inform_age` (0.16 against 0.09), so the configured pair "
                      f"{configured:.2f}/{everything['ambiguity_threshold']:.2f}{_configured_cost(cv, configured)} stays."]
    return lines


def _configured_cost(cv: dict[str, Any], configured: float) -> str:
    """The configured threshold's CV cost as " (cost x.xxx)", or "" when the sweep does not hold it."""
    row = {r["threshold"]: r for r in cv["threshold_analysis"]["all"]["rows"]}.get(configured)
    return f" (CV cost {row['cost']:.3f})" if row else ""


def recommendation(cv: dict[str, Any], check: dict[str, Any] | None, configured: float) -> str:
    rows = {r["threshold"]: r for r in cv["threshold_analysis"]["all"]["rows"]}
    concern = {r["threshold"]: r for r in cv["threshold_analysis"]["concern"]["rows"]}
    best = cv["threshold_analysis"]["all"]["recommended"]
    now, rec = rows.get(round(configured, 2)), rows[best]
    analysis = cv["threshold_analysis"]["all"]
    minimum = analysis.get("minimum_cost_threshold", best)
    why = ("lowest cost on the CV predictions" if minimum == best else
           f"the lowest threshold whose CV cost is within {analysis.get('cost_tolerance', 0):g} of the minimum, "
           f"{rows[minimum]['cost']:.3f} at {minimum:.2f}, which would send {_pct(rows[minimum]['fallback_rate'])} "
           "of all messages to the fallback")
    text = (f"**Recommended threshold: {best:.2f}** ({why}). There "
            f"{_pct(rec['fallback_rate'])} of all messages ({_pct(concern[best]['fallback_rate'])} of the concern "
            f"descriptions) go to the fallback and {_pct(rec['accepted_error_rate'])} of the accepted ones are wrong")
    if now and best != round(configured, 2):
        text += (f"; at the configured {configured:.2f}: {_pct(now['fallback_rate'])} fallback, "
                 f"{_pct(now['accepted_error_rate'])} wrong among accepted (cost {now['cost']:.3f} vs {rec['cost']:.3f})")
    elif now:
        text += "; that is the configured value, keep it"
    text += (". A wrong type is worse than a fallback (the fallback offers the likeliest types as buttons), "
             "but every extra fallback is a click for every user: the cost weighs both. CV confidences come from "
             f"models trained on {(cv['k'] - 1) / cv['k'] * 100:.0f} % of the data and from training-style text; "
             "the held-out columns (trained model, open rounds) are the check on unseen text.")
    return text


def _mean_sd(x: dict[str, float], n: int) -> str:
    return f"{x['mean']:.3f}" + (f" ± {x['sd']:.3f}" if n > 1 else "")


def _comparison_lines(cv: dict[str, Any]) -> list[str]:
    variants = cv["variants"]
    rounds = sorted({r for v in variants.values() for r in v["heldout_macro_f1"] if r != "all"}, key=int)
    multi = len(rounds) > 1
    rules = cv["rules_only_acute"]
    head = ("| variant | CV macro F1 (concern, ± sd over folds) | fold 1 macro F1 | CV accuracy (all intents) | "
            + "".join(f"held-out macro F1 round {r} | " for r in rounds)
            + ("held-out macro F1 open rounds | " if multi else "")
            + "acute recall / false alarms | CV fallback rate at the configured thresholds | training s per fold | parse ms p50 / p95 |")
    cols = 8 + len(rounds) + (1 if multi else 0)
    lines = [head, "|---" * cols + "|"]
    full = [v for v in variants.values() if len(v["cv"]["folds_run"]) == cv["k"]]
    best = max((v["cv"]["macro_f1"] for v in full), default=None)
    fold1 = [v["cv"]["per_fold_macro_f1"][v["cv"]["folds_run"].index(1)] for v in variants.values()
             if 1 in v["cv"]["folds_run"]]
    best1 = max(fold1, default=None)
    for v in variants.values():
        c = v["cv"]
        h = v["heldout_macro_f1"]
        acute = v["acute"]
        if acute is None:
            acute_cell = "–"
        elif acute["recall"] == 0 and acute["false_alarm_rate"] == 0:
            acute_cell = "0 (no acute path)"
        else:
            acute_cell = f"{_pct(acute['recall'])} / {_pct(acute['false_alarm_rate'])}"
        partial = len(c["folds_run"]) < cv["k"]
        if partial:
            f1 = f"– (fold {', '.join(map(str, c['folds_run']))} only)"
        else:
            f1 = f"{c['macro_f1']:.3f} ± {c['macro_f1_sd']:.3f}"
            if c["macro_f1"] == best:
                f1 = f"**{f1}**"
        one = c["per_fold_macro_f1"][c["folds_run"].index(1)] if 1 in c["folds_run"] else None
        one_cell = "–" if one is None else (f"**{one:.3f}**" if one == best1 else f"{one:.3f}")
        n_models = len(c["folds_run"])
        label = v["label"] + (" †" if v.get("reused") else "")
        lines.append(
            f"| {label} | {f1} | {one_cell} | {'' if not partial else '(fold 1) '}{_pct(c['accuracy'])} | "
            + "".join(f"{_mean_sd(h[r], n_models)} | " if r in h else "– | " for r in rounds)
            + (f"{_mean_sd(h['all'], n_models)} | " if multi else "")
            + f"{acute_cell} | {_pct(c['fallback_rate'])} | {v['train_seconds_mean']:.0f} "
            f"| {v['latency_ms']['p50']:.1f} / {v['latency_ms']['p95']:.1f} |"
        )
    lines.append(
        "| acute path alone (DanishSignalExtractor: rules + acute classifier, no intent pipeline) | – | – | – | "
        + "– | " * len(rounds) + ("– | " if multi else "")
        + f"{_pct(rules['recall'])} / {_pct(rules['false_alarm_rate'])} (rules alone "
        f"{_pct(rules['rules_only']['recall'])} / {_pct(rules['rules_only']['false_alarm_rate'])}) | – | – | "
        f"{rules['latency_ms']['p50']:.2f} / {rules['latency_ms']['p95']:.2f} |"
    )
    if any(v.get("reused") for v in variants.values()):
        lines += ["", "† Fold results reused (`--reuse`) from an earlier run with the same config, fold data, held-out "
                  "texts and bot/nlu code; training times are from that run (see its date in report.json: runs made "
                  "side by side share the 2 cores, which inflates their training times)."]
    lines += ["", "What each variant is (pipelines as trained; configs in tests/nlu/variants/):", ""]
    for v in variants.values():
        what = " → ".join(v["pipeline"]) if v["pipeline"] else json.dumps(v["params"], ensure_ascii=False)
        lines.append(f"- **{v['label']}** (`{v['name']}`): {what}. *Why:* {v['why']}")
    return lines


def markdown(report: dict[str, Any]) -> str:
    held = report.get("heldout") or {"rounds": {}, "intents": report["intents"], "acute": report["acute"],
                                      "age": report["age"], "parse_latency_ms": report["parse_latency_ms"]}
    intents, age = held["intents"], held["age"]
    rounds = held.get("rounds") or {}
    cv = report.get("cv")
    fb = report.get("fallback_config", {"threshold": 0.4, "ambiguity_threshold": 0.1})
    lines = [
        "# NLU evaluation",
        "",
        f"Generated {report['generated']} by `python -m tests.nlu.evaluate` at commit {report.get('commit') or '?'} "
        f"· model `{report['model']}`"
        + (" (**not current**: data or config changed since it was trained; run `scripts/setup.sh`)"
           if report.get("model_current") is False else ""),
    ]
    if report.get("runtime_seconds"):
        rt = report["runtime_seconds"]
        lines.append("Runtime: " + ", ".join(f"{k.replace('_', ' ')} {v / 60:.1f} min" if v >= 60 else f"{k.replace('_', ' ')} {v:.0f} s"
                                              for k, v in rt.items()) + " (2 cores).")
    if report.get("epochs_override"):
        lines += ["", f"**Development run: epochs overridden to {report['epochs_override']}; the numbers are not "
                  "comparable with full runs.**"]
    # ----- summary
    columns = [(f"round {r}" + (" (sealed)" if x.get("sealed") else ""), x) for r, x in rounds.items()]
    open_rounds = held.get("open_rounds") or [r for r, x in rounds.items() if not x.get("sealed")]
    if len(open_rounds) > 1 or not rounds:
        columns.append(("open rounds " + "+".join(open_rounds) if open_rounds else "all", held))
    if held.get("with_sealed"):
        columns.append(("all incl. sealed", held["with_sealed"]))
    lines += ["", "## Summary", "", "| | " + " | ".join(c for c, _ in columns) + " |", "|---" * (1 + len(columns)) + "|"]

    def row(label: str, get) -> str:
        return f"| {label} | " + " | ".join(get(x) for _, x in columns) + " |"

    def acute(key: str, rules: bool = False):
        def get(x: dict[str, Any]) -> str:
            a = x.get("acute")
            if not a:
                return "–"
            value = a.get("rules_only", {}).get(key) if rules else a[key]
            return _pct(value) + ("" if rules else f" of {a['n_acute' if key == 'recall' else 'n_not_acute']}")
        return get

    lines += [
        row("held-out examples (concern types)", lambda r: str(r["intents"]["n"]) if r.get("intents") else "–"),
        row("held-out macro F1 (7 concern types)", lambda r: _f(r["intents"]["macro_f1"]) if r.get("intents") else "–"),
        row("held-out accuracy", lambda r: _pct(r["intents"]["accuracy"]) if r.get("intents") else "–"),
        row(f"fallback rate at {fb['threshold']}/{fb['ambiguity_threshold']}",
            lambda r: _pct(r["intents"]["fallback_rate"]) if r.get("intents") else "–"),
        row("acute recall (bot: rules + acute classifier)", acute("recall")),
        row("acute false-alarm rate (bot)", acute("false_alarm_rate")),
        row("acute recall, rules alone", acute("recall", rules=True)),
        row("acute false-alarm rate, rules alone", acute("false_alarm_rate", rules=True)),
        row("age group accuracy where stated",
            lambda r: f"{_pct(r['age']['accuracy_stated'])} of {r['age']['n_stated']}" if r.get("age") else "–"),
    ]
    present = held.get("sealed_rounds_present") or []
    if held.get("sealed_rounds_included"):
        lines += ["", f"Sealed round(s) {', '.join(held['sealed_rounds_included'])}: final figures only (aggregates; no "
                  "texts or per-example errors are reported, and nothing is tuned on them; tests/nlu/README.md)."]
    elif present:
        lines += ["", f"Sealed round(s) {', '.join(present)} present but not evaluated (final figures only: "
                  "`--include-sealed`, once, at the end; tests/nlu/README.md)."]
    if cv:
        ours = cv["ours"]["cv"]
        lines += [
            "",
            f"Cross-validation ({cv['k']}-fold, stratified, {cv['n_examples']} training examples of {cv['n_intents']} "
            f"intents): **macro F1 over the 7 concern types {ours['macro_f1']:.3f} ± {ours['macro_f1_sd']:.3f}**, "
            f"accuracy over all intents {_pct(ours['accuracy'])}, macro F1 over all intents "
            f"{ours['macro_f1_all_intents']:.3f}, fallback rate at {fb['threshold']}/{fb['ambiguity_threshold']} "
            f"{_pct(ours['fallback_rate'])} (concern descriptions {_pct(ours['concern_fallback_rate'])})."
            + (f" *Carried over from the run of {cv['carried_over_from']}; not re-run this time.*"
               if cv.get("carried_over_from") else ""),
            "",
            recommendation(cv, held.get("threshold_check"), fb["threshold"]),
        ]
    lines += ["", "## History", "", "From `tests/nlu/history.yml` (add a row: `python -m tests.nlu.evaluate --compare "
              "--record \"what changed\"`).", ""] + _history_lines(report.get("history") or [])
    if cv and cv.get("compared"):
        lines += ["", "## Comparison of pipelines", "",
                  f"Same {cv['k']} folds of data/nlu for every variant, NLU-only models, each trained in a fresh process "
                  "with an empty Rasa cache. Held-out scores: mean ± sd over the fold models (each trained on "
                  f"{cv['k'] - 1}/{cv['k']} of the data); sealed rounds are never used here. Acute recall and false "
                  "alarms on the acute cases of the open rounds; the acute path does not depend on the intent "
                  "classifier (DanishSignalExtractor: rules → `akut_signal`, acute classifier → `akut_mulig`; either "
                  "makes AcuteFirstRulePolicy answer 112/114 first), so it is the same for every pipeline that "
                  "includes the component and 0 for those without it. Parse latency in process, one message at a "
                  "time.", ""] + _comparison_lines(cv)
    # ----- held-out details
    files = held.get("files", {})
    lines += ["", "## Held-out set", "",
              "Files: " + "; ".join(f"{kind}: " + ", ".join(f"`{p}`" for p in paths.values())
                                    for kind, paths in files.items() if paths) if files else "",
              "", f"### Concern intents (open rounds: {intents['n']} examples)", ""]
    open_parts = {r: x for r, x in rounds.items() if not x.get("sealed")}
    lines += _intent_table(intents, open_parts)
    lines += ["", "### Confusion matrix (held-out, open rounds; rows: gold, columns: predicted)", "",
              "![confusion matrices](confusion.png)", ""] + confusion_markdown(intents["confusion"])
    acute_all = held["acute"]
    lines += ["", "### Acute signals (open rounds)", "",
              "Acute = what makes the bot answer 112/114 first (AcuteFirstRulePolicy): the `akut_signal` entity "
              "(rules) or the `akut_mulig` entity (acute classifier, when no rule fired and the message does not "
              "say that nothing is acute) from DanishSignalExtractor.", ""]
    for label, a in [(f"round {r}", x["acute"]) for r, x in open_parts.items() if x.get("acute")] + (
            [("open rounds", acute_all)] if len(open_parts) > 1 or not open_parts else []):
        rules = a.get("rules_only")
        lines.append(f"- {label}: recall {_pct(a['recall'])} ({a['n_acute']} acute), false-alarm rate "
                     f"{_pct(a['false_alarm_rate'])} ({a['n_not_acute']} not acute)"
                     + (f"; rules alone {_pct(rules['recall'])} / {_pct(rules['false_alarm_rate'])}" if rules else ""))
    lines += ["", "Missed: " + ("; ".join(f"“{t}”" for t in acute_all["misses"]) or "none"), "",
              "False alarms: " + ("; ".join(f"“{t}”" for t in acute_all["false_alarms"]) or "none"),
              "", "### Age group (open rounds)", "",
              f"Accuracy where the text states it: {_pct(age['accuracy_stated'])} ({age['n_stated']} cases); "
              f"asks when not stated: {_pct(age['asked_when_unstated'])} ({age['n_unstated']} cases).", "",
              "Errors: " + ("; ".join(f"“{e['text']}” → {e['predicted']} (gold {e['gold']})" for e in age["errors"])
                            or "none"),
              "", f"### The 20 worst held-out errors (highest confidence first; {intents.get('n_errors', '?')} errors in all)",
              ""]
    lines += _errors_table(intents["worst_errors"], "round" if rounds else None)
    lat = held["parse_latency_ms"]
    lines += ["", f"Parse latency in process: median {lat['p50']:.1f} ms, p95 {lat['p95']:.1f} ms."]
    # ----- CV details
    if cv:
        ours = cv["ours"]["cv"]
        lines += ["", f"## Cross-validation of our pipeline ({cv['k']}-fold on data/nlu)", "",
                  f"Out-of-fold predictions for all {cv['n_examples']} training examples (folds stratified by intent, "
                  f"seed {cv['seed']}; all {cv['n_intents']} intents are trained, scores below are for the concern "
                  f"types; precision counts other intents' examples predicted as a concern type). Per-fold macro F1: "
                  + ", ".join(f"{x:.3f}" for x in ours["per_fold_macro_f1"]) + ".", ""]
        lines += _intent_table(ours, {})
        lines += ["", "### Confusion matrix (CV, concern rows)", ""] + confusion_markdown(
            {g: r for g, r in ours["confusion"].items() if is_concern(g)})
        lines += ["", f"### The 20 worst CV errors (training data, out of fold; {ours['n_errors']} errors in all)", ""]
        lines += _errors_table(ours["worst_errors"], "fold")
        lines += ["", "### Fallback threshold", ""] + _threshold_lines(cv, held.get("threshold_check"), fb["threshold"])
    lines.append("")
    return "\n".join(lines)


# --------------------------------------------------------------------------- CLI


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    parser = argparse.ArgumentParser(description="NLU evaluation: held-out, cross-validation, comparison",
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--cv", type=int, default=5, metavar="K", help="folds of data/nlu (0: held-out only)")
    parser.add_argument("--compare", action="store_true", help="also every variant in tests/nlu/variants/")
    parser.add_argument("--variants", nargs="+", metavar="NAME", help="only these variants (implies --compare)")
    parser.add_argument("--epochs", type=int, help=f"override epochs for development (or {crossval.EPOCHS_ENV})")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse fold results of an earlier run with identical config/data (report work only)")
    parser.add_argument("--record", metavar="CHANGE", help="append this run to tests/nlu/history.yml")
    parser.add_argument("--include-sealed", action="store_true",
                        help="also the sealed held-out round(s) (final figures only; aggregates, no texts)")
    args = parser.parse_args(argv)
    if args.cv == 1 or args.cv < 0:
        parser.error("--cv needs 0 or at least 2 folds")
    variants = None
    if args.compare or args.variants:
        variants = compare.variant_names(args.variants)
        if not args.cv:
            parser.error("the comparison needs --cv K (K >= 2)")
    epochs = crossval.epochs_override(args.epochs)
    if args.record and epochs:
        parser.error("--record is for full runs (no epoch override)")

    def progress(message: str) -> None:
        print(f"[evaluate] {message}", file=sys.stderr, flush=True)

    report = run(args.model, args.out, cv=args.cv, variants=variants, epochs=epochs, reuse=args.reuse,
                 record=args.record, include_sealed=args.include_sealed, progress=progress)
    print(markdown(report))
    progress(f"wrote {args.out / 'report.md'}, report.json, confusion.png in {report['runtime_seconds']['total'] / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
