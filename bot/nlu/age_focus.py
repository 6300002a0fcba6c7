"""Whose age decides when a message gives several ("mor er 41, datteren er 15").

The age question is about the person the worry concerns. When the ages in a
message disagree, the writer often says whom the worry is about ("det er
datteren, jeg er bekymret for", "bekymringen gælder den ældste", "it's the son
I'm worried about"), or rules someone out ("hende handler det ikke om"). Each
age is tied to the person word nearest before it in its clause ("datteren er
15"), or right after it ("en 15-årig pige"). A parent's age beside a child's
("baby på 7 uger, mor er 22") is taken as context. Anything less clear is left
to the bot, which asks.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.nlu.text import fold

if TYPE_CHECKING:
    from bot.nlu.age import AgeEvidence

# Person words (folded), with their inflections; pronouns too, so "men det er hende" can point back to "hun".
_PERSON = re.compile(
    r"\b(lillebror|storebror|lillesoester|storesoester|morbror|farbror|moster|faster|svoger|svigerfar|svigermor"
    r"|forlovede|eksmand|samlever|barnebarn|onkl|broedre|soestre|faetre|kusiner"
    r"|bror|soester|soeskende|datter|doetre|soen|soenner|pige|dreng"
    r"|barn|boern|baby|teenager|ung|unge|elev|kursist|borger|patient|beboer|mor|moder|far|fader|mormor|farmor|morfar"
    r"|farfar|bedstemor|bedstefar|oldemor|stedfar|stedmor|papfar|papmor|onkel|tante|faetter|kusine|nevoe|niece|mand"
    r"|kvinde|kone|hustru|aegtemand|kaereste|dame|herre|nabo|hun|hende|han|ham|daughter|son|girl|boy|mother|mum|mom"
    r"|father|dad|brother|sister|wife|husband|student|pupil|she|her|he|him)"
    r"(?:en|et|n|ne|nen|ene|erne|ren|s)?\b"
)
_SAME_PERSON = {"hende": "hun", "ham": "han", "her": "she", "him": "he", "moder": "mor", "fader": "far", "onkl": "onkel",
                "broedre": "bror", "soestre": "soester", "faetre": "faetter", "kusiner": "kusine"}
_PARENTS = {"mor", "far", "stedfar", "stedmor", "papfar", "papmor", "mother", "father", "mum", "mom", "dad"}
_YOUNGEST = re.compile(r"\b(?:yngste|lillesoester\w*|lillebror\w*|youngest|younger|little\s+(?:sister|brother))\b")
_OLDEST = re.compile(r"\b(?:aeldste|storesoester\w*|storebror\w*|eldest|oldest|older|big\s+(?:sister|brother))\b")

_ABOUT = r"(?:bekymret\s+for|bekymrer\s+mig\s+(?:for|om)|skriver\s+om|spoerger\s+om|taler\s+om|taenker\s+paa)"
# The worry is about what follows: "jeg er bekymret for datteren", "bekymringen gælder den ældste".
_FOCUS_AFTER = re.compile(
    r"\b(?:bekymret|bekymringen|bekymring|bekymrer\s+mig|bekymrede|worried|concerned|concern)\s+"
    r"(?:(?:mest|isaer|primaert|egentlig|saerligt|most|mainly)\s+)?(?:er\s+|is\s+)?(?:(?:mest|isaer)\s+)?"
    r"(?:for|om|gaelder|angaar|handler\s+om|about)\s+"
    r"|\b(?:det|sagen|bekymringen)\s+(?:handler|drejer\s+sig)\s+(?:mest\s+|isaer\s+)?om\s+|\bdet\s+gaelder\s+"
    r"|\bjeg\s+(?:skriver|spoerger|taler)\s+om\s+"
)
# The worry is about what went before: "det er datteren, jeg er bekymret for", "det er datteren det drejer sig
# om", "af de to er det lillesøsteren, jeg skriver om", "it's the son I'm worried about", and a closing
# "men det er hende." / "og det er drengen".
_FOCUS_BEFORE = re.compile(
    r"\b(?:det\s+er|er\s+det)\s+((?:\w+\s+){0,3}?\w+)\s*,?\s*(?:som\s+|der\s+)?"
    r"(?:(?:jeg|vi)\s+(?:er\s+)?(?:mest\s+)?" + _ABOUT + r"|det\s+(?:handler|drejer\s+sig)\s+om|bekymringen\s+(?:gaelder|handler\s+om)"
    r"|bliver\s+(?:slaaet|truet|holdt|presset|kontrolleret|spaerret|laast)|er\s+blevet\s+(?:slaaet|truet|presset)|er\s+i\s+fare)"
    # "hun er selv 12": the person's own age beside someone else's.
    r"|\b(?:hun|han|she|he)\s+((?:er|is)\s+selv\s+\d{1,2})\b"
    r"|\bit(?:'?s|\s+is)\s+((?:\w+\s+){0,3}?\w+)\s*,?\s*(?:that\s+|who\s+)?(?:i'?m|i\s+am|we\s+are)\s+"
    r"(?:most\s+|mainly\s+)?(?:worried|concerned)\s+about"
    r"|(?:^|[,.;]\s*|\b(?:men|og)\s+)det\s+er\s+((?:\w+\s+){0,2}?\w+)\s*[.!]*\s*$"
)
# The worry is not about this one: "storesøsteren er 20, men hende handler det ikke om".
_NOT_FOCUS = re.compile(
    r"\b(\w+)\s+(?:handler|drejer)\s+det\s+(?:sig\s+)?ikke\s+om\b"
    r"|\bdet\s+(?:handler|drejer\s+sig)\s+ikke\s+om\s+(\w+(?:\s+\w+)?)"
    r"|\bdet\s+er\s+ikke\s+(\w+(?:\s+\w+)?)\s*,?\s*(?:jeg\s+" + _ABOUT + r"|det\s+handler\s+om)"
    # "Eleven på 16 er ikke den, jeg er bekymret for."
    r"|\b(\w+)(?:\s+\w+){0,2}\s+er\s+ikke\s+(?:den|det|dem)\s*,?\s*(?:som\s+|der\s+)?(?:jeg|vi)\s+(?:er\s+)?" + _ABOUT
)
_CLAUSE_END = re.compile(r"[.;!?,]|\s(?:og|men|ikke|and|but|not)\s")
# Between an age and the person it describes: "en 15-årig pige", "en 15 år gammel dreng", "14 year old girl".
_ADJECTIVAL_GAP = re.compile(
    r"\s*(?:-?\s*(?:aarig\w*|aar\s+gam(?:mel|le)|gam(?:mel|le)|years?\s*-?\s*old))?\s*(?:lille|store|unge|ung|little)?\s*"
)
_CLAUSE_BREAK = re.compile(r"[.;!?]|\b(?:og|and)\b")
_ADJECTIVAL_AGE = re.compile(r"aarig\w*|years?\s*-?\s*old")
# "moren bor på krisecenter og er 26": one "og" that goes on with the same subject's age.
_SAME_SUBJECT = re.compile(r"^[^.;!?]*?\bog\s+(?:(?:er|var|fylder|blev)\s+(?:nu\s+|kun\s+|lige\s+)?(?:paa\s+)?)?$")
# "har to børn på 4 og 7", "med sine børn på 3 og 5": the ages of the person's children.
_CHILDREN_OF = re.compile(
    r"\b(?:har|med|sine|hendes|hans|deres)\s+(?:\w+\s+)?(?:boern|born|barn)\s+(?:paa\s+)?(?:\d{1,2}\s*(?:,|og)\s*)*$"
)

Person = tuple[str, int, int]  # folded stem, start and end in the original text

# Grammatical gender of person stems, so "det er ham, jeg skriver om" points back to the man's age, not the girl's.
_MASCULINE = {"dreng", "soen", "soenner", "mand", "bror", "morbror", "farbror", "svoger", "svigerfar", "eksmand",
              "storebror", "lillebror", "far", "stedfar", "papfar", "onkel",
              "faetter", "nevoe", "herre", "aegtemand", "han", "morfar", "farfar", "bedstefar", "boy", "son", "brother",
              "father", "dad", "husband", "he"}
_FEMININE = {"pige", "datter", "doetre", "kvinde", "kone", "hustru", "soester", "moster", "faster", "svigermor",
             "storesoester", "lillesoester", "mor",
             "stedmor", "papmor", "tante", "kusine", "niece", "dame", "hun", "mormor", "farmor", "bedstemor", "oldemor",
             "girl", "daughter", "sister", "mother", "mum", "mom", "wife", "she"}
# Words for someone around the person (family, partner, neighbour) rather than the person the worry is about.
_RELATIONS = {"bror", "storebror", "lillebror", "soester", "storesoester", "lillesoester", "soeskende", "mor", "far",
              "stedfar", "stedmor", "papfar", "papmor", "mormor", "farmor", "morfar", "farfar", "bedstemor", "bedstefar",
              "oldemor", "onkel", "tante", "faetter", "kusine", "nevoe", "niece", "kaereste", "aegtemand", "kone",
              "hustru", "nabo", "morbror", "farbror", "moster", "faster", "svoger", "svigerfar", "svigermor", "forlovede",
              "eksmand", "samlever", "brother", "sister", "mother", "father", "mum", "mom", "dad", "wife", "husband"}
# "hendes storebror", "sin onkel", "mors nye kæreste": a person named through someone else.
_POSSESSED = re.compile(
    r"\b(?:hendes|hans|sin|sit|sine|deres|mors|fars|morens|farens|pigens|drengens|elevens|barnets|kvindens|her|his|their)"
    r"\s+(?:\w+\s+)?$"
)
# "jeg ved ikke hvem af dem det gælder", "det gælder dem begge": the writer leaves the person open.
_UNSURE_WHOM = re.compile(
    r"\bved\s+ikke\s+(?:hvem|om\s+det\s+er)\b|\bhvem\s+af\s+(?:dem|de\s+to)\b|\b(?:dem|de)\s+begge\b|\bbegge\s+to\b"
    r"|\bbliver\s+begge\b|\bkan\s+ikke\s+(?:vurdere|sige)\s+hvem\b|\b(?:sige|siger|sagde)\s+ikke\s+(?:hvem|hvilken|hvilket)\b"
    r"|\ben\s+af\s+(?:dem|de\s+to|\w+ne)\b|\bhele\s+familien\b|\bboth\b"
)


def leaves_person_open(text: str) -> bool:
    """True when the writer says it is unclear whom the worry is about ("ved ikke om det er mor eller datteren")."""
    return bool(_UNSURE_WHOM.search(fold(text).text))
# "en mand på 40", "en 25-årig prædikant", "har en søn på 4": someone introduced in passing.
_INDEFINITE = re.compile(r"\b(?:en|et|a|an)\s+(?:\w+\s+)?$")


# "hendes", "hans", "his" name the owner of something, not a person the age can belong to.
_POSSESSIVES = {"hendes", "hans", "his", "hers"}


def _people(text: str) -> list[Person]:
    folded = fold(text)
    people = []
    for match in _PERSON.finditer(folded.text):
        if match.group(0) in _POSSESSIVES:
            continue
        stem = _SAME_PERSON.get(match.group(1), match.group(1))
        people.append((stem, *folded.span(match.start(), match.end())))
    return people


def _owner_person(evidence: AgeEvidence, people: list[Person], lowered: str) -> Person | None:
    within = [p for p in people if evidence.start <= p[1] < evidence.end]
    if within:
        return within[0]
    after = [p for p in people if p[1] >= evidence.end and _ADJECTIVAL_GAP.fullmatch(fold(lowered[evidence.end:p[1]]).text)]
    if after and _ADJECTIVAL_AGE.search(fold(lowered[evidence.start:evidence.end]).text):
        # "hendes 17-årige datter": the noun after an adjectival age is its owner.
        return min(after, key=lambda p: p[1])
    before = [p for p in people if p[2] <= evidence.start and evidence.start - p[2] <= 30
              and (not _CLAUSE_BREAK.search(lowered[p[2]:evidence.start])
                   or _SAME_SUBJECT.match(fold(lowered[p[2]:evidence.start]).text))]
    if before:
        return max(before, key=lambda p: p[2])
    after = [p for p in people if p[1] >= evidence.end and _ADJECTIVAL_GAP.fullmatch(fold(lowered[evidence.end:p[1]]).text)]
    if after:
        return min(after, key=lambda p: p[1])
    return None


def owner(evidence: AgeEvidence, people: list[Person], lowered: str) -> str | None:
    """The person an age belongs to: a person word inside it ("pigen på 15"), the nearest one before it in
    the clause ("datteren er 15 år"), or one right after it ("en 15-årig pige")."""
    person = _owner_person(evidence, people, lowered)
    return person[0] if person else None


def _is_context(evidence: AgeEvidence, people: list[Person], text: str, first: AgeEvidence) -> bool:
    """True for the age of someone around the person: a relative or partner, someone named through another
    ("hendes storebror"), or someone introduced in passing after the person ("en mand på 40")."""
    lowered = text.lower()
    person = _owner_person(evidence, people, lowered)
    anchor = min(person[1], evidence.start) if person else evidence.start
    lead = fold(text[max(0, anchor - 40):anchor]).text
    if _POSSESSED.search(lead):
        return True
    if person and person[0] in _RELATIONS:
        return True
    if evidence is first or evidence.strength < 3 or first.strength < 2:
        return False
    right_before = fold(text[max(0, evidence.start - 40):evidence.start]).text
    return bool(_INDEFINITE.search(lead) or _INDEFINITE.search(right_before))


def _regions(pattern: re.Pattern[str], text: str, until_clause_end: bool) -> list[tuple[int, int]]:
    """Spans (original offsets) that name the person: after a cue up to the clause end, or a captured group."""
    folded = fold(text)
    low = folded.text
    spans = []
    for match in pattern.finditer(low):
        if until_clause_end:
            end = _CLAUSE_END.search(low, match.end())
            spans.append(folded.span(match.end(), end.start() if end else len(low)))
        else:
            group = next(i for i in range(1, len(match.groups()) + 1) if match.group(i) is not None)
            spans.append(folded.span(match.start(group), match.end(group)))
    return spans


def _chosen_in(region: tuple[int, int], text: str, evidence: list[AgeEvidence], people: list[Person]) -> list[AgeEvidence]:
    start, end = region
    inside = [e for e in evidence if start <= e.start < end]
    if inside:
        return inside
    lowered = text.lower()
    named = [p[0] for p in people if start <= p[1] < end][:1]
    owned = [e for e in evidence if named and owner(e, people, lowered) == named[0]]
    if owned:
        return owned
    if named and named[0] in ("hun", "han", "she", "he"):
        # "moren på 35, det er hende jeg er bekymret for": the pronoun points back to the age just before it,
        # skipping an age of someone of the other gender ("manden på 27 ... en pige på 17, det er ham").
        before = [e for e in evidence if e.end <= start and not _CLAUSE_BREAK.search(lowered[e.end:start])]
        other = _FEMININE if named[0] in ("han", "he") else _MASCULINE
        same = [e for e in before if owner(e, people, lowered) not in other]
        if same:
            return [max(same, key=lambda e: e.end)]
    words = fold(text[start:end]).text
    aged = [e for e in evidence if e.age is not None]
    if aged and _YOUNGEST.search(words):
        return [min(aged, key=lambda e: e.age or 0)]
    if aged and _OLDEST.search(words):
        return [max(aged, key=lambda e: e.age or 0)]
    return []


def focus(text: str, evidence: list[AgeEvidence]) -> list[AgeEvidence]:
    """The ages that belong to the person the worry is about; empty when the text does not make it clear."""
    people = _people(text)
    chosen: list[AgeEvidence] = []
    for region in _regions(_FOCUS_AFTER, text, True) + _regions(_FOCUS_BEFORE, text, False):
        chosen.extend(_chosen_in(region, text, evidence, people))
    if chosen:
        return chosen
    lowered = text.lower()
    excluded: list[AgeEvidence] = []
    for start, end in _regions(_NOT_FOCUS, text, False):
        named = [p for p in people if start <= p[1] < end][:1]
        if not named:
            continue
        excluded.extend(e for e in evidence if owner(e, people, lowered) == named[0][0])
        if named[0][0] in ("hun", "han"):
            # "storesøsteren er 20 men hende handler det ikke om": the age just before, in the same sentence.
            before = [e for e in evidence if e.end <= start and not _CLAUSE_BREAK.search(lowered[e.end:start])]
            excluded.extend(max(before, key=lambda e: e.end) for _ in before[:1])
    rest = [e for e in evidence if e not in excluded]
    if excluded and rest:
        return rest
    # The person's own children ("er 24 og har to børn på 4 og 7") are context for the person's own age.
    not_children = [e for e in evidence if not _CHILDREN_OF.search(fold(text[max(0, e.start - 40):e.start]).text)]
    if not_children and len(not_children) < len(evidence) and len({e.group for e in not_children}) == 1:
        return not_children
    not_parents = [e for e in evidence if owner(e, people, lowered) not in _PARENTS]
    if not_parents and len(not_parents) < len(evidence) and len({e.group for e in not_parents}) == 1:
        return not_parents
    # The person the message is about against the people around them ("pigen på 15 ... hendes kæreste på 21",
    # "drengen på 16 ... en 25-årig prædikant"): the ages that are not context decide when they agree.
    if _UNSURE_WHOM.search(fold(text).text):
        return []
    first = min(evidence, key=lambda e: e.start)
    own = [e for e in evidence if not _is_context(e, people, text, first)]
    if own and len(own) < len(evidence) and len({e.group for e in own}) == 1 and max(e.strength for e in own) >= 2:
        return own
    return []
