"""Read the age group (under 18 / 18 and over) from a Danish message.

Two kinds of evidence:

* explicit statements that are safe to use in any turn ("14 år", "15-årig",
  "elev i 8. klasse", "går i 2.g", "kursist", "voksen", "myndig", "under 18");
* a bare number ("14", "omkring 13 tror jeg"), which only means an age when the
  bot has just asked for it. It is reported separately so the dialogue can use
  it only while the age question is open.

When the evidence disagrees (a mother on the language course and her son in
3rd grade) the result is ``None`` and the bot asks.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass
from datetime import date

from bot.nlu.age_english import english_bare, english_hits
from bot.nlu.age_focus import focus, leaves_person_open
from bot.nlu.text import Folded, fold

UNDER18 = "under18"
OVER18 = "over18"
ADULT_AGE = 18


@dataclass(frozen=True)
class AgeEvidence:
    group: str
    start: int  # offsets in the original text
    end: int
    strength: int  # 3 = a number with a unit, 2 = school grade, 1 = a word
    age: int | None = None  # the number of years, where the text gives one


NOT_AGE_UNITS = (
    r"(?:dage?|doegn|uger?|maaneder?|mdr|mnd|timer?|min|minutter|kr|kroner|procent|%|gange|klass?e|kl"
    r"|elever|boern|personer|familier|sider|km|meter|semester|semestre|semestret)"
)

_NUMBER_WITH_UNIT = [
    # "gift i 10 år", "boet her de sidste 20 år": a duration, not an age.
    re.compile(r"(?<!\bi\s)(?<!\bgennem\s)(?<!\bsidste\s)\b(\d{1,3})\s*-?\s*(?:aar|aarig|aarige|aars|years?|yo)\b(?!\s+siden)"),
    # "mor (34) og datter (15)", "datteren, 15, går ...": a person word and the age in brackets or commas.
    re.compile(
        r"\b(?:pige|dreng|datter|soen|barn|bror|soester|lillebror|storebror|lillesoester|storesoester|mor|far|mand"
        r"|kvinde|kone|elev|kursist|borger|beboer|pensionist|klient|patient|student|studerende|laerling|praktikant|daughter|son|girl"
        r"|boy|mother|father)(?:n|en|et|ren)?"
        # ... also with a place in between: "elev på VUC, 25,", "kursist på sprogskolen, 31,".
        r"(?:\s+(?:paa|fra|hos|i)\s+[a-z]\w*)?"
        # ... and hedged after the comma: "en pige i modtageklassen, ca 13".
        r"\s*(?:\(\s*(\d{1,2})\s*(?:aar)?\s*\)|,\s*(?:ca\.?\s*|cirka\s+|omkring\s+)?(\d{1,2})\s*(?:aar\s*)?(?:,|(?=\s*(?:[;/|]|$|\.(?!\d)))))"
    ),
    re.compile(
        r"\b(?:er(?:\s+(?:hun|han))?(?:\s+(?:(?:nu|lige)\s+)*blevet)?|fyldt|fyldte|fylt|blev|paa|pige|dreng|mand|kvinde|kursist|borger|elev|datter|soen|barn"
        r"|ung|ung mand|ung kvinde)"
        r"\s+(?:paa\s+)?(?:ca\.?\s*|cirka\s+|circa\s+|omkring\s+|omkrng\s+|omkrig\s+|typ\s+|vel\s+|nok\s+|vist\s+|maaske\s+|sikkert\s+|kun\s+|lige\s+|snart\s+|naesten\s+|knap\s+|godt\s+)?"
        # "på 3. år af studiet", "elev på 2. år": a year of study, not an age.
        r"(\d{1,3})\b(?!\s*(?:\.\s*(?:\d|" + NOT_AGE_UNITS + r"\b|g\b|aar\b|studieaar\b)|,\d|:\d|-\d|" + NOT_AGE_UNITS + r"\b))"
    ),
]

# A form field typed into the chat ("Alder: 15", "alder=16", "Alder (ca.): 40", "Alder: 6 mdr"):
# the label makes the bare number an age; weeks and months are a baby.
_FIELD_AGE = re.compile(
    r"\balder(?:en)?\s*(?:\(\s*(?:ca\.?|cirka)\s*\)\s*)?(?:[:;=|\u2013\u2014-]|er)?\s*(?:ca\.?\s*|cirka\s+|omkring\s+)?"
    r"(\d{1,3})\s*(uger?|maaneder?|mdr|mnd|aar\w*)?\b(?!\s*[.,:]\d)"
)
# "Klassetrin: 8.", "Klasse: 4.b": a grade field (a gymnasium grade such as "3.g" is read by _GYM).
_FIELD_GRADE = re.compile(
    r"\bklass(?:e|etrin)\s*[:;=|\u2013\u2014-]\s*(\d{1,2})\b(?!\s*\.?\s*(?:g|hf|hhx|htx|stx)\b)(?!\s*(?:[,:]\d|-\s*\d))"
)
_UNITS = {
    "nul": 0, "en": 1, "et": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9,
}
_TENS = {
    "tyve": 20, "tredive": 30, "fyrre": 40, "fyrretyve": 40, "halvtreds": 50, "tres": 60, "halvfjerds": 70,
    "firs": 80, "halvfems": 90,
}
NUMBER_WORDS = {
    **{w: n for w, n in _UNITS.items() if w not in ("nul", "en")},
    "ti": 10, "elleve": 11, "elve": 11, "tolv": 12, "tretten": 13, "fjorten": 14, "femten": 15, "seksten": 16,
    "sytten": 17, "atten": 18, "nitten": 19, **_TENS,
    # Spellings after the Swedish or the sound ("sexten", "sexton"): too far from "seksten" for the fuzzy match.
    "sexten": 16, "sexton": 16,
    # "femogtyve", "toogfyrre": units before tens, as Danish says them
    **{f"{u}og{t}": _UNITS[u] + n for u in _UNITS if u not in ("nul", "et") for t, n in _TENS.items()},
}
_ALL_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# Small number words are too common ("de er to") to count without "år".
_TEEN_WORDS = "|".join(sorted((w for w, n in NUMBER_WORDS.items() if n >= 11), key=len, reverse=True))
# "fylder 18 i næste måned", "bliver 16 år til sommer", "fylder atten til jul": the age now is one less.
# "fylder først 18 til sommer": an adverb may stand between.
_BIRTHDAY_AHEAD = re.compile(
    r"\b(?:fylder|bliver)\s+(?:(?:foerst|snart|allerede)\s+)?(\d{1,2}|" + _TEEN_WORDS + r")\b"
    r"(?!\s*(?:\.|" + NOT_AGE_UNITS + r"\b))(?:\s*-?\s*aar\b(?!\s+siden))?"
)
_WORD_AGE = re.compile(
    r"\b(?:er|paa|blev|fyldt|fyldte|fylt)\s+(?:(?:lige|netop|snart|kun|naesten|allerede)\s+)?(?:fyl(?:d)?t\s+)?(" + _TEEN_WORDS
    + r")(?:\s+aar)?\b|(?<!\bi\s)(?<!\bgennem\s)(?<!\bsidste\s)\b("
    + _ALL_WORDS + r")\s*-?\s*aar(?:ig|ige)?\b(?!\s+siden)"
)
# "midt i fyrrerne", "i halvtredserne", "i slutningen af 30'erne": an adult.
_DECADE = re.compile(
    r"\b(?:(?:tyver|trediver|tredver|fyrrer|halvtredser|tresser|halvfjerdser|firser|halvfemser)e?ne"
    r"|(?<=i\s)[2-6]0\s*'?\s*erne|(?<=af\s)[2-9]0\s*'?\s*erne|(?<=start\s)[2-9]0\s*'?\s*erne"
    # 70'erne-90'erne are also eras ("kom til Danmark i 90'erne"): an age only after a person or a part of the decade.
    r"|(?:(?<=er\si\s)|(?<=foerst\si\s)|(?<=sidst\si\s)|(?<=midt\si\s)|(?<=mand\si\s)|(?<=kvinde\si\s)|(?<=dame\si\s)"
    r"|(?<=herre\si\s)|(?<=borger\si\s)|(?<=enke\si\s)|(?<=enkemand\si\s)|(?<=pensionist\si\s)|(?<=patient\si\s)"
    # A bare answer to the age question ("i 70'erne").
    r"|(?<=beboer\si\s)|(?<=^i\s))[7-9]0\s*'?\s*erne)"
)
# "omkring 18", "17 eller 18", "i tyverne eller måske yngre": too close to call.
_HEDGED_18 = re.compile(
    r"\b(?:ca\.?|cirka|omkring|typ|maaske|vist|nok|naesten)\s+(?:de\s+)?(?:17|18|19|sytten|atten|nitten)\b(?!\s*-?\s*aarig)"
    r"|\beller\s+(?:maaske\s+)?(?:yngre|aeldre)\b|\bmaaske\s+(?:yngre|aeldre)\b"
    # "måske ung voksen", "en ung voksen tror jeg": a young adult only guessed at straddles 18.
    r"|\b(?:maaske|vist|nok)\s+(?:en\s+)?ung\s+voksen\b|\bung\s+voksen\s*,?\s+(?:maaske|tror\s+jeg|vist)\b"
    # "teenager eller først i tyverne", "sen teenager eller tidlig tyver".
    r"|\bteenager\w*\s+eller\b|\beller\s+(?:en\s+)?teenager\w*|\b(?:voksen|barn)\s+eller\s+(?:voksen|barn|ung)\b"
)
_SOON_18 = re.compile(
    r"\b(?:snart|naesten|knap|ikke fyldt|ikke engang|endnu ikke|ikke)\s+(?:fyldt\s+)?(?:18|atten)\b"
    r"|\bmangler\s+(?:\w+\s+){1,3}i\s+at\s+(?:blive|fylde)\s+(?:18|atten)\b"
)
_JUST_18 = re.compile(r"\b(?:lige|netop|allerede|nu)\s+(?:fyldt|blevet)\s+(?:18|atten)\b|\bfyldt\s+(?:18|atten)\b")

_GRADE = re.compile(r"\b(\d{1,2})\s*\.\s*(?:klass?e|kal+s+e|klsse|kl\b)|\b(0|[1-9]|10)\s+klass?e\b|\b(?:klass?e)\s*(\d{1,2})\b"
                    # "elev i 4 kl" (no full stop; "i" first, so "kl 4" as a time of day is not read)
                    r"|\bi\s+(0|[1-9]|10)\s*kl\b")
_GYM = re.compile(r"\b([123])\s*\.?\s*(?:g|hf|hhx|htx|stx)\b")
# "går i 9.b", "pige fra 6.a", "går i 8.", "elev i 7.", "om ham i 7." (a class letter, or the grade alone after
# "går i", a pupil word or "ham"/"hende"; not "i 7. time", a lesson).
_CLASS_LETTER = re.compile(
    r"\b(?:i|fra)\s+(\d{1,2})\s*\.\s*[a-f]\b(?!\s*\.?\s*\d)|\bgaar\s+(?:vist\s+|nok\s+|vel\s+|maaske\s+|sikkert\s+)?i\s+(\d{1,2})\s*\.(?![\w\d])"
    r"|\b(?:elev|elever|eleven|pige|pigen|dreng|drengen|barn|barnet|ham|hende)\s+i\s+(\d{1,2})\s*\.(?![\w\d])"
    r"(?!\s*(?:time|lektion|modul|frikvarter|omgang|halvleg|runde|sal|etage|maaned|uge)\w*)"
    # "elev i 5 b", "går i 4c": a class letter without the full stop, after a pupil word or "går".
    r"|\b(?:elev|elever|eleven|pige|pigen|dreng|drengen|barn|barnet|gaar)\s+i\s+(\d{1,2})\s?[a-f]\b(?!\s*\.?\s*\d)"
)
# "født i 2011", "årgang 2009", "født 3.4.2010": the age follows from the year (the
# year of the 18th birthday itself is left open: 17 or 18).
_BIRTH_YEAR = re.compile(
    r"\bfoedt\s+(?:i\s+(?:aar\s+)?|aar\s+)?(?:\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*)?((?:19|20)\d\d)\b"
    r"|\baargang\s+((?:19|20)\d\d)\b"
)
# "hun er 2 måneder", "baby på 6 uger", "halvandet år gammel": months and weeks are a baby.
_INFANT_AGE = re.compile(
    r"\b(?:er|paa)\s+(?:kun\s+|lige\s+|ca\.?\s*|cirka\s+)?(?:\d{1,2}|" + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r"|ti|elleve|tolv)\s+(?:uger?|maaneder?|mdr|mnd)\b(?!\s+(?:siden|henne|gravid|lang|forsinket|tilbage|om|til|i)\b)"
    r"|\b(?:\d{1,2}|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve)\s*-?\s*(?:uger?|maaneder?|mdr|mnd)\.?\s*(?:gammel|gamle)\b"
    r"|\b(?:halvandet|et\s+halvt)\s+aar\s+(?:gammel|gamle)\b|\bhalvandet\s*-?\s*aarig\w*"
)

# "en lille pige på to", "drengen på fire og et halvt": a child noun, "på" and a small number word.
_CHILD_WORD_AGE = re.compile(
    r"\b(?:pige|dreng|barn|baby|datter|soen|knaegt|tos|pigebarn|drengebarn)(?:n|en|et)?\s+paa\s+"
    r"(to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv)\b(?!\s*(?:" + NOT_AGE_UNITS + r"|aar\s+siden)\b)"
)

_UNDER_WORDS = re.compile(
    r"\b(?:under\s+(?:18|atten)|mindreaarig\w*|umyndig\w*|barn(?:et)?|boern(?:ene)?|skolebarn|elev(?:en)?\s+i\s+(?:indskoling|mellemtrin|udskoling|folkeskole)\w*"
    r"|indskoling\w*|mellemtrin\w*|udskoling\w*|folkeskole\w*|boernehave\w*|vuggestue\w*|dagpleje\w*|sfo|fritidshjem\w*"
    r"|efterskole\w*|konfirmand\w*|spaedbarn\w*|spaedboern\w*|nyfoedt\w*|baby\w*|smaaboern\w*|skolepige|skoledreng|ungdomsskole\w*|juniorklub\w*"
    r"|fritidsklub\w*|ungdomsklub\w*|(?:ikke|ik)\s+(?:endnu\s+)?myndig\w*|(?:bliver\s+)?myndig\s+om|skolestarter\w*|spaed(?:e|t)?"
    # Common misspellings of the institutions ("børnhaven", "vugestue").
    r"|boernhave\w*|bornehave\w*|vugestue\w*"
    # To be confirmed this year or next ("skal konfirmeres til foråret"); confirmation is at 13-14.
    r"|skal\s+konfirmeres|konfirmeres\s+(?:til|i|paa|naeste)\s+\w+"
    # A first phone of one's own ("har lige fået sin første telefon"): a child's milestone.
    r"|(?:faaet|faar|fik)\s+(?:sin|hans|hendes)\s+foerste\s+(?:telefon|mobil\w*|smartphone))\b"
)
_OVER_WORDS = re.compile(
    r"\b(?:(?:over|oever)\s+(?:18|atten)|(?<!ikke\s)(?<!ik\s)(?<!endnu\s)myndig\w*(?!\s+om\b)|voksen(?!\s+foer\s+tiden)|voksne|kursist\w*|sprogskole\w*|sprogcent\w*|danskuddannelse\w*"
    r"|(?<!ikke\s)gift\s+og\s+har\s+(?:\w+\s+)?(?:boern|barn)|hustru\w*|kone(?:n)?|aegtemand\w*|aegtefaelle\w*|svigerdatter|\w*pensionist\w*|pensioneret|(?:gaaet|gaar)\s+paa\s+(?:folke)?pension|efterloen\w*|kontanthjaelp\w*|dagpenge\w*|integrationsydelse\w*"
    # Higher education: a master's thesis, student grant (SU, from 18), a university semester.
    r"|speciale\w*|(?:faar|paa|modtager|har)\s+su|\d{1,2}\s*\.\s*semester"
    r"|selvforsoergelse\w*|universitet\w*|uni|studerende|plejehjem\w*|plejecent\w*|aeldrecent\w*"
    r"|aeldre\s+(?:borger|dame|kvinde|mand|herre|person|menneske|par)\w*"
    # Old-age pension; children of one's own; a school-leaving exam or a driving licence years ago.
    r"|folkepension\w*|har\s+selv\s+(?:\w+\s+)?(?:boern|barn)|blev\s+student\s+for\s+(?:\w+\s+){0,2}(?:aar|aarstid)\s+siden"
    r"|(?:haft|har\s+haft)\s+koerekort\s+i\s+(?:mange|flere|\w+)\s+aar)\b"
)
# "har 3 børn", "mor til to børn", "med sine børn": the person's children, not the person.
_HAS_CHILDREN = re.compile(
    r"\b(?:har|med|til|sine|hendes|hans|deres|egne)\s+(?:selv\s+)?(?:(?:\d+|et|en|to|tre|fire|fem|seks|syv|otte|mange|flere|smaa"
    r"|egne|sine)\s+)?(?:(?:voksne|store|smaa|egne)\s+)?$"
    # "har tre børn i børnehaven": the institution is the children's.
    r"|\b(?:boern|boernene|barn|barnet|soen|soennen|datter|datteren|soenner|doetre)\s+(?:i|paa|fra)\s+$"
)
# "kursistens barn", "borgerens datter": an adult's child is the person, not the adult.
_CHILD_OF_ADULT = re.compile(r"\s+(?:lille\s+|yngste\s+|aeldste\s+)?(?:barn|boern|soen|datter|dreng|pige|baby|spaedbarn)\b")
# "i 5 år", "for 2 år siden", "de sidste 3 år": a duration, not an age.
_DURATION_BEFORE = re.compile(
    r"(?:\bi|\bfor|\befter|\bsidste|\bover|\bhver|\bom|\bgennem|\bsiden)\s+"
    r"(?:(?:over|under|ca\.?|cirka|omkring|naesten|mindst|snart|mere\s+end)\s+)?$"
)
_BARE_NUMBER = re.compile(
    r"^\s*(?:hun er|han er|hen er|de er|personen er|er)?\s*"
    r"(?:ca\.?|cirka|omkring|maaske|vist|nok|ca|knap|snart|godt|lige|lidt\s+over|lidt\s+under)?\s*(?:de\s+)?"
    r"\s*(\d{1,3}|" + _ALL_WORDS + r")\s*(?:og\s+et\s+halvt\s*)?(?:aar+)?\s*,?\s*"
    r"(?:tror jeg|vil jeg tro|vil jeg gaette|gaetter jeg|skoenner jeg|vist|maaske|cirka|ca|ish|eller deromkring)?\s*[?.!]*\s*$"
)
# An answer that opens with the age and goes on about the person ("19 og går i 3.g", "16, bor hos sin mor").
_AGE_THEN_CLAUSE = re.compile(
    r"^\s*(?:hun er|han er|hen er|personen er|er)?\s*(\d{1,2}|" + _ALL_WORDS + r")\s*(?:aar\s*)?(?:,|og|men)\s+"
    r"(?:gaar|er|bor|har|laeser|starter|skal|arbejder|fylder|bliver|kom|flyttede|taler)\b"
)
# "10 måneder", "ca. 6 uger" as the whole answer to the age question: a baby.
_BARE_INFANT = re.compile(
    r"^\s*(?:hun er|han er|er|ca\.?|cirka|omkring|knap|kun|lige)?\s*(?:\d{1,2}|" + _ALL_WORDS
    + r")\s*-?\s*(?:uger?|maaneder?|mdr|mnd)\.?\s*(?:gammel|gamle)?\s*[?.!]*\s*$"
    # "et halvt år", "2 og et halvt": a small child.
    r"|^\s*(?:hun er|han er|er|ca\.?|cirka|omkring|knap|kun|lige)?\s*(?:et\s+halvt|halvandet|(?:\d|1[0-6]|to|tre|fire|fem|seks|syv"
    r"|otte|ni|ti)\s+og\s+et\s+halvt)\s*(?:aar)?\s*(?:gammel|gamle)?\s*[?.!]*\s*$"
)
# "er over 65", "borgere over 70", "under 16", "han er sgu over tyve": a bound that settles the group
# (over 17 / under 19). A filler word may stand between the verb and the bound.
_BOUND = re.compile(
    r"(?:^|\b(?:er|paa|alle|borger\w*|kvinde\w*|mand|maend|personer|mennesker|unge|boern|elever|pige\w*|dreng\w*|ham|hende|lidt"
    r"|dame\w*|herre\w*|gammel|gamle)\s*,?\s+(?:(?:sgu|vel|nok|da|klart|godt|helt\s+sikkert)\s+)?)"
    # "oever" is "over" typed with æøå folded ("hun er øver 18").
    r"(over|oever|under)\s+(\d{1,2}|" + _ALL_WORDS + r")\b(?!\s*(?:\.\d|,\d|" + NOT_AGE_UNITS + r"\b|aar\s+siden|aars\s+))"
)
# "går i tiende", "i syvende klasse": a school grade said in words (grades 0-10 are children).
_GRADE_WORD = re.compile(
    r"\bgaar\s+i\s+(?:nulte|foerste|anden|tredje|fjerde|femte|sjette|syvende|ottende|niende|tiende)\b"
    r"(?!\s+(?:omgang|runde|gang|halvleg|del|time|uge|maaned|semester|forloeb))"
    r"|\b(?:nulte|foerste|anden|tredje|fjerde|femte|sjette|syvende|ottende|niende|tiende)\s+klass?e\b"
    # "en pige i femte", "drengen i syvende": a pupil and a grade in words, without "klasse".
    r"|\b(?:pige|dreng|elev|barn|knaegt)(?:n|en|et)?\s+i\s+(?:nulte|foerste|anden|tredje|fjerde|femte|sjette|syvende"
    r"|ottende|niende|tiende)\b(?!\s+(?:omgang|runde|gang|halvleg|del|time|uge|maaned|semester|forloeb|sal|etage))"
)
# "en fjortn-årig", "firtenårig": a misspelt number word before "-årig", with or without the hyphen. "-årig" makes
# the word an age, so a looser cutoff than for a free word is safe ("firten"/"fjorten" 0.77).
_FUZZY_WORD_AGE = re.compile(r"\b([a-z]{4,})\s*-?\s*aarig\w*")
_FUZZY_AGE_SUFFIX_CUTOFF = 0.75
# "16-20", "16 til 20", "17 eller 18", "mellem 16 og 20" (but "søstrene er 14 og 19" is two ages).
_RANGE = re.compile(r"\b(\d{1,2})\s*(?:-|til|eller)\s*(\d{1,2})\b|\bmellem\s+(\d{1,2})\s+og\s+(\d{1,2})\b")
# "en dreng på omkring 12-13", "pigen er 14-15", "en kvinde på 40-45": a narrow range on one side of 18 is an age
# (a range across 18 is read as nothing above). Not a clock time ("kl. 12-13") or a count with a unit.
_RANGE_AS_AGE = re.compile(
    r"(?:\b(?:en|et)\s+\w+\s+paa\s+(?:omkring\s+|cirka\s+|ca\.?\s+)?"
    r"|\b(?:hun|han|pigen|drengen|barnet|eleven|borgeren|kvinden|manden|personen|kursisten|beboeren|soennen|datteren)"
    r"\s+er\s+(?:\w+\s+)?|^\s*(?:omkring\s+|cirka\s+|ca\.?\s+)?)(\d{1,2})\s*-\s*(\d{1,2})\b"
    r"(?!\s*(?:" + NOT_AGE_UNITS + r")\b)(?!\s*-?\s*aar)"
)
# "mellem 30 og 40 vil jeg tro": a range that stays on one side of 18 is an age group, when it is the answer itself or
# follows "er"/"på"/"alderen" (not "hjemme mellem 8 og 12", a clock time or a count).
_BETWEEN_AS_AGE = re.compile(
    r"(?:^\W*(?:[a-z]+\W+){0,2}|\b(?:er|paa|alderen|omkring|cirka|ca\.?)\s+)mellem\s+(\d{1,2})\s+og\s+(\d{1,2})\b"
    r"(?!\s*(?:" + NOT_AGE_UNITS + r")\b)(?!\s*-?\s*aar\w*\s+siden)"
)
# "15 måske 16", "12 eller 13": two guesses on one side of 18; "80+": a lower bound of an adult age.
_GUESSES_AS_AGE = re.compile(
    r"(?:^\W*(?:[a-z]+\W+){0,2}|\b(?:er|paa|alderen|omkring|cirka|ca\.?)\s+)(\d{1,2})\s*,?\s*(?:maaske|eller)\s+(\d{1,2})\b"
    r"(?!\s*(?:" + NOT_AGE_UNITS + r")\b)(?!\s*-?\s*aar\w*\s+siden)(?![.:]\d)"
)
# "drengen (nu 15)", "eleven er nu 15", "stadig 17": the age as it is now, in an update.
_AGE_NOW = re.compile(
    r"(?:\(\s*nu\s+|\b(?:er|bliver)\s+nu\s+|^\W*(?:stadig|nu|kun|allerede)\s+)(\d{1,2})\b(?!\s*(?:" + NOT_AGE_UNITS + r")\b)(?![.:,]\d)"
)
_ADULT_LOWER_BOUND = re.compile(r"\b([2-9]\d)\s*\+(?!\s*(?:" + NOT_AGE_UNITS + r")\b)")
_TWO_AGES = re.compile(r"\b(?:er|paa|are|aged)\s+(\d{1,2})\s+(?:og|and)\s+(\d{1,2})\b(?!\s*(?:" + NOT_AGE_UNITS + r")\b)")


# A comparison, not the person's age: "udviklingsmæssigt som en 8-årig", "ligner en på 15", "virker som en 12-årig".
_COMPARISON_BEFORE = re.compile(
    r"(?:\bsom\s+(?:en|et)\s+(?:paa\s+)?"
    r"|\b(?:ligner|ligne|lignede|svarende\s+til|paa\s+niveau\s+med|paa\s+linje\s+med)\s+(?:en\s+|et\s+)?(?:paa\s+)?"
    r"|\b(?:udviklingsmaessigt|mentalt|kognitivt|funktionsmaessigt|sprogligt|socialt)\s+(?:(?:som|paa)\s+)?(?:en\s+)?)$"
)
# Two grades offered as alternatives when one of them says nothing about 18 ("enten 2.g eller 3.g").
_GRADE_ALTERNATIVES = re.compile(r"\b[123]\s*\.?\s*g\s+eller\s+(?:(?:i|maaske|vist|nok|maske)\s+)?[123]\s*\.?\s*g\b")


def _group_for(age: int) -> str | None:
    if age < 0 or age > 110:
        return None
    return UNDER18 if age < ADULT_AGE else OVER18


_BOUND_BEFORE = re.compile(r"\b(under|over)\s+$")


def _bounded_group(word: str, bound: int) -> str | None:
    """The group a bound gives: "under 18 år" and "under 15 år" are children, "over 17 år" is an
    adult; "under 30 år" or "over 10 år" say nothing either way."""
    if word == "under":
        return UNDER18 if bound <= ADULT_AGE else None
    return OVER18 if bound >= ADULT_AGE - 1 else None


def _evidence(text: str, today: date | None = None) -> list[AgeEvidence]:
    folded = fold(text)
    this_year = (today or date.today()).year
    low = folded.text
    found: list[AgeEvidence] = []

    def add(group: str | None, match: re.Match, strength: int, age: int | None = None) -> None:
        if group:
            start, end = folded.span(match.start(), match.end())
            found.append(AgeEvidence(group, start, end, strength, age))

    for match in _SOON_18.finditer(low):
        add(UNDER18, match, 3)
    for match in _JUST_18.finditer(low):
        if not _SOON_18.search(low[max(0, match.start() - 12): match.end()]):
            add(OVER18, match, 3)
    if _HEDGED_18.search(low):
        return []
    for match in _RANGE.finditer(low):
        low_age, high_age = int(match.group(1) or match.group(3)), int(match.group(2) or match.group(4))
        if low_age < high_age and _group_for(low_age) != _group_for(high_age) and high_age - low_age <= 5:
            # "mellem 16 og 20": straddles 18, so it says nothing reliable.
            return []
    for match in _RANGE_AS_AGE.finditer(low):
        low_age, high_age = int(match.group(1)), int(match.group(2))
        if low_age < high_age <= low_age + 5 and _group_for(low_age) == _group_for(high_age):
            add(_group_for(low_age), match, 2)
    for match in _GUESSES_AS_AGE.finditer(low):
        low_age, high_age = int(match.group(1)), int(match.group(2))
        if low_age < high_age <= low_age + 5 and _group_for(low_age) == _group_for(high_age):
            add(_group_for(low_age), match, 2)
    for match in _AGE_NOW.finditer(low):
        add(_group_for(int(match.group(1))), match, 3)
    for match in _ADULT_LOWER_BOUND.finditer(low):
        add(OVER18, match, 2)
    for match in _BETWEEN_AS_AGE.finditer(low):
        low_age, high_age = int(match.group(1)), int(match.group(2))
        if low_age < high_age <= low_age + 20 and _group_for(low_age) == _group_for(high_age):
            add(_group_for(low_age), match, 2)
    ahead = []
    for match in _BIRTHDAY_AHEAD.finditer(low):
        number = match.group(1)
        add(_group_for((int(number) if number.isdigit() else NUMBER_WORDS[number]) - 1), match, 3)
        ahead.append(match.span())

    def in_birthday(match: re.Match) -> bool:
        return any(start <= match.start() < end for start, end in ahead)

    for match in _WORD_AGE.finditer(low):
        if in_birthday(match):
            continue
        age = NUMBER_WORDS[match.group(1) or match.group(2)]
        bound = _BOUND_BEFORE.search(low[max(0, match.start() - 12):match.start()])
        if bound:
            add(_bounded_group(bound.group(1), age), match, 3)
            continue
        add(_group_for(age), match, 3, age)
    for pattern in _NUMBER_WITH_UNIT:
        for match in pattern.finditer(low):
            if in_birthday(match):
                continue  # "fylder 18 år til sommer" is read above
            if _DURATION_BEFORE.search(low[max(0, match.start() - 20):match.start()]):
                continue  # "i 5 år"
            if _SOON_18.search(low[max(0, match.start() - 12):match.end()]):
                continue  # "ikke fyldt 18 endnu" is read above
            age = int(next(g for g in match.groups() if g))
            bound = _BOUND_BEFORE.search(low[max(0, match.start() - 12):match.start()])
            if bound:
                # "under 18 år" is a bound, not an age of 18.
                add(_bounded_group(bound.group(1), age), match, 3)
                continue
            add(_group_for(age), match, 3, age)
    for match in _FIELD_AGE.finditer(low):
        if match.group(2) and not match.group(2).startswith("aar"):
            add(UNDER18, match, 3)  # "Alder: 6 mdr"
        else:
            add(_group_for(int(match.group(1))), match, 3, int(match.group(1)))
    for match in _FIELD_GRADE.finditer(low):
        if 0 <= int(match.group(1)) <= 10:
            add(UNDER18, match, 2)
    for match in _BIRTH_YEAR.finditer(low):
        age = this_year - int(match.group(1) or match.group(2))
        if age != ADULT_AGE:
            add(_group_for(age), match, 3)
    for match in _CHILD_WORD_AGE.finditer(low):
        add(UNDER18, match, 3)
    for match in _INFANT_AGE.finditer(low):
        add(UNDER18, match, 3)
    for match in _CLASS_LETTER.finditer(low):
        if 0 <= int(next(g for g in match.groups() if g is not None)) <= 10:
            add(UNDER18, match, 2)
    for match in _GRADE.finditer(low):
        grade = next(int(g) for g in match.groups() if g is not None)
        if 0 <= grade <= 10:
            add(UNDER18, match, 2)
    for match in _GRADE_WORD.finditer(low):
        add(UNDER18, match, 2)
    for match in _FUZZY_WORD_AGE.finditer(low):
        if match.group(1) not in NUMBER_WORDS:
            close = difflib.get_close_matches(match.group(1), _TEEN_AND_UP, n=3, cutoff=_FUZZY_AGE_SUFFIX_CUTOFF)
            groups = {_group_for(NUMBER_WORDS[word]) for word in close}
            if len(groups) == 1 and None not in groups:
                add(groups.pop(), match, 3)
    for match in _GYM.finditer(low):
        # 1.g and 2.g pupils are under 18; 3.g pupils are often 18 or 19.
        if match.group(1) in ("1", "2"):
            add(UNDER18, match, 2)
    for match in _BOUND.finditer(low):
        bound = int(match.group(2)) if match.group(2).isdigit() else NUMBER_WORDS[match.group(2)]
        if match.group(1) in ("over", "oever") and bound >= ADULT_AGE - 1:
            add(OVER18, match, 2)
        elif match.group(1) == "under" and bound <= ADULT_AGE:
            add(UNDER18, match, 2)
    for match in _DECADE.finditer(low):
        add(OVER18, match, 2)
    for match in _TWO_AGES.finditer(low):
        # "søstrene er 14 og 19", "to brødre på 12 og 20 år": one age each.
        for index in (1, 2):
            age = int(match.group(index))
            start, end = folded.span(match.start(index), match.end(index))
            if _group_for(age):
                found.append(AgeEvidence(_group_for(age), start, end, 3, age))
    if any("3" in m.group() for m in _GRADE_ALTERNATIVES.finditer(low)):
        return []
    for age, group, start, end, strength in english_hits(low):
        if group:
            found.append(AgeEvidence(group, *folded.span(start, end), strength, age))
    for match in _UNDER_WORDS.finditer(low):
        if _HAS_CHILDREN.search(low[max(0, match.start() - 30):match.start()]):
            continue  # "voksen kvinde, gift og har 3 børn": her children, not her age
        add(UNDER18, match, 1)
    for match in _OVER_WORDS.finditer(low):
        if _CHILD_OF_ADULT.match(low, match.end()) and match.group().endswith("s"):
            continue
        add(OVER18, match, 1)
    return [e for e in found if not _compared(folded, e.start) and not _ruled_out(folded, e.start)]


# "ikke storebroren på 22", "ikke hans storesøster på 20", "ikke på sprogskolen", "ikke om en voksen kursist": a
# person or a place the writer rules out is not the person the worry is about.
_RULED_OUT_BEFORE = re.compile(
    r"\b(?:ikke|ikk)\s+(?:(?:om|paa|fra|i)\s+)?(?:(?:hans|hendes|sin|sit|sine|den|det|en|et)\s+)?"
    r"(?:voksen\s+|unge?\s+)?(?:[a-z]*(?:broren|bror|soesteren|soester|datteren|soennen|barnet|kursist\w*|elev\w*|sprogskole\w*|"
    r"gymnasie\w*|skole\w*)|kursist\w*|elev\w*|sprogskole\w*|gymnasiet)\s+(?:paa\s+|i\s+)?$"
    r"|\b(?:ikke|ikk)\s+(?:om|paa|fra|i)\s+(?:(?:hans|hendes|sin|sit|sine|den|det|en|et)\s+)?(?:voksen\s+|unge?\s+)?$"
)


def _ruled_out(folded: Folded, start: int) -> bool:
    """True when the age at ``start`` belongs to someone or somewhere the writer has just ruled out."""
    at = bisect.bisect_left(folded.origin, start)
    return bool(_RULED_OUT_BEFORE.search(folded.text[max(0, at - 50):at]))


def _compared(folded: Folded, start: int) -> bool:
    """True when the age at ``start`` (original text) is a comparison ("som en 8-årig"), not the person's age."""
    at = bisect.bisect_left(folded.origin, start)
    return bool(_COMPARISON_BEFORE.search(folded.text[max(0, at - 40):at]))


