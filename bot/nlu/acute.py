"""Detect acute danger in a Danish message, with negation and hypothetical handling.

A signal counts unless a negation, hypothetical or "long ago" cue stands before
it in the same clause ("hun er ikke i fare lige nu", "hvad gør jeg hvis han
truer hende?", "for to år siden blev hun slået ihjel-truet"). Patterns that
contain their own negation ("tør ikke tage hjem") are matched first and are not
cancelled by it. Sentence-level vetoes (``sentence_vetoes`` in the pattern file)
take a signal word back when its sentence shows it is harmless: a knife in cooking
class, a killing in a computer game or a story, someone else's wedding this
weekend. A vetoed message is not declared safe; it goes on to the acute
classifier (``bot.nlu.acute_model``) like any message without a rule hit, unless
it is about something that is over or a hypothetical question with no word of
time now or soon, or about an ordinary plan or pastime with no word of fear, force,
harm or threat (``calm_context``). A separate set of patterns recognises
explicit statements that nothing is acute, so the bot does not ask the urgency
question again.

Busy writers correct or add to their own message ("rettelse: det var sidste
år", "nej vent, hun er ikke i fare, hun er hos sin moster", "PS: det er en
kagekniv"). The sentence vetoes of a signal written before such a marker also
read the text from the marker on. When the text after the last marker dates the
danger in the past, says it is handled, denies it or explains it as something
ordinary, signals written before the marker are taken back and the classifier
is not asked; a signal written after the marker still counts. A denial written
before the last marker no longer answers the urgency question.

Missing an acute signal is the worse error, so when a message both denies and
asserts danger ("ikke akut, men han har en kniv") the signal wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from bot.nlu.text import fold

PATTERN_FILE = Path(__file__).with_name("acute_patterns.yml")
_CLAUSE_BREAK = re.compile(
    r"[.!?;\n]|\bmen\b|\bbut\b|\s-\s|,\s*(?=(?:og\s+)?(?:at\s+)?(?:saa|nu|hun|han|de|den|det|jeg|vi|hendes|hans|faren|moren|broren)\b)"
    # English, for staff who write it: ", he will ...", ", then they ...".
    r"|,\s*(?=(?:and\s+)?(?:then\s+)?(?:she|he|they|i|we|you|her|his|the|then)\b)"
)


@dataclass(frozen=True)
class AcuteResult:
    acute: bool
    not_acute: bool = False
    categories: tuple[str, ...] = field(default_factory=tuple)
    span: tuple[int, int] | None = None
    # No rule fired and the message is about something that is over or a hypothetical
    # question with no word of time now or soon, or about an ordinary plan or pastime
    # with no word of distress: the acute classifier is not asked.
    calm_context: bool = False


@dataclass(frozen=True)
class _SentenceVeto:
    """Context in the signal's sentence that makes the signal word harmless (see acute_patterns.yml)."""

    categories: frozenset[str]
    patterns: tuple[re.Pattern, ...]
    before_only: bool = False
    # Only the rest of the signal's clause is read ("var låst inde for mange år siden"):
    # a time said after the signal in the same clause dates the signal itself.
    after_in_clause: bool = False
    # Words in the signal's sentence that keep the signal whatever the veto says: a holiday or a
    # party next to "i stedet", "skal blive der" or "familien har valgt" is not the harmless kind.
    unless: tuple[re.Pattern, ...] = ()
    # The sentence after the signal's is read too (patterns and ``unless``): "'jeg slår dig ihjel',
    # råbte han til lillebroren. De grinede begge to." is a joke said in the next breath.
    next_sentence: bool = False
    # The whole message is read (patterns and ``unless``): a hunting trip with a licence told in
    # the sentence before the rifle, or "Emne: selvmord" as a form's heading over "ingen tanker nu".
    whole_message: bool = False


