"""Load benchmark: complete Handlevej conversations against a running bot over REST.

Usage (from the repository root, with a bot already running, e.g. ``make run``):

    .venv/bin/python -m scripts.bench.load --url http://127.0.0.1:5005
    .venv/bin/python -m scripts.bench.load --url http://127.0.0.1:5005 \\
        --levels 1,10,20,50,100 --duration 30 --warmup 3 --turns 4 --json build/bench/load.json
    .venv/bin/python -m scripts.bench.load --levels 20 --conversations 200   # a fixed number instead of a duration

``scripts/bench/run.py`` starts the bots itself and calls ``run_levels`` from here.

What one simulated conversation is (each has its own sender id, because the REST
channel allows at most 10 messages a second per sender):

1. one worry from the held-out set ``tests/nlu/heldout_bekymring.yml`` (shuffled
   with ``--seed``, then cycled);
2. turns 2 … N-1 answer what the bot asked: the age question gets an age ("15",
   "34 år", alternating), the danger question gets "nej, ikke lige nu", anything
   else gets a follow-up question ("skal jeg underrette?", …);
3. the last turn is "tak".

Every conversation has exactly ``--turns`` turns (default 4). Each level is a
closed loop: N workers each play conversations back to back. With ``--think-ms 0``
(the default) there is no pause, so N requests are in flight at all times - the
worst case. With ``--think-ms T`` a worker pauses uniformly 0.5-1.5 x T before
each follow-up turn, like a user reading the answer and typing, and the workers'
first messages are spread over T. Turns that start in the first ``--warmup``
seconds are not counted (use a warm-up of at least T when pacing).

Per level it reports turn latency p50/p95/p99 (also by turn number), throughput
(turns/s), errors (HTTP status other than 200, exceptions/time-outs, empty replies
and replies containing the apology text ``texts.input_error`` from the pack), how
many conversations reached a procedure, the resident memory (VmRSS, the process
and all its descendants, sampled every ``--sample-interval`` s: peak and mean) and
CPU use (utime+stime from /proc/<pid>/stat over the level, in % of one core) of
the Rasa server, the action server and this load generator, the whole machine's
CPU use from /proc/stat and the load average before and after the level.

The server processes are found from the listening ports (``--url`` and
``--actions-port``) unless ``--rasa-pid``/``--actions-pid`` are given.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import urlparse

import aiohttp
import yaml

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "tests" / "nlu" / "heldout_bekymring.yml"
CLK_TCK = os.sysconf("SC_CLK_TCK")
AGE_ANSWERS = ("15", "34 år")
DANGER_ANSWER = "nej, ikke lige nu"
FOLLOW_UPS = ("skal jeg underrette?", "hvem kan jeg ringe til?", "må jeg fortælle det til forældrene?")
LAST_TURN = "tak"


# --------------------------------------------------------------------------- texts


@dataclass(frozen=True)
class Markers:
    """Pieces of bot text the conversation script reacts to (from the municipality pack)."""

    age_question: str
    danger_question: str
    apology: str


def load_markers(kommune: str | None = None) -> Markers:
    kommune = kommune or os.environ.get("HANDLEVEJ_KOMMUNE", "allerod")
    pack = yaml.safe_load((ROOT / "bot" / "kommuner" / f"{kommune}.yml").read_text(encoding="utf-8"))
    # The first sentence of each question and the apology up to its first placeholder.
    age = pack["questions"]["age_group"]["text"].split("?")[0]
    danger = pack["questions"]["akut"]["text"].split("–")[0].split("?")[0].strip()
    apology = pack["texts"]["input_error"].split("{")[0].split(".")[0]
    return Markers(age_question=age, danger_question=danger, apology=apology)


def load_worries(path: Path = HELDOUT, seed: int = 4711) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    worries = [
        line.strip()[2:].strip()
        for block in data["nlu"]
        for line in block["examples"].splitlines()
        if line.strip().startswith("- ")
    ]
    random.Random(seed).shuffle(worries)
    return worries


def next_message(turn: int, turns: int, conversation: int, previous: list[dict[str, Any]], markers: Markers) -> str:
    """The user's message for ``turn`` (2 … turns), reacting to the bot's previous answer."""
    if turn == turns:
        return LAST_TURN
    text = "\n".join(str(m.get("text", "")) for m in previous)
    if markers.age_question in text:
        return AGE_ANSWERS[conversation % len(AGE_ANSWERS)]
    if markers.danger_question in text:
        return DANGER_ANSWER
    return FOLLOW_UPS[(conversation + turn) % len(FOLLOW_UPS)]


# --------------------------------------------------------------------------- /proc


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="ascii", errors="replace") as handle:
            return handle.read()
    except OSError:
        return None


def _stat_fields(pid: int) -> list[str] | None:
    raw = _read(f"/proc/{pid}/stat")
    if raw is None:
        return None
    # The command name (field 2) may contain spaces: split after its closing parenthesis.
    return raw[raw.rfind(")") + 2:].split()


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its living descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        fields = _stat_fields(int(entry))
        if fields:
            children.setdefault(int(fields[1]), []).append(int(entry))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        if _read(f"/proc/{current}/stat") is None:
            continue
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


def rss_kb(pid: int) -> int:
    raw = _read(f"/proc/{pid}/status") or ""
    for line in raw.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def cpu_ticks(pid: int) -> int:
    """utime + stime of ``pid`` plus cutime + cstime of its children that have already exited."""
    fields = _stat_fields(pid)
    if not fields:
        return 0
    # After the command name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
    return int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])


def system_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs from /proc/stat."""
    first = (_read("/proc/stat") or "cpu 0 0 0 0").splitlines()[0].split()[1:]
    values = [int(v) for v in first]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return sum(values) - idle, sum(values)


