"""Benchmark driver: train, start, load and compare Handlevej against Rasa's default config.

Usage (from the repository root, after ``make setup``; takes 1.5-2 hours on 2 cores):

    .venv/bin/python -m scripts.bench.run
    .venv/bin/python -m scripts.bench.run --quick                    # smoke test, ~25 min
    .venv/bin/python -m scripts.bench.run --variants none --levels 1,20 --duration 20
    .venv/bin/python -m scripts.bench.report build/bench/results.json  # re-render the report only

It writes ``reports/load/report.md`` and ``reports/load/report.json`` (``--out``);
scratch files (models, logs, tracker databases, evaluation output) go to
``build/bench/``. Nothing outside those two folders is touched: the repo's
``models/``, ``build/trackers.db`` and Rasa's ``.rasa/cache`` are not used.

For each candidate bot it measures, in this order and never two things at once:

1. **training from a clean state** - ``rasa train`` into a fresh ``--out`` folder with
   ``RASA_CACHE_DIRECTORY`` pointing at a new empty folder (so no cached component
   is reused): wall time, peak RSS of the training process tree, model size on disk;
2. **held-out NLU accuracy** - ``python -m tests.nlu.evaluate`` on that model
   (accuracy, macro F1, fallback rate, acute recall, in-process parse latency);
3. **test stories** - ``rasa test core --stories tests/stories`` (conversation accuracy);
4. **start-up from a clean state** - a new action server and Rasa server on free
   loopback ports with an empty SQLite tracker store under ``build/bench/``: seconds
   until the action server's /health, Rasa's /status and the first answer to a worry
   over REST (``--startup-reps`` times; the figures are medians);
5. **load** - ``scripts/bench/load.py``'s levels against the last start: closed loop
   without pauses (every conversation has a request in flight at all times) and paced
   (users pause ``--think`` seconds, 0.5-1.5x, before each follow-up turn).

Candidates:

* ``ours``     - ``config.yml`` as it is in the repository;
* ``default``  - Rasa's default config (``rasa init``'s config.yml has its pipeline and
  policies commented out, so Rasa fills in rasa/engine/recipes/config_files/default_config.yml),
  written out with ``language: da`` and RulePolicy replaced by our AcuteFirstRulePolicy
  (plain RulePolicy refuses our stories as contradicting), trained on the same ``data/``
  and ``build/domain.yml``;
* ``ours-no-speedup`` - the same model as ``ours``, with the Rasa server started with
  ``HANDLEVEJ_RASA_SPEEDUPS=0`` (without bot/rasa_speedups.py's cached validator): the
  before/after of that cheap win;
* every ``scripts/bench/variants/*.yml`` (one cheap change each, see their headers):
  everything above, with short load levels (``--variant-levels``).

Other jobs on the machine distort the figures: the load average and the whole
machine's CPU use are recorded before/after every training and load level.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scripts.bench import load
from scripts.bench.report import write_report

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
BENCH = Path(os.environ.get("HANDLEVEJ_BENCH_DIR", ROOT / "build" / "bench")).resolve()
VARIANTS = Path(__file__).resolve().parent / "variants"
START_TIMEOUT = 300.0
TRAIN_TIMEOUT = 8 * 3600.0  # the default config's DIET (2 transformer layers) alone can take hours on a busy 2-core machine
FIRST_MESSAGE = "Hun må ikke komme med på lejrskole, og hendes bror tjekker hendes telefon hver dag."


@dataclass
class Candidate:
    name: str
    description: str
    config: Path | None  # None: reuse the model of ``model_from``
    model_from: str | None = None
    speedups: bool = True  # False: HANDLEVEJ_RASA_SPEEDUPS=0 for the Rasa server
    full_load: bool = False
    train_name: str = ""  # folder under build/bench/train (default: name)
    full_epochs: int | None = None  # trained with fewer epochs: extrapolate the training time to this many

    @property
    def folder(self) -> str:
        return self.train_name or self.name


# --------------------------------------------------------------------------- helpers


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def env(speedups: bool = True) -> dict[str, str]:
    variables = dict(os.environ)
    variables.update(
        RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2", SQLALCHEMY_SILENCE_UBER_WARNING="1",
        HANDLEVEJ_KOMMUNE=os.environ.get("HANDLEVEJ_KOMMUNE", "allerod"), PYTHONPATH=str(ROOT),
        HANDLEVEJ_RASA_SPEEDUPS="1" if speedups else "0",
    )
    return variables


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tree_rss_mb(pid: int) -> float:
    return round(sum(load.rss_kb(p) for p in load.process_tree(pid)) / 1024, 1)


def run_command(cmd: list[str], log_file: Path, extra_env: dict[str, str] | None = None,
                timeout: float = 3600) -> tuple[int, float, float]:
    """Run a command, logging to a file. Returns (exit code, wall seconds, peak RSS MB of its tree)."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    variables = env()
    variables.update(extra_env or {})
    started = time.monotonic()
    peak = 0.0
    with log_file.open("w") as handle:
        process = subprocess.Popen(cmd, cwd=ROOT, env=variables, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
        while process.poll() is None:
            peak = max(peak, tree_rss_mb(process.pid))
            if time.monotonic() - started > timeout:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                break
            time.sleep(0.5)
    return process.returncode, time.monotonic() - started, peak


def http_ok(url: str, data: bytes | None = None, timeout: float = 5) -> Any:
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read() or b"null")


