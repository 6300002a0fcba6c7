"""Pipeline variants (tests/nlu/variants/*.yml), trained and scored the same way.

A Rasa variant is ``config.yml``'s NLU pipeline with edits (so it follows the
project config when that changes) or Rasa's automatic default pipeline. The
``sklearn`` kind is the TF-IDF + logistic regression baseline, run in process.
Every variant goes through the same k folds of data/nlu; each fold model also
parses the held-out set, so held-out scores are a mean over the k fold models
(trained on (k-1)/k of the data: a little below a model trained on all of it).
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any

import yaml

from tests.nlu import crossval
from tests.nlu.heldout import Example
from tests.nlu.metrics import (
    acute_scores,
    falls_back,
    has_acute_entity,
    intent_scores,
    is_concern,
    macro_f1,
    per_label_scores,
    percentile,
    top_prediction,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VARIANTS = HERE / "variants"
ORDER = ["rasa_default", "tfidf_logreg", "ours", "ours_no_spacy", "ours_diet", "ours_diet_tfidf"]


# --------------------------------------------------------------------------- configs


def project_config(path: Path = ROOT / "config.yml") -> dict[str, Any]:
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {"recipe": config.get("recipe", "default.v1"), "language": config.get("language", "da"),
            "assistant_id": "handlevej_nlu_eval", "pipeline": config["pipeline"], "policies": []}


def configured_fallback(config: dict[str, Any] | None = None) -> tuple[float, float]:
    config = config or project_config()
    for component in config["pipeline"]:
        if component["name"] == "FallbackClassifier":
            return float(component.get("threshold", 0.3)), float(component.get("ambiguity_threshold", 0.1))
    return 0.3, 0.1


def rasa_default_config(language: str) -> dict[str, Any]:
    import rasa.engine.recipes.default_recipe as recipe

    path = Path(recipe.__file__).parent / "config_files" / "default_config.yml"
    default = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {"recipe": "default.v1", "language": language, "assistant_id": "handlevej_nlu_eval",
            "pipeline": default["pipeline"], "policies": []}


def _matches(component: dict[str, Any], pattern: dict[str, Any]) -> bool:
    return all(component.get(key) == value for key, value in pattern.items())


def apply_edits(pipeline: list[dict[str, Any]], edits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    pipeline = json.loads(json.dumps(pipeline))
    for edit in edits:
        op = next(k for k in ("remove", "replace", "update", "insert_after") if k in edit)
        pattern = edit[op]
        hits = [i for i, c in enumerate(pipeline) if _matches(c, pattern)]
        if not hits:
            raise ValueError(f"variant edit {op} {pattern}: no such component in the pipeline (config.yml changed?)")
        for i in reversed(hits):
            if op == "remove":
                del pipeline[i]
            elif op == "replace":
                pipeline[i:i + 1] = json.loads(json.dumps(edit["with"]))
            elif op == "update":
                pipeline[i].update(edit["set"])
            else:
                pipeline[i + 1:i + 1] = json.loads(json.dumps(edit["add"]))
    return pipeline


def load_variant(name: str) -> dict[str, Any]:
    spec = yaml.safe_load((VARIANTS / f"{name}.yml").read_text(encoding="utf-8"))
    spec["name"] = name
    if spec["kind"] == "rasa":
        if spec["base"] == "rasa_default":
            config = rasa_default_config(spec.get("language", "da"))
        else:
            config = project_config(ROOT / spec["base"])
        config["pipeline"] = apply_edits(config["pipeline"], spec.get("edits") or [])
        spec["config"] = config
    return spec


def variant_names(selected: list[str] | None = None) -> list[str]:
    present = sorted(p.stem for p in VARIANTS.glob("*.yml"))
    names = [n for n in ORDER if n in present] + [n for n in present if n not in ORDER]
    if selected:
        unknown = set(selected) - set(present)
        if unknown:
            raise SystemExit(f"unknown variant(s): {', '.join(sorted(unknown))}; present: {', '.join(present)}")
        names = [n for n in names if n in selected]
    return names


# --------------------------------------------------------------------------- scikit-learn baseline


def sklearn_pipeline(params: dict[str, Any]):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion([
        ("word", TfidfVectorizer(analyzer="word", ngram_range=tuple(params["word_ngram_range"]),
                                 sublinear_tf=params["sublinear_tf"], lowercase=True)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(params["char_ngram_range"]),
                                 sublinear_tf=params["sublinear_tf"], lowercase=True)),
    ])
    classifier = LogisticRegression(C=params["C"], class_weight=params["class_weight"], max_iter=params["max_iter"])
    return Pipeline([("features", features), ("classifier", classifier)])


def run_sklearn_fold(params: dict[str, Any], train_texts: list[str], train_labels: list[str],
                     texts: list[str]) -> dict[str, Any]:
    model = sklearn_pipeline(params)
    started = time.perf_counter()
    model.fit(train_texts, train_labels)
    train_seconds = time.perf_counter() - started
    classes = list(model.classes_)
    parsed, latencies = [], []
    for text in texts:
        started = time.perf_counter()
        proba = model.predict_proba([text])[0]
        latencies.append((time.perf_counter() - started) * 1000)
        order = proba.argsort()[::-1][:10]
        ranking = [{"name": classes[i], "confidence": float(proba[i])} for i in order]
        parsed.append({"intent": ranking[0], "intent_ranking": ranking, "entities": []})
    return {"train_seconds": train_seconds, "parsed": parsed, "latencies_ms": latencies}


# --------------------------------------------------------------------------- running


def run_variant(spec: dict[str, Any], fold_files: list[Path], examples: list[crossval.TrainingExample], folds: list[list[int]],
                heldout: list[Example], acute_cases: list[dict[str, Any]], *, epochs: int | None, reuse: bool,
                progress=print) -> dict[str, Any]:
    """Train one model per fold; return what each parsed (validation, held-out, acute on the first fold run).

    ``folds: [1]`` in a variant file limits it to those folds (1-based): for
    pipelines too slow to train k times on two cores.
    """
    name = spec["name"]
    config = crossval.with_epochs(spec["config"], epochs) if spec["kind"] == "rasa" else None
    only = [f - 1 for f in spec.get("folds") or range(1, len(folds) + 1) if f <= len(folds)]
    results = []
    for f in only:
        val = folds[f]
        val_set = set(val)
        keep = [i for i in range(len(examples)) if i not in val_set]
        texts = [examples[i].text for i in val] + [e.text for e in heldout]
        with_acute = f == only[0]
        if with_acute:
            texts += [c["text"] for c in acute_cases]
        started = time.perf_counter()
        if spec["kind"] == "sklearn":
            result = run_sklearn_fold(spec["params"], [examples[i].text for i in keep],
                                      [examples[i].intent for i in keep], texts)
        else:
            result = crossval.run_rasa_fold(f"{name}-fold{f + 1}", config, fold_files[f], texts, reuse=reuse,
                                            log_dir=crossval.WORK / "logs")
        parsed = result["parsed"]
        n_val, n_held = len(val), len(heldout)
        results.append({
            "fold": f,
            "train_seconds": result["train_seconds"],
            "reused": bool(result.get("reused")),
            "val": parsed[:n_val],
            "heldout": parsed[n_val:n_val + n_held],
            "acute": parsed[n_val + n_held:] if with_acute else None,
            "latencies_ms": result["latencies_ms"],
        })
        progress(f"  {name}: fold {f + 1}/{len(folds)} trained in {result['train_seconds']:.0f} s"
                 f"{' (reused)' if result.get('reused') else ''}, {time.perf_counter() - started:.0f} s in all")
    return {"name": name, "label": spec["label"], "kind": spec["kind"], "why": spec.get("why", ""),
            "config": config, "params": spec.get("params"), "folds": results, "k": len(folds)}


def summarize(raw: dict[str, Any], examples: list[crossval.TrainingExample], folds: list[list[int]],
              heldout: list[Example], acute_cases: list[dict[str, Any]], threshold: float,
              ambiguity: float) -> dict[str, Any]:
    """Scores of one variant: pooled CV, per-fold spread, held-out (mean over fold models), acute, timing."""
    covered: list[int] = []
    tops: dict[int, dict[str, Any]] = {}
    fold_of: dict[int, int] = {}
    for fold in raw["folds"]:
        val = folds[fold["fold"]]
        covered += val
        for i, parsed in zip(val, fold["val"], strict=True):
            tops[i] = top_prediction(parsed)
            fold_of[i] = fold["fold"] + 1
    covered.sort()
    gold = [examples[i].intent for i in covered]
    top_list = [tops[i] for i in covered]
    concern = sorted({e.intent for e in examples if is_concern(e.intent)})
    simulated = [falls_back(t, threshold, ambiguity) for t in top_list]
    cv = intent_scores(gold, top_list, [examples[i].text for i in covered], simulated, labels=concern,
                       extra=[{"fold": fold_of[i]} for i in covered])
    predicted = [t["name"] for t in top_list]
    cv["macro_f1_all_intents"] = macro_f1(per_label_scores(gold, predicted, sorted(set(gold))))
    concern_pos = [j for j, g in enumerate(gold) if is_concern(g)]
    cv["concern_fallback_rate"] = sum(simulated[j] for j in concern_pos) / len(concern_pos) if concern_pos else 0.0
    per_fold = {}
    for fold in raw["folds"]:
        val = folds[fold["fold"]]
        per_fold[fold["fold"] + 1] = macro_f1(per_label_scores([examples[i].intent for i in val],
                                                               [tops[i]["name"] for i in val], concern))
    cv["folds_run"] = sorted(per_fold)
    cv["per_fold_macro_f1"] = [per_fold[f] for f in sorted(per_fold)]
    cv["macro_f1_sd"] = statistics.stdev(per_fold.values()) if len(per_fold) > 1 else 0.0

    held: dict[str, list[float]] = {}
    for fold in raw["folds"]:
        h_tops = [top_prediction(p) for p in fold["heldout"]]
        for rnd in sorted({e.round for e in heldout}, key=int) + ["all"]:
            idx = [i for i, e in enumerate(heldout) if rnd == "all" or e.round == rnd]
            g = [heldout[i].intent for i in idx]
            p = [h_tops[i]["name"] for i in idx]
            held.setdefault(rnd, []).append(macro_f1(per_label_scores(g, p, sorted(set(g)))))
    heldout_summary = {rnd: {"mean": statistics.mean(v), "sd": statistics.stdev(v) if len(v) > 1 else 0.0}
                       for rnd, v in held.items()}

    acute_parsed = next((fold["acute"] for fold in raw["folds"] if fold["acute"] is not None), None)
    acute = acute_scores([has_acute_entity(p) for p in acute_parsed], acute_cases) if acute_parsed else None
    latencies = [x for fold in raw["folds"] for x in fold["latencies_ms"]]
    train = [fold["train_seconds"] for fold in raw["folds"]]
    return {
        "name": raw["name"], "label": raw["label"], "kind": raw["kind"], "why": raw["why"],
        "pipeline": [c["name"] for c in raw["config"]["pipeline"]] if raw.get("config") else None,
        "params": raw.get("params"),
        "cv": cv,
        "cv_tops": [{"name": t["name"], "confidence": t["confidence"], "second": t["second"]} for t in top_list],
        "cv_covered": covered,
        "heldout_macro_f1": heldout_summary,
        "acute": acute,
        "train_seconds_mean": statistics.mean(train),
        "train_seconds": train,
        "reused": any(fold["reused"] for fold in raw["folds"]),
        "latency_ms": {"p50": percentile(latencies, 0.5), "p95": percentile(latencies, 0.95)},
    }