@dataclass(frozen=True)
class _Patterns:
    signals: dict[str, tuple[re.Pattern, ...]]
    negations: tuple[re.Pattern, ...]
    clause_blockers: tuple[re.Pattern, ...]
    hypothetical: tuple[re.Pattern, ...]
    past_context: tuple[re.Pattern, ...]
    not_acute: tuple[re.Pattern, ...]
    sentence_vetoes: tuple[_SentenceVeto, ...] = ()
    over_or_hypothetical: tuple[re.Pattern, ...] = ()
    now_or_soon: tuple[re.Pattern, ...] = ()
    ordinary_activity: tuple[re.Pattern, ...] = ()
    distress: tuple[re.Pattern, ...] = ()
    settled_now: tuple[re.Pattern, ...] = ()
    correction_markers: tuple[re.Pattern, ...] = ()
    correction_defuses: tuple[re.Pattern, ...] = ()
    correction_harm: tuple[re.Pattern, ...] = ()
    joyful: tuple[re.Pattern, ...] = ()
    joy_unless: tuple[re.Pattern, ...] = ()
    explained: tuple[re.Pattern, ...] = ()


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    raw = yaml.safe_load(PATTERN_FILE.read_text(encoding="utf-8"))
    signals = {name: tuple(re.compile(p) for p in pats) for name, pats in raw["signals"].items()}
    negations = tuple(re.compile(p) for p in raw["blockers"]["negation"])
    clause_blockers = tuple(re.compile(p) for name in ("hypothetical", "past") for p in raw["blockers"][name])
    hypothetical = tuple(re.compile(p) for p in raw["blockers"]["hypothetical"])
    past_context = tuple(re.compile(p) for p in raw["past_context"])
    not_acute = tuple(re.compile(p) for p in raw["not_acute"])
    vetoes = []
    for entry in raw.get("sentence_vetoes") or []:
        unknown = set(entry["categories"]) - set(signals)
        if unknown:
            raise ValueError(f"{PATTERN_FILE.name}: sentence_vetoes name unknown categories {sorted(unknown)}")
        vetoes.append(_SentenceVeto(frozenset(entry["categories"]), tuple(re.compile(p) for p in entry["patterns"]),
                                    bool(entry.get("before_only", False)), bool(entry.get("after_in_clause", False)),
                                    tuple(re.compile(p) for p in entry.get("unless") or []),
                                    bool(entry.get("next_sentence", False)),
                                    bool(entry.get("whole_message", False))))
    calm = raw.get("classifier_vetoes") or {}
    corrections = raw.get("corrections") or {}
    return _Patterns(signals, negations, clause_blockers, hypothetical, past_context, not_acute, tuple(vetoes),
                     tuple(re.compile(p) for p in calm.get("over_or_hypothetical") or []),
                     tuple(re.compile(p) for p in calm.get("now_or_soon") or []),
                     tuple(re.compile(p) for p in calm.get("ordinary_activity") or []),
                     tuple(re.compile(p) for p in calm.get("distress") or []),
                     tuple(re.compile(p) for p in calm.get("settled_now") or []),
                     tuple(re.compile(p) for p in corrections.get("markers") or []),
                     tuple(re.compile(p) for p in corrections.get("defused_by") or []),
                     tuple(re.compile(p) for p in corrections.get("harm_in_correction") or []),
                     tuple(re.compile(p) for p in calm.get("joyful") or []),
                     tuple(re.compile(p) for p in calm.get("joy_unless") or []),
                     tuple(re.compile(p) for p in calm.get("explained") or []))


def _last_correction(text: str, patterns: _Patterns) -> tuple[int, int] | None:
    """Start and end of the writer's last correction or addition marker ("rettelse:", "nej vent", "PS:").

    Overlapping markers count as one ("undskyld, jeg mente" holds "jeg mente").
    """
    matches = [m for p in patterns.correction_markers for m in p.finditer(text)]
    if not matches:
        return None
    last = max(matches, key=lambda m: m.start())
    overlapping = [m for m in matches if m.start() <= last.start() <= m.end()]
    return min(m.start() for m in overlapping), max(m.end() for m in overlapping)


def _ordinary_explanation(text: str, patterns: _Patterns) -> bool:
    rest = text
    for pattern in patterns.ordinary_activity:
        rest = pattern.sub(" ", rest)
    return rest != text and not any(p.search(rest) for p in patterns.distress)


def _defuses(after: str, patterns: _Patterns) -> bool:
    """True when the text after a correction takes the danger back, with no word of distress of its own.

    Only the last marker's text is read: "rettelse: det var sidste år. Nej vent, det er i
    aften" ends on a time now, and that last correction defuses nothing.
    """
    rest = _without_defusing(after, patterns)
    if rest != after:
        # ... and nothing in the correction itself speaks of fear, force, harm or threat
        # ("rettelse: hun fik ikke pladsen på krisecentret, og han truede hende i går").
        return not _speaks_of_harm(rest, patterns)
    return _ordinary_explanation(after, patterns)


def _without_defusing(after: str, patterns: _Patterns) -> str:
    for pattern in patterns.correction_defuses:
        after = pattern.sub(" ", after)
    return after


