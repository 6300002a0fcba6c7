"""The border conventions between concern types (bot/nlu/theme_precedence.yml) applied to a ranking."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.nlu.text import fold
from bot.nlu.theme_precedence import apply_precedence, load_rules

NAME, CONF = "name", "confidence"
NSK = "bekymring_negativ_social_kontrol"
HRV = "bekymring_aeresrelateret_vold"
TAE = "bekymring_tvangsaegteskab"
UDL = "bekymring_udlandsophold"
EKS = "bekymring_ekstremisme"
AO = "bekymring_andet_overgreb"
UKLAR = "bekymring_uklar"


def ranking(*pairs: tuple[str, float]) -> list[dict]:
    return [{NAME: name, CONF: confidence} for name, confidence in pairs]


def top(text: str, ranked: list[dict]) -> str:
    return apply_precedence(fold(text).text, ranked, NAME, CONF)[0][NAME]


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Control beside a stay abroad against her will: the stay abroad decides.
        ("Brødrene læser hendes beskeder, og nu siger forældrene, at hun ikke må komme tilbage fra Irak før til jul.",
         NSK, UDL, UDL),
        ("Han kom ikke hjem efter sommerferien, og hans mor siger, at han skal lære at opføre sig dernede.", AO, UDL, UDL),
        # Control or threats beside an engagement pressed on her: the marriage decides.
        ("Hun må ikke gå til fester, og nu skal hun forloves med en søn af fars ven efter eksamen.", NSK, TAE, TAE),
        ("Faren har truet ham, og familien har valgt en kone til ham i hjemlandet.", HRV, TAE, TAE),
        # A journey or a marriage as part of radicalisation: extremism decides.
        ("Han taler om at rejse ud og blive kriger for den sande tro og vil giftes dernede.", TAE, EKS, EKS),
        # Violence for the family's honour is honour-related violence.
        ("Hendes bror slog hende, fordi hun har bragt skam over familien ved at have en kæreste.", AO, HRV, HRV),
        # Control with talk of reputation, violence denied in so many words and named nowhere else: control.
        ("Hun må ikke gå til svømning længere, fordi naboerne snakker. Der har ikke været vold, siger hun.", HRV, NSK, NSK),
        # Violence where the writer rules honour out in so many words: other abuse.
        ("Stedfaren slår drengen, når han har drukket. Det har ikke noget med familiens ry at gøre.", HRV, AO, AO),
        # A question whether a limit is control, answered as fine by the person herself or with freedoms beside it.
        ("Er det kontrol, når en pige på 13 skal være hjemme til aftensmad? Hun siger selv, det er helt fint.", NSK, UKLAR, UKLAR),
        ("Faren er streng med skolearbejdet, men han må gerne gå til karate og tage med vennerne i biffen.", NSK, UKLAR, UKLAR),
        # Concrete signs of abuse or neglect are other abuse, not a vague worry.
        ("Babyen på fem måneder har haft brandsår to gange, og forældrene kan ikke forklare dem.", UKLAR, AO, AO),
        ("Hun siger, at træneren rører ved hende i omklædningsrummet, når de andre er gået.", UKLAR, AO, AO),
    ],
)
def test_the_deciding_theme_comes_first(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (UKLAR, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second",
    [
        # Ruled out, conditional or some day: the classifier's choice stands.
        ("Der er ikke tale om at hun skal giftes, men moren bestemmer alt om hendes tøj.", NSK, TAE),
        ("Hun skal ikke giftes, siger hun selv, men fætrene truer hende, fordi hun bor med sin kæreste.", HRV, TAE),
        ("De har sagt, at hun engang skal giftes, men nu handler det om at hun ikke må gå i klub.", NSK, TAE),
        ("Far slår hende, når han drikker. Det har intet med ære eller familiens ry at gøre.", AO, HRV),
        ("Vi frygtede at det var æresrelateret, men stedfaren slår, fordi han drikker.", AO, HRV),
        ("Hun er bange for at blive sendt ud af landet af myndighederne, hvis hun går fra sin voldelige mand.", AO, UDL),
        ("Far har sagt, at hun ikke må komme tilbage i skolen, efter de fandt hendes kæreste.", HRV, UDL),
        # Violence denied, but a threat named after it: the classifier's honour-related violence stands.
        ("Ingen vold endnu, men hendes bror siger, at han ved, hvor hun bor, og at familien skammer sig.", HRV, NSK),
        ("Han har ikke slået hende, men han har truet med at gøre det, hvis hun går til fest igen.", HRV, NSK),
        # "så familien ikke skal skamme sig" gives the motive; it does not rule honour out.
        ("Far slår ham med bæltet, så familien ikke skal skamme sig over ham.", HRV, AO),
        # Freedoms named only with a condition, or said to be fine while someone keeps watch: control stands.
        ("Hun må godt gå til håndbold, men kun hvis storebror sidder på lægterne hele tiden.", NSK, UKLAR),
        ("Han ringer hjem hver halve time og skal sende et billede af, hvor han er. Han siger selv, det er fint.", NSK, UKLAR),
        # The child is the one who hits, or the bruises come from sport: still a vague worry.
        ("Drengen på 4 slår de andre børn, efter at han har fået en lillebror. Er det bare jalousi?", UKLAR, AO),
        ("Hun har blå mærker på benene, men hun spiller fodbold og siger selv, de er fra kampene.", UKLAR, AO),
    ],
)
def test_a_denied_or_conditional_theme_does_not_move_the_ranking(text, first, second):
    assert top(text, ranking((first, 0.5), (second, 0.3), (UKLAR, 0.2))) == first


def test_a_rule_needs_a_trace_of_its_intent_in_the_ranking():
    text = "Hun må ikke gå til fester, og nu skal hun forloves med en søn af fars ven efter eksamen."
    assert top(text, ranking((NSK, 0.9), (UKLAR, 0.08), (TAE, 0.02))) == NSK


def test_a_rule_only_goes_over_the_types_it_names():
    # Sexual abuse beside a wedding plan: the tvangsaegteskab rule does not go over andet_overgreb.
    text = "Onklen har rørt hende på en måde hun ikke ville, og hun skal giftes med en fætter til sommer."
    assert top(text, ranking((AO, 0.5), (TAE, 0.4), (UKLAR, 0.1))) == AO


def test_confidences_are_swapped_and_the_ranking_stays_ordered():
    text = "Brødrene læser hendes beskeder, og nu siger forældrene, at hun ikke må komme tilbage fra Irak før til jul."
    ranked = apply_precedence(fold(text).text, ranking((NSK, 0.5), (HRV, 0.2), (UDL, 0.15), (UKLAR, 0.15)), NAME, CONF)
    assert [(r[NAME], r[CONF]) for r in ranked] == [(UDL, 0.5), (HRV, 0.2), (NSK, 0.15), (UKLAR, 0.15)]


def test_the_shipped_rules_load():
    assert len(load_rules()) == 54


@pytest.mark.parametrize(
    "body, message",
    [
        ("version: 2\nrules: []\n", "unsupported version"),
        ("version: 1\nrules: []\n", "no rules"),
        ("version: 1\nrules:\n- intent: inform_age\n  over: [bekymring_uklar]\n  min_confidence: 0.1\n  patterns: ['x']\n",
         "concern intent"),
        ("version: 1\nrules:\n- intent: bekymring_uklar\n  over: [bekymring_uklar]\n  min_confidence: 0.1\n  patterns: ['x']\n",
         "other concern intents"),
        ("version: 1\nrules:\n- intent: bekymring_uklar\n  over: [bekymring_ekstremisme]\n  min_confidence: 2\n  patterns: ['x']\n",
         "min_confidence"),
        ("version: 1\nrules:\n- intent: bekymring_uklar\n  over: [bekymring_ekstremisme]\n  min_confidence: 0.1\n  patterns: []\n",
         "patterns"),
        ("version: 1\nrules:\n- intent: bekymring_uklar\n  over: [bekymring_ekstremisme]\n  min_confidence: 0.1\n"
         "  patterns: ['<<nowhere>>']\n", "unknown fragment"),
        ("version: 1\nrules:\n- intent: bekymring_uklar\n  over: [bekymring_ekstremisme]\n  min_confidence: 0.1\n"
         "  patterns: ['x']\n  ignoring: ['y']\n", "'ignoring' without 'unless'"),
    ],
)
def test_a_broken_rule_file_is_refused(tmp_path: Path, body: str, message: str):
    path = tmp_path / "rules.yml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_rules(path)


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Twenty-third session, own wording. Family violence for the person's own partner or sexuality: honour.
        ("Hans storebror slog ham, fordi han var blevet set med en fyr i byen.", AO, HRV, HRV),
        ("Faren har truet hende, hvis hun ikke holder op med at se sin kæreste.", NSK, HRV, HRV),
        # Shame named as "skamfuldt" counts as honour.
        ("Mor straffede hende med bæltet, fordi det er skamfuldt at gå med kort nederdel.", AO, HRV, HRV),
        # Violence with a marriage ruled out in so many words: honour, not forced marriage.
        ("Der er ingen planer om ægteskab, men onklerne har slået hende, efter de så hende med en dreng.", TAE, HRV, HRV),
        # Concrete sexual abuse beside a limit at home: other abuse.
        ("Hun må ikke have telefonen om natten, det er fint nok, men en voksen i klubben har befølt hende.", NSK, AO, AO),
        # Honour named after a heading or in a later sentence still counts ("Pædagog: ... 'vanæret' ham").
        ("Sundhedsplejerske: mor fortæller, at manden slår hende. Han siger, at hun har vanæret ham.", AO, HRV, HRV),
        ("Storebror skubbede hende ind i væggen, fordi det er pinligt for familien, at hun går i byen.", AO, HRV, HRV),
        # The person's own wish, the same freedoms as her friends, or "many parents do that": too vague to place.
        ("Er det kontrol? Hun skal altid hjem kl. 15, men hun siger selv, at hun skal hente sin lillebror.", NSK, UKLAR, UKLAR),
        ("Familien er streng, men hun må det samme som veninderne og kan selv bestemme sit tøj.", NSK, UKLAR, UKLAR),
        # Concrete control in the person's own words: money taken, contact only with someone beside, always watched.
        ("Den ældre mand sagde: 'Min datter tager min pension, og jeg må ikke gå ud, uden at hun er med.'", UKLAR, NSK, NSK),
        ("Hun fortalte: 'Min mand og svigermor ved altid hvor jeg er.' Hun spørger om hjælp.", UKLAR, NSK, NSK),
        # Words from a terror group's propaganda beside shame at home: extremism.
        ("Drengen gentager IS-propaganda, og faren siger han skammer sig og har slået ham.", HRV, EKS, EKS),
    ],
)
def test_twenty_third_session_conventions(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (UKLAR, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second",
    [
        # Strangers who attack a gay boy are other abuse (hate crime without ideology), not honour.
        ("En gruppe ældre drenge tævede ham, fordi han er bøsse.", AO, HRV),
        # The ex-partner threatens her for a new boyfriend; the writer rules the family out.
        ("Hendes eks truer hende, fordi hun har fået en ny kæreste. Familien har intet med det at gøre.", AO, HRV),
        # "hvis hun ikke siger ja til brylluppet" is pressure towards a marriage, not a marriage ruled out.
        ("Brødrene har truet med at slå hende, hvis hun ikke siger ja til brylluppet.", TAE, HRV),
        # Her own shame about telling is not the family's honour.
        ("Manden på 40 fortæller, at hans kone slår ham, og at han skammer sig over at sige det.", AO, HRV),
        # Wanting to, but someone has said no: control stands.
        ("Hun skal i praktik, men hendes mand har sagt nej. Hun siger selv, at hun gerne vil.", NSK, UKLAR),
        ("Han siger selv, at han gerne vil med på turen, men at far ikke giver lov.", NSK, UKLAR),
        # A child who pushes the others: still a vague worry.
        ("Efter skilsmissen skubber drengen på 7 de andre børn. Det gjorde han ikke før.", UKLAR, AO),
        # A person with dementia who says someone takes her money: still unclear.
        ("Borgeren med demens siger, at nogen tager hendes penge fra skuffen.", UKLAR, NSK),
        # Addiction treatment ("misbrugsbehandling") beside control is no sign of sexual abuse.
        ("Kvinden i misbrugsbehandling fortæller, at familien har taget hendes hævekort.", NSK, AO),
        # Extremist talk beside control with violence denied: the control rule does not apply.
        ("Han ser radikale videoer, og familien bestemmer hans venner. Ingen vold.", HRV, NSK),
    ],
)
def test_twenty_third_session_look_alikes_keep_the_ranking(text, first, second):
    assert top(text, ranking((first, 0.5), (second, 0.3), (UKLAR, 0.2))) == first


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Twenty-fourth session (from opened rounds 68/69), own wording. Reputation talk, shame put on someone,
        # "skammen" and punishment for a boyfriend count as honour beside violence.
        ("Hun får bank af sin far, hvis hun ses med drenge, for så snakker hele byen.", UKLAR, HRV, HRV),
        ("Broren slog hende og sagde, at hun skammer familien.", AO, HRV, HRV),
        ("Mor slår hende med bøjlen og siger, hun skal tænke på hvad folk siger.", NSK, HRV, HRV),
        ("Far låste hende inde i en uge som straf for at have haft en dreng med hjem.", AO, HRV, HRV),
        # A stay abroad for an indefinite time, for years in a named country, or for good: stay abroad.
        ("Far har truet med at sende ham til Irak i tre år, hvis han ikke stopper med at ryge.", HRV, UDL, UDL),
        ("Han har sagt, at hun skal på en tur til hjemlandet på ubestemt tid.", NSK, UDL, UDL),
        ("Stedfar slog ham og sagde, at næste gang ryger han til Pakistan og kommer aldrig tilbage.", AO, UDL, UDL),
        # Promised away, told to pick one of the suitors, a marriage being agreed: forced marriage.
        ("Hun er lovet væk til en fætter, og familien tager hendes telefon.", NSK, TAE, TAE),
        ("Hver søndag kommer der mænd på besøg, og far siger, hun skal vælge en af dem.", NSK, TAE, TAE),
        ("Forældrene har mødtes med en familie for at tale om et giftermål for hende.", UKLAR, TAE, TAE),
        # Concrete sexual abuse or pornography shown beside a limit or a wrong guess at extremism: other abuse.
        ("Hun må ikke gå til svømning, men nu siger hun, at onklen befamler hende.", NSK, AO, AO),
        ("Drengen fortæller, at stedbror viser ham porno og siger, han skal gøre det samme.", EKS, AO, AO),
        # Neglect beside what the neighbours think: other abuse.
        ("Mor er optaget af hvad naboerne tænker, men drengen er sulten hver morgen og har lus.", NSK, AO, AO),
        # Concrete control over a vague worry: a relative at every visit, no phone of her own, a dropped activity.
        ("Svigerfar er med til alle samtaler, og hun har ikke selv en telefon.", UKLAR, NSK, NSK),
        ("Familien er blevet mere religiøs, og nu må han ikke længere gå til håndbold.", UKLAR, NSK, NSK),
        # A question about something ordinary, with no sign of harm: too vague to place.
        ("Er det bekymrende, at en 15-årig ikke må have Snapchat?", AO, UKLAR, UKLAR),
        # Strangers attack and the writer rules politics out: other abuse.
        ("En kørestolsbruger blev slået af nogle unge fyre ved stationen. Det var ikke en politisk gruppe.", EKS, AO, AO),
    ],
)
def test_twenty_fourth_session_conventions(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (UKLAR, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second",
    [
        # "ingen tvang til giftermål" rules the marriage out; violence with honour ruled out stays other abuse.
        ("Ingen tvang til giftermål, hun valgte ham selv, men brødrene truer dem begge.", HRV, TAE),
        # An extremist group that grooms online is extremism, not other abuse.
        ("Han er blevet groomet af en nazistisk gruppe på nettet, som sender ham opgaver.", EKS, AO),
        # Only "mor svarer for hende" and shyness: still a vague worry.
        ("Pigen siger ingenting, og mor svarer for hende. Måske er hun bare genert.", UKLAR, NSK),
        # A question with a sign of harm in it is not a vague worry.
        ("Er det bekymrende, at han har blå mærker på ryggen hver mandag?", AO, UKLAR),
        # Not allowed to go to parties: the ordinary limit is not the concrete-control pattern.
        ("Hun må ikke gå til fester om lørdagen, men ellers har hun det fint.", UKLAR, NSK),
    ],
)
def test_twenty_fourth_session_look_alikes_keep_the_ranking(text, first, second):
    assert top(text, ranking((first, 0.5), (second, 0.3), (UKLAR, 0.2))) == first


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Twenty-fourth session, second pass (open rounds 50/52/61, own wording).
        ("Hendes onkel slog hende i går; 'hvad vil naboerne tro', sagde han.", NSK, HRV, HRV),
        ("Storebror tog hende i kvælertag, fordi hun skriver med drenge på Snapchat.", AO, HRV, HRV),
        ("Borgeren har ikke selv sine penge; svogeren styrer det hele.", UKLAR, NSK, NSK),
        ("Kursisten siger, at hun ikke må tale med mig uden at svigermor er med.", UKLAR, NSK, NSK),
        ("Drengen på 11 må ikke være venner med piger, siger hans far.", UKLAR, NSK, NSK),
        ("Spædbarnet har ikke taget på i seks uger, og far virker ligeglad.", UKLAR, AO, AO),
        ("Faren har sagt ja på hendes vegne til en mand fra landsbyen.", UKLAR, TAE, TAE),
        ("Han skal bo hos farmor i Somalia fra sommerferien, og det vil han ikke.", NSK, UDL, UDL),
        ("Han siger, at politikerne skal straffes, og taler om sabotage mod et kraftværk.", UKLAR, EKS, EKS),
        ("Barnet fortæller, at hun får smæk, når hun tisser i sengen.", UKLAR, AO, AO),
    ],
)
def test_twenty_fourth_session_second_pass_conventions(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (UKLAR, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second",
    [
        # A party forbidden is the ordinary limit; "en frier" in a story read in class is not a case of control.
        ("Hun må ikke være med til fester, men hun har mange veninder og går til dans.", UKLAR, NSK),
        # Talking with boys as the reason, but the violence is the boyfriend's own and the family is not named.
        ("Kæresten slog hende, fordi hun snakker med drenge i klassen.", AO, HRV),
    ],
)
def test_twenty_fourth_session_second_pass_look_alikes(text, first, second):
    assert top(text, ranking((first, 0.5), (second, 0.3), (UKLAR, 0.2))) == first


def test_english_honour_counts_and_english_denial_rules_it_out():
    honour = "Teams: broren slog hende i går, some family honour thing. Hun er bange."
    denied = "Stedfar slog ham med et bælte. Nothing to do with honour, he just drinks."
    assert top(honour, ranking((AO, 0.5), (HRV, 0.3), (UKLAR, 0.2))) == HRV
    assert top(denied, ranking((HRV, 0.5), (AO, 0.3), (UKLAR, 0.2))) == AO


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Twenty-fourth session, third pass (stay abroad, own wording): sent, taken or "ryger" to a country or to
        # relatives abroad; left behind there; a child not returned; "hjem" in quotes; for good.
        ("Far siger, at han sender hende til sin farbror i Irak, hvis hun ikke dropper kæresten.", HRV, UDL, UDL),
        ("Mor har sagt, at hvis han bliver taget igen, så ryger han til Somalia.", NSK, UDL, UDL),
        ("Manden truer med at tage hende med til Pakistan og efterlade hende der.", AO, UDL, UDL),
        ("Faren har ikke sendt datteren retur efter sommeren hos ham i Tunesien.", AO, UDL, UDL),
        ("Storebror siger, at hun skal sendes 'hjem', hvis hun går i byen igen.", HRV, UDL, UDL),
        ("Hun har fået at vide, at hun skal flytte til Syrien for altid efter 9. klasse.", NSK, UDL, UDL),
    ],
)
def test_twenty_fourth_session_stay_abroad_conventions(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (UKLAR, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second",
    [
        # A holiday with grandmother, a video sent to the family, sent home from school ill.
        ("Hun sendes til sin mormor i Tyrkiet i sommerferien og glæder sig.", UKLAR, UDL),
        ("Drengene truer med at sende billedet til hendes familie, og brødrene har slået hende.", HRV, UDL),
        ("Han blev sendt hjem fra skolen med feber i går.", UKLAR, UDL),
    ],
)
def test_twenty_fourth_session_stay_abroad_look_alikes(text, first, second):
    assert top(text, ranking((first, 0.5), (second, 0.3), (UKLAR, 0.2))) == first


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # A wedding or engagement pressed on the person abroad is forced marriage, not a stay abroad.
        ("De skal til Pakistan i juli, og hun har hørt, at hun skal forloves dernede.", UDL, TAE, TAE),
        ("Forældrene har lovet hende væk til en fætter i Irak, og rejsen er i sommerferien.", UDL, TAE, TAE),
    ],
)
def test_twenty_fourth_session_marriage_abroad_is_forced_marriage(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (UKLAR, 0.2))) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Marriage ruled out, someone else's wedding, or a marriage only guessed at: the stay abroad stands.
        "Jeg spurgte, om det handlede om giftermål. Det gør det ikke, men hun skal blive hos farmor i Tyrkiet et år.",
        "Familien rejser til en kusines bryllup, og det er ikke hende, der skal giftes, men hun skal blive dernede.",
        "Han skal bo hos sin onkel i Irak i to år; måske taler de også om giftermål, vi ved det ikke.",
    ],
)
def test_twenty_fourth_session_stay_abroad_without_a_pressed_marriage_stays(text):
    assert top(text, ranking((UDL, 0.5), (TAE, 0.3), (UKLAR, 0.2))) == UDL


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Twenty-fifth session (rounds 70/71 opened, own wording).
        # Honour: gossip about her beside violence.
        ("Bror har slået hende, efter at nogen fra moskeen har sladret om hende.", AO, HRV, HRV),
        ("Far slår hende, når hun kommer sent hjem, for ellers tror folk, at de har mistet styr på hende.", AO, HRV, HRV),
        ("Storebror slår hende, og han siger, at folk i opgangen snakker om familien.", AO, HRV, HRV),
        # Honour ruled out in other words: "overvejet om det var æresrelateret, men det er det ikke", "ingen indikation".
        ("Vi har spurgt os selv, om det var æresrelateret, men det er det ikke. Kæresten slår hende.", HRV, AO, AO),
        ("Der er ingen indikation på, at det handler om familiens ry. Stedfar slår drengen.", HRV, AO, AO),
        # A marriage: "for at blive gift", threats until she says yes, a fiancé she did not choose.
        ("Han skal med til Irak i vinterferien for at blive gift, siger hans fætter.", UDL, TAE, TAE),
        ("Onklerne truer med at smide hende ud, hvis hun ikke siger ja til forlovelsen.", HRV, TAE, TAE),
        ("Hun skal flytte ind hos manden til jul. Hun har ikke selv valgt ham.", UDL, TAE, TAE),
        # A stay abroad: school in "his homeland", not knowing when she comes home.
        ("Faren vil have, at sønnen skal gå i skole i hans hjemland de næste to år.", NSK, UDL, UDL),
        ("Hun rejser på mandag, og hun ved ikke, hvornår hun kommer tilbage; det har hendes onkel bestemt.", NSK, UDL, UDL),
        # Extremism: to live under sharia, democracy called forbidden, a move to a war zone to live right.
        ("Han siger, at demokrati er haram, og at de skal flytte til et land med krig.", UDL, EKS, EKS),
        ("Hun har pakket en taske og vil rejse ud for at leve under sharia.", UDL, EKS, EKS),
        # A threat over a divorce with honour named and no marriage pressed: honour-related violence.
        ("Hun vil skilles, og svigerfamilien truer med at dræbe hende, fordi det er en skam for familien.", TAE, HRV, HRV),
        # A limit at home where a marriage is ruled out: control.
        ("Hun må ikke gå til svømning mere. Der er ikke tale om, at hun selv skal giftes.", TAE, NSK, NSK),
        # Neglect without a packed lunch or a coat: other abuse, not a vague worry.
        ("Drengen kommer uden madpakke hver dag og uden jakke, selv om det fryser.", UKLAR, AO, AO),
        # The person says she is fine with the limit: vague.
        ("Er det kontrol, at hun ikke må have TikTok? Hun siger, hun er okay med det.", NSK, UKLAR, UKLAR),
    ],
)
def test_twenty_fifth_session_conventions(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (UKLAR if second != UKLAR else AO, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second",
    [
        # ... and their look-alikes: a sister's chances to marry, a divorce from a forced marriage, a wedding with her
        # boyfriend, someone who does not know when the bus comes home.
        ("Hun er blevet slået, fordi hun ødelægger søsterens chancer for at blive gift.", HRV, TAE),
        ("Hun blev giftet bort mod sin vilje og vil skilles; familien truer hende, det er en skam.", TAE, HRV),
        ("De rejser til Tyrkiet for at blive gift med sin kæreste gennem tre år.", UDL, TAE),
    ],
)
def test_twenty_fifth_session_look_alikes(text, first, second):
    assert top(text, ranking((first, 0.5), (second, 0.3), (AO, 0.2))) == first


@pytest.mark.parametrize(
    "text",
    [
        # Violence by a boyfriend, an ex or a flatmate, or for a reason without honour (drink, a spill, a forgotten
        # chore, "ingen i familien blander sig"), with no word of honour or of her own love life: other abuse.
        "Hendes kæreste har slået hende flere gange, og han tager hendes telefon, når han er sur.",
        "Drengen fortæller, at far slår ham, når han har drukket.",
        "Mor slog hende med en grydeske, fordi hun havde glemt at gå ud med skraldet.",
        "Hun er blevet slået af sin tidligere partner. Ingen i familien blander sig, det er kun ham.",
    ],
)
def test_violence_without_honour_is_other_abuse(text):
    assert top(text, ranking((HRV, 0.5), (AO, 0.3), (NSK, 0.2))) == AO


@pytest.mark.parametrize(
    "text",
    [
        # ... but a husband's blows over whom she talks to, the ex's family "ruining their name", or a boyfriend
        # beaten for by her brothers stay honour-related.
        "Manden slår hende, når hun har talt med mandlige kolleger, fordi hans familie ellers snakker.",
        "Hendes eksmands familie truer hende, fordi skilsmissen 'ødelægger deres navn'.",
        "Brødrene har slået hende, fordi hun har en kæreste, og kæresten har slået igen.",
    ],
)
def test_violence_with_honour_or_family_norms_stays_honour_related(text):
    assert top(text, ranking((HRV, 0.5), (AO, 0.3), (NSK, 0.2))) == HRV


@pytest.mark.parametrize(
    "text",
    [
        # Concrete control with no sign of violence, sexual abuse, neglect or exploitation: control over other abuse.
        "Beboeren med udviklingshæmning må ikke have en kæreste, og familien har krævet, at vi holder dem adskilt.",
        "Hendes svoger sidder med til alle konsultationer og svarer for hende, når jeg spørger.",
        "Pigen på 9 bliver fulgt hjem af sine fætre hver dag og må ikke lege med drengene i SFO.",
    ],
)
def test_concrete_control_without_harm_is_control_not_other_abuse(text):
    assert top(text, ranking((AO, 0.5), (NSK, 0.3), (UKLAR, 0.2))) == NSK


@pytest.mark.parametrize(
    "text",
    [
        # ... but not beside fractures, an employer who keeps her wages, or neglect.
        "Hun har haft tre brud på et år, og manden svarer for hende hos lægen.",
        "Hun må ikke gå ud alene, og arbejdsgiveren beholder hendes løn.",
        "Den ældre mand er afmagret, og sønnen svarer for ham, når hjemmeplejen spørger.",
    ],
)
def test_control_beside_harm_stays_other_abuse(text):
    assert top(text, ranking((AO, 0.5), (NSK, 0.3), (UKLAR, 0.2))) == AO


@pytest.mark.parametrize(
    "text",
    [
        # Control in other words: no friends outside the family, nothing after school, "må ingenting", never a
        # sleepover, a husband who sits outside all day or always has to be there.
        "Hun fortæller, at hun ikke må have venner uden for familien.",
        "Drengen på 12 må ikke være med til noget efter skole, heller ikke fodbold.",
        "Kursistens svoger venter uden for klassen hele dagen.",
        "Hun skrev bagefter: min mand vil altid være med, når jeg har møder.",
    ],
)
def test_twenty_fifth_session_control_in_other_words(text):
    assert top(text, ranking((UKLAR, 0.5), (NSK, 0.3), (AO, 0.2))) == NSK


@pytest.mark.parametrize(
    "text, expected",
    [
        # One rule with everything else allowed is too vague to place; reading her diary is control.
        ("Hun må ikke gå til fredagsbar, men ellers deltager hun i alt på skolen.", UKLAR),
        ("Han må ikke spise med til klassens julefrokost på grund af maden. Han må gerne alt andet.", UKLAR),
        ("Hun må gerne gå til spejder. Mor læser hendes dagbog hver aften.", NSK),
    ],
)
def test_one_rule_with_everything_else_allowed_is_vague(text, expected):
    assert top(text, ranking((NSK, 0.5), (UKLAR, 0.3), (AO, 0.2))) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Concrete signs of abuse or neglect in other words: fractures, a baby who does not gain weight, pressure sores,
        # medicine not given, tied to the bed, shaken, a "secret game"; but not an injury with a fitting accident or a
        # parents' break-up ("forældrenes brud").
        ("Den lille på 4 måneder tager ikke på, og forældrene kommer ikke til vejningerne.", AO),
        ("Drengen i kørestol har tryksår og får ikke sin medicin om morgenen.", AO),
        ("Hun siger, at onkel og hun har en hemmelig leg, som hun ikke må fortælle om.", AO),
        ("Han har brækket armen efter et fald fra klatrestativet, og forklaringen passer fint.", UKLAR),
        ("Efter forældrenes brud græder hun meget i skolen.", UKLAR),
    ],
)
def test_concrete_signs_of_abuse_in_other_words(text, expected):
    assert top(text, ranking((UKLAR, 0.5), (AO, 0.3), (NSK, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Honour and violence each in a clause without a negation, though an earlier clause has one.
        ("Hun må ikke have telefon, og da hun kom hjem for sent, slog far hende og sagde, at hun gjorde familien til grin.",
         NSK, HRV, HRV),
        # ... but honour denied in other words: "intet med, hvad andre tænker", "men hun siger nej", first believed and
        # then explained otherwise, "intet der tyder på ... omdømme": the honour rule stays out.
        ("Mor slår ham med en bøjle som straf. Det har intet at gøre med, hvad andre tænker, siger han.", AO, HRV, AO),
        ("Hendes bror slår hende. Jeg spurgte, om det handlede om ære, men hun siger nej.", AO, HRV, AO),
        ("Vi mente først, at det var af æresgrunde, men det var fordi hun er syg. Nu slår mor hende.", AO, HRV, AO),
        ("Far slår ham som straf. Der er intet, der tyder på, at det handler om familiens omdømme.", AO, HRV, AO),
    ],
)
def test_twenty_fifth_session_honour_in_clauses_and_denied_in_other_words(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (UKLAR, 0.2))) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A limit set for what people will say, with no violence, threat, locking up, punishment or fear: control.
        ("Far har meldt hende ud af svømning, fordi folk i opgangen snakker om hendes badedragt.", NSK),
        ("Familien forbyder ham at ses med sin veninde, for hvad vil slægten sige.", NSK),
        # ... but a veiled threat, a mark or house arrest keeps it honour-related.
        ("Hun er meldt ud af dans, og onklen siger, at han nok skal sørge for det, hvis folk snakker igen.", HRV),
        ("Han må ikke gå i skole, før mærket i ansigtet er væk; familien skammer sig over ham.", HRV),
        ("Hun har fået husarrest i en måned og må kun gå i skole, fordi nogen sladrede om hende.", HRV),
    ],
)
def test_twenty_fifth_session_a_limit_for_reputation_without_violence_is_control(text, expected):
    assert top(text, ranking((HRV, 0.5), (NSK, 0.3), (AO, 0.2))) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A limit beside someone else's wedding, an engagement she chose, or a marriage ruled out in other words: control.
        ("Hun skal til sin kusines bryllup i ferien, men ellers må hun aldrig gå ud om aftenen.", NSK),
        ("Hun er forlovet med en mand, hun selv har valgt, men til brylluppet må hun ikke se sine veninder.", NSK),
        ("Familien siger nej til kollegiet. Der er ikke sagt noget om giftermål.", NSK),
        # ... but not a marriage she did not choose.
        ("Hun må ikke gå til dimission, for hun skal hjem og giftes med en, det er ikke noget hun selv har valgt.", TAE),
    ],
)
def test_twenty_fifth_session_a_limit_beside_a_wedding_that_is_not_pressed_is_control(text, expected):
    assert top(text, ranking((TAE, 0.5), (NSK, 0.3), (AO, 0.2))) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # An ordinary trip with its return said is not a stay abroad: vague on its own, control beside a limit at home.
        ("De skal til Tyrkiet i tre uger som hvert år, og returbilletterne er købt. Hun virker lidt stille.", UKLAR),
        ("Familien er kommet hjem fra en almindelig ferie i Irak. Mor siger, at hun er bekymret for sønnen.", UKLAR),
        ("Vi skal til Marokko i en uge, returbillet er købt. Men far har sat kode på min telefon og tjekker den.", NSK),
        # ... but not a trip without return, a school year away, or "ikke en almindelig ferie".
        ("Ikke en almindelig ferie: et helt skoleår hos farmor, og hun vil ikke.", UDL),
        ("Returbilletten er annulleret, skriver han fra sin onkels hus.", UDL),
    ],
)
def test_twenty_fifth_session_an_ordinary_trip_is_not_a_stay_abroad(text, expected):
    assert top(text, ranking((UDL, 0.5), (UKLAR, 0.3), (NSK, 0.2))) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A threat to life or violence over a partner she chose or a divorce, with a new marriage ruled out in other
        # words: honour-related violence, not forced marriage.
        "Brødrene siger, at hun ikke overlever det, hvis hun bliver hos ham. Ingen presser hende til at gifte sig med en anden.",
        "Hun er gift med ham efter eget valg, og hendes fætre har truet hende på livet.",
        "De har valgt hinanden og flyttet sammen, og nu siger hendes onkel, at han vil tage sig af hende.",
    ],
)
def test_twenty_fifth_session_threats_over_a_chosen_partner_are_honour_violence(text):
    assert top(text, ranking((TAE, 0.5), (HRV, 0.3), (NSK, 0.2))) == HRV


@pytest.mark.parametrize(
    "text, expected",
    [
        # A veiled threat to life from the family to enforce a rule is honour-related violence, not control (found in
        # the twenty-fifth session's `make run` check); a partner's threat is not moved.
        ("Far har skrevet til hende: hvis hun ikke er hjemme kl. 15 i dag, så findes hun ikke mere.", HRV),
        ("Brødrene siger, at hun ikke overlever det, hvis hun bliver ved med at gå til fester.", HRV),
        ("Kæresten har truet hende og siger, at hun ikke overlever det, hvis hun går.", NSK),
    ],
)
def test_a_veiled_family_threat_to_life_is_more_than_control(text, expected):
    assert top(text, ranking((NSK, 0.5), (HRV, 0.3), (UKLAR, 0.2))) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Rounds 72/73 (opened in the twenty-sixth session), in own wording: going to someone else's wedding in the
        # family and glad about it is vague, not forced marriage; her own wedding or any pressure keeps it.
        ("Han skal med til en fætters bryllup i familien i påsken og glæder sig meget.", UKLAR),
        ("Hun skal til et bryllup i familien til sommer og virker glad for det, men familien presser hende.", TAE),
        ("Hun skal til et bryllup i familien til sommer og virker glad for det, men det er hendes eget.", TAE),
    ],
)
def test_twenty_sixth_session_glad_to_go_to_a_family_wedding_is_vague(text, expected):
    assert top(text, ranking((TAE, 0.5), (UKLAR, 0.3), (NSK, 0.2))) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Money or MitID held beside someone else's wedding is control, not forced marriage; "komet" (a typo) home late
        # from a holiday is a stay abroad.
        ("Manden styrer hele hendes økonomi, og de skal til hans søsters bryllup i Tyrkiet til sommer.", NSK),
        ("Svigermor har hendes MitID, og de skal til en kusines bryllup i udlandet.", NSK),
    ],
)
def test_twenty_sixth_session_money_held_beside_someone_elses_wedding_is_control(text, expected):
    assert top(text, ranking((TAE, 0.5), (NSK, 0.3), (UKLAR, 0.2))) == expected


def test_not_come_home_after_the_holiday_with_a_typo_is_a_stay_abroad():
    assert top("hun er ikke komet hjem efter sommerferien", ranking((UKLAR, 0.5), (UDL, 0.3), (NSK, 0.2))) == UDL


def test_a_father_who_would_rather_see_her_dead_than_divorced_is_honour_violence():
    text = "Hun vil skilles, og hendes far siger, at han hellere vil se hende død end fraskilt."
    assert top(text, ranking((TAE, 0.5), (HRV, 0.3), (NSK, 0.2))) == HRV


def test_never_allowed_to_meet_a_partner_is_control_not_other_abuse():
    text = "Beboeren med udviklingshæmning får aldrig lov at se sin kæreste, familien synes det er flovt."
    assert top(text, ranking((AO, 0.5), (NSK, 0.3), (UKLAR, 0.2))) == NSK


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Twenty-seventh session (rounds 74/75 opened, own wording).
        # An assault by a group where religion, politics or a movement is ruled out: other abuse.
        ("Tre unge mænd overfaldt en kørestolsbruger på stationen. Vi har ingen tegn på, at de hører til nogen "
         "bevægelse.", EKS, AO, AO),
        ("Det handler ikke om religion. Nogle drenge har slået en hjemløs og filmet det.", EKS, AO, AO),
        # Forced sex is other abuse, also when a group did it.
        ("En 14-årig er blevet presset til sex af nogle ældre drenge fra klubben.", EKS, AO, AO),
        # A journey to a war zone to fight, or explosives asked about: extremism.
        ("Hans fætter er taget til en krigszone for at kæmpe, og nu vil han selv af sted.", NSK, EKS, EKS),
        ("Eleven har spurgt, hvordan man laver sprængstof, og det virkede ikke som sjov.", UKLAR, EKS, EKS),
        # Promised away, or the family looking for a husband or a wife for the person: forced marriage.
        ("Moren fortæller, at datteren på 13 er lovet bort til en fætter i Pakistan.", UDL, TAE, TAE),
        ("Hun må ikke have sin egen telefon, og forældrene er begyndt at finde en mand til hende.", NSK, TAE, TAE),
        ("Hans forældre har fundet en kone til ham, og han siger, at han ikke kan sige nej.", AO, TAE, TAE),
        # A threatened long stay with relatives abroad: a stay abroad, not control.
        ("Faren truer med, at hun skal på et længere ophold hos sin faster i Irak, hvis hun ikke makker ret.",
         NSK, UDL, UDL),
        # An ordinary holiday, back as planned, during which she was hit for the family's honour: honour violence.
        ("Familien var på almindelig sommerferie i Tyrkiet og kom hjem som planlagt, men onklen slog hende dernede "
         "på grund af rygter om en kæreste.", UDL, HRV, HRV),
        # Her own marriage long past, and the children now run her money and decide her trips: control.
        ("Borgeren blev gift for mange år siden. Efter mandens død har sønnen overtaget hendes økonomi og bestemmer, "
         "om hun må besøge sin søster.", TAE, NSK, NSK),
        # Blows "pga skam" or over a headscarf, from the family: honour violence.
        ("Storebror slår hende pga skam, siger pigen.", AO, HRV, HRV),
        ("Hun bliver slået af sin far, når hun tager tørklædet af i skolen.", NSK, HRV, HRV),
        # A divorce, a new marriage ruled out, and her things smashed by her brothers: honour violence.
        ("Hun vil skilles. Der er ingen planer om et nyt ægteskab, men brødrene har smadret hendes telefon og "
         "siger, hun skal holde sig væk.", TAE, HRV, HRV),
        # A toddler who weighs too little: neglect, not a vague worry.
        ("Den lille på to år vejer for lidt og virker trist, og forældrene aflyser alle aftaler.", UKLAR, AO, AO),
    ],
)
def test_twenty_seventh_session_conventions(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (UKLAR if second != UKLAR else AO, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second",
    [
        # ... and their look-alikes: a stranger hitting a woman in a headscarf, a marriage search that was dropped,
        # an aid worker in a conflict zone, a chair smashed in class.
        ("En kvinde med tørklæde blev slået af en fremmed mand i toget.", AO, HRV),
        ("Familien talte engang om at finde en mand til hende, men det er droppet nu. Far slår hende, når hun kommer "
         "sent hjem.", HRV, TAE),
        ("Hun rejser til en konfliktzone med Røde Kors som sygeplejerske.", UKLAR, EKS),
        ("Han har smadret en stol i klassen og råber ad lærerne.", UKLAR, AO),
    ],
)
def test_twenty_seventh_session_look_alikes(text, first, second):
    assert top(text, ranking((first, 0.5), (second, 0.3), (NSK if NSK not in (first, second) else AO, 0.2))) == first


def test_an_ordinary_holiday_without_violence_is_not_honour_violence():
    text = "Familien var på almindelig sommerferie i Marokko og kom hjem som planlagt."
    assert top(text, ranking((UDL, 0.5), (HRV, 0.3), (NSK, 0.2))) != HRV


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Twenty-seventh session, from the young people's chat development set (own wording): someone else's wedding
        # named by whose it is, the young person's own partner hitting, a computer taken as the limit.
        ("Hun skal til sin fætters bryllup i Irak i efterårsferien, en uge.", TAE, UKLAR, UKLAR),
        ("«min kæreste slår mig når han er sur» skriver en dreng på 17", HRV, AO, AO),
        ("Far har taget hans pc, fordi han skrev med en pige, det passer sig ikke i deres familie.", HRV, NSK, NSK),
    ],
)
def test_twenty_seventh_session_chat_register_conventions(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (EKS, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second",
    [
        # ... and what keeps the ranking: her own engagement beside a cousin's wedding, a breakup ("slog op"), a figure
        # of speech over an exam, a return ticket missing for her.
        ("Hun skal til sin kusines bryllup, men nu presser familien hende til selv at blive forlovet.", TAE, UKLAR),
        ("Hun har været ked af det, siden kæresten slog op med hende over snap.", UKLAR, AO),
        ("«mine forældre slår mig ihjel hvis jeg dumper eksamen» siger hun", UKLAR, AO),
        ("Familien skal på sommerferie, men der mangler en returbillet til hende.", UDL, UKLAR),
    ],
)
def test_twenty_seventh_session_chat_register_look_alikes(text, first, second):
    assert top(text, ranking((first, 0.5), (second, 0.3), (EKS, 0.2))) == first


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Twenty-eighth session (rounds 78/79 opened, own wording).
        # The family demands a marriage, the person refuses the spouse they chose, or must accept "the girl from the
        # village": forced marriage, also with threats or control beside it.
        ("Hans far forlanger, at han gifter sig med en kvinde fra familien inden sommer, og brødrene følger ham.",
         NSK, TAE, TAE),
        ("Hun er blevet truet af sin bror, fordi hun nægter at gifte sig med en fætter.", HRV, TAE, TAE),
        ("Han siger, at han bliver slået, hvis han ikke accepterer kvinden fra landsbyen.", HRV, TAE, TAE),
        ("De har truet hende, siden hun sagde nej til den mand, som forældrene har udvalgt.", HRV, TAE, TAE),
        # "ordner hende" is a threat, "ødelagt familiens ry" is honour; hidden from the local community is honour too.
        ("Fætteren skriver, at han ordner hende, og siger, at hun har ødelagt familiens ry.", NSK, HRV, HRV),
        ("Brødrene slår ham, så ingen i moskeen finder ud af, at han drikker.", AO, HRV, HRV),
        # Not back when due, or registered as emigrated against her will: a stay abroad.
        ("Hun rejste med familien i juni og skulle have været tilbage efter sommerferien. Mobilen er slukket.",
         UKLAR, UDL, UDL),
        ("Pigen er meldt ud af folkeregistret, men hun ville ikke af sted, siger hendes veninde.", AO, UDL, UDL),
        # A single bruise on a baby is a concrete sign: other abuse, not a vague worry.
        ("Spædbarnet har et blåt mærke på armen, og mor kan ikke forklare det.", UKLAR, AO, AO),
        # Control ruled out in so many words beside a vague remark: too vague to place.
        ("Ingen tegn på social kontrol, men hun siger tit, at hendes far bestemmer.", NSK, UKLAR, UKLAR),
        # Passwords demanded beside a family wedding she looks forward to: control.
        ("Hans onkel vil have hans koder. Familien skal til et bryllup i Marokko, og det glæder han sig til.",
         TAE, NSK, NSK),
        # A journey to Syria talked about in an association: extremism.
        ("Han går i en forening, hvor de har snakket om at rejse til Syrien, og han sparer op.", UDL, EKS, EKS),
    ],
)
def test_twenty_eighth_session_conventions(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (UKLAR if second != UKLAR else AO, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second",
    [
        # ... and their look-alikes keep the ranking: a bruise with a plausible explanation, a boy due home at four
        # (a curfew), a family trip to Syria talked about with no group, a wedding she does not look forward to.
        ("Et blåt mærke på låret, hun siger hun faldt, og det lyder plausibelt.", UKLAR, AO),
        ("Han skulle have været hjemme klokken fire og fik skældud.", UKLAR, UDL),
        ("Familien har talt om at rejse til Syrien for at besøge farmor.", UDL, EKS),
        ("Hendes far vil have hendes koder. Familien skal til et bryllup i Marokko, og hun er bange.", TAE, NSK),
    ],
)
def test_twenty_eighth_session_look_alikes(text, first, second):
    assert top(text, ranking((first, 0.5), (second, 0.3), (EKS if EKS not in (first, second) else AO, 0.2))) == first


@pytest.mark.parametrize(
    "text, first, expected",
    [
        # A convention still applies when the writer puts its words in scare quotes (own wording).
        ("Han siger, at politikerne «skal straffes», og han er med i en gruppe online.", UKLAR, EKS),
        ("Han har en liste med 'dem der har fortjent det' i sin telefon.", UKLAR, EKS),
        ("Moren siger, at datteren skal \"sendes ned\" til familien i Somalia, hvis hun ikke makker ret.", NSK, UDL),
    ],
)
def test_a_convention_reads_through_scare_quotes(text, first, expected):
    assert top(text, ranking((first, 0.5), (expected, 0.3), (AO, 0.2))) == expected


def test_an_exception_in_scare_quotes_still_holds():
    # The forced-marriage rule's exception ("det er ikke hende, der skal giftes") counts inside quotes too.
    text = "Hun siger 'det er ikke mig, der skal giftes', det er hendes kusine."
    assert top(text, ranking((NSK, 0.5), (TAE, 0.3), (AO, 0.2))) == NSK


@pytest.mark.parametrize(
    "text, first, expected",
    [
        # Open round 50's hinting style (own wording): too free with other men or too much among Danes is an honour
        # motive; wounds on the hands and "she will feel it" are violence and threat.
        ("Svigerfamilien siger, hun er alt for fri med andre mænd, og manden har slået hende.", AO, HRV),
        ("Hun har et blåt øje. Hendes bror siger, det er fordi hun er for meget sammen med danskerne.", AO, HRV),
        ("Faren siger, at hun har bragt skam over familien, og nu har hun sår på armen.", AO, HRV),
        ("Onklen siger, folk snakker om hende, og at hun skal få det at mærke.", NSK, HRV),
    ],
)
def test_hinted_honour_motives_and_harms(text, first, expected):
    assert top(text, ranking((first, 0.5), (expected, 0.3), (UKLAR, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Twenty-eighth session (own wording). A feeling the writer hedges, or whose concrete signs she denies, is vague.
        ("Bare en fornemmelse: drengen bliver helt stille, når hans mor kommer. Vi har ikke set mærker.", AO, UKLAR, UKLAR),
        ("Overreagerer jeg? Ingen vold eller trusler, men hun virker nervøs om fredagen.", AO, UKLAR, UKLAR),
        # ... but a concrete sign beside the hedge is other abuse.
        ("Det er nok ingenting, men han siger, at stedfaren rører ham, når mor er på arbejde.", AO, UKLAR, AO),
        ("Jeg er i tvivl, men den lille på 8 måneder bliver ikke taget op og ligger våd hele dagen.", AO, UKLAR, AO),
        # The writer's own word is no motive: "æresrelateret?" beside a stepfather's blows for drinking is other abuse.
        ("Æresrelateret? Stedfaren slår hende, når han har drukket. Der er ikke talt om familiens ry.", AO, HRV, AO),
        # ... while a decent-girl rule, even said with a negation, is an honour motive.
        ("Hun får tæsk, når hun ikke opfører sig som en ordentlig pige, siger hun.", AO, HRV, HRV),
        # "genopdragelsesrejse?" with a return ticket is no stay abroad; sabotage ruled out is no extremism.
        ("Genopdragelsesrejse? De skal til Pakistan i tre uger, og returbilletten er købt.", UKLAR, UDL, UKLAR),
        ("Han går til klimademonstrationer, men har aldrig talt om sabotage eller vold.", UKLAR, EKS, UKLAR),
        # A spouse the family found, whom she has said yes to herself and looks forward to marrying, is vague.
        ("Hun glæder sig til brylluppet. Forældrene har fundet en mand til hende, og hun har selv sagt ja.", UKLAR, TAE, UKLAR),
    ],
)
def test_twenty_eighth_session_loose_words_and_hedges(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (NSK, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Twenty-eighth session, from the calendar development set (own wording): going to "brylluppet" of a relative and
        # glad is vague; a mark on the cheek of a baby is a concrete sign; a return ticket not bought is no ordinary trip.
        ("Hun skal med til brylluppet i Tyrkiet til sommer, det er hendes fætter der skal giftes. Hun glæder sig.",
         TAE, UKLAR, UKLAR),
        ("Babyen har et mærke på kinden, og forældrene kan ikke forklare det.", UKLAR, AO, AO),
        ("De skal på ferie til sommer, men der er ikke købt returbillet til hende.", UDL, UKLAR, UDL),
    ],
)
def test_twenty_eighth_session_calendar_conventions(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (NSK, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Twenty-ninth session, kinds from rounds 80 and 81 (own wording). The writer only asking "genopdragelsesrejse?"
        # is no stay abroad: a trip that comes home again beside a limit is control, and a yearly holiday looked forward
        # to is vague.
        ("Er det en genopdragelsesrejse? De tager til Irak i påsken og kommer hjem igen, men hun må ikke have sin "
         "telefon med.", UDL, NSK, NSK),
        ("Genopdragelsesrejse? De skal på sommerferie i Marokko som hvert år, og hun glæder sig.", UDL, UKLAR, UKLAR),
        ("De rejser til Somalia i fem uger, så han kan lære sproget. Forældrene virker glade for det.", UDL, UKLAR, UKLAR),
        # A threat for a partner she chose, or for a divorce that shames the in-laws, with no new marriage: honour.
        ("Hendes morbror har sagt, at hun bliver slået ihjel, hvis hun gifter sig med drengen, som hun selv har valgt.",
         TAE, HRV, HRV),
        ("Hun vil skilles, og svigerfamilien siger, hun 'skal betale' for den skam hun bringer dem. Hun skal ikke giftes "
         "igen.", TAE, HRV, HRV),
        # Locked in for rumours, with a stay abroad ruled out: honour, not a stay abroad.
        ("Far har låst hende inde to gange, fordi der går rygter om hende. Der er ikke tale om at sende hende ud af landet.",
         UDL, HRV, HRV),
        # Kept abroad after a relative's wedding: the stay decides.
        ("Hun skal blive i Irak efter sin søsters bryllup, og hun vil ikke.", TAE, UDL, UDL),
        # A marriage chosen freely and a husband who hits: other abuse; a young teenager with an adult partner: other abuse.
        ("Tvangsægteskab? Nej, hun er gift af egen fri vilje, men manden slår hende, når han er stresset.", TAE, AO, AO),
        ("Hun er 13, og kæresten er 22. Hun siger selv, hun vil være sammen med ham.", NSK, AO, AO),
        # Liked by the person herself, no sign of pressure, "not treated badly": vague.
        ("Social kontrol? Han kommer altid hjem efter træning, men siger selv, at han kan lide det.", NSK, UKLAR, UKLAR),
        ("Ingen tegn på pres, men hun siger, hun skal hjælpe til derhjemme hele julen.", NSK, UKLAR, UKLAR),
        ("Han er 82 og ensom, men siger, at han ikke bliver dårligt behandlet af sin søn.", AO, UKLAR, UKLAR),
        # Calls to attack a group: extremism, even beside control.
        ("Han må ikke gå til fester, men det værste er, at han deler opfordringer til at angribe politiet.", NSK, EKS, EKS),
        # ... and look-alikes keep the classifier's type: two teenagers, a trip with no return said, real pressure.
        ("Hun er 13 og får gaver af nogle ældre mænd, hun møder til fester.", TAE, AO, AO),
        ("Hun er 15, og kæresten er 16. Forældrene har forbudt hende at se ham.", NSK, AO, NSK),
        ("Han hænger ud med nogle ældre drenge efter skole. Han er 14, og jeg har en dårlig mavefornemmelse.", UKLAR, AO, UKLAR),
        ("Genopdragelsesrejse? De skal til Somalia, og hun ved ikke, hvornår hun kommer hjem.", UDL, UKLAR, UDL),
        ("Ingen tegn på vold, men hun må ikke have venner uden for familien.", NSK, UKLAR, NSK),
    ],
)
def test_twenty_ninth_session_conventions_from_rounds_80_and_81(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (AO if AO not in (first, second) else NSK, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Twenty-ninth session, from the blind question and digital development sets (own wording).
        ("Hun må ikke have veninder med hjem, og far siger, at hun skal have sin fætter, når hun bliver 18.", NSK, TAE, TAE),
        ("Han har ikke været i skole siden efterårsferien, hvor de var i Tyrkiet, og familien svarer ikke.", UKLAR, UDL, UDL),
        ("Hun har en returbillet til om et halvt år og vil ikke af sted.", UKLAR, UDL, UDL),
        ("Er det udlandsophold? Han skal på ferie i Gambia i tre uger.", UDL, UKLAR, UKLAR),
        ("En træner har skrevet beskeder til en pige på 12 om hendes krop.", EKS, AO, AO),
        ("Far slår ham med en sko, fordi han skader familiens omdømme med sin opførsel.", AO, HRV, HRV),
        # ... and look-alikes: a cousin who has to come along, a holiday without force that never ended.
        ("Hun skal have sin kusine med til alle møder, siger manden.", NSK, TAE, NSK),
    ],
)
def test_twenty_ninth_session_conventions_from_the_question_and_digital_sets(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (AO if AO not in (first, second) else NSK, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Thirtieth session, kinds from rounds 82 and 83 (own wording). Shaming the family named beside a threat or a
        # punishment: honour.
        ("Moren siger, datteren skal lære hvad det koster at gøre familien til skamme.", AO, HRV, HRV),
        ("Han blev slået og sat i kælderen i nat. Far siger, at han gør dem til skam.", NSK, HRV, HRV),
        # An assault by a cousin over a sister's boyfriend is violence, even if he is "not threatened any more".
        ("Han blev overfaldet af sine fætre, fordi hans søster er set med en dreng. Han er ikke truet længere.", HRV, NSK,
         HRV),
        # A knife shown because she wants a divorce, with the family rule that no woman divorces: honour.
        ("Hun vil skilles. Svogeren har vist hende en kniv og siger, at ingen kvinde i vores familie bliver skilt.", TAE,
         HRV, HRV),
        # Threats beside limits at home, with a marriage ruled out: honour, not control.
        ("Hun må ikke gå i byen, og hendes bror har truet med at skære hende. Der er ingen planer om ægteskab.", NSK,
         HRV, HRV),
        # Presented to a possible groom, or "skal forlovs": forced marriage.
        ("Hun skal vises frem for en mulig brudgom på lørdag, og hun må ikke gå til håndbold mere.", NSK, TAE, TAE),
        ("Han siger, han skal forlovs med en pige fra landsbyen, og han må ikke gå til fodbold.", NSK, TAE, TAE),
        # A passport locked away, a long journey with no end date, a whole year away, children left there, a sister who
        # never came back: a stay abroad.
        ("Forældrene har fundet ud af, at hun har en kæreste, og passet er blevet låst inde.", HRV, UDL, UDL),
        ("Hun skal på en lang rejse og ved ikke, hvornår den slutter. Telefonen er taget fra hende.", NSK, UDL, UDL),
        ("Han skal af sted i et helt år, og han må ikke sige det til nogen i klassen.", NSK, UDL, UDL),
        ("Manden vil tage drengene med til Irak og lade dem blive der.", TAE, UDL, UDL),
        ("Hendes søster kom aldrig hjem fra en ferie i Pakistan, og nu siger mor, at det er hendes tur.", TAE, UDL, UDL),
        ("Hun er i hjemlandet, og manden vil ikke købe returbilletten, før hun har lært at adlyde.", UDL, UKLAR, UDL),
        # A terror group named with sympathy, a recruiter, travel to a war zone: extremism.
        ("Han siger i frikvarteret, at ISIS havde ret.", UKLAR, EKS, EKS),
        ("Far tjekker hans mobil, men det værste er, at han skriver med en hverver og vil til et krigsområde.", NSK, EKS,
         EKS),
        # Strangers who beat him, blows by a partner where the family is ruled out: other abuse.
        ("Han blev tævet på vej hjem fra byen, fordi han holdt sin kæreste i hånden. Det var nogle fremmede.", HRV, AO, AO),
        ("Kæresten kontrollerer hende og har slået hende. Hendes familie har ikke noget med det at gøre.", NSK, AO, AO),
        ("Manden slår hende, men det er ikke på grund af familien, siger hun.", HRV, AO, AO),
        # A child who comes without a packed lunch beside a limit; a cousin who groped her; "rørt et barn".
        ("Han må ikke gå til fødselsdage, og han kommer tit uden madpakke.", NSK, AO, AO),
        ("En ældre fætter har befølt hende, da hun var lille.", TAE, AO, AO),
        ("En pædagogmedhjælper er anmeldt for at have rørt et barn.", UKLAR, AO, AO),
        ("Hun er bange for at tage hjem, når mors nye kæreste er der.", UKLAR, AO, AO),
        # Watched and reported on: whom she sits with, a tracker, pictures sent to the family chat: control.
        ("Hendes mand ringer hele tiden, og hun skal fortælle ham, hvem hun sidder ved siden af.", UKLAR, NSK, NSK),
        ("Manden ringer i hvert frikvarter, og hun skal fortælle, hvem hun taler med.", UKLAR, NSK, NSK),
        ("Ingen vold, men onklen tracker ham og sender billeder af ham til familiegruppen.", AO, NSK, NSK),
        # A brother who comes here to punish her: the threat decides, she is not the one abroad.
        ("Broren i Syrien skriver, at han kommer til Danmark og slår hende, fordi hun tager kørekort.", UDL, HRV, HRV),
    ],
)
def test_thirtieth_session_conventions_from_rounds_82_and_83(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (AO if AO not in (first, second) else NSK, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second",
    [
        # ... and look-alikes keep the classifier's type: expectations put to shame, no sympathy for ISIS, an exchange
        # year, a passport kept safe by herself, a trip with a wedding of her own, violence denied beside tracking.
        ("Hun gjorde alle forventninger til skamme og bestod eksamen. Far slog hende engang for længe siden.", NSK, UKLAR),
        ("Han har ingen sympati for ISIS, han er bare ked af krigen.", UKLAR, EKS),
        ("Hun skal af sted i et helt år på udveksling og glæder sig.", UKLAR, UDL),
        ("Hun skal til Pakistan og giftes, og de vil lade hende blive der.", TAE, UDL),
        ("Hendes familie har ikke noget med det at gøre, siger hun. Hun er bare ked af det.", UKLAR, AO),
        ("Han kommer til Danmark til sommer og glæder sig til at se sin bror.", UKLAR, HRV),
    ],
)
def test_thirtieth_session_look_alikes_keep_the_ranking(text, first, second):
    assert top(text, ranking((first, 0.5), (second, 0.3), (AO if AO not in (first, second) else NSK, 0.2))) == first


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Thirtieth session, kinds from open round 50 (euphemism and understatement; own wording).
        ("Hun har ikke selv noget kort til sin konto. Manden klarer alt.", UKLAR, NSK, NSK),
        ("Efter sommerferien er der kommet strenge regler om, hvem hun må være sammen med.", UKLAR, NSK, NSK),
        ("Måske er det ingenting, men hun siger: 'det må jeg ikke, folk snakker'.", UKLAR, NSK, NSK),
        ("Han siger nej til uddannelsen, fordi det 'ikke er den slags job man tager i vores familie'.", HRV, NSK, NSK),
        ("Forældrene taler om, at hun skal være væk i to år, og hun vil ikke af sted.", TAE, UDL, UDL),
        ("Hun skal ned til familien og få styr på sig selv efter jul. Det har hun ikke valgt.", NSK, UDL, UDL),
        ("En 'ven' online siger til ham, at hans søstre er urene, fordi de ikke bærer tørklæde.", AO, EKS, EKS),
        ("Stedfaren kommer for tæt på hende, når mor er på arbejde.", HRV, AO, AO),
    ],
)
def test_thirtieth_session_conventions_from_round_50(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (AO if AO not in (first, second) else NSK, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Thirtieth session, kinds from open round 31 (quoted speech; own wording). Honour and violence in the person's
        # own words: "snakker de andre", "folk har kommenteret", a door locked with the key taken, a photo with a partner.
        ("Han fortæller: 'far giver mig klø, hvis jeg går i byen, for så snakker de andre i moskeen'.", NSK, HRV, HRV),
        ("Hun fik bank af sin bror, fordi folk har kommenteret hendes billeder.", AO, HRV, HRV),
        ("Hun siger, at manden låser døren og tager nøglen med, fordi en ordentlig kone bliver hjemme.", AO, HRV, HRV),
        ("Hans onkler har slået ham, fordi nogen viste dem et billede af ham og hans kæreste.", AO, HRV, HRV),
        # Terror words: kafir, hagekors.
        ("Hun siger, at hendes søster er kafir og ikke må komme ind på værelset.", NSK, EKS, EKS),
        ("Han har tegnet hagekors på sin taske.", UKLAR, EKS, EKS),
        # Parents finding a girl for their son; half a year in a named country; not home before she gives in.
        ("Forældrene er i gang med at finde en kone til ham, og han vil ikke.", UKLAR, TAE, TAE),
        ("Far vil have hende med til Marokko i et halvt år, og hun må ikke gå til træning.", NSK, UDL, UDL),
        ("De har sagt, at hun ikke kommer hjem, før hun har droppet kæresten.", UKLAR, UDL, UDL),
        # No food left, a baby shaken, an adult demanding pictures, forced to undress, too drunk to say no.
        ("Mor har været væk i tre dage, og de har ikke mere mad derhjemme.", UKLAR, AO, AO),
        ("Far siger, han ryster babyen, når den græder om natten.", UKLAR, AO, AO),
        ("Hendes træner skriver, at hun skal sende billeder af sig selv.", NSK, AO, AO),
        ("De tvang ham til at klæde sig af i omklædningsrummet.", EKS, AO, AO),
        ("Hun var for beruset til at sige nej.", TAE, AO, AO),
    ],
)
def test_thirtieth_session_conventions_from_round_31(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (AO if AO not in (first, second) else NSK, 0.2))) == expected


def test_a_match_mentioned_as_a_joke_is_no_forced_marriage():
    text = "Onklen har for sjov sagt, at de nok finder en kone til ham engang. Der er intet planlagt."
    assert top(text, ranking((NSK, 0.5), (TAE, 0.3), (AO, 0.2))) == NSK


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Thirtieth session, from the blind update and ruled-out development sets (own wording). A threat if she says no
        # to the marriage the family arranged: forced marriage, by the convention.
        ("Far har sagt, at han slår hende, hvis hun siger nej til ægteskabet.", HRV, TAE, TAE),
        # Forced marriage ruled out, a divorce and shame brought on the in-laws with blows: honour.
        ("Vi har udelukket tvangsægteskab. Hun vil skilles, og svigerfamilien siger, hun bringer skam over dem, og de "
         "har slået hende.", TAE, HRV, HRV),
        # A re-education trip ruled out ("skal ingen steder"), punished for the family's reputation: honour.
        ("Det er ikke en genopdragelsesrejse, hun skal ingen steder. Men far straffer hende fysisk for familiens rygte.",
         UDL, HRV, HRV),
        # An attacker called a hero, with "ikk" denying the rest: extremism.
        ("ikk noget seksuelt. Han siger, at gerningsmanden bag angrebet er en helt.", AO, EKS, EKS),
    ],
)
def test_thirtieth_session_conventions_from_the_update_and_ruled_out_sets(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (AO if AO not in (first, second) else NSK, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Thirty-first session, from opened rounds 84 and 85 (own wording). A dress rule with talk of what people will
        # say after "ellers", and a phone the parents keep: control, not honour.
        ("Nu skal hun gå med tørklæde, ellers tror folk, at hun er en dårlig pige.", HRV, NSK, NSK),
        ("Han kom uden sin mobil i dag. Far har taget den, fordi han skrev med en pige.", HRV, NSK, NSK),
        # A ring and a no that still stands; a threat unless she agrees to marry.
        ("Ringen er givet, men hun vil stadig ikke.", UKLAR, TAE, TAE),
        ("De siger, de slår hende, hvis hun ikke vil giftes med ham.", HRV, TAE, TAE),
        # A return ticket not to be used, a holiday of weeks become months, wanting home and not allowed, a threat to be
        # sent to a relative.
        ("Han har en returbillet, men returrejsen må ikke bruges, siger far.", UDL, UKLAR, UDL),
        ("Det skulle være en rejse på tre uger. Nu er der gået fire måneder.", UKLAR, UDL, UDL),
        ("Hun vil gerne hjem, men hun får ikke lov af sin onkel.", TAE, UDL, UDL),
        ("Mor har sagt: én gang til, så sender vi dig til din farmor.", NSK, UDL, UDL),
        # A child's secret with an adult, plain partner violence, a group beating him for being gay, no hot meal in days.
        ("Pigen siger, at det er stedfars hemmelighed, og at hun ikke må sige det.", UKLAR, AO, AO),
        ("Det viser sig, at han er meget voldelig mod konen.", UKLAR, AO, AO),
        ("Han blev tævet af nogle drenge, der kaldte ham bøsse.", EKS, AO, AO),
        ("Drengen har ikke fået varm mad i flere dage.", UKLAR, AO, AO),
        # Ideology named in its own terms.
        ("Ingen vold. Men han læser om den rene stat og vil med på lejr.", AO, EKS, EKS),
        # A risk of suicide with no ideology: not extremism (the acute answer comes first; no type fits).
        ("Han har samlet piller og siger, at han gør det i nat, når alle sover.", EKS, UKLAR, UKLAR),
    ],
)
def test_thirty_first_session_conventions_from_rounds_84_and_85(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.3), (AO if AO not in (first, second) else NSK, 0.2))) == expected


@pytest.mark.parametrize(
    "text, first, second",
    [
        # Look-alikes that keep the classifier's ranking: violence denied, a marriage she wants, a threat of shame alone.
        ("Han er ikke voldelig mod hende, men han bestemmer alt.", NSK, AO),
        ("Hun vil gerne hjem til Danmark, men skal giftes dernede først.", TAE, UDL),
        ("Nu skal hun gå med tørklæde, og far har slået hende for at nægte.", HRV, NSK),
        # Guards found in this session's blind training worries: videos sent on to the family are no stay abroad; a
        # veiled threat, a haircut as punishment and a brother who never leaves the consultation keep their type;
        # neglect without marks is no vague worry.
        ("Fætrene filmer hende, og videoerne bliver sendt videre til familien.", NSK, UDL),
        ("Ingen har rørt hende, men fætrene siger, de vil gøre noget ved hende.", HRV, NSK),
        ("Mor har klippet hendes hår af, og hun må ikke gå ud, før det er vokset ud.", HRV, NSK),
        ("Hendes bror er altid med og vil ikke gå ud af konsultationen. Hun siger selv, det er fint.", NSK, UKLAR),
        ("Ingen mærker, men hun har ikke haft vinterjakke på i hele januar.", AO, UKLAR),
        # Suicide bombers praised, and an incel who dreams of ending it all: extremism stays.
        ("Han kalder selvmordsbomberne helte og vil tage sit eget liv for sagen.", EKS, UKLAR),
        ("Han skriver, at han hader kvinder og vil ende det hele med et brag.", EKS, UKLAR),
    ],
)
def test_thirty_first_session_look_alikes_keep_the_ranking(text, first, second):
    assert top(text, ranking((first, 0.5), (second, 0.3), (UKLAR, 0.2))) == first


@pytest.mark.parametrize(
    "text, first, second",
    [
        # Played down, but the family threatens her life over a boyfriend: honour-related violence.
        ("Det er sikkert ingenting, men hun sagde: hvis jeg kommer hjem i dag er jeg død, far ved det med kæresten.",
         UKLAR, HRV),
        ("Måske overreagerer jeg. Hans storebror har sagt, at de slår ham ihjel, hvis han ses med sin kæreste igen.",
         AO, HRV),
        ("lidt usikker på om det er noget, men familien har fundet ud af at hun er forelsket og onklen vil dræbe hende",
         NSK, HRV),
    ],
)
def test_a_family_threat_to_life_over_a_partner_is_honour_related_however_small_it_is_called(text, first, second):
    assert top(text, ranking((first, 0.5), (second, 0.15), (TAE, 0.1))) == HRV


@pytest.mark.parametrize(
    "text, first, second",
    [
        # A marriage pressed on her decides for forced marriage.
        ("Far siger, han slår hende ihjel på grund af kæresten, og hun skal giftes med fætteren til sommer.",
         UKLAR, HRV),
        # The partner is the one who threatens: other abuse stays.
        ("Hendes kæreste truer med at slå hende ihjel, og hun tør ikke fortælle det til sin mor.", AO, HRV),
        # A joke at home with no threat to anyone.
        ("Han griner og siger, at mor er død af grin over, at han har fået en kæreste.", UKLAR, HRV),
    ],
)
def test_look_alikes_of_the_family_threat_over_a_partner_keep_the_ranking(text, first, second):
    assert top(text, ranking((first, 0.5), (second, 0.15), (NSK, 0.1))) == first


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # A journey to, or a marriage with someone in, a combat zone: extremism.
        ("Han har givet sine ting væk og siger, at han snart skal rejse ned til en kampzone.", UDL, EKS, EKS),
        ("Hun er gift via nettet med en fyr i en krigszone og sparer op til billetten.", TAE, EKS, EKS),
        # Suitors who come to look at her, being prepared as a wife, a ring that was not her choice, "marry her to".
        ("Der kom to familier på besøg i ferien, og en ung mand var med for at kigge på hende.", AO, TAE, TAE),
        ("Hun er taget ud af efterskolen, fordi hun skal lære at blive en god hustru.", NSK, TAE, TAE),
        ("Han har fået en ring og siger bare, at det var forældrenes valg.", UKLAR, TAE, TAE),
        ("Onklen planlægger at gifte hende bort med en mand fra landsbyen, og han har truet hende.", HRV, TAE, TAE),
        # A passport kept back with no end to the stay, or while she is abroad; a year abroad she does not want.
        ("Mor har taget hans pas og siger, at de bliver i hjemlandet i ubestemt tid.", NSK, UDL, UDL),
        ("Hun sidder nu i Pakistan, og farbroren har taget hendes pas.", HRV, UDL, UDL),
        ("Forældrene siger, han skal bo i Somalia i to år, selv om han slet ikke vil.", TAE, UDL, UDL),
        # An employer who keeps the passport or the wages: exploitation, other abuse.
        ("Arbejdsgiveren på restauranten gemmer hans pas, og han sover på lageret.", UDL, AO, AO),
        # Punished after someone told the family, or after pictures went round: honour-related violence.
        ("Han er blevet slået, fordi nogen har fortalt hans bror, at han var på diskotek.", AO, HRV, HRV),
        ("Hun er låst inde, efter at billeder af hende med en dreng er blevet delt.", UKLAR, HRV, HRV),
        # A family threat to life over a misspelt boyfriend, beside "she won't go home".
        ("far siger han slaar hende ihjel pga hendes kaerste, hun vil ikke hjem", UDL, HRV, HRV),
    ],
)
def test_thirty_second_session_conventions_from_rounds_86_and_87(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.15), (NSK if first != NSK else UKLAR, 0.1))) == expected


@pytest.mark.parametrize(
    "text, first, second",
    [
        # A combat zone named only to deny a journey there.
        ("Han har aldrig talt om at rejse til en kampzone; det er skolen, der går ham på.", UKLAR, EKS),
        # A ring she chose herself.
        ("Hun har fået ring på og siger, at hun selv har valgt ham, og at det ikke var fars valg.", UKLAR, TAE),
        # A passport kept safe on a holiday with a return date.
        ("Far har hendes pas, fordi de tager på ferie til Tyrkiet med retur om tre uger.", NSK, UDL),
        # Hit for an ordinary reason after someone told the father.
        ("Naboen har fortalt hans far, at han smadrede en rude, og far slog ham, når han havde drukket.", AO, HRV),
    ],
)
def test_thirty_second_session_look_alikes_keep_the_ranking(text, first, second):
    assert top(text, ranking((first, 0.5), (second, 0.15), (HRV if second != HRV else TAE, 0.1))) == first


def test_a_threat_to_send_her_to_the_home_country_without_the_definite_ending_is_a_stay_abroad():
    # Written by someone with Danish as a second language: "hjemland" for "hjemlandet", no "at" before the verb.
    text = "far har truet med sende hende til hjemland hvis hun bliver ved med at gå i byen"
    assert top(text, ranking((HRV, 0.45), (UDL, 0.35), (NSK, 0.1))) == UDL


@pytest.mark.parametrize(
    "text, first, second, expected",
    [
        # Beaten or threatened for a husband she chose herself: honour-related violence, not forced marriage.
        ("Hendes onkler har slået hende, fordi hun selv valgte sin mand; de er gift nu, og hun er glad.", TAE, HRV, HRV),
        ("Han blev viet uden familiens samtykke, og nu truer hans fætre ham på livet.", TAE, HRV, HRV),
        # Honour and the family ruled out for a husband's blows: other abuse.
        ("Manden slår hende, men det er ikke pga. familien eller ære; han drikker.", AO, HRV, AO),
        # A veiled threat of death beside a denial of violence so far: more than control.
        ("Ingen har slået ham endnu, men far siger, at man finder ham i havnen, hvis han ses med kæresten.", HRV, NSK, HRV),
        # Someone else's nikah, or a marriage decades ago that she is glad of: not forced marriage.
        ("Der var nikah for hendes kusine i weekenden, og siden har hun været stille.", UKLAR, TAE, UKLAR),
        ("Hun blev gift ved en arrangeret nikah for 30 år siden, som hun er glad for; nu styrer sønnen hendes penge.",
         NSK, TAE, NSK),
    ],
)
def test_thirty_third_session_conventions_from_rounds_88_and_89(text, first, second, expected):
    assert top(text, ranking((first, 0.5), (second, 0.15), (NSK if NSK not in (first, second) else UKLAR, 0.1))) == expected


@pytest.mark.parametrize(
    "text, first, second",
    [
        # Chose the husband herself, but the family now presses her into a second marriage.
        ("Hun valgte selv sin første mand, men nu tvinger familien hende til at gifte sig igen, og de har truet hende.",
         TAE, HRV),
    ],
)
def test_thirty_third_session_look_alikes_keep_the_ranking(text, first, second):
    assert top(text, ranking((first, 0.5), (second, 0.15), (NSK, 0.1))) == first


@pytest.mark.parametrize(
    "text, expected",
    [
        # Relatives tease her about an engagement some day, and she laughs: too vague to place.
        ("Mostrene drillede ham med, hvornår han skal giftes. Han grinede bare, men han er træt i timerne.", UKLAR),
        ("Onklen lavede sjov med, at hun snart skal forloves, og hun smilede. Hun er 15.", UKLAR),
        # The joke has turned serious, or a date is set: forced marriage stays.
        ("De drillede hende med et bryllup, og hun grinede, men nu er det ikke en joke længere.", TAE),
        ("Hun grinede af drilleriet, men familien har bestemt, at hun skal giftes med fætteren.", TAE),
        ("Hun lo, som om det var en joke, men veninderne siger, det er alvor med brylluppet.", TAE),
    ],
)
def test_a_marriage_only_teased_and_laughed_at_is_a_vague_worry(text, expected):
    assert top(text, ranking((TAE, 0.5), (NSK, 0.12), (UKLAR, 0.09))) == expected


@pytest.mark.parametrize(
    "text, first",
    [
        # A partner hits her, and the writer says the family is not part of it: other abuse (round 90 opened).
        ("Han kontrollerer hendes telefon, og i går slog han hende. Det er kæresten og ikke familien, det handler om jalousi.",
         NSK),
        ("Hun har blå mærker og siger, at eksen har slået hende. Ingen i familien er indblandet.", UKLAR),
    ],
)
def test_thirty_fourth_session_partner_violence_with_the_family_ruled_out_is_other_abuse(text, first):
    assert top(text, ranking((first, 0.5), (AO, 0.2), (HRV, 0.1))) == AO


@pytest.mark.parametrize(
    "text",
    [
        # A line or a part in a play is no case yet (found in a manual chat with the bot, stop 48).
        "I skoleteatret råber han hver dag, at han vil slå sin far ihjel. Det er hans replik i stykket.",
        "Hun spiller en pige, der bliver tvunget til at gifte sig, i skolekomedien.",
        "I dramatimen lavede de rollespil om en familie, der sender datteren til hjemlandet.",
    ],
)
def test_thirty_fifth_session_a_line_in_a_play_is_unclear(text):
    for first in (AO, HRV, TAE, UDL):
        assert top(text, ranking((first, 0.6), (UKLAR, 0.2), (NSK, 0.1))) == UKLAR


@pytest.mark.parametrize(
    "text",
    [
        # Guards: the play beside something real keeps the classifier's type.
        "Han øver sin replik om at slå, men bagefter fortalte han, at far slår ham derhjemme.",
        "Hun spiller med i skolekomedien, og i virkeligheden skal hun giftes med sin fætter i sommer.",
    ],
)
def test_thirty_fifth_session_a_play_beside_a_real_case_keeps_the_type(text):
    assert top(text, ranking((AO, 0.6), (UKLAR, 0.2), (NSK, 0.1))) == AO


@pytest.mark.parametrize(
    "text",
    [
        # Control at home that ends in a long stay abroad set by the family (rounds 90-93 opened).
        "Hun må ikke gå til svømning, og nu siger far, at hun skal tilbringe hele næste skoleår hos sin farmor i Irak.",
        "Han må aldrig være ude efter kl. 18, og han tror ikke, han kommer tilbage, hvis han tager med på ferie i sommer.",
        "Hun må ingen veninder have, og nu tror hun ikke, at hun kommer hjem igen, hvis hun rejser med i påsken.",
    ],
)
def test_thirty_fifth_session_control_ending_in_a_long_stay_abroad_is_a_stay_abroad(text):
    for first in (NSK, HRV, AO, UKLAR):
        assert top(text, ranking((first, 0.5), (UDL, 0.3), (TAE, 0.1))) == UDL


@pytest.mark.parametrize(
    "text",
    [
        # Guards: an exchange year she chose, and a stay for a wedding, keep the classifier's type.
        "Hun må ikke have en kæreste, og hun skal være et år i USA på udveksling, som hun selv har valgt.",
        "Han må ikke se sine venner, og han skal blive hele næste skoleår i Tyrkiet, hvor han skal giftes.",
    ],
)
def test_thirty_fifth_session_a_chosen_year_or_a_wedding_stay_is_not_moved_to_stay_abroad(text):
    assert top(text, ranking((NSK, 0.5), (UDL, 0.3), (TAE, 0.1))) != UDL


@pytest.mark.parametrize(
    "text",
    [
        # A jealous boyfriend's control and blows, with the family said not to be part of it (round 92 opened).
        "Kæresten styrer, hvem hun ser, men der er ingen familie inde over. I weekenden slog han hende.",
        "Han tjekker hendes telefon og har slået hende to gange; familien er ikke indblandet.",
    ],
)
def test_thirty_fifth_session_violence_with_no_family_involved_is_other_abuse(text):
    assert top(text, ranking((NSK, 0.6), (AO, 0.2), (HRV, 0.1))) == AO


def test_thirty_fifth_session_kept_out_of_a_play_by_the_family_keeps_control():
    text = "Far har forbudt ham at være med i teaterstykket, fordi drenge ikke skal stå på en scene."
    assert top(text, ranking((NSK, 0.6), (UKLAR, 0.2), (AO, 0.1))) == NSK


@pytest.mark.parametrize(
    "text",
    [
        # Honour ruled out in words the rules did not read (rounds 94/95 opened).
        "Han slog hende med en bøjle, fordi hun havde brugt hans penge; hun siger, det ikke har noget med familiens ære at gøre.",
        "Mor slog ham i går. Hun sagde ikke noget om hvad folk vil sige, hun var bare vred over karakteren.",
        # A plain reason: a temper, blows every time the child cried.
        "Far har et voldsomt temperament og slår hende, når han bliver sur over småting.",
        "Som lille blev han slået med et bælte, hver gang han græd, og nu sker det for hans lillesøster.",
        # Her husband hits her, and both families back her.
        "Hendes mand slår hende. Hans familie støtter hende og vil have, at hun går. Det er kun ham.",
    ],
)
def test_thirty_sixth_session_violence_with_honour_ruled_out_or_a_plain_reason_is_other_abuse(text):
    assert top(text, ranking((HRV, 0.6), (AO, 0.2), (NSK, 0.1))) == AO


def test_thirty_sixth_session_his_family_against_her_keeps_honour_violence():
    text = "Hendes mand slår hende, og hans familie siger, at hun skal blive hos ham. Det er kun ham, der slår."
    assert top(text, ranking((HRV, 0.6), (AO, 0.2), (NSK, 0.1))) == HRV


@pytest.mark.parametrize(
    "text",
    [
        "Forældrene har foreslået en fyr fra familiens bekendte. Hun siger, at hun selv bestemmer, og hun vil gerne mødes igen.",
        "Hendes mand vil gerne have, at hun bliver hjemme med den lille det første år. Hun siger, at det også er hendes eget ønske.",
    ],
)
def test_thirty_sixth_session_a_limit_the_person_calls_her_own_choice_is_too_vague_to_place(text):
    assert top(text, ranking((NSK, 0.4), (UKLAR, 0.2), (TAE, 0.1))) == UKLAR


def test_thirty_sixth_session_a_threat_to_send_her_to_any_country_for_good_is_a_stay_abroad():
    text = "Hendes mand truer med at sende hende og drengen til Portugal for godt, hvis hun siger noget."
    assert top(text, ranking((AO, 0.5), (UDL, 0.2), (NSK, 0.1))) == UDL


def test_thirty_sixth_session_taken_abroad_by_the_family_to_stay_is_not_extremism():
    text = "Han viste en video, han har lavet: familien tager ham med til Somalia efter jul, og han skal blive der et år."
    assert top(text, ranking((EKS, 0.45), (UDL, 0.4), (NSK, 0.1))) == UDL
    fighter = "Han siger, at hans onkel tager ham med til Syrien, hvor han skal blive der og kæmpe for kalifatet."
    assert top(fighter, ranking((EKS, 0.45), (UDL, 0.4), (NSK, 0.1))) == EKS


@pytest.mark.parametrize(
    "text",
    [
        "I rollespillet var han en far, der kaster med ting, og han sagde hele tiden: sådan er det hver lørdag derhjemme.",
        "Efter rollespillet fortalte en kursist, at manden tager hendes telefon hver aften.",
    ],
)
def test_thirty_sixth_session_a_role_play_with_a_disclosure_of_home_is_not_made_vague(text):
    assert top(text, ranking((AO, 0.5), (UKLAR, 0.3), (NSK, 0.1))) == AO


def test_thirty_sixth_session_not_allowed_home_for_christmas_in_denmark_is_not_a_stay_abroad():
    text = "Han er 22 og konverteret, og forældrene siger, at han ikke må komme hjem til jul, hvis han beder der."
    assert top(text, ranking((NSK, 0.5), (UDL, 0.2), (AO, 0.1))) == NSK


def test_thirty_sixth_session_taken_home_and_never_back_is_a_stay_abroad():
    text = "Hans brødre siger, at hvis han bliver hos kæresten, tager de ham med hjem, og så kommer han aldrig tilbage."
    assert top(text, ranking((HRV, 0.5), (UDL, 0.2), (NSK, 0.1))) == UDL


def test_thirty_sixth_session_a_guest_asking_for_a_day_off_for_a_cousins_wedding_is_too_vague_to_place():
    # Found in the make run check: read as forced marriage, with the danger question.
    guest = "Min elev på 15 spørger, om hun kan få fri fredag, fordi hendes kusine skal giftes i Tyrkiet på lørdag."
    assert top(guest, ranking((TAE, 0.5), (UKLAR, 0.2), (NSK, 0.1))) == UKLAR
    pressed = "Hendes storesøster skal giftes på lørdag, og hun frygter at blive presset til det samme; hun vil have fri."
    assert top(pressed, ranking((TAE, 0.5), (UKLAR, 0.2), (NSK, 0.1))) == TAE
