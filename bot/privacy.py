"""Find and mask personal data in user text: CPR numbers, phone numbers, e-mail
addresses, street addresses and names (after cues such as "hun hedder", runs of two
or more capitalised words and single capitalised words inside a sentence, which in
Danish are proper names, and a known first name at the start of a sentence).

The scrubbed text is what may be stored or logged; the NLU keeps seeing the
original. Numbers and addresses the bot itself gives out (the municipality's
contacts, 112/114) are kept, and so are the things that matter to the user's
question: school grades ("8. klasse"), ages ("14 år"), times ("kl. 12-17").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

CPR = "cpr"
PHONE = "telefon"
EMAIL = "e-mail"
ADDRESS = "adresse"
NAME = "navn"
MASKS = {CPR: "[CPR]", PHONE: "[telefon]", EMAIL: "[e-mail]", ADDRESS: "[adresse]", NAME: "[navn]"}

_CPR = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})[\s-]?(\d{4})(?![\d-])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\d\w])(?:(?:\+|00)\s?45[\s-]?)?"
    r"(?:\d{2}[\s.-]?\d{2}[\s.-]?\d{2}[\s.-]?\d{2}|\d{4}[\s.-]\d{4}|\d{2}[\s.-]\d{3}[\s.-]\d{3}|\d{3}[\s.-]\d{2}[\s.-]\d{3})"
    r"(?![\d\w])"
)
_STREET_SUFFIX = (
    r"(?:vej|vejen|gade|gaden|allé|alle|stræde|straede|torv|plads|boulevard|park|parken|vænge|vænget|vaenget|have|haven"
    r"|bakke|bakken|høj|hoej|sti|stien|toften|løkken|loekken|marken|engen|agre|ager|gård|gaard|huse|kvarter|dal|dalen|lund)"
)
_ADDRESS = re.compile(
    r"\b[A-ZÆØÅ][a-zæøåé]+(?:[\s-][A-ZÆØÅ]?[a-zæøåé]+)?" + _STREET_SUFFIX + r"\s+\d{1,4}\s?[A-Za-z]?\b"
    r"(?:,?\s*(?:st\.?|kl\.?|\d{1,2}\.?)\s*(?:th|tv|mf|sal)?\.?)?",
)
_STREET_TWO_WORDS = re.compile(
    r"\b[A-ZÆØÅ][a-zæøåé]+\s+(?:Allé|Alle|Park|Vej|Gade|Plads|Torv|Vænge|Have|Boulevard|Stræde|Bakke|Sti)\s+\d{1,4}\s?[A-Za-z]?\b"
)
_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}")
_POSTCODE_TOWN = re.compile(r"(?<!\d)(?:DK-)?[1-9]\d{3}\s+[A-ZÆØÅ][a-zæøå]+(?:\s[A-ZÆØÅ][a-zæøå]+)?\b")
# A street without a usual suffix ("Bymidten 3") is only recognised after a cue
# such as "bor på"; a number of years, weeks, children … is not a house number.
_ADDRESS_CUE = re.compile(
    r"\b(?i:bor|boede|bosat|flyttet|flyttede|adressen?(?:\s+er)?|adr\.)(?:\s+(?:på|i|til|er))?\s*:?\s+"
    r"((?:[A-ZÆØÅ][a-zæøåé.-]+\s+){1,3}\d{1,4}\s?[A-Za-z]?\b"
    r"(?!\s*(?:år|års|måned|mdr|uge|dag|gang|timer|børn|søskende|klasse|kr)))"
    r"(?:,?\s*(?:st\.?|kl\.?|\d{1,2}\.)\s*(?:th|tv|mf|sal)?\.?)?"
)
# Two to four capitalised words in a row. Danish capitalises only proper nouns, so
# outside the first word of a sentence such a run is a name of a person or a place.
_CAPITALISED_RUN = re.compile(r"\b[A-ZÆØÅ][a-zæøåé'-]+(?:\s+[A-ZÆØÅ][a-zæøåé'-]+){1,3}\b")
# Capitalised words that are not personal data: sentence openers, and the
# municipality's own names (added from the pack, see _public_words).
# One capitalised word (no capital inside it, so not "TikTok" or "MitID").
_CAPITALISED_WORD = re.compile(r"\b[A-ZÆØÅ][a-zæøåé'-]+\b")
# What may come right before the first word of a sentence, a form field or a quote (then a capital says nothing).
_SENTENCE_OPENERS = frozenset('.!?:;|/•(["\'\u201c\u201d\u2018\u2019\u2013-\n*>#')
_COMMON_WORDS = frozenset(
    "jeg du han hun den det vi i de der her hvad hvem hvor hvordan hvorfor hvornår hvis når men og eller så "
    "min mit mine din dit dine hans hendes deres vores en et eleven pigen drengen barnet moren faren forældrene "
    "kan skal må vil er har hej hejsa tak godmorgen goddag ja nej ok okay også måske først efter før i dag "
    "kommune kommunes politi politiet ssp team center centret børnehus børnehuset modtagelsen skole skolen "
    "danmark region hovedstaden sjælland red barnet børnetelefonen livslinien".split()
)
_NAME_CUE = re.compile(
    r"\b(?:hedder|hed|navnet\s+er|navn\s+er|kaldet|kaldes|som\s+heder|hedder\s+hun|hedder\s+han)\s+"
    r"((?:[A-ZÆØÅ][a-zæøåé'-]+)(?:\s+[A-ZÆØÅ][a-zæøåé'-]+){0,3})"
)


# A known first name typed in lower case is a name only in a name's place: after a word for the person
# ("pigen fatima", "min elev ali") or before an age or a class ("ali på 14", "fatima (15)", "emma i 7. klasse").
_PERSON_WORD = (
    r"(?:eleven|elev|pigen|drengen|kursisten|borgeren|barnet|datteren|sønnen|patienten|pt\.?|klienten|"
    r"søsteren|storesøsteren|lillesøsteren|broren|storebroren|lillebroren|moren|faren|kvinden|manden|"
    r"hedder|hed|kaldet|kaldes)"
)
_LOWER_NAME_AFTER_PERSON = re.compile(rf"\b{_PERSON_WORD}\s+([a-zæøå][a-zæøåé'-]+)\b")
_LOWER_NAME_BEFORE_AGE = re.compile(
    r"\b([a-zæøå][a-zæøåé'-]+)(?=\s*\(\d{1,2}\s*(?:år)?\)|,\s*\d{1,2}\s*år\b|\s+på\s+\d{1,2}\b"
    r"|\s+er\s+\d{1,2}\s+år|\s+\d{1,2}\s+år\b|\s+i\s+\d{1,2}\.\s*(?:klasse|kl\b))"
)


@dataclass(frozen=True)
class Scrubbed:
    text: str
    found: frozenset[str] = field(default_factory=frozenset)


def _valid_cpr(day: str, month: str) -> bool:
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@lru_cache(maxsize=1)
def _kept_numbers() -> frozenset[str]:
    """The municipality's own numbers and addresses the bot gives out: never masked."""
    from bot.knowledge import load_pack

    pack = load_pack()
    numbers = {_digits(p) for p in pack.all_phone_numbers()}
    return frozenset(numbers | {"112", "114", "116111"})


