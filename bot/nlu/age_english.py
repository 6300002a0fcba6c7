"""English age statements, for staff who write English or mix it into Danish.

"she's 15", "a fifteen-year-old", "15 y/o", "year 9", "9th grade", "in her twenties",
"turns 18 tomorrow", "a minor", "retired". Patterns are over folded text (see
``bot.nlu.text``). Each hit is (age or None, group or None, start, end, strength)
in folded offsets, with the strengths ``bot.nlu.age`` uses (3 a number, 2 a school
year or decade, 1 a word).
"""

from __future__ import annotations

import re

UNDER18 = "under18"
OVER18 = "over18"

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS = {**_UNITS, **_TEENS, **_TENS,
                **{f"{t}{sep}{u}": n + m for t, n in _TENS.items() for u, m in _UNITS.items() for sep in ("-", " ")}}
_WORDS = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
# Number words from ten up: small ones ("she's two hours late", "he is one of") are too common without "years".
_BIG_WORDS = "|".join(sorted((re.escape(w) for w, n in NUMBER_WORDS.items() if n >= 10), key=len, reverse=True))
_NUMBER = r"(\d{1,2}|" + _WORDS + r")"

UNITS_NOT_AGE = (r"(?:hours?|days?|weeks?|months?|minutes?|times|kids|children|students|pupils|people|classmates|siblings|friends"
                 r"|boys|girls|members|lessons|pages|euros?|dollars?|km|kr|%|o.?clock|pm|am)")
_SUBJECT = r"(?:she'?s|he'?s|she\s+is|he\s+is|they'?re|they\s+are|aged|age|is\s+only|is\s+just)"
_AGE_AFTER_SUBJECT = re.compile(
    r"\b" + _SUBJECT + r"\s+(?:about\s+|around\s+|only\s+|just\s+|maybe\s+|probably\s+)?(\d{1,2}|" + _BIG_WORDS + r")\b"
    r"(?!\s*(?:\.\d|:\d|,\d|" + UNITS_NOT_AGE + r"\b|(?:aar|dage|uger|timer|minutter)\b))"
)
# "15 years old", "a fifteen-year-old", "15 y/o", "15yo", "15 yrs".
_YEARS_OLD = re.compile(r"\b" + _NUMBER + r"\s*-?\s*(?:years?\s*-?\s*old|yrs?\s*-?\s*old|y\s*/\s*o|yo|yrs)\b")
_BIRTHDAY = re.compile(r"\b(turns?|turning|turned)\s+(\d{1,2}|" + _BIG_WORDS + r")\b(?!\s*(?:" + UNITS_NOT_AGE + r")\b)")
_SCHOOL_YEAR = re.compile(r"\b(?:year|grade|yr)\s*(\d{1,2})\b(?!\s*(?:" + UNITS_NOT_AGE + r"|[.:,]\d))"
                          r"|\b(\d{1,2})\s*(?:st|nd|rd|th)\s+grade(?:r)?\b"
                          r"|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh)\s+grade(?:r)?\b")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11}
_INFANT = re.compile(r"\b(?:\d{1,2}|" + _WORDS + r")\s*-?\s*(?:weeks?|months?)\s*-?\s*old\b")
_DECADES = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|[2-9]0\s*'?s)"
# "in her twenties", "early thirties", "mid-50s", "a 40-something".
_DECADE = re.compile(
    r"\bin\s+(?:her|his|their)\s+(?:early\s+|mid\s*-?\s*|late\s+)?" + _DECADES + r"\b"
    r"|\b(?:early|mid\s*-?|late)\s*" + _DECADES + r"\b|\b[2-9]0\s*-?\s*something\b"
)
# "13 or 14", "around 35": a pair on one side of 18, or an approximate age.
_PAIR = re.compile(r"\b(\d{1,2})\s*(?:or|/)\s*(\d{1,2})\b(?!\s*(?:" + UNITS_NOT_AGE + r")\b)")
_ABOUT = re.compile(r"\b(?:around|about|approx\.?|roughly|circa)\s+(\d{1,2})\b(?!\s*(?:\.\d|:\d|" + UNITS_NOT_AGE + r")\b)")
_UNDER_WORDS = re.compile(
    r"\b(?:a\s+minor|minors|toddler\w*|infant\w*|kindergarten\w*|nursery|preschool\w*|primary\s+school|secondary\s+school"
    r"|high\s+school|middle\s+school|schoolgirl|schoolboy|underage|under\s*-?\s*aged?)\b"
)
_OVER_WORDS = re.compile(
    r"\b(?:an\s+adult|^\s*adult\b|adult\s+(?:woman|man|learner|student|citizen|son|daughter)|grown\s*-?\s*up|grown\s+(?:woman|man)"
    r"|elderly|pensioner|retiree|retired|senior\s+citizen|(?:his|her)\s+(?:wife|husband)|university\s+student"
    r"|at\s+(?:university|uni|college))\b"
)

Hit = tuple[int | None, str | None, int, int, int]


def _value(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _group(age: int) -> str | None:
    if age < 0 or age > 110:
        return None
    return UNDER18 if age < 18 else OVER18


def english_hits(low: str) -> list[Hit]:
    """Age evidence in folded text ``low``."""
    hits: list[Hit] = []
    for pattern in (_AGE_AFTER_SUBJECT, _YEARS_OLD):
        for match in pattern.finditer(low):
            age = _value(match.group(1))
            hits.append((age, _group(age), match.start(), match.end(), 3))
    for match in _PAIR.finditer(low):
        first, second = int(match.group(1)), int(match.group(2))
        if _group(first) == _group(second) and abs(first - second) <= 5:
            hits.append((first, _group(first), match.start(), match.end(), 3))
    for match in _ABOUT.finditer(low):
        age = int(match.group(1))
        if age not in (17, 18, 19):  # "around 18" is too close to call
            hits.append((age, _group(age), match.start(), match.end(), 3))
    for match in _BIRTHDAY.finditer(low):
        age = _value(match.group(2)) - (0 if match.group(1) == "turned" else 1)
        hits.append((age, _group(age), match.start(), match.end(), 3))
    for match in _INFANT.finditer(low):
        hits.append((0, UNDER18, match.start(), match.end(), 3))
    for match in _SCHOOL_YEAR.finditer(low):
        grade = int(match.group(1) or match.group(2) or 0) or _ORDINALS.get(match.group(3) or "", 0)
        if 0 < grade <= 12:  # year 13 / grade 12+ pupils are often 18
            hits.append((None, UNDER18, match.start(), match.end(), 2))
    for match in _DECADE.finditer(low):
        hits.append((None, OVER18, match.start(), match.end(), 2))
    for match in _UNDER_WORDS.finditer(low):
        hits.append((None, UNDER18, match.start(), match.end(), 1))
    for match in _OVER_WORDS.finditer(low):
        hits.append((None, OVER18, match.start(), match.end(), 1))
    return hits


_BARE = re.compile(r"^\s*(?:about|around|maybe|probably|approx\.?)?\s*(" + _WORDS + r")\s*[?.!]*\s*$")
_BARE_INFANT = re.compile(r"^\s*(?:about|around)?\s*(?:\d{1,2}|" + _WORDS + r")\s*(?:weeks?|months?)\s*(?:old)?\s*[?.!]*\s*$")


def english_bare(low: str) -> str | None:
    """A whole answer such as "fifteen" or "4 months" to the age question: its group."""
    if _BARE_INFANT.match(low):
        return UNDER18
    match = _BARE.match(low)
    return _group(_value(match.group(1))) if match else None