def _speaks_of_harm(text: str, patterns: _Patterns) -> bool:
    """A word of harm in the correction; the defusing phrases are blanked first, so a denied
    harm ("ingen aktuelle selvmordstanker", "der har aldrig været trusler") is no harm."""
    return any(p.search(text) for p in patterns.correction_harm)


def _clause_start(text: str, position: int) -> int:
    start = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, position):
        start = match.end()
    return start


# ... or answers at once that the person is not ("Er hun i fare? Hun er ikke i fare lige nu").
_ANSWERED_NO = re.compile(
    r"\?\s*(?:nej\b|(?:hun|han|de|personen|barnet|eleven|pigen|drengen|borgeren)\s+er\s+ikke\s+i\s+(?:akut\s+)?fare\b)"
)
# ... or a form field answered no ("Selvmordstanker: spurgt direkte, afkræftet", "Trusler: nej").
_NEGATION_AFTER = re.compile(
    r"\s*(?:ikke|overhovedet\s+ikke|slet\s+ikke)\b"
    r"|\s*[:=\u2013-]\s*(?:[^.;/|\n:]{0,30}?[\s,])?(?:nej|ingen|afkraeftet|benaegtet|ikke\s+aktuel\w*)\b"
)


NEGATION_WINDOW = 4  # words before a signal that a negation can reach ("har ikke et våben")
_QUESTION = re.compile(r"\bhvis\b[^.!?]*\?|\b(?:hvad|hvordan|skal|maa|kan)\s+(?:goer|gør|jeg|man|vi)\b[^.!?]*\bhvis\b")
# ... unless the writer says the question is about herself ("hva gør man hvis … / spørger for mig selv").
_ABOUT_ONESELF = re.compile(
    r"\b(?:spoerger\s+for\s+mig\s+selv|det\s+er\s+mig\s+selv|det\s+handler\s+om\s+mig(?:\s+selv)?"
    r"|det\s+er\s+mig\s+det\s+handler\s+om|asking\s+for\s+myself)\b"
)


# A full stop after a digit is an ordinal ("i 7. klasse", "den 3. maj"), not the end of a sentence.
# A full stop, "!" or "?" just before a closing quote ends the quote, not the sentence:
# 'han råbte "jeg dræber dig!" til sin ven. De grinede.' Nor does an abbreviation ("kl. 23", "ca.", "evt.", "fx.").
_SENTENCE_END = re.compile(r"(?<!\d)(?<!\bkl)(?<!\bca)(?<!\bevt)(?<!\bfx)\.(?![\"\x27\u201d\u2019])|[!?](?![\"\x27\u201d\u2019])|\n")
_BETWEEN_SENTENCES = re.compile(r"[\s.!?\"'\u201d\u2019]*")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, end)
    return sentence_start, after.start() if after else len(text)


def _next_sentence_end(text: str, sentence_end: int) -> int:
    start = _BETWEEN_SENTENCES.match(text, sentence_end).end()
    after = _SENTENCE_END.search(text, start)
    return after.start() if after else len(text)


def _vetoed(text: str, category: str, match: re.Match, patterns: _Patterns, tail: str = "") -> bool:
    """True when the sentence around ``match`` makes this category's signal harmless.

    ``tail`` is the writer's later correction or addition, read as part of the sentence.
    """
    sentence_start, sentence_end = _sentence_bounds(text, match.start(), match.end())
    for veto in patterns.sentence_vetoes:
        if category not in veto.categories:
            continue
        if veto.whole_message:
            if any(p.search(text) for p in veto.unless):
                continue
            if any(p.search(text) for p in veto.patterns):
                return True
            continue
        end = _next_sentence_end(text, sentence_end) if veto.next_sentence else sentence_end
        if any(p.search(text[sentence_start:end] + tail) for p in veto.unless):
            continue
        if veto.next_sentence:
            scope = text[sentence_start:end]
        elif veto.after_in_clause:
            clause_end = _CLAUSE_BREAK.search(text, match.end())
            scope = text[match.end():clause_end.start() if clause_end else len(text)]
        elif veto.before_only:
            scope = text[sentence_start:match.start()]
        else:
            scope = text[sentence_start:sentence_end]
        if any(p.search(scope + tail) for p in veto.patterns):
            return True
    return False