def machine_info() -> dict[str, Any]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    os_name = next((line.split("=", 1)[1].strip('"') for line in Path("/etc/os-release").read_text().splitlines()
                    if line.startswith("PRETTY_NAME=")), platform.platform())

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    versions = subprocess.run(
        [str(BIN / "python"), "-c", "import rasa, tensorflow, spacy, aiohttp, jsonschema, sys;"
         "print(rasa.__version__, tensorflow.__version__, spacy.__version__, aiohttp.__version__, jsonschema.__version__,"
         " sys.version.split()[0])"],
        capture_output=True, text=True, env=env(),
    ).stdout.split()
    dirty = [line[3:] for line in git("status", "--porcelain").splitlines()]
    return {
        "date_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "host_cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(mem_kb / 1024 / 1024, 1),
        "os": os_name,
        "kernel": platform.release(),
        "versions": dict(zip(["rasa", "tensorflow", "spacy", "aiohttp", "jsonschema", "python"], versions, strict=False)),
        "commit": git("rev-parse", "HEAD"),
        "commit_subject": git("log", "-1", "--format=%s"),
        "uncommitted_paths": dirty[:40],
        "uncommitted_count": len(dirty),
        "loadavg_at_start": load.loadavg(),
    }


# --------------------------------------------------------------------------- candidates


def inputs_hash(config: Path) -> str:
    """Hash of what training reads: config, data/, the rendered domain, the custom component code (and what it imports) and the policy."""
    import hashlib

    digest = hashlib.sha256(config.read_bytes())
    files = [ROOT / "build" / "domain.yml", ROOT / "bot" / "privacy.py", ROOT / "bot" / "policies.py"]
    files += sorted((ROOT / "bot" / "nlu").glob("*.py"))
    files += sorted(p for p in (ROOT / "data").rglob("*") if p.is_file())
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def default_candidate(epochs: int | None) -> Candidate:
    """Rasa's default config (what ``rasa init``'s commented-out config.yml resolves to), written out.

    Two changes: ``language: da``, and ``RulePolicy`` replaced by its subclass
    ``bot.policies.AcuteFirstRulePolicy``. Our stories put the acute answer first in
    any turn, which only that subclass predicts; plain RulePolicy refuses the data
    as contradicting rules, so the default could not be trained at all. With
    ``epochs``, every neural component runs that many epochs instead of 100: the
    architecture does not depend on the epochs, so the model's size, start-up,
    memory and per-turn cost are the default's; its training time is extrapolated
    to 100 epochs from the per-epoch times in the training log.
    """
    import importlib.util

    spec = importlib.util.find_spec("rasa")
    if spec is None or spec.origin is None:
        raise RuntimeError("rasa is not importable; run this with .venv/bin/python")
    source = Path(spec.origin).parent / "engine" / "recipes" / "config_files" / "default_config.yml"
    text = source.read_text(encoding="utf-8")
    if text.count("epochs: 100") != 4 or "\nlanguage: en\n" not in text or text.count("  - name: RulePolicy\n") != 1:
        raise RuntimeError(f"unexpected default config: {source}")
    text = text.replace("\nlanguage: en\n", "\nlanguage: da\n").replace(
        "  - name: RulePolicy\n", "  - name: bot.policies.AcuteFirstRulePolicy\n")
    name = f"default-e{epochs}" if epochs else "default"
    if epochs:
        text = text.replace("epochs: 100", f"epochs: {epochs}")
    path = BENCH / "configs" / f"{name}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# Rasa's default config ({source.name}) with language: da, RulePolicy -> AcuteFirstRulePolicy"
                    + (f" and {epochs} instead of 100 epochs" if epochs else "") + ".\n" + text, encoding="utf-8")
    description = ("Rasa's default pipeline and policies (rasa init), language: da, RulePolicy replaced by our "
                   "AcuteFirstRulePolicy (the stories need it)")
    if not epochs:
        return Candidate("default", description, path, full_load=True, train_name=name)
    return Candidate("default", f"{description}; trained with {epochs} instead of 100 epochs per neural component, "
                     "training time extrapolated to 100", path, full_load=True, train_name=name, full_epochs=100)


