"""Read a family-risk worry from the words of a question, without the intent classifier.

A question such as "må jeg ringe til forældrene, hvis jeg tror, hun skal sendes til Somalia?" is
classified as the question; the worry in it gets little of the classifier's confidence. For the
three types where contacting the family can endanger the person, the answer that says "do not
contact the family" is the safe one, so a phrase that names the worry is enough to choose it.
The phrases are in ``family_risk.yml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot.nlu.text import fold

PATTERN_FILE = Path(__file__).with_name("family_risk.yml")
FAMILY_RISK_CONCERNS = ("udlandsophold", "tvangsaegteskab", "aeresrelateret_vold")
# A phrase is not counted when its clause says it is not the case ("hun skal ikke sendes nogen steder"). A comma
# before a relative clause does not end it ("der er ingen, der skal giftes").
_NEGATED_CLAUSE = re.compile(r"\b(?:ikke|ik|ikk|ingen|intet|aldrig|hverken)\b")
_CLAUSE_START = re.compile(r"[.!?;:]|,(?!\s*(?:der|som)\b)")


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, tuple[re.Pattern, ...]], ...]:
    raw = yaml.safe_load(PATTERN_FILE.read_text(encoding="utf-8")) or {}
    if raw.get("version") != 1:
        raise ValueError(f"{PATTERN_FILE.name}: unsupported version {raw.get('version')!r}")
    concerns = raw.get("concerns") or {}
    unknown = set(concerns) - set(FAMILY_RISK_CONCERNS)
    if unknown:
        raise ValueError(f"{PATTERN_FILE.name}: not a family-risk concern: {sorted(unknown)}")
    compiled = []
    for concern in FAMILY_RISK_CONCERNS:
        patterns = concerns.get(concern)
        if not patterns or not all(isinstance(p, str) and p for p in patterns):
            raise ValueError(f"{PATTERN_FILE.name}: '{concern}' needs a non-empty list of patterns")
        compiled.append((concern, tuple(re.compile(p) for p in patterns)))
    return tuple(compiled)


def _asserted(folded: str, match: re.Match) -> bool:
    starts = [m.end() for m in _CLAUSE_START.finditer(folded, 0, match.start())]
    clause = folded[starts[-1] if starts else 0:match.start()]
    # "ikke kommet hjem" carries its own negation: only words before the phrase count.
    return not _NEGATED_CLAUSE.search(clause)


def family_risk_concern(text: str) -> str | None:
    """The family-risk concern named in ``text`` ("sendes til Somalia" -> udlandsophold), or ``None``."""
    folded = fold(text).text
    for concern, patterns in _patterns():
        for pattern in patterns:
            if any(_asserted(folded, m) for m in pattern.finditer(folded)):
                return concern
    return None