# The writer corrects herself ("14, nej 15", "hun er 18. Rettelse: 17", "jeg tog fejl, hun går i 10. klasse"):
# the text after the last correction decides; "ved ikke" there leaves the age open.
_CORRECTION = re.compile(
    r"\b(?:nej(?:\s+vent)?|rettelse|undskyld|glem\s+det|jeg\s+tog\s+fejl|jeg\s+mente|mente\s+jeg|jeg\s+har\s+tjekket|(?:vi|jeg)\s+(?:troede|regnede\s+med|gik\s+ud\s+fra)\b[^.!?]{0,60}?\bmen)\b"
    r"[\s,:;.!\u2013-]*"
)
# "nej" and "undskyld" are everyday words ("siger nej til efterskole", "undskyld den lange besked"): they
# correct an age only right after one ("17, nej 18", "fyldte 18 i går, nej vent").
_WEAK_CORRECTION = re.compile(r"^(?:nej|undskyld)")
_AGE_JUST_BEFORE = re.compile(r"(?:\d|aar\w*|klasse|voksen|teenager|myndig|" + _ALL_WORDS + r")\b[^.!?]{0,12}$")
_UNKNOWN_AFTER_CORRECTION = re.compile(
    r"\b(?:ved\s+(?:det\s+)?ikke|aner\s+(?:det\s+)?ikke|kender\s+ikke\s+alderen|kan\s+ikke\s+se)\b"
)