def component_times(train_log: Path) -> dict[str, dict[str, float]]:
    """Per component: seconds from the log's start/finish lines; for neural ones the epoch loop's
    elapsed time after the first and after the last epoch (tqdm's ``k/N [MM:SS<``)."""
    import re

    text = train_log.read_text(encoding="utf-8", errors="replace")
    events = re.finditer(
        r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) INFO +rasa\.engine\.training\.hooks +- (?P<what>Starting to train|Finished training) "
        r"component '(?P<name>[^']+)'|Epochs: +\d+%\|[^|]*\| *(?P<k>\d+)/(?P<n>\d+) \[(?:(?P<h>\d+):)?(?P<m>\d+):(?P<s>\d+)<", text)
    out: dict[str, dict[str, float]] = {}
    current, started = None, 0.0
    counts: dict[str, int] = {}
    for match in events:
        if match["what"]:
            stamp = time.mktime(time.strptime(match["ts"], "%Y-%m-%d %H:%M:%S"))
            if match["what"] == "Starting to train":
                base = match["name"]
                counts[base] = counts.get(base, 0) + 1
                current = base if counts[base] == 1 else f"{base}#{counts[base]}"
                started = stamp
                out[current] = {"seconds": 0.0}
            elif current:
                out[current]["seconds"] = stamp - started
                current = None
        elif current:
            elapsed = int(match["h"] or 0) * 3600 + int(match["m"]) * 60 + int(match["s"])
            k, n = int(match["k"]), int(match["n"])
            entry = out[current]
            entry["epochs"] = n
            if k == 1:
                entry["first_epoch_s"] = elapsed
            if k == n:
                entry["loop_s"] = max(entry.get("loop_s", 0), elapsed)
    return out


def extrapolate(total: float, components: dict[str, dict[str, float]], epochs: int) -> dict[str, Any]:
    """Training time if every neural component ran ``epochs`` epochs: its first epoch (graph tracing)
    once, the others at the measured mean rate; everything else as measured."""
    extra = 0.0
    detail = {}
    for name, c in components.items():
        if "loop_s" not in c or "first_epoch_s" not in c or c.get("epochs", 0) < 2:
            continue
        per_epoch = (c["loop_s"] - c["first_epoch_s"]) / (c["epochs"] - 1)
        full_loop = c["first_epoch_s"] + per_epoch * (epochs - 1)
        extra += full_loop - c["loop_s"]
        detail[name] = {"measured_epochs": c["epochs"], "seconds_per_epoch": round(per_epoch, 1),
                        "loop_s_measured": c["loop_s"], "loop_s_extrapolated": round(full_loop)}
    return {"epochs": epochs, "seconds": round(total + extra, 1), "components": detail}


