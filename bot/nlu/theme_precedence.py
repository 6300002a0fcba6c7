"""Border conventions between concern types, applied to the intent classifier's ranking.

A worry often names two themes ("the family takes her phone, and now she is to be engaged to a
family friend"). The conventions in ``theme_precedence.yml`` say which one decides; the n-gram
classifier weighs both and often lets the more frequent words win. When a rule's pattern matches,
the classifier's top intent is one the rule goes over, and the rule's intent has at least the rule's
minimum confidence, the rule's intent moves to the top.

The two confidences are swapped rather than recomputed: the FallbackClassifier after this
component compares the top confidence and the gap to the second, and the classifier's certainty
that this is one of these two concern types is what those thresholds were chosen on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

RULE_FILE = Path(__file__).with_name("theme_precedence.yml")
CONCERN_PREFIX = "bekymring_"
_FRAGMENT = re.compile(r"<<(\w+)>>")
# Scare quotes around a word or phrase ("'skal straffes'", "«ordner hende»"): writers who hint put the deciding words
# in quotes, and a pattern written for the plain words should still see them.
_QUOTES = re.compile("[\"'`\u00b4\u2018\u2019\u201c\u201d\u00ab\u00bb]")


@dataclass(frozen=True)
class PrecedenceRule:
    intent: str
    over: frozenset[str]
    min_confidence: float
    patterns: tuple[re.Pattern, ...]
    # None of these may match, once the ``ignoring`` phrases are blanked ("ingen vold" does not name violence).
    unless: tuple[re.Pattern, ...] = ()
    ignoring: tuple[re.Pattern, ...] = ()

    def matches(self, folded: str) -> bool:
        """A pattern matches the text as written or with its quote marks removed, and no ``unless`` matches either."""
        unquoted = _QUOTES.sub("", folded)
        texts = (folded,) if unquoted == folded else (folded, unquoted)
        if not any(p.search(text) for p in self.patterns for text in texts):
            return False
        for text in texts:
            rest = text
            for pattern in self.ignoring:
                rest = pattern.sub(" ", rest)
            if any(p.search(rest) for p in self.unless):
                return False
        return True


def _fill(pattern: str, fragments: dict[str, str]) -> str:
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in fragments:
            raise ValueError(f"{RULE_FILE.name}: unknown fragment <<{name}>>")
        return fragments[name]

    return _FRAGMENT.sub(replace, pattern)


def load_rules(path: Path = RULE_FILE) -> tuple[PrecedenceRule, ...]:
    """The rules in ``path``, validated: a bad file stops the bot at start-up and fails the tests."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or raw.get("version") != 1:
        raise ValueError(f"{path.name}: unsupported version {raw.get('version') if isinstance(raw, dict) else raw!r}")
    fragments = raw.get("fragments") or {}
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in fragments.items()):
        raise ValueError(f"{path.name}: fragments must map names to pattern strings")
    rules = []
    for number, item in enumerate(raw.get("rules") or [], start=1):
        where = f"{path.name}, rule {number}"
        intent, over = item.get("intent"), item.get("over")
        if not isinstance(intent, str) or not intent.startswith(CONCERN_PREFIX):
            raise ValueError(f"{where}: 'intent' must be a concern intent ({CONCERN_PREFIX}…), got {intent!r}")
        if not over or not all(isinstance(o, str) and o.startswith(CONCERN_PREFIX) and o != intent for o in over):
            raise ValueError(f"{where}: 'over' must list other concern intents")
        confidence = item.get("min_confidence")
        if not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1:
            raise ValueError(f"{where}: 'min_confidence' must be a number from 0 to 1")
        patterns = item.get("patterns")
        if not patterns or not all(isinstance(p, str) for p in patterns):
            raise ValueError(f"{where}: 'patterns' must be a non-empty list of strings")
        compiled = tuple(re.compile(_fill(p, fragments)) for p in patterns)
        optional = {}
        for key in ("unless", "ignoring"):
            extra = item.get(key) or []
            if not isinstance(extra, list) or not all(isinstance(p, str) for p in extra):
                raise ValueError(f"{where}: '{key}' must be a list of strings")
            optional[key] = tuple(re.compile(_fill(p, fragments)) for p in extra)
        if optional["ignoring"] and not optional["unless"]:
            raise ValueError(f"{where}: 'ignoring' without 'unless'")
        rules.append(PrecedenceRule(intent, frozenset(over), float(confidence), compiled, **optional))
    if not rules:
        raise ValueError(f"{path.name}: no rules")
    return tuple(rules)


@lru_cache(maxsize=1)
def _rules() -> tuple[PrecedenceRule, ...]:
    return load_rules()


def deciding_intent(folded: str, ranking: list[dict[str, Any]], name_key: str, confidence_key: str) -> str | None:
    """The intent a convention puts first for ``folded`` text, or ``None`` when no rule applies."""
    if not ranking:
        return None
    top = ranking[0][name_key]
    confidences = {entry[name_key]: entry[confidence_key] for entry in ranking}
    for rule in _rules():
        if top in rule.over and confidences.get(rule.intent, 0.0) >= rule.min_confidence:
            if rule.matches(folded):
                return rule.intent
    return None


def apply_precedence(folded: str, ranking: list[dict[str, Any]], name_key: str,
                     confidence_key: str) -> list[dict[str, Any]]:
    """``ranking`` (most likely first) with the deciding intent moved to the top, confidences swapped."""
    winner = deciding_intent(folded, ranking, name_key, confidence_key)
    if winner is None:
        return ranking
    index = next(i for i, entry in enumerate(ranking) if entry[name_key] == winner)
    reordered = [dict(entry) for entry in ranking]
    top, moved = reordered[0], reordered[index]
    top[confidence_key], moved[confidence_key] = moved[confidence_key], top[confidence_key]
    reordered[0], reordered[index] = moved, top
    return sorted(reordered, key=lambda entry: -entry[confidence_key])