def _shifted(evidence: AgeEvidence, offset: int) -> AgeEvidence:
    return AgeEvidence(evidence.group, evidence.start + offset, evidence.end + offset, evidence.strength, evidence.age)


def _corrected(text: str, today: date | None) -> tuple[bool, AgeEvidence | None]:
    """(True, the age) when a correction decides it; (False, None) when the whole text must be read."""
    folded = fold(text)
    last = None
    for match in _CORRECTION.finditer(folded.text):
        before = folded.text[max(0, match.start() - 25):match.start()]
        if not _WEAK_CORRECTION.match(match.group()) or _AGE_JUST_BEFORE.search(before):
            last = match
    if last is None:
        return False, None
    cut = folded.span(last.start(), last.end())[1]
    tail = text[cut:]
    if _UNKNOWN_AFTER_CORRECTION.search(fold(tail).text):
        return True, None
    found = _stated_age_group(tail, today) or _bare_age(tail) or _leading_age(tail)
    if found is None:
        return False, None
    return True, _shifted(found, cut)


_LEADING_AGE = re.compile(r"^\W*(\d{1,2}|" + _ALL_WORDS + r")\b(?!\s*(?:[.,:]\s*\d|" + NOT_AGE_UNITS + r"\b))")


def _leading_age(tail: str) -> AgeEvidence | None:
    """A number straight after the correction is the corrected age ("17 – undskyld, 18 i sidste måned")."""
    folded = fold(tail)
    match = _LEADING_AGE.match(folded.text)
    if not match:
        return None
    number = match.group(1)
    age = int(number) if number.isdigit() else NUMBER_WORDS[number]
    group = _group_for(age)
    if group is None:
        return None
    start, end = folded.span(match.start(1), match.end(1))
    return AgeEvidence(group, start, end, 3, age)