def variant_description(path: Path) -> str:
    """The variant's header comment: the lines before ``# ---``, without "Variant:"."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#") or line.startswith("# ---"):
            break
        lines.append(line.lstrip("#").strip())
    return " ".join(lines).removeprefix("Variant:").strip()


def candidates(args: argparse.Namespace) -> list[Candidate]:
    found = [
        Candidate("ours", "config.yml as committed", ROOT / "config.yml", full_load=True),
        default_candidate(args.default_epochs),
        Candidate("ours-no-speedup", "ours, same model; Rasa server without the cached action-response validator "
                  "(HANDLEVEJ_RASA_SPEEDUPS=0, see bot/rasa_speedups.py)", None, model_from="ours", speedups=False),
    ]
    if args.variants != "none":
        wanted = None if args.variants == "all" else set(args.variants.split(","))
        for path in sorted(VARIANTS.glob("*.yml")):
            if wanted is None or path.stem in wanted:
                found.append(Candidate(path.stem, variant_description(path), path))
    if args.only:
        keep = set(args.only.split(","))
        found = [c for c in found if c.name in keep]
    return found


# --------------------------------------------------------------------------- steps


def train(candidate: Candidate, reuse: bool) -> dict[str, Any]:
    """Train from a clean state; with ``reuse``, take an earlier clean training's model and figures."""
    assert candidate.config is not None
    workdir = BENCH / "train" / candidate.folder
    model = workdir / "models" / f"{candidate.folder}.tar.gz"
    record = workdir / "training.json"
    if reuse and model.exists() and record.exists():
        figures = json.loads(record.read_text(encoding="utf-8"))
        if figures.get("inputs_hash") == inputs_hash(candidate.config):
            log(f"{candidate.name}: reusing {model.relative_to(ROOT)} trained {figures['trained_at']} ({figures['seconds']} s)")
            return dict(figures, reused=True, model=str(model))
        log(f"{candidate.name}: config, data or domain changed since the last training: training again")
    shutil.rmtree(workdir, ignore_errors=True)
    (workdir / "models").mkdir(parents=True)
    config = workdir / "config.yml"  # rasa train writes auto-filled defaults into the file: train on a copy
    shutil.copy(candidate.config, config)
    cache = Path(tempfile.mkdtemp(prefix="rasa-cache-", dir=BENCH))
    before = load.loadavg()
    log(f"{candidate.name}: training from a clean state (fresh --out, empty RASA_CACHE_DIRECTORY)")
    code, seconds, peak = run_command(
        [str(BIN / "rasa"), "train", "--domain", "build/domain.yml", "--data", "data", "--config", str(config),
         "--out", str(workdir / "models"), "--fixed-model-name", candidate.folder],
        workdir / "train.log", {"RASA_CACHE_DIRECTORY": str(cache)}, timeout=TRAIN_TIMEOUT,
    )
    shutil.rmtree(cache, ignore_errors=True)
    if code != 0 or not model.exists():
        why = f"killed after {TRAIN_TIMEOUT / 3600:.0f} h" if seconds >= TRAIN_TIMEOUT else f"exit {code}"
        raise RuntimeError(f"training {candidate.name} failed ({why}); see {workdir / 'train.log'}")
    log(f"{candidate.name}: trained in {seconds:.0f} s, {model.stat().st_size / 1e6:.1f} MB")
    figures = {
        "model": str(model), "reused": False, "trained_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "seconds": round(seconds, 1), "peak_rss_mb": peak, "model_mb": round(model.stat().st_size / 1e6, 2),
        "loadavg_before": before, "loadavg_after": load.loadavg(),
        "inputs_hash": inputs_hash(candidate.config),
        "effective_config": config.read_text(encoding="utf-8"),
        "components": component_times(workdir / "train.log"),
    }
    if candidate.full_epochs:
        figures["extrapolated"] = extrapolate(figures["seconds"], figures["components"], candidate.full_epochs)
    record.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    return figures