def loadavg() -> list[float]:
    return [float(x) for x in (_read("/proc/loadavg") or "0 0 0").split()[:3]]


def listening_pid(port: int) -> int | None:
    """The process listening on a local TCP port (from /proc/net/tcp*), if it can be seen."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in (_read(table) or "").splitlines()[1:]:
            parts = line.split()
            if len(parts) > 9 and parts[3] == "0A" and int(parts[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(parts[9])
    if not inodes:
        return None
    owners = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fds = os.listdir(f"/proc/{entry}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                target = os.readlink(f"/proc/{entry}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:[") and target[8:-1] in inodes:
                owners.append(int(entry))
                break
    return min(owners) if owners else None


@dataclass
class ProcessSampler:
    """Samples RSS (peak, mean) and CPU time of process trees while a level runs."""

    pids: dict[str, int]
    interval: float = 0.5
    rss: dict[str, list[int]] = field(default_factory=dict)
    _first: dict[str, dict[int, int]] = field(default_factory=dict)
    _last: dict[str, dict[int, int]] = field(default_factory=dict)
    _started: float = 0.0
    _stopped: float = 0.0
    _sys_start: tuple[int, int] = (0, 0)
    _sys_end: tuple[int, int] = (0, 0)

    def _sample(self, first: bool = False) -> None:
        for name, pid in self.pids.items():
            tree = process_tree(pid) if name != "client" else [pid]
            self.rss.setdefault(name, []).append(sum(rss_kb(p) for p in tree))
            ticks = {p: cpu_ticks(p) for p in tree}
            if first:
                self._first[name] = dict(ticks)
            self._last.setdefault(name, {}).update(ticks)

    async def run(self, stop: asyncio.Event) -> None:
        self._started = time.monotonic()
        self._sys_start = system_ticks()
        self._sample(first=True)
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), timeout=self.interval)
            except asyncio.TimeoutError:
                pass
            self._sample()
        self._stopped = time.monotonic()
        self._sys_end = system_ticks()

    def summary(self) -> dict[str, Any]:
        wall = max(self._stopped - self._started, 1e-9)
        out: dict[str, Any] = {}
        for name in self.pids:
            samples = self.rss.get(name) or [0]
            first, last = self._first.get(name, {}), self._last.get(name, {})
            ticks = sum(last[p] - first.get(p, 0) for p in last)
            out[name] = {
                "rss_mb_peak": round(max(samples) / 1024, 1),
                "rss_mb_mean": round(sum(samples) / len(samples) / 1024, 1),
                "cpu_pct": round(100 * ticks / CLK_TCK / wall, 1),
                "cpu_seconds": round(ticks / CLK_TCK, 2),
            }
        busy = self._sys_end[0] - self._sys_start[0]
        total = max(self._sys_end[1] - self._sys_start[1], 1)
        out["machine"] = {"cpu_pct": round(100 * (os.cpu_count() or 1) * busy / total, 1)}
        return out


# --------------------------------------------------------------------------- load


@dataclass
class Turn:
    level: int
    conversation: int
    number: int
    started: float
    seconds: float
    status: int
    error: str | None


@dataclass
class LevelSettings:
    concurrency: int
    duration: float = 30.0
    warmup: float = 3.0
    conversations: int | None = None  # instead of a duration: this many conversations in all
    turns: int = 4
    think: float = 0.0
    timeout: float = 60.0


def percentile(values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (as numpy's default)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def latency_summary(seconds: Sequence[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    if not ms:
        return {"n": 0}
    return {
        "n": len(ms),
        "p50": round(percentile(ms, 50), 1),
        "p95": round(percentile(ms, 95), 1),
        "p99": round(percentile(ms, 99), 1),
        "mean": round(sum(ms) / len(ms), 1),
        "max": round(max(ms), 1),
    }


class LoadRun:
    """One level: ``concurrency`` closed-loop workers playing conversations."""

    def __init__(self, url: str, settings: LevelSettings, worries: list[str], markers: Markers, run_id: str) -> None:
        self.url = url.rstrip("/") + "/webhooks/rest/webhook"
        self.settings = settings
        self.worries = worries
        self.markers = markers
        self.run_id = run_id
        self.turns: list[Turn] = []
        self.procedures = 0
        self.conversations_done = 0
        self.examples: dict[str, str] = {}
        self._next_conversation = 0

    def _take_conversation(self, deadline: float) -> int | None:
        limit = self.settings.conversations
        if limit is not None and self._next_conversation >= limit:
            return None
        if limit is None and time.monotonic() >= deadline:
            return None
        number = self._next_conversation
        self._next_conversation += 1
        return number

    async def _say(self, session: aiohttp.ClientSession, sender: str, message: str) -> tuple[int, list[dict[str, Any]], str | None]:
        try:
            async with session.post(self.url, json={"sender": sender, "message": message}) as response:
                body = await response.read()
                if response.status != 200:
                    return response.status, [], f"http_{response.status}"
                messages = json.loads(body)
        except asyncio.TimeoutError:
            return 0, [], "timeout"
        except (aiohttp.ClientError, ValueError, OSError) as exc:
            return 0, [], f"exception_{type(exc).__name__}"
        if not isinstance(messages, list) or not messages:
            return 200, [], "empty_reply"
        if any(self.markers.apology in str(m.get("text", "")) for m in messages):
            return 200, messages, "apology"
        return 200, messages, None

    def _think_time(self, number: int, turn: int) -> float:
        """The pause before a turn: uniform in [0.5, 1.5] x ``think`` (reproducible)."""
        return self.settings.think * random.Random(number * 100 + turn).uniform(0.5, 1.5)

    async def _conversation(self, session: aiohttp.ClientSession, number: int) -> None:
        sender = f"bench-{self.run_id}-{self.settings.concurrency}-{number}"
        message = self.worries[number % len(self.worries)]
        reached_procedure = False
        previous: list[dict[str, Any]] = []
        for turn in range(1, self.settings.turns + 1):
            if turn > 1:
                message = next_message(turn, self.settings.turns, number, previous, self.markers)
                if self.settings.think:
                    await asyncio.sleep(self._think_time(number, turn))
            started = time.monotonic()
            status, previous, error = await self._say(session, sender, message)
            self.turns.append(Turn(self.settings.concurrency, number, turn, started, time.monotonic() - started, status, error))
            if error and error not in self.examples:
                self.examples[error] = f"turn {turn}: {message[:80]!r}"
            reached_procedure = reached_procedure or any(
                isinstance(m.get("custom"), dict) and m["custom"].get("kind") == "procedure" for m in previous
            )
        self.conversations_done += 1
        self.procedures += reached_procedure

    async def _worker(self, session: aiohttp.ClientSession, deadline: float, index: int) -> None:
        if self.settings.think:
            # Paced users do not all arrive in the same millisecond: spread the first turns.
            await asyncio.sleep(self.settings.think * index / self.settings.concurrency)
        while (number := self._take_conversation(deadline)) is not None:
            await self._conversation(session, number)

    async def run(self, pids: dict[str, int], sample_interval: float) -> dict[str, Any]:
        s = self.settings
        timeout = aiohttp.ClientTimeout(total=s.timeout)
        connector = aiohttp.TCPConnector(limit=0, force_close=False)
        sampler = ProcessSampler(dict(pids, client=os.getpid()), interval=sample_interval)
        stop = asyncio.Event()
        load_before = loadavg()
        async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
            sampling = asyncio.create_task(sampler.run(stop))
            started = time.monotonic()
            deadline = started + s.warmup + s.duration
            await asyncio.gather(*(self._worker(session, deadline, i) for i in range(s.concurrency)))
            finished = time.monotonic()
            stop.set()
            await sampling
        load_after = loadavg()
        processes = sampler.summary()
        for name in pids:
            # CPU time per turn: the cost of a turn, much less sensitive to other jobs than latency.
            processes[name]["cpu_ms_per_turn"] = round(1000 * processes[name]["cpu_seconds"] / max(len(self.turns), 1), 1)
        if s.conversations is None:
            window_start, window_end = started + s.warmup, deadline
            counted = [t for t in self.turns if window_start <= t.started < window_end]
            completed = [t for t in self.turns if window_start <= t.started + t.seconds < window_end]
            throughput = len(completed) / (window_end - window_start)
        else:
            counted = list(self.turns)
            throughput = len(counted) / max(finished - started, 1e-9)
        errors: dict[str, int] = {}
        for t in counted:
            if t.error:
                errors[t.error] = errors.get(t.error, 0) + 1
        by_turn = {
            str(n): latency_summary([t.seconds for t in counted if t.number == n]) for n in range(1, s.turns + 1)
        }
        return {
            "concurrency": s.concurrency,
            "think_ms": round(s.think * 1000),
            "turns_per_conversation": s.turns,
            "measured_seconds": round(s.duration if s.conversations is None else finished - started, 1),
            "warmup_seconds": s.warmup if s.conversations is None else 0,
            "conversations_started": self._next_conversation,
            "conversations_completed": self.conversations_done,
            "conversations_reaching_procedure": self.procedures,
            "turns": len(counted),
            "throughput_turns_per_s": round(throughput, 2),
            "latency_ms": latency_summary([t.seconds for t in counted]),
            "latency_ms_by_turn": by_turn,
            "errors": sum(errors.values()),
            "errors_by_kind": errors,
            "error_examples": self.examples,
            "processes": processes,
            "loadavg_before": load_before,
            "loadavg_after": load_after,
        }


def find_pids(url: str, actions_port: int | None, rasa_pid: int | None, actions_pid: int | None) -> dict[str, int]:
    pids: dict[str, int] = {}
    port = urlparse(url).port or 80
    found = rasa_pid or listening_pid(port)
    if found:
        pids["rasa"] = found
    if actions_pid or actions_port:
        found = actions_pid or listening_pid(actions_port or 0)
        if found:
            pids["actions"] = found
    return pids


async def run_levels(
    url: str,
    levels: Sequence[int],
    pids: dict[str, int],
    *,
    duration: float = 30.0,
    warmup: float = 3.0,
    conversations: int | None = None,
    turns: int = 4,
    think: float = 0.0,
    timeout: float = 60.0,
    pause: float = 5.0,
    sample_interval: float = 0.5,
    seed: int = 4711,
    echo: bool = True,
) -> list[dict[str, Any]]:
    """Run each level in turn; returns one result dict per level (see ``LoadRun.run``)."""
    worries = load_worries(seed=seed)
    markers = load_markers()
    run_id = uuid.uuid4().hex[:8]
    results = []
    for index, level in enumerate(levels):
        if index:
            await asyncio.sleep(pause)
        settings = LevelSettings(level, duration, warmup, conversations, turns, think, timeout)
        result = await LoadRun(url, settings, worries, markers, run_id).run(pids, sample_interval)
        results.append(result)
        if echo:
            print(format_row(result), flush=True)
    return results


# --------------------------------------------------------------------------- output

HEADER = (
    f"{'conc':>5} {'turns':>6} {'turns/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>6} "
    f"{'rasa RSS pk/mean MB':>20} {'rasa CPU%':>9} {'rasa CPU ms/turn':>16} {'act RSS pk MB':>13} {'act CPU%':>8} {'client CPU%':>11} "
    f"{'machine CPU%':>12} {'load1 before→after':>18}"
)


def format_row(r: dict[str, Any]) -> str:
    lat, procs = r["latency_ms"], r["processes"]
    rasa = procs.get("rasa", {})
    act = procs.get("actions", {})
    return (
        f"{r['concurrency']:>5} {r['turns']:>6} {r['throughput_turns_per_s']:>8.1f} {lat.get('p50', 0):>8.1f} "
        f"{lat.get('p95', 0):>8.1f} {lat.get('p99', 0):>8.1f} {lat.get('max', 0):>8.1f} {r['errors']:>6} "
        f"{rasa.get('rss_mb_peak', 0):>10.0f}/{rasa.get('rss_mb_mean', 0):<9.0f} {rasa.get('cpu_pct', 0):>9.0f} "
        f"{rasa.get('cpu_ms_per_turn', 0):>16.1f} "
        f"{act.get('rss_mb_peak', 0):>13.0f} {act.get('cpu_pct', 0):>8.0f} {procs['client']['cpu_pct']:>11.0f} "
        f"{procs['machine']['cpu_pct']:>12.0f} {r['loadavg_before'][0]:>8.2f}→{r['loadavg_after'][0]:<8.2f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:5005", help="the Rasa server (default: %(default)s)")
    parser.add_argument("--levels", default="1,10,20,50,100", help="concurrent conversations per level (default: %(default)s)")
    parser.add_argument("--duration", type=float, default=30.0, help="measured seconds per level (default: %(default)s)")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds per level not counted (default: %(default)s)")
    parser.add_argument("--conversations", type=int, help="play this many conversations per level instead of a duration")
    parser.add_argument("--turns", type=int, default=4, help="turns per conversation (default: %(default)s)")
    parser.add_argument("--think-ms", type=float, default=0.0, help="pause between turns of a conversation (default: 0)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a request counts as failed")
    parser.add_argument("--pause", type=float, default=5.0, help="seconds between levels (default: %(default)s)")
    parser.add_argument("--actions-port", type=int, default=5055, help="the action server's port, to find its process")
    parser.add_argument("--rasa-pid", type=int)
    parser.add_argument("--actions-pid", type=int)
    parser.add_argument("--sample-interval", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=4711)
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args(argv)
    if args.turns < 2:
        parser.error("--turns must be at least 2")
    levels = [int(x) for x in args.levels.split(",") if x.strip()]
    pids = find_pids(args.url, args.actions_port, args.rasa_pid, args.actions_pid)
    print(f"processes watched: {pids or 'none found (no RSS/CPU figures)'}", flush=True)
    print(HEADER, flush=True)
    results = asyncio.run(
        run_levels(args.url, levels, pids, duration=args.duration, warmup=args.warmup, conversations=args.conversations,
                   turns=args.turns, think=args.think_ms / 1000, timeout=args.timeout, pause=args.pause,
                   sample_interval=args.sample_interval, seed=args.seed)
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"url": args.url, "levels": results}, ensure_ascii=False, indent=2), encoding="utf-8")
    return 1 if any(r["errors"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