def detect_age_group(text: str, today: date | None = None) -> AgeEvidence | None:
    """The age group stated in ``text``, or ``None`` when absent or contradictory.

    ``today`` (default: the current date) turns a year of birth into an age. When
    the text gives several people's ages and says whom the worry is about ("det er
    datteren, jeg er bekymret for"), that person's age decides. A correction by the
    writer ("17, nej 18") decides over what it corrects.
    """
    decided, evidence = _corrected(text, today)
    if decided:
        return evidence
    return _stated_age_group(text, today)


def _stated_age_group(text: str, today: date | None = None) -> AgeEvidence | None:
    evidence = _evidence(text, today)
    if not evidence:
        return None
    if len({e.group for e in evidence}) > 1:
        if leaves_person_open(text):
            # Several people of both age groups and the writer does not know whom it is about: ask.
            return None
        focused = focus(text, evidence)
        if focused and len({e.group for e in focused}) == 1:
            evidence = focused
    best = max(e.strength for e in evidence)
    # A stated age ("15 år") outranks weaker cues; grades and words must all agree.
    considered = [e for e in evidence if e.strength == best] if best >= 3 else evidence
    if len({e.group for e in considered}) > 1:
        return None
    return max(considered, key=lambda e: e.strength)


# Words a short answer to "Hvor gammel er personen?" may misspell ("sekstn", "pensionsit").
_FUZZY_TARGETS = {
    **{w: _group_for(n) for w, n in NUMBER_WORDS.items() if n >= 10},
    "pensionist": OVER18, "myndig": OVER18, "voksen": OVER18, "mindreaarig": UNDER18, "umyndig": UNDER18,
    "boernehave": UNDER18, "vuggestue": UNDER18, "teenager": None,
}
_TEEN_AND_UP = [w for w, n in NUMBER_WORDS.items() if n >= 10]
_FUZZY_CUTOFF = 0.85  # "sekstn"/"seksten" 0.92, "pensionsit"/"pensionist" 0.9; "aften"/"atten" 0.8 stays out
_WORD = re.compile(r"[a-z]+")


