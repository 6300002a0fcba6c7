"""The held-out files in this folder, by round (never trained on; see README.md).

Round 1 is ``heldout_bekymring.yml`` / ``akut_cases.yml`` / ``age_cases.yml``;
round N is the same name with ``_N`` (``heldout_bekymring_2.yml`` ...). Every
round present is evaluated, per round and combined, except sealed rounds.

Sealed rounds (SEALED_ROUNDS below; README.md, "Round N, sealed") are evaluated only at the end of a session, for the
final figures: they are skipped unless asked for (``--include-sealed``), never
used in the cross-validation/comparison or the threshold check, and the report
shows only their aggregate numbers, never their texts or per-example errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
KINDS = {"intents": "heldout_bekymring", "acute": "akut_cases", "age": "age_cases"}
SEALED_ROUNDS = frozenset({"11", "30", "33", "76", "77", "96", "97"})  # see README.md, "Round N, sealed"


@dataclass(frozen=True)
class Example:
    text: str
    intent: str
    round: str = "1"


def round_of(path: Path, stem: str) -> str | None:
    match = re.fullmatch(re.escape(stem) + r"(?:_(\d+))?\.ya?ml", path.name)
    if not match:
        return None
    return match.group(1) or "1"


def discover(folder: Path = HERE, include_sealed: bool = False) -> dict[str, dict[str, Path]]:
    """{kind: {round: path}} for every held-out file present (sealed rounds only when asked for)."""
    found: dict[str, dict[str, Path]] = {}
    for kind, stem in KINDS.items():
        files = {}
        for path in sorted(folder.glob(f"{stem}*.y*ml")):
            rnd = round_of(path, stem)
            if rnd and (include_sealed or rnd not in SEALED_ROUNDS):
                files[rnd] = path
        found[kind] = dict(sorted(files.items(), key=lambda item: int(item[0])))
    return found


def sealed_present(folder: Path = HERE) -> list[str]:
    return [r for r in rounds(discover(folder, include_sealed=True)) if r in SEALED_ROUNDS]


def rounds(found: dict[str, dict[str, Path]]) -> list[str]:
    return sorted({r for files in found.values() for r in files}, key=int)


def load_intent_examples(path: Path, rnd: str = "1") -> list[Example]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    examples = []
    for block in data["nlu"]:
        for line in block["examples"].splitlines():
            line = line.strip()
            if line.startswith("- "):
                examples.append(Example(line[2:].strip(), block["intent"], rnd))
    return examples


def load_cases(path: Path, rnd: str = "1") -> list[dict[str, Any]]:
    return [{**case, "round": rnd} for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]]


def load_all(found: dict[str, dict[str, Path]] | None = None) -> tuple[list[Example], list[dict], list[dict]]:
    found = found or discover()
    examples = [e for rnd, path in found["intents"].items() for e in load_intent_examples(path, rnd)]
    acute = [c for rnd, path in found["acute"].items() for c in load_cases(path, rnd)]
    age = [c for rnd, path in found["age"].items() for c in load_cases(path, rnd)]
    return examples, acute, age
