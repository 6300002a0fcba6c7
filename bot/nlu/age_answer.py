"""A worry that also states the age is not an answer to the age question.

"han ser IS-videoer, 15 år gammel" or "far tjekker hans telefon. han er 15" can
be ranked ``inform_age`` by the intent classifier, because the age phrase is the
part it knows best. Outside the form the bot then asks the user to rephrase a
worry it should have taken. The check here takes the age phrase out, classifies
what is left and keeps a concern type for it only when the remainder carries
words of its own (not just "hun er", "tror jeg", "pige") and the classifier is
reasonably sure of the type.

Measured on 2026-12-04 (open rounds, model at b5af122): of the 1 776 age answers
the classifier ranks ``inform_age``, 7 (0.4 %) would be re-read as a worry, such
as "myndig men bor stadig hjemme"; inside the form that changes nothing, because
the form takes the age from the entity before any rule looks at the intent. Of
the 11 short worries read as ``inform_age`` (7 in the open rounds, 4 written for
the check), 4 get their concern type back.

The other way round, an age phrase with nothing beside it ("en 15-årig pige",
"baby på 6 uger") is ranked as a concern type for 513 of the open rounds' age
answers; 215 of them have no other word and are now an age answer by rule. Not
one of the 11 284 worries in the open rounds is only an age phrase. Outside the
form that means "tell me what you saw" instead of a guessed type.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Dict, List

from bot.nlu.age import AgeEvidence
from bot.nlu.text import fold

AGE_INTENT = "inform_age"
CONCERN_PREFIX = "bekymring_"
VAGUE_CONCERN = "bekymring_uklar"
MIN_CONTENT_WORDS = 2
MIN_CONCERN_CONFIDENCE = 0.25

# Words that say nothing beyond an age answer: pronouns, person words, hedges, and
# the vocabulary of ages and school years (folded: æ/ø/å spelled ae/oe/aa).
_FILLER = frozenset("""
hun han den det de der er var har og i paa pa til af en et som jo vel vist nok ca cirka
omkring tror jeg mener maaske lige naesten snart bare kun ikke helt godt saa om aar
gammel gamle aarig aarige klasse kl gaar gik ind mellem eller over under aeldre yngre
sig selv hende ham hans hendes mit min vores os vi du dig mig blevet bliver blev fylder
fyldte fylde fyldt alder sidst foerst midt start slut tidlig sen sent lidt mere mindre
mindst hoejst end nu da fra med uden sin sit sine alt barn boern baby pige dreng kvinde
mand ung unge voksen voksne elev eleven pigen drengen barnet kursist borger borgeren
teenager teen ud ret nogenlunde skoenner gaetter ved nogle ja nej
age old years year she he is about around think maybe her his the a an in at of
""".split())
_NUMBER_WORD = re.compile(
    r"(?:en|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|tretten|fjorten|femten|seksten"
    r"|sytten|atten|nitten|\w*tyve|tredive|fyrre|\w*halvtreds|\w*tres|\w*halvfjerds|\w*firs"
    r"|\w*halvfems|\w*aarig\w*|\w*erne|\w*ende)"
)
_WORD = re.compile(r"[a-z]+")

Ranking = List[Dict[str, Any]]


def content_words(text: str) -> List[str]:
    """The words of ``text`` that are not filler, age vocabulary or number words."""
    return [w for w in _WORD.findall(fold(text).text) if w not in _FILLER and not _NUMBER_WORD.fullmatch(w)]


def without_age(text: str, evidence: AgeEvidence) -> str:
    """``text`` with the age phrase cut out."""
    return f"{text[:evidence.start]} {text[evidence.end:]}".strip()


def is_age_only(text: str, evidence: AgeEvidence | None) -> bool:
    """Whether ``text`` says nothing but the age ("en 15-årig pige", "baby på 6 uger")."""
    return evidence is not None and not content_words(without_age(text, evidence))


def as_age_answer(ranking: Ranking) -> Ranking:
    """``ranking`` with ``inform_age`` first, decided by rule (confidence 1.0)."""
    return [{"name": AGE_INTENT, "confidence": 1.0}] + [r for r in ranking if r["name"] != AGE_INTENT]


def worry_ranking(text: str, evidence: AgeEvidence | None, rank: Callable[[str], Ranking]) -> Ranking | None:
    """The ranking of the worry beside the age, or None when the message is an age answer.

    ``rank`` is the intent classifier's ranking function (most likely first).
    """
    if evidence is None:
        return None
    rest = without_age(text, evidence)
    if len(content_words(rest)) < MIN_CONTENT_WORDS:
        return None
    ranking = rank(rest)
    top = ranking[0]
    name, confidence = top["name"], top["confidence"]
    if not name.startswith(CONCERN_PREFIX) or name == VAGUE_CONCERN or confidence < MIN_CONCERN_CONFIDENCE:
        return None
    return ranking