def _fuzzy_short_answer(folded: str) -> tuple[str, re.Match] | None:
    """A misspelt age word in an answer of at most three words, when exactly one word is close."""
    words = list(_WORD.finditer(folded))
    if not 1 <= len(words) <= 3:
        return None
    hits = []
    for word in words:
        if word.group() in _FUZZY_TARGETS:
            hits.append((word.group(), word))  # an exact age word elsewhere must agree ("femtn eller tyve")
            continue
        if len(word.group()) < 5:
            continue
        close = difflib.get_close_matches(word.group(), list(_FUZZY_TARGETS), n=2, cutoff=_FUZZY_CUTOFF)
        if len(close) == 1 or (len(close) == 2 and _FUZZY_TARGETS[close[0]] == _FUZZY_TARGETS[close[1]]):
            hits.append((close[0], word))
    groups = {_FUZZY_TARGETS[target] for target, _ in hits}
    if len(hits) == 0 or len(groups) != 1 or None in groups:
        return None
    target, word = hits[0]
    return _FUZZY_TARGETS[target], word  # type: ignore[return-value]


def detect_bare_age(text: str) -> AgeEvidence | None:
    """A lone number such as "14" or "omkring 13 tror jeg" read as an age.

    A short answer with one misspelt age word ("sekstn") is read too: the form asked
    for the age, so a near miss is far more likely a typo than another word.
    """
    decided, evidence = _corrected(text, None)
    if decided:
        return evidence
    return _bare_age(text)


