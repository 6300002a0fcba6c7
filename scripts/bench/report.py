"""Render the benchmark results (build/bench/results.json) as reports/load/report.md + report.json.

Usage (from the repository root):

    .venv/bin/python -m scripts.bench.report [build/bench/results.json] [--out reports/load]

``scripts/bench/run.py`` calls this at the end of a run. The hand-written analysis of
a run lives in ``reports/load/findings.md`` and is included as it is, after the
generated summary.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parents[2]
TARGET_CONCURRENCY = 20
TARGET_P95_MS = 150.0


def _f(value: Any, digits: int = 0, unit: str = "") -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, (int, float)):
        return f"{value:,.{digits}f}{unit}".replace(",", " ")
    return str(value)


def _ratio(ours: Any, other: Any, digits: int = 2) -> str:
    if not isinstance(ours, (int, float)) or not isinstance(other, (int, float)) or not other:
        return "–"
    return f"{ours / other:.{digits}f}×"


def _table(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines + [""]


def _pcts(level: dict[str, Any]) -> str:
    lat = level["latency_ms"]
    return f"{_f(lat.get('p50'))} / {_f(lat.get('p95'))} / {_f(lat.get('p99'))}"


def _level(entry: dict[str, Any], kind: str, concurrency: int) -> dict[str, Any] | None:
    return next((lvl for lvl in entry.get(kind, []) if lvl["concurrency"] == concurrency), None)


def _meets_target(level: dict[str, Any] | None) -> bool | None:
    if not level or not level["latency_ms"].get("n"):
        return None
    return level["errors"] == 0 and level["latency_ms"]["p95"] <= TARGET_P95_MS


def bend(levels: list[dict[str, Any]]) -> str:
    """The first level that misses the target (errors or p95 over the limit)."""
    for level in levels:
        if not _meets_target(level):
            lat = level["latency_ms"]
            why = f"{level['errors']} errors" if level["errors"] else f"p95 {_f(lat.get('p95'))} ms"
            n = level["concurrency"]
            return f"{n} conversation{'' if n == 1 else 's'} ({why})"
    return "not within the levels run" if levels else "–"


def load_rows(levels: list[dict[str, Any]]) -> list[list[str]]:
    rows = []
    for lvl in levels:
        lat, procs = lvl["latency_ms"], lvl["processes"]
        rasa, act = procs.get("rasa", {}), procs.get("actions", {})
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(lvl["errors_by_kind"].items()))
        rows.append([
            str(lvl["concurrency"]), _f(lvl["turns"]), _f(lvl["throughput_turns_per_s"], 1),
            _f(lat.get("p50")), _f(lat.get("p95")), _f(lat.get("p99")), _f(lat.get("max")),
            _f(lvl["errors"]) + (f" ({kinds})" if kinds else ""),
            f"{lvl['conversations_reaching_procedure']}/{lvl['conversations_completed']}",
            f"{_f(rasa.get('rss_mb_peak'))} / {_f(rasa.get('rss_mb_mean'))}", _f(rasa.get("cpu_pct")),
            _f(rasa.get("cpu_ms_per_turn"), 1),
            f"{_f(act.get('rss_mb_peak'))} / {_f(act.get('rss_mb_mean'))}", _f(act.get("cpu_pct")),
            _f(act.get("cpu_ms_per_turn"), 1),
            _f(procs.get("client", {}).get("cpu_pct")), _f(procs.get("machine", {}).get("cpu_pct")),
            f"{lvl['loadavg_before'][0]:.2f} → {lvl['loadavg_after'][0]:.2f}",
        ])
    return rows


LOAD_HEADER = ["conv.", "turns", "turns/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "reached procedure",
               "Rasa RSS peak / mean MB", "Rasa CPU %", "Rasa CPU ms/turn", "actions RSS peak / mean MB", "actions CPU %",
               "actions CPU ms/turn", "client CPU %",
               "machine CPU %", "load1 before → after"]


def comparison_rows(ours: dict[str, Any], other: dict[str, Any], kind: str) -> list[list[str]]:
    rows = []
    for lvl in ours.get(kind, []):
        o = lvl["latency_ms"]
        d_level = _level(other, kind, lvl["concurrency"])
        d = d_level["latency_ms"] if d_level else {}
        rows.append([
            str(lvl["concurrency"]),
            f"{_f(o.get('p50'))} / {_f(o.get('p95'))} / {_f(o.get('p99'))}",
            f"{_f(d.get('p50'))} / {_f(d.get('p95'))} / {_f(d.get('p99'))}",
            _ratio(o.get("p50"), d.get("p50")), _ratio(o.get("p95"), d.get("p95")),
            f"{_f(lvl['throughput_turns_per_s'], 1)} / {_f(d_level['throughput_turns_per_s'], 1) if d_level else '–'}",
            _ratio(lvl["throughput_turns_per_s"], d_level["throughput_turns_per_s"] if d_level else None),
            f"{lvl['errors']} / {d_level['errors'] if d_level else '–'}",
            f"{_f(lvl['processes'].get('rasa', {}).get('rss_mb_peak'))} / "
            f"{_f(d_level['processes'].get('rasa', {}).get('rss_mb_peak')) if d_level else '–'}",
            f"{_f(lvl['processes'].get('rasa', {}).get('cpu_ms_per_turn'), 1)} / "
            f"{_f(d_level['processes'].get('rasa', {}).get('cpu_ms_per_turn'), 1) if d_level else '–'}",
        ])
    return rows


def summary_lines(results: dict[str, Any]) -> list[str]:
    c = results["candidates"]
    ours, default = c.get("ours", {}), c.get("default", {})
    lines = ["## Summary (generated)", ""]
    for kind, label in (("closed", "closed loop, no pauses"), ("paced", f"paced, think {results['settings'].get('think')} s")):
        if not ours.get(kind):
            continue
        at20 = _level(ours, kind, TARGET_CONCURRENCY)
        verdict = {True: "**meets**", False: "**misses**", None: "not measured at"}[_meets_target(at20)]
        figures = ""
        if at20:
            lat = at20["latency_ms"]
            figures = f" (p50 {_f(lat.get('p50'))} / p95 {_f(lat.get('p95'))} / p99 {_f(lat.get('p99'))} ms, {at20['errors']} errors)"
        lines.append(f"- Ours, {label}: {verdict} the target (0 errors, p95 ≤ {TARGET_P95_MS:.0f} ms at "
                     f"{TARGET_CONCURRENCY} conversations){figures}. First level over the target: ours {bend(ours[kind])}, "
                     f"default config {bend(default.get(kind, []))}.")
    if ours.get("startup") and default.get("startup"):
        o_s, d_s = ours["startup"]["first_answer_s"], default["startup"]["first_answer_s"]
        lines.append(f"- Start-up to first answer: ours {_f(o_s, 1)} s, default {_f(d_s, 1)} s ({_ratio(o_s, d_s)}).")
    if ours.get("training", {}).get("seconds") and default.get("training", {}).get("seconds"):
        o, d = ours["training"], default["training"]
        d_seconds = (d.get("extrapolated") or {}).get("seconds") or d["seconds"]
        how = " (extrapolated to 100 epochs)" if d.get("extrapolated") else ""
        lines.append(f"- Training from a clean state: ours {_f(o['seconds'])} s, default {_f(d_seconds)} s{how} "
                     f"({_ratio(o['seconds'], d_seconds)}); model size {_f(o['model_mb'], 1)} MB vs {_f(d['model_mb'], 1)} MB "
                     f"({_ratio(o['model_mb'], d['model_mb'])}).")
    return lines + [""]


def _machine_load_line(m: dict[str, Any]) -> str:
    """Whether other work shared the machine: judged from the load average at the start and the end."""
    start, end = m["loadavg_at_start"], m.get("loadavg_at_end", [0, 0, 0])
    figures = (f"load average {' / '.join(f'{x:.2f}' for x in start)} at the start and "
               f"{' / '.join(f'{x:.2f}' for x in end)} at the end (1 / 5 / 15 min)")
    how = ("Every load level records the 1-minute load average before and after it and the whole machine's CPU use, "
           "so a share taken by other processes can be read off (machine CPU % minus Rasa, actions and client).")
    if max(start[0], end[0]) > 1.5:
        return (f"**Other jobs were running on this machine**: {figures}. {how} Absolute figures are pessimistic; "
                "ratios between candidates measured minutes apart are more robust but not immune.")
    return f"No other jobs were running: {figures}. {how}"


def markdown(results: dict[str, Any], findings: str | None) -> str:
    m, s, c = results["machine"], results["settings"], results["candidates"]
    ours, default = c.get("ours", {}), c.get("default", {})
    v = m.get("versions", {})
    lines = [
        "# Load and performance (issue 4 §3)",
        "",
        f"Run {m['date_utc']} · commit `{m['commit'][:12]}` ({m['commit_subject']})"
        + (f" plus {m['uncommitted_count']} uncommitted paths in the working tree" if m.get("uncommitted_count") else "")
        + f" · {results.get('total_minutes', '–')} min in all.",
        "",
        *([f"Merged from several runs ({len(results['merged_from']) + 1}); each candidate's `measured_at` is in report.json.", ""]
          if results.get("merged_from") else []),
        f"Machine: {m['host_cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}, kernel {m['kernel']}. "
        f"Rasa {v.get('rasa')}, TensorFlow {v.get('tensorflow')}, spaCy {v.get('spacy')}, jsonschema {v.get('jsonschema')}, "
        f"Python {v.get('python')}.",
        "",
        _machine_load_line(m),
        "",
    ]
    lines += summary_lines(results)
    if findings:
        lines += [findings.strip(), ""]
    lines += [
        "## How to reproduce",
        "",
        "```sh",
        "make setup                                   # venv, spaCy model, build/domain.yml",
        *[c.replace(f"cd {ROOT} && ", "") for c in results.get("merged_from", []) + [results["command"]] if c],
        ".venv/bin/python -m scripts.bench.load --url http://127.0.0.1:5005   # load only, against `make run`",
        ".venv/bin/python -m scripts.bench.report build/bench/results.json    # re-render this report",
        "```",
        "",
        "## Method",
        "",
        f"- **Conversation**: {s.get('levels')} concurrent conversations, each with its own sender id; 4 turns: a worry from "
        "`tests/nlu/heldout_bekymring.yml`, then answers to what the bot asked (age question → \"15\" or \"34 år\"; "
        "danger question → \"nej, ikke lige nu\"; otherwise a follow-up question such as \"skal jeg underrette?\"), then \"tak\".",
        f"- **Closed loop**: no pause between turns, so every conversation has a request in flight all the time "
        f"({_f(s.get('duration'))} s measured per level after {_f(s.get('warmup'))} s warm-up). This is a stress test: with "
        "N conversations the queue in front of the single Rasa process is N deep.",
        f"- **Paced**: a user pauses {_f(s.get('think'))} s on average (uniform 0.5-1.5×) before each follow-up turn - faster "
        f"than anyone reads a procedure and types a reply, so still pessimistic ({_f(s.get('paced_duration'))} s per level "
        f"after {_f(max(s.get('think', 0) * 2, s.get('warmup', 0)))} s warm-up).",
        "- **Errors**: HTTP status other than 200, time-outs/exceptions, empty replies, and replies containing the apology "
        "text (`texts.input_error` of the pack). \"Reached procedure\" counts conversations whose replies included the "
        "`procedure` payload.",
        "- **RSS**: VmRSS of the server process and its descendants from /proc, sampled every 0.5 s during the level (peak / "
        "mean). **CPU %**: utime+stime from /proc/<pid>/stat over the level, in % of one core (200 % = both cores).",
        "- **Start-up**: from launching both servers (fresh tracker database) until Rasa's /status, and until the first "
        "answer to a worry over REST (that first turn is slower: TensorFlow traces its graphs on the first prediction). "
        f"Medians of {s.get('startup_reps')} clean starts for ours/default, 1 for variants. The OS file cache was warm.",
        "- **Training**: `rasa train` into a fresh `--out` with `RASA_CACHE_DIRECTORY` set to a new empty folder, wall "
        "time and peak RSS of the process tree. Model size = the .tar.gz on disk.",
        "- **Default** = Rasa's default config (what `rasa init`'s commented-out config.yml resolves to: "
        "WhitespaceTokenizer, RegexFeaturizer, LexicalSyntactic, CountVectors word + char_wb 1-4, DIET 100 epochs with 2 "
        "transformer layers, EntitySynonymMapper, ResponseSelector, FallbackClassifier 0.3; Memoization, RulePolicy, "
        "UnexpecTEDIntentPolicy, TED 100 epochs) with `language: da` and one more change: RulePolicy is replaced by our "
        "subclass AcuteFirstRulePolicy, because our stories put the acute answer first in any turn and plain RulePolicy "
        "refuses them as contradicting rules. Same data and domain. It has no rule-based age/acute extractor, so its "
        "conversations can go differently (see \"reached procedure\"); the comparison is of cost. Its NLU quality is "
        "compared in reports/nlu/report.md.",
        "",
    ]
    # --- ours vs default
    if ours and default:
        o_st, d_st = ours.get("startup", {}), default.get("startup", {})
        o_tr, d_tr = ours.get("training", {}), default.get("training", {})
        o_nlu, d_nlu = ours.get("nlu", {}), default.get("nlu", {})

        def peak(entry: dict[str, Any], proc: str) -> float | None:
            values = [lvl["processes"].get(proc, {}).get("rss_mb_peak") for kind in ("closed", "paced") for lvl in entry.get(kind, [])]
            values = [x for x in values if isinstance(x, (int, float))]
            return max(values) if values else None

        def row(label: str, o: Any, d: Any, digits: int = 0) -> list[str]:
            return [label, _f(o, digits), _f(d, digits), _ratio(o, d)]

        def pct(nlu: dict[str, Any], key: str) -> float | None:
            value = nlu.get(key)
            return value * 100 if isinstance(value, (int, float)) else None

        def pair(a: Any, b: Any, digits: int = 0, unit: str = "") -> str:
            return f"{_f(a, digits, unit)} / {_f(b, digits)}"

        def story(entry: dict[str, Any]) -> str:
            return f"{entry.get('stories', {}).get('correct', '–')}/{entry.get('stories', {}).get('total', '–')}"

        rows = [
            row("training time (clean) s" + (", default as trained (fewer epochs)" if d_tr.get("extrapolated") else ""),
                o_tr.get("seconds"), d_tr.get("seconds")),
            *([row("training time (clean) s, default extrapolated to 100 epochs", o_tr.get("seconds"),
                   d_tr["extrapolated"].get("seconds"))] if d_tr.get("extrapolated") else []),
            row("training peak RSS MB", o_tr.get("peak_rss_mb"), d_tr.get("peak_rss_mb")),
            row("model size MB", o_tr.get("model_mb"), d_tr.get("model_mb"), 1),
            row("start-up to /status s", o_st.get("rasa_status_s"), d_st.get("rasa_status_s"), 1),
            row("start-up to first answer s", o_st.get("first_answer_s"), d_st.get("first_answer_s"), 1),
            row("first turn after start ms", o_st.get("first_turn_ms"), d_st.get("first_turn_ms")),
            row("Rasa RSS idle MB", o_st.get("rasa_rss_mb_idle"), d_st.get("rasa_rss_mb_idle")),
            row("Rasa RSS peak under load MB", peak(ours, "rasa"), peak(default, "rasa")),
            ["action server RSS idle / peak MB", pair(o_st.get("actions_rss_mb_idle"), peak(ours, "actions")),
             pair(d_st.get("actions_rss_mb_idle"), peak(default, "actions")), "–"],
            ["held-out round 1 accuracy / macro F1", f"{_f(pct(o_nlu, 'accuracy'), 1, ' %')} / {_f(o_nlu.get('macro_f1'), 3)}",
             f"{_f(pct(d_nlu, 'accuracy'), 1, ' %')} / {_f(d_nlu.get('macro_f1'), 3)}",
             _ratio(o_nlu.get("macro_f1"), d_nlu.get("macro_f1"))],
            row("acute recall (held-out cases) %", pct(o_nlu, "acute_recall"), pct(d_nlu, "acute_recall"), 1),
            ["parse latency in process p50 / p95 ms", pair(o_nlu.get("parse_ms_p50"), o_nlu.get("parse_ms_p95"), 1),
             pair(d_nlu.get("parse_ms_p50"), d_nlu.get("parse_ms_p95"), 1), _ratio(o_nlu.get("parse_ms_p50"), d_nlu.get("parse_ms_p50"))],
            ["test stories correct", story(ours), story(default), "–"],
        ]
        lines += ["## Ours vs Rasa's default config", ""] + _table(["", "ours", "default", "ours ÷ default"], rows)
        for kind, label in (("closed", "Closed loop (no pauses)"), ("paced", f"Paced (think {s.get('think')} s)")):
            if ours.get(kind):
                lines += [f"### {label}: turn latency, ours vs default", ""]
                lines += _table(["conv.", "ours p50 / p95 / p99 ms", "default p50 / p95 / p99 ms", "p50 ratio", "p95 ratio",
                                 "turns/s ours / default", "throughput ratio", "errors ours / default", "Rasa RSS peak MB ours / default",
                                 "Rasa CPU ms/turn ours / default"],
                                comparison_rows(ours, default, kind))
    # --- full tables
    for name in ("ours", "default", "ours-no-speedup"):
        entry = c.get(name)
        if not entry:
            continue
        if entry.get("error"):
            lines += [f"## {name}: FAILED", "", f"`{entry['error']}`", ""]
            continue
        for kind, label in (("closed", "closed loop"), ("paced", f"paced, think {s.get('think')} s")):
            if entry.get(kind):
                lines += [f"## {name}: {label}", ""] + _table(LOAD_HEADER, load_rows(entry[kind]))
        first = _level(entry, "closed", 1)
        if first:
            by_turn = first["latency_ms_by_turn"]
            lines += [f"Latency by turn number at 1 conversation ({name}): "
                      + "; ".join(f"turn {k}: p50 {_f(v.get('p50'))} / p95 {_f(v.get('p95'))} ms" for k, v in by_turn.items()), ""]
    # --- the speed-up in bot/rasa_speedups.py: before (ours-no-speedup) and after (ours)
    before = c.get("ours-no-speedup")
    if ours and before and before.get("closed"):
        lines += ["## Cheap win applied: the cached action-response validator (bot/rasa_speedups.py)", "",
                  "Same model; `ours-no-speedup` runs the Rasa server with `HANDLEVEJ_RASA_SPEEDUPS=0`.", ""]
        rows = []
        for kind in ("closed", "paced"):
            for lvl in before.get(kind, []):
                p = _level(ours, kind, lvl["concurrency"])
                if not p:
                    continue
                rows.append([kind, str(lvl["concurrency"]), _pcts(lvl), _pcts(p),
                             f"{_f(lvl['throughput_turns_per_s'], 1)} → {_f(p['throughput_turns_per_s'], 1)}",
                             f"{_f(lvl['processes'].get('rasa', {}).get('cpu_ms_per_turn'), 1)} → "
                             f"{_f(p['processes'].get('rasa', {}).get('cpu_ms_per_turn'), 1)}",
                             f"{lvl['errors']} / {p['errors']}"])
        lines += _table(["mode", "conv.", "before p50 / p95 / p99 ms", "after p50 / p95 / p99 ms", "turns/s",
                         "Rasa CPU ms/turn", "errors"], rows)
    # --- variants
    variants = [e for n, e in c.items() if n not in ("default", "ours-no-speedup")]
    if len(variants) > 1:
        lines += ["## Cheap wins: one change at a time (variants in scripts/bench/variants/)", "",
                  f"Short closed-loop levels {s.get('variant_levels')} ({_f(s.get('variant_duration'))} s each); "
                  "Δ against `ours` from the same run.", ""]
        base = c.get("ours", {})
        rows = []
        for e in variants:
            if e.get("error"):
                rows.append([e["name"], e.get("description", ""), f"FAILED: {e['error'][:80]}"] + ["–"] * 11)
                continue
            tr, st, nlu, sto = e.get("training", {}), e.get("startup", {}), e.get("nlu", {}), e.get("stories", {})
            one, twenty = _level(e, "closed", 1), _level(e, "closed", 20)
            b_tr, b_st = base.get("training", {}), base.get("startup", {})

            def delta(value: Any, reference: Any, e: dict[str, Any] = e) -> str:
                if e is base or not isinstance(value, (int, float)) or not isinstance(reference, (int, float)) or not reference:
                    return ""
                return f" ({(value / reference - 1) * 100:+.0f} %)"

            rows.append([
                f"`{e['name']}`", e.get("description", ""),
                _f(tr.get("seconds")) + delta(tr.get("seconds"), b_tr.get("seconds")),
                _f(tr.get("model_mb"), 1) + delta(tr.get("model_mb"), b_tr.get("model_mb")),
                _f(st.get("first_answer_s"), 1) + delta(st.get("first_answer_s"), b_st.get("first_answer_s")),
                _f(st.get("rasa_rss_mb_idle")) + delta(st.get("rasa_rss_mb_idle"), b_st.get("rasa_rss_mb_idle")),
                f"{_f(one['latency_ms'].get('p50'))} / {_f(one['latency_ms'].get('p95'))}" if one else "–",
                f"{_f(twenty['throughput_turns_per_s'], 1)} / {_f(twenty['latency_ms'].get('p95'))}" if twenty else "–",
                _f(twenty["processes"].get("rasa", {}).get("cpu_ms_per_turn"), 1) if twenty else "–",
                f"{_f(nlu.get('parse_ms_p50'), 1)}",
                f"{_f(nlu.get('accuracy', 0) * 100, 1)} % / {_f(nlu.get('macro_f1'), 3)}",
                _f(nlu.get("fallback_rate", 0) * 100, 1, " %"),
                _f(nlu.get("acute_recall", 0) * 100, 1, " %"),
                f"{sto.get('correct', '–')}/{sto.get('total', '–')}",
                str(sum(lvl["errors"] for lvl in e.get("closed", []))),
            ])
        lines += _table(["variant", "change", "train s", "model MB", "first answer s", "Rasa RSS idle MB",
                         "c=1 p50 / p95 ms", "c=20 turns/s / p95 ms", "Rasa CPU ms/turn (c=20)", "parse p50 ms", "held-out acc. / macro F1",
                         "fallback", "acute recall", "stories", "errors"], rows)
    lines += ["Raw figures: `report.json` next to this file (every level, every start-up, the effective training configs).", ""]
    return "\n".join(lines)


def write_report(results: dict[str, Any], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    findings_file = out / "findings.md"
    findings = findings_file.read_text(encoding="utf-8") if findings_file.exists() else None
    (out / "report.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    (out / "report.md").write_text(markdown(results, findings), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", type=Path, nargs="?", default=ROOT / "build" / "bench" / "results.json")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "load")
    args = parser.parse_args(argv)
    write_report(json.loads(args.results.read_text(encoding="utf-8")), args.out)
    print(f"wrote {args.out / 'report.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
