"""Text folding shared by the detectors.

Professionals write fast: lower and upper case, æøå or ae/oe/aa. Patterns are
written once in folded form (lower case, æ→ae, ø→oe, å→aa) and matched on the
folded text; ``Folded.span`` maps a match back to the original characters.
"""

from __future__ import annotations

from dataclasses import dataclass

# "1½ år": the half is dropped, so the whole number still reads as an age (the group never changes).
_FOLD = {"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ä": "ae", "ö": "oe", "ü": "u", "½": ""}


@dataclass(frozen=True)
class Folded:
    text: str
    origin: tuple[int, ...]  # origin[i] = index in the original text of folded char i

    def span(self, start: int, end: int) -> tuple[int, int]:
        if not self.origin:
            return 0, 0
        first = self.origin[min(start, len(self.origin) - 1)]
        last = self.origin[min(max(end - 1, 0), len(self.origin) - 1)] + 1
        return first, last


def fold(text: str) -> Folded:
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        lowered = char.lower()
        replacement = _FOLD.get(lowered, lowered)
        if replacement.isspace():
            replacement = " "
        for piece in replacement:
            chars.append(piece)
            origin.append(index)
    return Folded("".join(chars), tuple(origin))