def _bare_age(text: str) -> AgeEvidence | None:
    folded = fold(text)
    infant = _BARE_INFANT.match(folded.text)
    if infant:
        start, end = folded.span(infant.start(), infant.end())
        return AgeEvidence(UNDER18, start, end, 0)
    english = english_bare(folded.text)
    if english:
        return AgeEvidence(english, 0, len(text), 0)
    soon = _SOON_18.search(folded.text)
    if soon and len(folded.text.split()) <= 6:
        start, end = folded.span(soon.start(), soon.end())
        return AgeEvidence(UNDER18, start, end, 0)  # "knap 18", "snart 18"
    match = _BARE_NUMBER.match(folded.text) or _AGE_THEN_CLAUSE.match(folded.text)
    if not match:
        fuzzy = _fuzzy_short_answer(folded.text)
        if fuzzy is None or _HEDGED_18.search(folded.text):
            return None
        group, word = fuzzy
        start, end = folded.span(word.start(), word.end())
        return AgeEvidence(group, start, end, 0)
    number = match.group(1)
    group = _group_for(int(number) if number.isdigit() else NUMBER_WORDS[number])
    if group is None or _HEDGED_18.search(folded.text):
        return None
    start, end = folded.span(match.start(1), match.end(1))
    return AgeEvidence(group, start, end, 0)