def evaluate(name: str, model: Path) -> dict[str, Any]:
    out = BENCH / "eval" / name
    shutil.rmtree(out, ignore_errors=True)
    log(f"{name}: held-out NLU evaluation")
    code, seconds, _ = run_command([str(BIN / "python"), "-m", "tests.nlu.evaluate", "--model", str(model), "--out", str(out), "--cv", "0"],
                                   BENCH / "eval" / f"{name}.log")
    if code != 0:
        return {"error": f"exit {code}, see build/bench/eval/{name}.log"}
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    # Top-level figures: held-out round 1 (tests/nlu/heldout_bekymring.yml), acute = the rules' entity.
    intents, acute = report["intents"], report["acute"]
    combined = (report.get("heldout") or {}).get("intents") or {}  # all open held-out rounds
    return {
        "combined_rounds_accuracy": round(combined["accuracy"], 4) if "accuracy" in combined else None,
        "combined_rounds_macro_f1": round(combined["macro_f1"], 4) if "macro_f1" in combined else None,
        "accuracy": round(intents["accuracy"], 4), "macro_f1": round(intents["macro_f1"], 4),
        "fallback_rate": round(intents["fallback_rate"], 4), "acute_recall": round(acute["recall"], 4),
        "acute_false_alarm_rate": round(acute["false_alarm_rate"], 4),
        "parse_ms_p50": round(report["parse_latency_ms"]["p50"], 1), "parse_ms_p95": round(report["parse_latency_ms"]["p95"], 1),
        "per_intent_f1": {k.replace("bekymring_", ""): round(v["f1"], 3) for k, v in intents["per_intent"].items()},
    }


def stories(name: str, model: Path) -> dict[str, Any]:
    out = BENCH / "stories" / name
    shutil.rmtree(out, ignore_errors=True)
    log(f"{name}: test stories")
    code, _, _ = run_command([str(BIN / "rasa"), "test", "core", "--model", str(model), "--stories", "tests/stories",
                              "--out", str(out)], BENCH / "stories" / f"{name}.log")
    report_file = out / "story_report.json"
    if not report_file.exists():
        return {"error": f"exit {code}, see build/bench/stories/{name}.log"}
    report = json.loads(report_file.read_text(encoding="utf-8"))
    conv = report.get("conversation_accuracy", {})
    return {"correct": conv.get("correct"), "total": conv.get("total"), "action_accuracy": round(report.get("accuracy", 0), 4)}


@dataclass
class Running:
    rasa: subprocess.Popen
    actions: subprocess.Popen
    url: str
    workdir: Path


