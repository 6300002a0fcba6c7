"""Neutralise phrases in which a writer rules a concern type out, before intent classification.

"det er ik noget med vold", "ingen skal gifte mig", "han er ik muslim": word and character
n-grams read the theme word in these as evidence for the type the writer has just excluded.
Each such phrase becomes one neutral token. The phrases are in ``denied_themes.yml``; a
refusal ("hun vil ikke giftes") is not in them and keeps its words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

PATTERN_FILE = Path(__file__).with_name("denied_themes.yml")
TOKEN = " negeret_tema "


def _alternation(words: list[str]) -> str:
    return "(?:" + "|".join(words) + ")"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, ...]:
    raw = yaml.safe_load(PATTERN_FILE.read_text(encoding="utf-8"))
    if raw.get("version") != 1:
        raise ValueError(f"{PATTERN_FILE.name}: unsupported version {raw.get('version')!r}")
    for key in ("neg", "theme", "family", "patterns"):
        if not raw.get(key):
            raise ValueError(f"{PATTERN_FILE.name}: '{key}' is missing or empty")
    fill = {
        "neg": raw["neg"],
        "theme": _alternation(raw["theme"]),
        "theme_or_family": _alternation(raw["theme"] + raw["family"]),
    }
    return tuple(re.compile(pattern.format(**fill)) for pattern in raw["patterns"])


@lru_cache(maxsize=1)
def _other_case_patterns() -> tuple[re.Pattern, ...]:
    raw = yaml.safe_load(PATTERN_FILE.read_text(encoding="utf-8"))
    return tuple(re.compile(pattern.replace("{{", "{").replace("}}", "}")) for pattern in raw.get("other_case") or [])


def mask_denied_themes(folded: str) -> str:
    """``folded`` (see ``bot.nlu.text.fold``) with every denied theme phrase replaced by one token, and every
    clause about another case (``other_case``) dropped."""
    for pattern in _other_case_patterns():
        folded = pattern.sub(" ", folded)
    for pattern in _patterns():
        folded = pattern.sub(TOKEN, folded)
    return folded
