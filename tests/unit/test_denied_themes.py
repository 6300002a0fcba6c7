"""Phrases that rule a concern type out are neutralised before intent classification; refusals are not."""

from __future__ import annotations

import pytest

from bot.nlu import denied_themes
from bot.nlu.denied_themes import TOKEN, mask_denied_themes
from bot.nlu.text import fold


def masked(text: str) -> str:
    return mask_denied_themes(fold(text).text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Det er ikke noget med vold, hun er bare ked af det.", "vold"),
        ("Han slår hende, men det er ikke noget med familien, det er kæresten.", "familien"),
        ("ik fordi hun skal giftes, hun må bare ikke gå til fest", "giftes"),
        ("Ingen i familien truer ham, det er en nabo, der følger efter ham.", "truer"),
        ("Far er ik muslim eller noget, han drikker bare.", "muslim"),
        ("Der er ikke noget bryllup på tale, hun vil bare flytte hjemmefra.", "bryllup"),
        ("De skal ikke ud og rejse i ferien, de bliver hjemme.", "rejse"),
        ("Der er ingen tvang om ægteskab; hun blev gift med den, hun ville.", "aegteskab"),
        ("Ingen tegn på, at han bliver presset til et ægteskab, men han bliver slået.", "aegteskab"),
        ("Vi var bekymrede for radikalisering, men det viste sig at være en skoleopgave. Han er trist.", "radikal"),
        ("Vi var bange for at hun skulle sendes ud af landet, men hun er kommet tilbage efter ferien.", "sendes"),
        ("Det handler ikke om, at hun skal giftes; brødrene truer hende, fordi hun har en kæreste.", "giftes"),
        ("Det er ikke et bryllup, familien vil. De vil have ham væk fra Danmark et år.", "bryllup"),
        ("Vi har udelukket tvangsægteskab, men forældrene tager hendes løn.", "tvangsaegteskab"),
        ("Hun er ikke forlovet, men brødrene har slået hende for at have en kæreste.", "forlovet"),
        ("Ikke ekstremisme: han blev overfaldet af nogle drenge fra skolen.", "ekstremisme"),
        ("Der er ikke nogen, der presser ham til at gifte sig, men onklen har truet ham.", "gifte"),
    ],
)
def test_a_denied_theme_word_is_not_seen_by_the_classifier(text, gone):
    result = masked(text)
    assert gone not in result
    assert TOKEN.strip() in result


@pytest.mark.parametrize(
    "text",
    [
        "Hun vil ikke giftes med ham, men forældrene har sagt ja på hendes vegne.",
        "Hun tør ikke rejse med til Pakistan i sommer.",
        "Han må ikke have en kæreste, og broren tjekker hans telefon.",
        "Ingen veninder må komme hjem til hende.",
        "Hun er ikke gift endnu, men nikah er aftalt til sommer.",
        "Det er ikke et ægteskab, hun selv ønsker, men forældrene presser på.",
    ],
)
def test_refusals_and_control_keep_their_words(text):
    assert masked(text) == fold(text).text


def test_a_broken_pattern_file_is_refused(tmp_path, monkeypatch):
    bad = tmp_path / "denied_themes.yml"
    bad.write_text("version: 1\nneg: '(?:ikke)'\ntheme: []\nfamily: ['familie']\npatterns: ['x']\n", encoding="utf-8")
    monkeypatch.setattr(denied_themes, "PATTERN_FILE", bad)
    denied_themes._patterns.cache_clear()
    try:
        with pytest.raises(ValueError, match="theme"):
            denied_themes._patterns()
    finally:
        denied_themes._patterns.cache_clear()


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # Another case told for comparison: its theme words are dropped, the present case keeps its words.
        ("Ikke som drengen der blev slået af sin onkel: denne pige på 12 må ikke gå ud efter skole.", "onkel", "maa ikke"),
        ("Vi havde en sag med en pige, der blev gift væk. Nu har en elev fået en ring af sin mormor.", "gift", "ring"),
        ("For to år siden havde en kollega en elev, der blev truet af sin bror. Her er det en far, der drikker.",
         "truet", "drikker"),
        ("Det minder mig om en sag i avisen om æresdrab. Hun må ikke gå til svømning.", "aeresdrab", "svoemning"),
        ("Ligesom i dokumentaren om unge fra Syrien: han deler videoer om hellig krig.", "syrien", "hellig"),
        ("Ligesom min kusine i sin tid skal hun forloves med en mand, hun aldrig har mødt.", "kusine", "forloves"),
        ("Vi havde en sag sidste år om en tvangsægteskab, men her er det broren, der tjekker hendes telefon.",
         "tvangsaegteskab", "broren"),
    ],
)
def test_another_case_told_for_comparison_is_not_seen_by_the_classifier(text, gone, kept):
    result = masked(text)
    assert gone not in result
    assert kept in result
    assert TOKEN.strip() not in result


@pytest.mark.parametrize(
    "text",
    [
        "Vi har en elev på 15, der bliver slået derhjemme.",
        "Jeg har en pige i klassen, der skal giftes i sommer.",
        "Han vil ikke som de andre drenge gå i moskeen.",
    ],
)
def test_the_present_case_told_with_har_keeps_its_words(text):
    assert masked(text) == fold(text).text