def _start(cmd: list[str], log_file: Path, speedups: bool) -> subprocess.Popen:
    handle = log_file.open("w")
    return subprocess.Popen(cmd, cwd=ROOT, env=env(speedups), stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def start_bot(name: str, model: Path, speedups: bool, rep: int) -> tuple[Running, dict[str, Any]]:
    """Start both servers from a clean state; measure the time to health, status and first answer."""
    workdir = BENCH / "run" / name
    workdir.mkdir(parents=True, exist_ok=True)
    tracker_db = workdir / "trackers.db"
    tracker_db.unlink(missing_ok=True)
    rasa_port, actions_port = free_port(), free_port()
    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8")) or {}
    endpoints["action_endpoint"] = {"url": f"http://127.0.0.1:{actions_port}/webhook"}
    endpoints.setdefault("tracker_store", {})["db"] = str(tracker_db)
    (workdir / "endpoints.yml").write_text(yaml.safe_dump(endpoints), encoding="utf-8")
    before = load.loadavg()
    started = time.monotonic()
    actions = _start([str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(actions_port)],
                     workdir / f"actions-{rep}.log", True)
    rasa = _start([str(BIN / "rasa"), "run", "--model", str(model), "--endpoints", str(workdir / "endpoints.yml"),
                   "--credentials", str(ROOT / "credentials.yml"), "--interface", "127.0.0.1", "--port", str(rasa_port),
                   "--enable-api"], workdir / f"rasa-{rep}.log", speedups)
    running = Running(rasa, actions, f"http://127.0.0.1:{rasa_port}", workdir)
    times: dict[str, float] = {}
    try:
        while "first_answer_s" not in times:
            if time.monotonic() - started > START_TIMEOUT:
                raise TimeoutError(f"{name}: no answer within {START_TIMEOUT} s; see {workdir}")
            for process, label in ((rasa, "rasa"), (actions, "actions")):
                if process.poll() is not None:
                    raise RuntimeError(f"{name}: the {label} server stopped during start-up; see {workdir}")
            now = time.monotonic() - started
            try:
                if "actions_health_s" not in times:
                    http_ok(f"http://127.0.0.1:{actions_port}/health", timeout=2)
                    times["actions_health_s"] = round(time.monotonic() - started, 2)
            except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
                pass
            try:
                if "rasa_status_s" not in times:
                    http_ok(f"{running.url}/status", timeout=2)
                    times["rasa_status_s"] = round(time.monotonic() - started, 2)
                if "rasa_status_s" in times and "actions_health_s" in times:
                    sent = time.monotonic()
                    body = json.dumps({"sender": f"startup-{rep}-{int(sent)}", "message": FIRST_MESSAGE}).encode()
                    answer = http_ok(f"{running.url}/webhooks/rest/webhook", body, timeout=120)
                    if answer:
                        times["first_turn_ms"] = round((time.monotonic() - sent) * 1000)
                        times["first_answer_s"] = round(time.monotonic() - started, 2)
                        continue
            except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
                pass
            time.sleep(max(0.0, 0.25 - (time.monotonic() - started - now)))
    except BaseException:
        _stop(rasa)
        _stop(actions)
        raise
    times["rasa_rss_mb_idle"] = tree_rss_mb(rasa.pid)
    times["actions_rss_mb_idle"] = tree_rss_mb(actions.pid)
    times["loadavg_before"] = before[0]
    times["loadavg_after"] = load.loadavg()[0]
    return running, times


def stop_bot(running: Running) -> None:
    _stop(running.rasa)
    _stop(running.actions)


def startup(name: str, model: Path, speedups: bool, reps: int) -> tuple[Running, dict[str, Any]]:
    """``reps`` clean starts; the last one is left running for the load. Returns medians and all runs."""
    runs = []
    running: Running | None = None
    for rep in range(reps):
        if running:
            stop_bot(running)
            time.sleep(2)
        log(f"{name}: start-up {rep + 1}/{reps}")
        running, times = start_bot(name, model, speedups, rep)
        log(f"{name}: /status after {times['rasa_status_s']} s, first answer after {times['first_answer_s']} s")
        runs.append(times)
    assert running is not None
    keys = ["actions_health_s", "rasa_status_s", "first_answer_s", "first_turn_ms", "rasa_rss_mb_idle", "actions_rss_mb_idle"]
    summary: dict[str, Any] = {k: round(statistics.median(r[k] for r in runs), 2) for k in keys}
    summary["runs"] = runs
    return running, summary


def run_load(running: Running, levels: list[int], duration: float, warmup: float, think: float) -> list[dict[str, Any]]:
    print(load.HEADER, flush=True)
    return asyncio.run(load.run_levels(
        running.url, levels, {"rasa": running.rasa.pid, "actions": running.actions.pid},
        duration=duration, warmup=warmup, think=think,
    ))


# --------------------------------------------------------------------------- main


def bench_candidate(candidate: Candidate, args: argparse.Namespace, results: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": candidate.name, "description": candidate.description, "speedups": candidate.speedups,
                             "measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    if candidate.config is None and args.train_only:
        return entry
    if candidate.config is not None:
        entry["config_file"] = str(candidate.config.relative_to(ROOT))
        entry["training"] = train(candidate, args.reuse_models)
        model = Path(entry["training"]["model"])
        if args.train_only:
            return entry
        entry["nlu"] = evaluate(candidate.name, model)
        entry["stories"] = stories(candidate.name, model)
    else:
        base = results["candidates"].get(candidate.model_from or "")
        if not base:
            raise RuntimeError(f"{candidate.name} needs {candidate.model_from} first")
        entry["model_from"] = candidate.model_from
        model = Path(base["training"]["model"])
    reps = args.startup_reps if candidate.full_load else 1
    running, entry["startup"] = startup(candidate.name, model, candidate.speedups, reps)
    try:
        if candidate.full_load or not candidate.speedups:
            log(f"{candidate.name}: closed-loop levels {args.levels} ({args.duration:.0f} s each)")
            entry["closed"] = run_load(running, args.levels, args.duration, args.warmup, 0.0)
            log(f"{candidate.name}: paced levels {args.levels} (think {args.think:.0f} s, {args.paced_duration:.0f} s each)")
            entry["paced"] = run_load(running, args.levels, args.paced_duration, max(args.think * 2, args.warmup), args.think)
        else:
            log(f"{candidate.name}: closed-loop levels {args.variant_levels}")
            entry["closed"] = run_load(running, args.variant_levels, args.variant_duration, args.warmup, 0.0)
        entry["rss_after_load_mb"] = {"rasa": tree_rss_mb(running.rasa.pid), "actions": tree_rss_mb(running.actions.pid)}
    finally:
        stop_bot(running)
    return entry


def parse_levels(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--levels", type=parse_levels, default=[1, 10, 20, 50, 100], help="concurrent conversations (ours, default)")
    parser.add_argument("--duration", type=float, default=30.0, help="measured seconds per closed-loop level")
    parser.add_argument("--paced-duration", type=float, default=60.0, help="measured seconds per paced level")
    parser.add_argument("--think", type=float, default=5.0, help="mean pause before a follow-up turn in the paced levels (s)")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds per level not counted (paced: at least 2 x think)")
    parser.add_argument("--variant-levels", type=parse_levels, default=[1, 20], help="closed-loop levels for variants")
    parser.add_argument("--variant-duration", type=float, default=20.0)
    parser.add_argument("--startup-reps", type=int, default=3, help="clean starts of ours and default (variants: 1)")
    parser.add_argument("--default-epochs", type=int, default=None,
                        help="train the default config with this many epochs per neural component instead of 100 and "
                             "extrapolate its training time (the default's DIET takes hours on a busy 2-core machine)")
    parser.add_argument("--variants", default="all", help="all, none, or names from scripts/bench/variants/")
    parser.add_argument("--only", help="comma-separated candidate names to run (default: all)")
    parser.add_argument("--reuse-models", action="store_true",
                        help="reuse models trained (from a clean state) by an earlier run if their config is unchanged; "
                             "their training figures are reported with the time they were trained")
    parser.add_argument("--merge", action="store_true",
                        help="keep the other candidates of the last build/bench/results.json (or else of "
                             "--out/report.json) and replace only those run now")
    parser.add_argument("--train-only", action="store_true", help="only train (for a later --reuse-models run)")
    parser.add_argument("--quick", action="store_true", help="smoke test: levels 1,20; 10 s levels; 1 start-up each")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "load")
    args = parser.parse_args(argv)
    if args.quick:
        args.levels, args.duration, args.paced_duration, args.think = [1, 20], 10.0, 20.0, 2.0
        args.variant_levels, args.variant_duration, args.startup_reps = [1, 20], 10.0, 1
    if not (ROOT / "build" / "domain.yml").exists():
        print("build/domain.yml is missing: run `make setup` first", file=sys.stderr)
        return 2
    BENCH.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "machine": machine_info(),
        "command": "cd " + str(ROOT) + " && .venv/bin/python -m scripts.bench.run " + " ".join(argv if argv is not None else sys.argv[1:]),
        "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "candidates": {},
    }
    started = time.monotonic()
    results_file = BENCH / ("results-train-only.json" if args.train_only else "results.json")
    # Merge into the last run on this machine, or else into the committed report (a fresh clone).
    merge_source = results_file if results_file.exists() else args.out / "report.json"
    if args.merge and merge_source.exists():
        previous = json.loads(merge_source.read_text(encoding="utf-8"))
        results["candidates"] = previous.get("candidates", {})
        results["merged_from"] = previous.get("merged_from", []) + [previous.get("command")]
    for candidate in candidates(args):
        log(f"=== {candidate.name}: {candidate.description}")
        try:
            results["candidates"][candidate.name] = bench_candidate(candidate, args, results)
        except Exception as exc:  # noqa: BLE001 - record and go on with the other candidates
            log(f"{candidate.name} FAILED: {exc}")
            results["candidates"][candidate.name] = {"name": candidate.name, "description": candidate.description, "error": str(exc)}
        results_file.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    results["machine"]["loadavg_at_end"] = load.loadavg()
    results["total_minutes"] = round((time.monotonic() - started) / 60, 1)
    results_file.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    if args.train_only:
        log(f"trained; figures in {results_file.relative_to(ROOT)} and build/bench/train/*/training.json")
        return 0
    write_report(results, args.out)
    log(f"wrote {args.out / 'report.md'} and {args.out / 'report.json'} ({results['total_minutes']} min)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
