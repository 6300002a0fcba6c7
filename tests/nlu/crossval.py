"""Stratified k-fold cross-validation of NLU pipelines on the training data (data/nlu).

Every fold model is an NLU-only Rasa model trained in a fresh worker process
(``python -m tests.nlu.crossval --worker spec.json``) with its own empty
``RASA_CACHE_DIRECTORY``, so training times are comparable and TensorFlow state
does not leak from one model into the next. The worker trains, loads the model
and parses: the fold's validation examples, the held-out intent examples and
(first fold only: the acute path is rule-based and the same in every fold) the
acute cases. The held-out files are only parsed, never trained on.

Folds are stratified by intent over *all* intents (the FAQ and dialogue intents
stay in training: they compete with the concern types at prediction time).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
NLU_DATA = ROOT / "data" / "nlu"
WORK = ROOT / "build" / "nlu-eval"
SEED = 4711
EPOCHS_ENV = "HANDLEVEJ_EVAL_EPOCHS"


@dataclass(frozen=True)
class TrainingExample:
    text: str
    intent: str


def load_training_data(path: Path = NLU_DATA):
    from rasa.shared.nlu.training_data.loading import load_data

    return load_data(str(path), language="da")


def training_examples(training_data) -> list[TrainingExample]:
    return [TrainingExample(m.get("text"), m.get("intent")) for m in training_data.intent_examples]


def stratified_folds(labels: list[str], k: int, seed: int = SEED) -> list[list[int]]:
    """Validation indices of each fold (stratified by intent, shuffled with a fixed seed)."""
    from sklearn.model_selection import StratifiedKFold

    splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    return [sorted(val.tolist()) for _, val in splitter.split(list(range(len(labels))), labels)]


def write_fold_data(training_data, keep: list[int], path: Path) -> None:
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter
    from rasa.shared.nlu.training_data.training_data import TrainingData

    examples = training_data.intent_examples
    subset = TrainingData(
        training_examples=[examples[i] for i in keep],
        entity_synonyms=training_data.entity_synonyms,
        regex_features=training_data.regex_features,
        lookup_tables=training_data.lookup_tables,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    RasaYAMLWriter().dump(str(path), subset)


def prepare_folds(training_data, folds: list[list[int]], folder: Path = WORK / "folds") -> list[Path]:
    """Write the training part of every fold as Rasa NLU YAML; return the paths."""
    n = len(training_data.intent_examples)
    paths = []
    for f, val in enumerate(folds):
        held = set(val)
        path = folder / f"fold{f + 1}of{len(folds)}.yml"
        write_fold_data(training_data, [i for i in range(n) if i not in held], path)
        paths.append(path)
    return paths


def epochs_override(cli_value: int | None) -> int | None:
    if cli_value:
        return cli_value
    value = os.environ.get(EPOCHS_ENV)
    return int(value) if value else None


def with_epochs(config: dict[str, Any], epochs: int | None) -> dict[str, Any]:
    """A copy of a Rasa config whose trainable components run ``epochs`` epochs (development runs)."""
    config = json.loads(json.dumps(config))
    if epochs:
        for component in config.get("pipeline") or []:
            if "epochs" in component or component["name"] in {"DIETClassifier", "ResponseSelector"}:
                component["epochs"] = epochs
    return config


# --------------------------------------------------------------------------- worker side


def _slim(parsed: dict[str, Any]) -> dict[str, Any]:
    return {
        "intent": parsed.get("intent"),
        "intent_ranking": [{"name": r["name"], "confidence": float(r["confidence"])}
                           for r in (parsed.get("intent_ranking") or [])[:10]],
        "entities": [{"entity": e.get("entity"), "value": e.get("value")} for e in parsed.get("entities") or []],
    }


async def parse_texts(model: Path, texts: list[str]) -> tuple[list[dict[str, Any]], list[float]]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    parsed, latencies = [], []
    for text in texts:
        started = time.perf_counter()
        result = await agent.parse_message(text)
        latencies.append((time.perf_counter() - started) * 1000)
        parsed.append(_slim(result))
    return parsed, latencies


def quiet_rasa_logging() -> None:
    import logging

    from rasa.utils.log_utils import configure_structlog

    logging.getLogger().setLevel(logging.WARNING)
    configure_structlog(logging.WARNING)


def worker(spec_path: Path) -> int:
    """Train one NLU-only model and parse the given texts; write the result JSON."""
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    from rasa.model_training import train_nlu

    quiet_rasa_logging()
    started = time.perf_counter()
    model = train_nlu(spec["config"], spec["train"], spec["model_dir"], fixed_model_name="fold")
    train_seconds = time.perf_counter() - started
    if not model:
        print("training failed", file=sys.stderr)
        return 1
    quiet_rasa_logging()
    started = time.perf_counter()
    parsed, latencies = asyncio.run(parse_texts(Path(model), spec["texts"]))
    result = {"train_seconds": train_seconds, "load_and_parse_seconds": time.perf_counter() - started,
              "parsed": parsed, "latencies_ms": latencies}
    Path(spec["result"]).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


# --------------------------------------------------------------------------- driver side


def _digest(*parts: Any) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(json.dumps(part, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:16]


def _without_fallback_thresholds(config: dict[str, Any]) -> dict[str, Any]:
    """The config minus the FallbackClassifier's thresholds, for the reuse key.

    The evaluation scores the classifier's own ranking and simulates the fallback
    at every threshold, so a fold result stays valid when only the thresholds
    change (e.g. after choosing them from this very cross-validation).
    """
    copy = json.loads(json.dumps(config))
    for component in copy.get("pipeline") or []:
        if component.get("name") == "FallbackClassifier":
            component.pop("threshold", None)
            component.pop("ambiguity_threshold", None)
    return copy


def run_rasa_fold(name: str, config: dict[str, Any], train_file: Path, texts: list[str], *, reuse: bool,
                  log_dir: Path) -> dict[str, Any]:
    """Train ``config`` on ``train_file`` in a worker process and parse ``texts``.

    With ``reuse`` a result with the same config, training data and texts from an
    earlier run is read from build/nlu-eval/results/ instead (report formatting
    only; the training time then is the earlier one).
    """
    key = _digest(_without_fallback_thresholds(config), train_file.read_text(encoding="utf-8"), texts, _code_version(config))
    cached = WORK / "results" / f"{name}-{key}.json"
    if reuse and cached.exists():
        result = json.loads(cached.read_text(encoding="utf-8"))
        result["reused"] = True
        return result
    # Neutral temp/worker names: the worker's command line carries only this path.
    tmp = Path(tempfile.mkdtemp(prefix=f"nlu-eval-{key}-"))
    try:
        config_file = tmp / "config.yml"
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        spec = {"config": str(config_file), "train": str(train_file), "model_dir": str(tmp / "models"),
                "texts": texts, "result": str(tmp / "result.json")}
        (tmp / "spec.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
        env = dict(os.environ)
        env.update({
            "RASA_CACHE_DIRECTORY": str(tmp / "cache"),  # fresh cache: nothing reused between models
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": env.get("TF_CPP_MIN_LOG_LEVEL", "2"),
            "PYTHONPATH": str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else ""),
        })
        log_dir.mkdir(parents=True, exist_ok=True)
        log = log_dir / f"{name}.log"
        started = time.perf_counter()
        with log.open("w", encoding="utf-8") as handle:
            proc = subprocess.run([sys.executable, "-m", "tests.nlu.crossval", "--worker", str(tmp / "spec.json")],
                                  cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT, check=False)
        if proc.returncode != 0:
            tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-30:])
            raise RuntimeError(f"worker for {name} failed (exit {proc.returncode}); log {log}:\n{tail}")
        result = json.loads((tmp / "result.json").read_text(encoding="utf-8"))
        result["wall_seconds"] = time.perf_counter() - started
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        return result
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _code_version(config: dict[str, Any]) -> str:
    """Project code a pipeline runs (a change to it invalidates reused results).

    Pipelines made only of Rasa's own components (e.g. Rasa's default) do not
    depend on it, so their results survive changes to bot/nlu.
    """
    names = [str(component.get("name", "")) for component in config.get("pipeline") or []]
    if not any(name.startswith(("bot.", "tests.")) for name in names):
        return "rasa-only"
    files = sorted((ROOT / "bot" / "nlu").glob("*.py")) + sorted((ROOT / "bot" / "nlu").glob("*.yml"))
    files += [ROOT / "bot" / "privacy.py", HERE / "ensemble.py"]
    h = hashlib.sha256()
    for f in files:
        if f.exists():
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", type=Path, required=True, help="spec JSON written by the driver")
    args = parser.parse_args(argv)
    return worker(args.worker)


if __name__ == "__main__":
    sys.exit(main())