def _blocked(text: str, match: re.Match, patterns: _Patterns) -> bool:
    before = text[_clause_start(text, match.start()):match.start()]
    near = " ".join(before.split()[-NEGATION_WINDOW:])
    if any(p.search(near) for p in patterns.negations):
        return True
    blockers = [p for p in patterns.clause_blockers if p.search(before)]
    # A hypothetical the writer says is about herself is her own case ("hvad gør man hvis …? spørger for mig selv").
    if blockers and not (_ABOUT_ONESELF.search(text) and all(p in patterns.hypothetical for p in blockers)):
        return True
    # A question about a hypothetical ("hvad gør jeg, hvis han truer hende?") is not a
    # case; a threat with a condition ("hvis hun ikke kommer hjem, dræber han hende") is.
    sentence_start, sentence_end = _sentence_bounds(text, match.start(), match.end())
    if _QUESTION.search(text[sentence_start:sentence_end + 1]) and not _ABOUT_ONESELF.search(text):
        return True
    # "er han i fare? nej, ikke efter hvad vi ved": a question the writer answers no to.
    if _ANSWERED_NO.match(text, sentence_end):
        return True
    # "det haster ikke": a negation straight after the signal word.
    return bool(_NEGATION_AFTER.match(text, match.end()))


def detect_acute(text: str) -> AcuteResult:
    folded = fold(text)
    low = folded.text
    patterns = _patterns()
    timed = low
    for pattern in patterns.settled_now:
        timed = pattern.sub(" ", timed)
    over = (any(p.search(low) for p in patterns.over_or_hypothetical)
            and not any(p.search(timed) for p in patterns.now_or_soon))
    # An ordinary plan or pastime (a party tonight, hunting with a licence, a class trip)
    # with no word of fear, force, harm or threat anywhere in the message.
    # The ordinary phrases are blanked before the distress check, so an idiom ("dør af
    # grin", "lektierne dræber mig") does not count as distress by its own words.
    rest = low
    for pattern in patterns.ordinary_activity:
        rest = pattern.sub(" ", rest)
    ordinary = rest != low and not any(p.search(rest) for p in patterns.distress)
    marker = _last_correction(low, patterns)
    after = low[marker[1]:] if marker else low
    defused = marker is not None and _defuses(after, patterns)
    # A correction or addition that speaks of harm keeps the classifier in play, whatever came before it
    # ("er i sikkerhed på et krisecenter. Rettelse: hun fik ikke pladsen og er bange").
    harm_after = marker is not None and _speaks_of_harm(_without_defusing(after, patterns), patterns)
    # The person laughs, is glad or proud, or the writer says it was a joke ("de griner begge to", "hun er så glad",
    # "med en smiley"), and nothing in the message speaks of a wish to die or of laughter at the person.
    joyful = (any(p.search(low) for p in patterns.joyful)
              and not any(p.search(low) for p in patterns.joy_unless))
    # The writer names a harmless source for the alarming words (a game of paintball, a football match heard in a voice
    # message, a fear of flying): calm whatever time words the message has.
    explained = any(p.search(low) for p in patterns.explained)
    calm = (over or ordinary or defused or joyful or explained) and not harm_after
    if any(p.search(low) for p in patterns.past_context):
        return AcuteResult(False, False, calm_context=calm)

    def counts(name: str, m: re.Match) -> bool:
        before_marker = marker is not None and m.start() < marker[0]
        if before_marker and defused:
            return False
        tail = " " + low[marker[0]:] if before_marker else ""
        return not _blocked(low, m, patterns) and not _vetoed(low, name, m, patterns, tail)

    categories: list[str] = []
    first_span: tuple[int, int] | None = None
    for name, regexes in patterns.signals.items():
        for regex in regexes:
            hit = next((m for m in regex.finditer(low) if counts(name, m)), None)
            if hit:
                categories.append(name)
                if first_span is None:
                    first_span = folded.span(hit.start(), hit.end())
                break
    if categories:
        return AcuteResult(True, False, tuple(categories), first_span)
    # A correction that moves the time ("skal giftes til sommer. Undskyld, jeg mente på lørdag"): the
    # sentence before the marker and the correction are read as one.
    if marker is not None and not defused:
        head = low[:marker[0]].rstrip(" .!?:;,-\n")
        joined = head + " " + low[marker[1]:]
        boundary = len(head)
        for name, regexes in patterns.signals.items():
            for regex in regexes:
                hit = next((m for m in regex.finditer(joined) if m.start() < boundary < m.end()
                            and not _blocked(joined, m, patterns) and not _vetoed(joined, name, m, patterns)), None)
                if hit:
                    return AcuteResult(True, False, (name,), folded.span(marker[0], marker[1]))
    not_acute = any(p.search(after) for p in patterns.not_acute)
    return AcuteResult(False, not_acute, calm_context=calm)