@lru_cache(maxsize=1)
def _public_words() -> frozenset[str]:
    """Capitalised words in the municipality's pack (its own names, contacts, places), lower-cased."""
    from bot.knowledge import load_pack

    words: set[str] = set(_COMMON_WORDS)

    def walk(value: object) -> None:
        if isinstance(value, str):
            words.update(w.lower() for w in re.findall(r"\b[A-ZÆØÅ][\wæøåé'-]+", value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(load_pack().data)
    return frozenset(words)


PUBLIC_NAMES_FILE = Path(__file__).resolve().parent / "public_names.yml"


FIRST_NAMES_FILE = Path(__file__).resolve().parent / "first_names.yml"
_FIRST_NAME_SHAPE = re.compile(r"[A-ZÆØÅ][a-zæøåé'-]+")


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """Common first names (bot/first_names.yml), lower-cased: what a capitalised first word of a
    sentence is masked for. Names that are also ordinary Danish words ("Bo", "Sol") are not listed."""
    raw = yaml.safe_load(FIRST_NAMES_FILE.read_text(encoding="utf-8"))
    names = raw.get("names") if isinstance(raw, dict) else None
    if not isinstance(raw, dict) or raw.get("version") != 1 or not isinstance(names, list) or not names or not all(
        isinstance(n, str) and _FIRST_NAME_SHAPE.fullmatch(n) for n in names
    ):
        raise ValueError(f"{FIRST_NAMES_FILE}: expected version 1 and 'names', a list of single capitalised names")
    return frozenset(n.lower() for n in names)


@lru_cache(maxsize=1)
def _public_names() -> frozenset[str]:
    """Multi-word place, organisation and game names (bot/public_names.yml), lower-cased."""
    raw = yaml.safe_load(PUBLIC_NAMES_FILE.read_text(encoding="utf-8"))
    groups = raw.get("names") if isinstance(raw, dict) else None
    if not isinstance(groups, dict) or not all(
        isinstance(names, list) and all(isinstance(n, str) and len(n.split()) >= 2 for n in names)
        for names in groups.values()
    ):
        raise ValueError(f"{PUBLIC_NAMES_FILE}: expected 'names' with lists of names of two or more words")
    return frozenset(" ".join(n.lower().split()) for names in groups.values() for n in names)


@lru_cache(maxsize=1)
def _public_single_words() -> frozenset[str]:
    """Single-word places, platforms and religious words (bot/public_names.yml, ``words``), lower-cased."""
    raw = yaml.safe_load(PUBLIC_NAMES_FILE.read_text(encoding="utf-8"))
    groups = raw.get("words") if isinstance(raw, dict) else None
    if not isinstance(groups, dict) or not all(
        isinstance(words, list) and all(isinstance(w, str) and len(w.split()) == 1 for w in words)
        for words in groups.values()
    ):
        raise ValueError(f"{PUBLIC_NAMES_FILE}: expected 'words' with lists of single words")
    return frozenset(w.lower() for words in groups.values() for w in words)


def _name_run(match: re.Match) -> str | None:
    """The personal part of a capitalised run: without public words at either end; None if under 2 words
    or a public name."""
    words = match.group(0).split()
    public = _public_words()
    while words and words[0].lower() in public:
        words.pop(0)
    while words and words[-1].lower() in public:
        words.pop()
    if len(words) < 2 or " ".join(words).lower() in _public_names():
        return None
    return " ".join(words)


@lru_cache(maxsize=1)
def _kept_emails() -> frozenset[str]:
    from bot.knowledge import load_pack

    return frozenset(e.lower() for e in load_pack().all_emails())


def scrub(text: str) -> Scrubbed:
    """``text`` with personal data masked, and which kinds were found."""
    if not text:
        return Scrubbed(text or "")
    found: set[str] = set()

    def cpr(match: re.Match) -> str:
        if not _valid_cpr(match.group(1), match.group(2)) or _digits(match.group(0)) in _kept_numbers():
            return match.group(0)
        found.add(CPR)
        return MASKS[CPR]

    def email(match: re.Match) -> str:
        if match.group(0).lower() in _kept_emails():
            return match.group(0)
        found.add(EMAIL)
        return MASKS[EMAIL]

    def phone(match: re.Match) -> str:
        digits = _digits(match.group(0))
        if digits[-8:] in _kept_numbers() or _DATE.fullmatch(match.group(0).strip()):
            return match.group(0)
        found.add(PHONE)
        return MASKS[PHONE]

    def masked(kind: str) -> callable:
        def replace(_: re.Match) -> str:
            found.add(kind)
            return MASKS[kind]
        return replace

    def name(match: re.Match) -> str:
        found.add(NAME)
        return match.group(0)[: match.start(1) - match.start(0)] + MASKS[NAME]

    def cued_address(match: re.Match) -> str:
        found.add(ADDRESS)
        return match.group(0)[: match.start(1) - match.start(0)] + MASKS[ADDRESS]

    def single_name(match: re.Match) -> str:
        # A capitalised word inside a sentence is a proper noun in Danish: a first name, unless it is a
        # public word (the pack's names, places, platforms). The first word of a sentence says nothing.
        # Words of a run of capitals were judged as a run above ("Sri Lanka" kept, "Ahmed Ali" masked).
        if any(start <= match.start() < end for start, end in runs):
            return match.group(0)
        before = match.string[: match.start()].rstrip()
        word = match.group(0).lower()
        if word in _public_words() or word in _public_single_words():
            return match.group(0)
        # The first word of a sentence is capitalised anyway: masked only when it is a known first name
        # ("Fatima må ikke gå til svømning").
        if (not before or before[-1] in _SENTENCE_OPENERS) and word not in _first_names():
            return match.group(0)
        found.add(NAME)
        return MASKS[NAME]

    def lower_name(match: re.Match) -> str:
        # Only a known first name, and only the name itself is replaced.
        if match.group(1) not in _first_names() or match.group(1) in _COMMON_WORDS:
            return match.group(0)
        found.add(NAME)
        return match.group(0)[: match.start(1) - match.start(0)] + MASKS[NAME]

    def name_run(match: re.Match) -> str:
        personal = _name_run(match)
        if personal is None:
            return match.group(0)
        found.add(NAME)
        return match.group(0).replace(personal, MASKS[NAME], 1)

    text = _EMAIL.sub(email, text)
    text = _CPR.sub(cpr, text)
    text = _PHONE.sub(phone, text)
    text = _ADDRESS.sub(masked(ADDRESS), text)
    text = _STREET_TWO_WORDS.sub(masked(ADDRESS), text)
    text = _ADDRESS_CUE.sub(cued_address, text)
    text = _POSTCODE_TOWN.sub(masked(ADDRESS), text)
    text = _NAME_CUE.sub(name, text)
    text = _CAPITALISED_RUN.sub(name_run, text)
    runs = [m.span() for m in _CAPITALISED_RUN.finditer(text)]
    text = _CAPITALISED_WORD.sub(single_name, text)
    text = _LOWER_NAME_AFTER_PERSON.sub(lower_name, text)
    text = _LOWER_NAME_BEFORE_AGE.sub(lower_name, text)
    return Scrubbed(text, frozenset(found))
