"""Acute-danger signals in any message, with negation and hypothetical handling."""

from __future__ import annotations

import pytest

from bot.nlu.acute import detect_acute
from bot.nlu.components import signal_entities


@pytest.mark.parametrize(
    "text, category",
    [
        ("hendes bror har truet med at slå hende ihjel", "kill_threat"),
        ("han har en kniv i tasken", "weapon"),
        ("hun tør ikke tage hjem i aften", "afraid_to_go_home"),
        ("hun toer ikke gaa hjem", "afraid_to_go_home"),
        ("de har låst hende inde på værelset", "locked_up"),
        ("brylluppet er på lørdag", "imminent_departure_or_wedding"),
        ("hun skal rejse til hjemlandet i morgen", "imminent_departure_or_wedding"),
        ("flyet går i aften og hun vil ikke med", "imminent_departure_or_wedding"),
        ("hun er stukket af hjemmefra og gemmer sig hos en veninde", "fled_hiding"),
        ("han har talt om selvmord", "suicide"),
        ("HAN SLÅR HENDE LIGE NU", "violence_now"),
        # Added 2026-12-01 (3), kinds from open round 8 (own wording).
        ("Hendes far har skrevet, at hun ikke overlever weekenden, hvis hun går til politiet.", "kill_threat"),
        ("Han siger, at drengen overlever det ikke, hvis han sladrer.", "kill_threat"),
        ("Moren står ude på legepladsen og prøver at slæbe sin datter med ud til bilen med magt.", "violence_now"),
        ("Onklen hiver ham ind i bilen med magt lige nu.", "violence_now"),
        ("Pigen siger, at en voksen kravlede ind i hendes seng i nat på sommerlejren.", "violence_now"),
        ("En elev fortæller, at han har fars jagtgevær med i tasken i morgen.", "weapon"),
        ("jeg ved ikke, om hun kommer helskindet gennem natten derhjemme", "violence_now"),
        # Kinds from rounds 14 and 15 after they were opened (2026-12-02, second session), own wording:
        # an attack agreed for a near day, a shooting just now, hiding, a threat of an attack on the school.
        ("Nogle drenge fra 9. har aftalt i en chat, at de vil tæve en elev fra 7.a efter skole i morgen.", "violence_now"),
        ("Der er lige blevet skudt ved indgangen til hallen, og en af vores unge er ramt.", "violence_now"),
        ("Hun har gemt sig i garderoben, fordi hendes bror leder efter hende på skolen.", "fled_hiding"),
        ("Vi har fået en besked om, at gymnasiet bliver angrebet på fredag.", "kill_threat"),
        # Rounds 60 and 61 (opened in the twentieth session) and the association development set, in own wording.
        ("Far sagde til tolken, at han tager sønnen med ud af landet på torsdag.", "imminent_departure_or_wedding"),
        ("Fra gangen kan vi høre hende skrige bag den aflåste dør.", "locked_up"),
        ("Stedfaren går ind til hende, når mor er på nattevagt, og hun er på nattevagt i nat.", "abuse_expected"),
        ("Hendes bror sparker på toiletdøren og råber ad hende.", "violence_now"),
        ("Han har mærker på halsen efter fodbold; far sagde, at næste gang kvæler han ham, og far venter i bilen.",
         "kill_threat"),
        # Rounds 62 and 63 (opened in the twenty-first session), in own wording.
        ("Han har fået en sms om, at han bliver banket, når han kommer hjem i aften.", "violence_now"),
        # The self-correction development set, in own wording: a correction that moves the time, and people on
        # their way to fetch her by force.
        ("Hun skal giftes til sommer. Undskyld, jeg mente på lørdag, og hun vil ikke.", "imminent_departure_or_wedding"),
        ("Brødrene er på vej herhen for at hente hende med magt.", "violence_now"),
        ("Svigerfamilien låser hende inde om dagen, mens manden er på arbejde.", "locked_up"),
    ],
)
def test_acute_signals(text, category):
    result = detect_acute(text)
    assert result.acute and category in result.categories


@pytest.mark.parametrize(
    "text",
    [
        "hun er ikke i fare lige nu",
        "hvad gør jeg hvis han truer hende med en kniv?",
        "for to år siden truede han med at slå hende ihjel",
        "brylluppet er planlagt til næste sommer",
        "han har ikke et våben",
        "hun skal på en lang ferie hos farmor",
        "det haster ikke",
        "pigen må ikke komme med på lejrskole",
    ],
)
def test_not_acute(text):
    assert not detect_acute(text).acute


def test_statements_that_nothing_is_acute_answer_the_urgency_question():
    for text in ("nej, det er ikke akut", "ingen er i fare", "det haster ikke", "ingen trusler"):
        assert detect_acute(text).not_acute, text


def test_a_signal_beats_a_denial_in_the_same_message():
    result = detect_acute("det er ikke akut, men han har en kniv")
    assert result.acute and not result.not_acute


def test_component_entities():
    entities = {e["entity"]: e["value"] for e in signal_entities("Hun er 15 og tør ikke tage hjem i aften")}
    assert entities == {"age_group": "under18", "akut_signal": True}
    assert {e["entity"]: e["value"] for e in signal_entities("ikke i fare lige nu")} == {"akut_afkraeftet": False}
    assert {e["entity"]: e["value"] for e in signal_entities("14")} == {"age_bare": "under18"}


def test_personal_data_is_reported_by_kind_only():
    entities = {e["entity"]: e["value"] for e in signal_entities("Hun hedder Sara Ali, cpr 120508-1234")}
    assert entities["persondata"] == "cpr,navn"
    assert "1234" not in str(entities) and "Sara" not in str(entities)


@pytest.mark.parametrize(
    "text",
    [
        "I sløjd snittede eleverne med en kniv, og en dreng skar sig lidt.",
        "Til spejder lærer de at bruge en kniv og en økse.",
        "De legede krig i skolegården og råbte, at de ville slå hinanden ihjel.",
        "Han spiller computerspil, hvor man skal dræbe zombier.",
        "Hun skrev en gyserhistorie, hvor en pige bliver holdt fanget i en kælder.",
        "Min kollega sagde for sjov, at hun kunne slå ham ihjel.",
        "Intet tyder på, at hun er i fare.",
        "Jeg tror ikke, at han er i fare.",
        "Drengen har ikke sagt, at han er bange for at tage hjem.",
        "Hun skal til sin fætters bryllup på lørdag.",
        "Naboerne holder bryllup i weekenden, så der bliver larm.",
    ],
)
def test_harmless_contexts_do_not_fire_the_rules(text):
    # The message then goes to the acute classifier instead of straight to 112.
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Han har en kniv i tasken, og det er ikke for sjov.",
        "Hendes liv står på spil, han har truet med at slå hende ihjel.",
        "Han truer hende med en kniv lige nu, efter at de har spillet kort.",
        "Jeg tror ikke, hun tør tage hjem i aften.",
        "Hun skal giftes på lørdag, og hun vil ikke.",
        "Hun siger, at brylluppet er hendes eget, og at det er på lørdag.",
    ],
)
def test_real_signals_survive_the_context_vetoes(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Hun blev sendt på en lang rejse for tre år siden, men er kommet tilbage og går på gymnasiet.",
        "Hvad nu hvis hendes bror en dag slår hende med en kæp, hvad skal vi så gøre?",
        "Han har tidligere sagt, at han ikke ville leve, men han er i behandling og har det bedre.",
        # Rounds 12 and 13 (opened 2026-12-02, second session): safe now, a threat never repeated, a
        # wedding months away, an old attack with the age said as "nu", fear of dying alone.
        "Hun bor på et krisecenter med sine børn, og manden kender ikke adressen.",
        "Han har fået tilhold og har ikke været i nærheden af hende siden sommer.",
        "Far sagde i vrede, at hun skulle sendes til hjemlandet, men det er aldrig gentaget.",
        "Familien skal til bryllup i Marokko til efteråret, og hun har returbillet.",
        "Han blev overfaldet med en kniv for fire år siden, han er 20 nu og går i behandling.",
        "Den gamle dame i hjemmeplejen er bange for at dø alene om natten.",
    ],
)
def test_over_or_hypothetical_without_time_now_does_not_ask_the_classifier(text):
    assert detect_acute(text).calm_context
    assert not {"akut_signal", "akut_mulig"} & {e["entity"] for e in signal_entities(text)}


@pytest.mark.parametrize(
    "text",
    [
        # A word of time now or soon keeps the classifier in play.
        "Hun kom tilbage fra ferien i går, og nu sidder hendes brødre i en bil uden for skolen.",
        "Han har tidligere slået hende, og i aften skal hun hjem til ham.",
        "Hvis hun tager hjem i dag, hvad sker der så?",
        "Hun flyttede hjemmefra i foråret, og en bil har holdt uden for hendes opgang hele natten.",
        # A correction that names a shelter but also fear keeps the classifier in play.
        "Hun er i sikkerhed på et krisecenter. Rettelse: hun fik ikke pladsen, og hun er bange for manden.",
    ],
)
def test_time_now_or_soon_keeps_the_classifier(text):
    assert not detect_acute(text).calm_context


def test_a_stated_judgement_that_nobody_is_in_danger_answers_the_urgency_question():
    assert detect_acute("Jeg tror ikke, at hun er i fare.").not_acute
    assert detect_acute("Intet tyder på, at han er i fare lige nu.").not_acute


@pytest.mark.parametrize(
    "text",
    [
        "Vi skal hakke løg med kokkeknive i hjemkundskab i morgen.",
        "Hun skal til fødselsdag hos sin moster i aften og bliver kørt hjem bagefter.",
        "Han har bestået jagttegn og skal på jagt med sin onkel i weekenden.",
        "Hun er ude af forholdet for to år siden og bor nu for sig selv med sin søn, hun har det godt.",
        "Han skrev at eksamen dræber ham, og at han døde af grin over sin egen fejl.",
        # Added 2026-12-01 (kinds from open round 6): a trade placement, a knife on the wall,
        # an exam idiom, a figure of speech, a relative's wedding, an ordinary sanction,
        # a break-up, fear of the dark, films and school work about violence.
        "Han starter i praktik hos en slagter på mandag og skal lære at partere med kniv.",
        "Hun har fået en gammel dolk i gave af sin morfar, og den hænger på væggen i stuen.",
        "Han siger, at han skal dræbe eksamen i morgen, han har øvet hele ugen.",
        "Hun er flygtet fra hverdagen i storbyen og er flyttet til sin moster på landet, og hun har det fint.",
        "På lørdag skal familien til bryllup hos en kusine i Aarhus, og hun glæder sig til at danse.",
        "Hans mor truede med at tage hans telefon fra ham i weekenden, fordi han ikke havde lavet lektier.",
        "Hun slog op med kæresten i går og er ked af det i dag.",
        "Den ældre herre er bange for mørket og vil have lys i gangen om natten.",
        "Drengen så en gyserfilm om en morder med en økse og har sovet dårligt siden.",
        "Han holder oplæg om et bombeangreb i historietimen på fredag, det er en opgave om en krig.",
        # Added 2026-12-01 from a dev set of harmless uses of signal words (not a held-out round):
        # moving house, a move abroad years ago, museums, games, a stuck lock, pets, the dentist.
        "Familien flytter til en ny lejlighed i Odense i weekenden, og drengen skifter skole på mandag.",
        "Hun flygtede fra krigen for mange år siden og fortæller i dag holdet om sin rejse.",
        "Klassen skal på museum på torsdag og se sværd og økser fra middelalderen.",
        "Han snakker hele tiden om, hvor mange han dræbte i Fortnite i går.",
        "Døren til toilettet var gået i baglås, så en elev sad låst inde i ti minutter, til pedellen kom.",
        "Elevens kat er stukket af i nat, og hun vil gerne have lov at gå hjem og lede efter den.",
        "Han skal opereres i knæet i morgen og må ikke spise efter midnat.",
        "Hun er skrækslagen for at flyve, og familien skal til Spanien på lørdag.",
    ],
)
def test_ordinary_plans_idioms_and_finished_events_do_not_call_112(text):
    """A knife in cooking class, a party tonight, licensed hunting: no 112/114 answer."""
    assert not {"akut_signal", "akut_mulig"} & {e["entity"] for e in signal_entities(text)}


@pytest.mark.parametrize(
    "text",
    [
        # The same ordinary words with a word of fear, force or harm keep the acute path open.
        "Hun skal til fest i aften, men hun er bange, for hendes bror har sagt, at hun får bank bagefter.",
        "Familien siger hun skal på ferie på fredag, men der er ingen returbillet til hende.",
        "Han fik jagttegn sidste år og siger nu, at han vil skyde sin stedfar i aften.",
        "Hun blev låst inde for et år siden og er det igen i dag, skriver hun.",
        "Han starter i praktik på mandag, men en kollega har truet med at stikke ham med en kniv.",
        "Brødrene siger, at hun ikke overlever weekenden, hvis hun ikke slår op med kæresten.",
        "Han har fået to dage til at slå op med sin kæreste, ellers sker der noget med hende.",
        "Hun er flygtet fra sin familie i nat og gemmer sig hos en veninde.",
        "Hun skal giftes med en fætter i Pakistan i weekenden og vil ikke.",
        "Far truede med at slå hende ihjel, hvis hun tager sin telefon med i skole i morgen.",
        "Familien flytter til Pakistan i morgen, og hun vil ikke med.",
        "Hun er syg i dag, og far har låst hende inde på værelset.",
        "Hun skal flyve til Tyrkiet i morgen og tror, hun skal giftes dernede.",
        "Døren låses om natten, fordi han går i søvne, men han siger, at far slår ham, og han tør ikke sove.",
        "Hun har selv sit pas, men familien siger, at hun skal giftes i Pakistan i morgen.",
        "Det var sidste år. Rettelse: han truer hende med en kniv i aften.",
        "Ingen fare, tror jeg. Glem det jeg skrev: hun ringede, og broren står udenfor med en kniv nu.",
        "Hun har det godt. PS: hun tør ikke gå hjem i dag, for far har truet hende.",
        "Brødrene er på vej for at hente hende, og hun er rædselsslagen.",
        "Hun tager på ferie med returbillet. Rettelse: der er ingen returbillet, hun flyver i morgen og skal giftes.",
        "Hun er på krisecenter. Rettelse: hun fik ikke pladsen på krisecentret, og manden truede hende med kniv i går.",
        "Han har fået tilhold. PS: han har brudt tilholdet i nat og stod ved hendes dør med et bat.",
    ],
)
def test_ordinary_words_with_distress_still_reach_the_acute_answer(text):
    assert {"akut_signal", "akut_mulig"} & {e["entity"] for e in signal_entities(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Jeg overlever ikke den her uge uden mere kaffe, men drengen i 3.b bekymrer mig lidt.",
        "Bedstefaren overlevede ikke operationen, og eleven er meget ked af det.",
        "Han er i jagtforeningen og fortalte i dag om den første fasan, han skød i weekenden.",
        "Vores kollega blev gift i lørdags, og hele personalet skal til reception på fredag.",
        "Han blev slået af sin far som barn for mange år siden, og det fylder stadig. Han er 45 i dag.",
        "Drengen vil skyde sin bror i Minecraft i aften, siger han grinende.",
        "Familien rejser til hans farfars begravelse i Irak og kommer tilbage om to uger.",
        "Hun skrev i sin dagbog, at matematikeksamen var ved at slå hende ihjel, men det gik fint.",
        "Hun slår altid sin morfar ihjel i skak på søndage.",
        "Pigen har glemt sin nøgle og kan ikke komme ind, før moren kommer hjem fra arbejde.",
        "Hun skal til fødselsdag i aften og bliver hentet af sin far bagefter.",
    ],
)
def test_round_8_harmless_kinds_do_not_call_112(text):
    assert not {"akut_signal", "akut_mulig"} & {e["entity"] for e in signal_entities(text)}


@pytest.mark.parametrize(
    "text",
    [
        # Kinds from open round 10, in my own wording: idioms, imagined worries, denied rumours,
        # a freely chosen wedding that has happened, and threats that are long over and settled.
        "Hun siger, at hun dør af skam over sin udtale. Det er bare en talemåde.",
        "Hans mor kan slå en ihjel med blikket, når han kommer for sent.",
        "Jeg forestiller mig, at hun måske er truet på livet, men hun har intet sagt om det.",
        "En veninde påstår, at hun skal giftes i morgen, men det er kun sladder.",
        "Kursisten blev gift i weekenden med en mand, hun selv har valgt.",
        "Han blev truet med en kniv for to år siden, og sagen er afgjort i retten.",
        "Der er gået to år siden hun blev låst inde af sin far, og de bor ikke sammen længere.",
    ],
)
def test_round_10_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Hun skal giftes i morgen mod sin vilje, og det er ikke kun sladder.",
        "Han blev truet med en kniv i går og tør ikke gå hjem i aften.",
        "Manden har låst hende inde lige nu, siger naboen.",
    ],
)
def test_round_10_vetoes_leave_real_signals_alone(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Kinds from rounds 3, 5, 7 and 9 after they were opened (2026-12-02), in my own wording:
        # sport and toy weapons, a dated signal, a rumour checked, a question answered no, others'
        # weddings with a typo, jokes, illness, far-off plans, explicit "not afraid".
        "Han øver sig til DM i luftgevær på søndag og er meget nervøs.",
        "de skal skyde hinanden med paintball til klassens afslutning på torsdag",
        "Drengen truede med at skyde sin søster med vandpistolen, da de kom hjem fra stranden.",
        "Hun blev låst inde af sin stedfar for mange år siden og bor nu for sig selv.",
        "Vi fandt et jagtgevær i hans skab for flere måneder siden, og politiet lukkede sagen.",
        "Der blev sagt, at han havde en kniv i tasken, men vi kiggede efter og der var ingen kniv.",
        "Er hun i fare? Nej, det tror vi ikke, men hun er meget alene.",
        "Hun skal være brudepige, når hendes fætter bliver gift på lørdag.",
        "i weekenden skal han med til sin kussines bryllup i Odense",
        "Mor siger, hun slår ham ihjel, hvis han ikke tømmer opvaskeren, og hun siger det med et grin.",
        "Eleven har haft influenza hele ugen, og mor har sendt en lægeerklæring.",
        "Han kommer tit med et blåt øje fra boksetræning, det har træneren bekræftet.",
        "Familien taler om, at hun skal forloves, men tidligst om tre år.",
        "Hun er ikke bange for sin far og siger, at han aldrig har slået hende.",
        "Han sagde, at han kunne dræbe for en kold cola, og så lo vi.",
    ],
)
def test_opened_rounds_harmless_kinds_do_not_call_112(text):
    assert not {"akut_signal", "akut_mulig"} & {e["entity"] for e in signal_entities(text)}


@pytest.mark.parametrize(
    "text",
    [
        # The same vetoes must leave these alone: a signal in its own clause next to an old event,
        # a medical emergency with fever, a real weapon at a sports event, a question answered yes.
        "Hun tør ikke gå hjem i aften, hun blev slået for et år siden.",
        "Han har taget farens pistol med til stævnet i morgen og siger, at de skal dø.",
        "Er hun i fare? Ja, far venter uden for skolen med en kniv.",
        "Han blev låst inde for en uge siden og er låst inde igen nu.",
        # Rounds 12-15 (opened 2026-12-02, second session): a flight from the family, a knife in the
        # kitchen used as a threat, a threat and a drawing, "ikke et spil", an old man with a shotgun.
        "Hun er flygtet fra sin familie og gemmer sig hos en veninde.",
        "Far står i køkkenet med en kniv og truer mor lige nu.",
        "Han sagde i dag, at han vil dræbe sin søster i aften.",
        "Det er ikke et spil, skrev han, og han kommer med en kniv i morgen.",
        "Morfar har hentet sin haglbøsse ned fra loftet og siger, at han ikke orker mere.",
    ],
)
def test_opened_rounds_vetoes_leave_real_signals_alone(text):
    assert detect_acute(text).acute


def test_a_baby_with_fever_who_cannot_breathe_still_reaches_the_classifier():
    # Illness alone is an ordinary absence; trouble breathing is not.
    text = "Barnet på syv måneder har høj feber og kan næsten ikke få vejret, og mor tager ikke telefonen."
    assert not detect_acute(text).calm_context


@pytest.mark.parametrize(
    "text",
    [
        # Kinds from rounds 12 and 13 after they were opened (2026-12-02, second session), in my own
        # wording: a threat shouted during a ball game, a series watched, drawings and a job wish,
        # an exam idiom, a bad grade, a refugee's flight, a cook's knives.
        "To drenge i 4. klasse råbte, at de ville slå hinanden ihjel under håndboldkampen i idræt.",
        "Hun så en brutal serie på Netflix, hvor en mand blev dræbt, og nu vil hun ikke sove alene.",
        "Drengen tegner pistoler i alle sine hæfter og vil være soldat, når han bliver voksen.",
        "hun siger at hun vil dræbe sin mundtlige prøve på fredag",
        "Han tør ikke gå hjem med sin karakterbog, men forældrene bliver skuffede, ikke vrede.",
        "Hun flygtede fra krigen i Ukraine med sin mor og taler meget om bomberne.",
        "Far arbejder som kok og har en masse knive derhjemme, hvordan skal de opbevares?",
        "Han vil 'dræbe' fysikeksamen på mandag, siger han, og han er helt oppe at køre.",
        "Under en runde ludo i klubben råbte en pige, at hun ville myrde sin makker.",
        "Hun blev truet med en kniv som 15-årig og får stadig hjælp af en psykolog.",
        "Mor har en jagtriffel i skabet; hvordan spørger jeg, om den er låst forsvarligt inde?",
        # Rounds 14 and 15: game chats, exam slang, tantrums over consoles, sport talk, toy weapons,
        # suicidal thoughts long over.
        "Han spiller Among Us med sine venner og skrev, at han dræber dem alle i nat.",
        "Hun siger, at hun bomber matematikprøven i morgen, og hun mener, det går godt.",
        "Drengen på 10 råbte, at han slår sin mor ihjel, fordi hun tog hans PlayStation.",
        "Holdet råber, at de vil slå modstanderne i kampen i aften.",
        "De skal skyde hinanden med skumpile i idræt på torsdag.",
        "Hun havde selvmordstanker i 6. klasse, men fik hjælp og har det godt nu.",
    ],
)
def test_rounds_12_to_15_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


def test_a_shelter_whose_address_is_found_still_reaches_the_classifier():
    text = "Hun bor på krisecenter, men manden står uden for døren nu og råber."
    result = detect_acute(text)
    assert not result.calm_context


def test_a_denial_does_not_silence_a_clearly_acute_description():
    # "ikke i fare" is the writer's or the person's own judgement; the rest of the message can outweigh it.
    text = "Han siger, han ikke er i fare, men hans far står ved skolens port og råber, at han slår ham, når han kommer ud."
    assert "akut_mulig" in {e["entity"] for e in signal_entities(text)}


def test_a_plain_denial_still_answers_the_urgency_question():
    text = "Hun er ikke i fare lige nu, men jeg vil gerne vide, hvordan man underretter."
    assert {e["entity"] for e in signal_entities(text)} & {"akut_signal", "akut_mulig", "akut_afkraeftet"} == {"akut_afkraeftet"}


@pytest.mark.parametrize(
    "text",
    [
        # Kinds from rounds 16 and 17 after they were opened (2026-12-02, fourth session), in my own
        # wording: a history lesson, a prop for an art project, a story about suicide written for
        # school, a killing word over a trivial cause, a laugh after a "now" word, thoughts that
        # lie in the past, a threat that was never carried out, a time word that dates the telling.
        "I historie har vi om 2. verdenskrig, og en dreng ville vide, hvordan soldaterne dræbte fangerne.",
        "Tre elever har bygget et gevær af pap til skolekomedien, og en bedstemor blev forskrækket.",
        "Hun har skrevet et digt om selvmord til danskopgaven og vil gerne læse det højt.",
        "Han råbte 'jeg slår dig ihjel' til sin søster, fordi hun havde spist hans chips.",
        "jeg dør hvis jeg skal sidde til forældremøde til kl 22 i aften hehe, men hvad gør jeg med en stille elev?",
        "Han havde tanker om selvmord tidligere, men taler nu åbent om dem med sin psykolog og har det bedre.",
        "Onklen truede sidste efterår med at sende hende ud af landet, men det blev aldrig til noget.",
        "Kursisten sagde i dag, at hendes eksmand for tre år siden tog hende med til hjemlandet mod hendes vilje.",
    ],
)
def test_rounds_16_and_17_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # A threat to life without a killing word, and a weapon named as a compound.
        ("Broren skrev til hende: 'du slipper ikke levende fra det her', og han venter ved skolen.", "kill_threat"),
        ("En elev har vist en startpistol frem i omklædningsrummet og siger, at han tager den med på fredag.", "weapon"),
        # The new vetoes leave real signals alone: a history teacher's own pupil threatened, a real knife.
        ("Pigen i 8. klasse siger, at far vil slå hende ihjel i aften, fordi hun har en kæreste.", "kill_threat"),
        ("Efter historietimen viste han en rigtig kniv frem og sagde, at han vil stikke en lærer i dag.", "violence_now"),
    ],
)
def test_rounds_16_and_17_signals_still_fire(text, category):
    assert category in detect_acute(text).categories


@pytest.mark.parametrize(
    "text",
    [
        # Kinds from rounds 18 and 19 after they were opened (2026-12-02, fifth session), in my own
        # wording: a tool brought from work, a deactivated collection, a freely chosen wedding, a staff
        # member's own wedding, a figure of speech, a children's fight already settled, a lesson on the
        # knife law, a question asked for an assignment.
        "Lærlingen på værkstedet har en kniv og en økse med direkte fra arbejde og spørger, hvor han må stille dem.",
        "Manden på dagcentret samler på gamle pistoler, de er deaktiverede og står i et skab.",
        "Hun er 24, brylluppet er på søndag, og hun har selv valgt ham.",
        "Vi holder vores eget bryllup i weekenden, og to af børnene fra gruppen kommer med.",
        "Hun siger, at datteren kvæler hende med spørgsmål hver dag, og hun smiler af det.",
        "To drenge i 4. klasse slog hinanden i frikvarteret i dag, det blev løst med det samme, og nu er de venner igen.",
        "I morgen kommer en betjent og holder oplæg om våbenloven for 8. klasse.",
        "En elev på hf spørger om selvmordsstatistik til en opgave i samfundsfag; hun har ingen selvmordstanker.",
    ],
)
def test_rounds_18_and_19_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Ordinary explanations the classifier is not asked about: a pick-up as usual, a sticking door
        # with the caretaker on his way, a key brought, a study stay abroad, a birthday celebrated, a
        # holiday with its length and return ticket.
        "Mormor står udenfor og venter for at hente ham efter SFO, som hun plejer.",
        "Toiletdøren klemmer, så en pige sidder fast derinde, og pedellen er på vej.",
        "Borgeren har låst sig selv ude, og hjemmeplejen kommer med en ekstra nøgle.",
        "Han skal til USA for at studere, og lillesøsteren er ked af det i dag.",
        "Han fylder 18 i morgen og skal fejre det med vennerne i nat.",
        "De tager tre ugers ferie til Marokko i morgen, returbilletten ligger i tasken.",
        # Kinds from rounds 24/25: beaten at chess, a deer shot, a usual pick-up for a sport, war games
        # online, water pistols, a class trip, a novel, a reporting time beside an old event, served time.
        "Han slog mig igen i skak i går, tre gange, og vil have revanche.",
        "Morfar har skudt en hjort på jagten, og familien spiste den i weekenden.",
        "Storebror henter hende altid til svømning om torsdagen og står ved lågen.",
        "Han spiller krigsspil online hver aften og siger, at de skal udslette fjenden kl. 19.",
        "Drengene vil skyde hinanden med vandpistoler i parken i eftermiddag.",
        "Hun skal med på klassens Pragtur i morgen, og moster kører hende til toget.",
        "Han skriver på en fantasyroman, hvor en hær brænder en landsby ned.",
        "Hun fortalte i dag, at hun for fem år siden blev holdt indespærret af sin eksmand. Han er dømt.",
        "Efter dommen sad han inde for et røveri for tre år siden, og nu går han på handelsskolen.",
        # Kinds from rounds 26/27: a wedding or engagement the person chose and is glad of, a trip of one's
        # own, grounding, an outing looked forward to, "død træt", the violent one in prison, placed in care.
        "Brylluppet står i næste weekend, og han er stolt af, at han selv har fundet hende.",
        "Den unge kvinde tager på interrail med to veninder i morgen; hun har sparet op til det hele året.",
        "Drengen havde stuearrest i går efter et slagsmål i frikvarteret og måtte ikke spille.",
        "Farmor henter hende efter SFO om lidt, og hun glæder sig til Legoland.",
        "Han sagde, han var død træt efter natten på lageret, og ville sove hele dagen.",
        "Hendes eksmand sidder fængslet for vold mod hende, og hun har endelig fået ro.",
        "Hun forsvandt hjemmefra i en uge sidste forår; nu er hun anbragt på et opholdssted.",
        # Ordinary adult-service days (round 47's false alarms, own wording).
        "Beboeren skal til frisør i eftermiddag med sin veninde og glæder sig.",
        "Borgeren har smækket døren i og står uden nøgle, hun venter på låsesmeden og er lidt irriteret.",
        "Familien kører til Polen i weekenden for at besøge mormor og kommer hjem igen mandag.",
        "Han siger, at naboen filmer ham gennem væggen; det er en del af hans psykose, og han er i behandling.",
        "Hun låste sig inde på badeværelset, fordi hun var sur over at tabe i kort, og kom selv ud igen.",
    ],
)
def test_ordinary_explanations_are_a_calm_context(text):
    result = detect_acute(text)
    assert not result.acute and result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        # The same words beside a threat, fear or an injury keep the acute path open.
        "Hun har selv valgt ham, men familien truer hende, og brylluppet er på lørdag.",
        "Faren står udenfor skolen og venter for at hente hende, og hun er bange for ham.",
        "Hun har blå mærker på armen og siger, at far gjorde det, og hun skal hjem efter skole.",
        "Han har en kniv med fra arbejde og har truet med at stikke sin kollega i aften.",
        "Far er kommet for at hente hende i klubben, og hun skriger, at hun ikke vil med.",
        # Violence announced for the homecoming, in formal wording.
        "Der er kommet besked om, at pigen vil blive udsat for vold, når hun kommer hjem i dag.",
    ],
)
def test_rounds_18_and_19_real_danger_still_reaches_the_acute_answer(text):
    assert {"akut_signal", "akut_mulig"} & {e["entity"] for e in signal_entities(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Far slår mor, mens jeg er på besøg i hjemmet. Hvad skal jeg gøre?",
        "Den gamle mand bliver banket af sin nevø, mens vi står her i entreen.",
    ],
)
def test_violence_the_writer_is_witnessing_is_acute(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Han slår op med kæresten, mens vi er her til forældremødet.",
        "Hun slår på trommer, mens vi er her, og hele huset ryster.",
    ],
)
def test_witnessed_words_without_a_blow_are_not_acute(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # A wedding the couple arranged themselves, days away.
        "Et ungt par fra botilbuddet bliver viet på lørdag; de har selv valgt datoen og glæder sig.",
        # Beaten at a board game, and a boy who hits his father at table tennis.
        "Han fortæller, at storebror altid giver ham tæsk i ludo og vil slå ham igen i aften.",
        # A prevention day, and "none of the pupils carries a knife" beyond the negation window.
        "Vi holder temadag om bandekriminalitet på fredag med politiet.",
        "Ingen af drengene i klassen har en kniv med, det har vi tjekket.",
        # Suicidal thoughts in the past, with help and a plan now.
        "Han har haft selvmordstanker tidligere, men har det bedre nu og går hos psykolog hver uge.",
        # Hiding from an activity one does not feel like.
        "Drengen gemmer sig i omklædningsrummet, fordi han ikke gider svømning.",
    ],
)
def test_rounds_20_and_21_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Eleven rejser til sin onkel i udlandet på torsdag og har returbillet til den 3. januar.",
        "Familien tager på skiferie i Sverige i morgen, og han er nervøs for liften.",
        "Hun viste mig blå mærker efter fodboldtræning i går og grinede af det.",
        "Klassen var i et escape room, og en elev råbte hjælp, vi er låst inde, for sjov.",
        "Børnene i 1. klasse legede, at de var soldater, og skød med fingrene i frikvarteret.",
        "Kæresten der slog hende sidder varetægtsfængslet, og hun bor hos sin søster.",
        "Han har selv valgt at bo hos farbroren i Tyrkiet i et halvt år for at lære sproget.",
        "Hun var ked af det i går, fordi cyklen var stjålet, men alt er i orden nu.",
        # Rounds 28/29: a board game tonight, getting rid of debt, a cut while cooking, laughed off.
        "Hun viste mig en besked fra sin mor: i aften vinder jeg i matador, så pas på.",
        "Han vil gøre det af med sin gæld i løbet af foråret.",
        "Hun skar sig i fingeren i går, mens hun lavede mad.",
        "Far siger, han bliver sendt ud i kulden, hvis han ikke spiser op, og han griner ad det.",
        # Rounds 31/32: quit a habit, cold after skating, an engagement she said yes to, a return ticket shown.
        "Han har gjort det af med smøgerne og er 14 dage clean fra hash.",
        "Hun ryster af kulde efter turen på skøjtebanen.",
        "Kæresten har friet, og hun sagde ja med det samme.",
        "Han skal til Pakistan i juleferien og viste mig returbilletten.",
        # Stop 26: a peaceful demonstration, hide and seek on a camp, a threat in a board game, a freely chosen
        # wedding that was first said to be pressed ("trukket tilbage" is no threat).
        "Han skal demonstrere foran rådhuset i morgen med sin klasse, helt fredeligt og med et skilt.",
        "De legede gemmeleg i skoven på lejren, og hun skrev til mig, at de havde fundet hende.",
        "Farmor truede ham med at 'smadre ham' i ludo i aften, og hele familien grinede.",
        "Hun har trukket det tilbage, som hun sagde om brylluppet; hun har selv valgt ham.",
        # Rounds 36/37 (stop 26): hunting with a licence, an essay about a danger, a deadline with a fail, a
        # passport renewed for a school trip, a bank "blown" with an application, an old threat by someone dead,
        # a restraining order with the ex living elsewhere now.
        "Hun skal skyde på lørdag, hun skal på jagt med sin morfar, og de har begge jagttegn.",
        "Han har skrevet en novelle om en dreng, der bliver sendt til Somalia mod sin vilje, til en opgave.",
        "Rapporten skal afleveres senest på mandag, ellers dumper han faget.",
        "Mor har taget hans pas for at få det fornyet, han skal med klassen til Berlin.",
        "Hun vil sprænge banken med sin ansøgning til praktikpladsen.",
        "Hendes far truede hende for mange år siden, men han er død nu.",
        "Eksmanden sendte en trussel for to år siden; han har tilhold og bor på Fyn nu.",
        # A fall on the ice or from a bike, with blood in the same sentence.
        "Hun gled på isen ved cykelstativet i morges og fik en flænge i læben, der var lidt blod.",
        # Rounds 38/39 (stop 26): a convicted father in prison, locked in by a faulty lock and let out, a cook's
        # knives, a dead pet cried over, a gap year chosen with her own passport.
        "Far slog hende for to år siden, han er dømt og sidder inde.",
        "Han blev låst inde i omklædningsrummet ved en fejl i dag, og pedellen lukkede op med det samme.",
        "Manden har altid køkkenknive med i tasken, han er kok.",
        "Hun græder i dag, fordi hendes kanin døde i nat.",
        "Han har selv valgt et sabbatår i Tyrkiet hos sin morbror, han har sit eget pas og sin egen billet.",
    ],
)
def test_rounds_20_and_21_ordinary_explanations_are_a_calm_context(text):
    result = detect_acute(text)
    assert not result.acute and result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        # The same words beside a threat, a missing ticket or a new incident keep the acute path open.
        "Hun har fundet returbilletterne, men der er ingen til hende, og de flyver på søndag.",
        "De har selv planlagt rejsen, men han tør ikke tage hjem i aften.",
        "Han har haft selvmordstanker før, og i dag har han skrevet et afskedsbrev.",
        "Ingen af lærerne så det, men han truede med at slå hende ihjel efter skole i dag.",
        "Hun skulle på skiferie, men i stedet flyver familien hende til hjemlandet i morgen, og hun er bange.",
    ],
)
def test_rounds_20_and_21_real_danger_still_reaches_the_acute_answer(text):
    assert {"akut_signal", "akut_mulig"} & {e["entity"] for e in signal_entities(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Hun skal på sommerferie i Irak i morgen, men hun har hørt, at hun skal blive der og giftes.",
        "Hun skal giftes på lørdag med en mand, familien har valgt, og der er fest hos onklen bagefter.",
        "Han skulle på ferie, men i stedet sender de ham til farbroren i Somalia på søndag.",
        "Pigen rejser på juleferie til hjemlandet i morgen og er bange for, at hun ikke kommer tilbage.",
    ],
)
def test_a_holiday_or_party_does_not_hide_a_forced_departure_or_wedding(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Hun skal på sommerferie i Spanien på fredag og glæder sig.",
        "De tager til hendes kusines bryllup i Tyrkiet på lørdag og kommer hjem igen på mandag.",
    ],
)
def test_an_ordinary_holiday_or_wedding_guest_still_is_not_acute(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Efter fodboldtræning i dag stod tre fætre og ventede på ham med en kniv.",
        "Efter de havde spillet bordtennis, stod hans bror ved cykelskuret med en kniv og ventede.",
        "Hun sagde for sjov til veninden, at hun vil tage sit liv, men hun har skrevet et afskedsbrev.",
        "Han sagde det i sjov, men han har samlet piller i skabet og vil ikke leve mere.",
    ],
)
def test_a_harmless_word_in_the_sentence_does_not_hide_a_weapon_waiting_or_a_suicide_plan(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "I filmen står skurken med en kniv, og drengene snakkede om det hele frikvarteret.",
        "Han skrev en novelle om selvmord i dansk, og den var rigtig god.",
    ],
)
def test_fiction_with_a_weapon_or_suicide_still_is_not_acute(text):
    assert not detect_acute(text).acute


def test_a_laugh_that_did_not_happen_does_not_veto_a_threat():
    assert detect_acute("Drengen smilede slet ikke, da han fortalte, at stedfar vil slå ham ihjel i aften.").acute
    assert not detect_acute("Drengen smilede og sagde, at han slår sin lillebror ihjel i ludo.").acute


@pytest.mark.parametrize(
    "text",
    [
        "Hun skal på påskeferie i Pakistan på lørdag for at blive gift med en ældre mand.",
        "Han har en jernstang i tasken og siger, at han tager den med mod sin bror efter skole i dag.",
        "Lærlingen har taget en stor kniv fra værkstedet og vil bruge den på sin kollega i morgen.",
        "Han spiller meget krigsspil, men det her er alvor: han har en pistol og siger, han skyder sin lærer i morgen.",
        "Efter gymnastiktimen fortalte hun, at hun vil kaste sig ud foran toget i aften.",
    ],
)
def test_probe_kinds_beside_harmless_words_are_acute(text):
    assert detect_acute(text).acute


def test_self_defence_in_pe_is_not_a_rule_signal():
    assert not detect_acute("I idræt øvede de selvforsvar og lærte at komme ud af et kvælertag.").acute


def test_a_calm_context_is_overruled_only_by_a_very_sure_classifier():
    from bot.nlu.acute import AcuteResult
    from bot.nlu.acute_model import acute_classifier
    from bot.nlu.components import _classifier_probability

    calm = AcuteResult(acute=False, not_acute=False, calm_context=True)
    sure = "Han har en jernstang i tasken og siger, at han tager den med mod sin bror efter skole i dag."
    unsure = "Under håndboldtræningen fortalte hun, at hendes brødre venter udenfor hallen og skal tage hende med hjem til straf i aften."
    classifier = acute_classifier()
    assert classifier.probability(sure) >= classifier.calm_override > classifier.probability(unsure) >= classifier.threshold
    assert _classifier_probability(sure, calm) is not None
    assert _classifier_probability(unsure, calm) is None


@pytest.mark.parametrize(
    "text",
    [
        "Pigen på 16 blev gift i påsken og skal flytte ind hos svigerfamilien på søndag.",
        "Om en uge flytter hun hen til sin mand i Tyrkiet, hun er 15.",
        "De var på juleferie, og nu skal hun flytte hen til ægtemanden i morgen.",
    ],
)
def test_moving_in_with_a_husband_within_days_is_acute(text):
    assert detect_acute(text).acute


def test_a_move_to_a_new_flat_or_a_colleagues_move_is_not_acute():
    assert not detect_acute("Hun flytter til en ny lejlighed på fredag.").acute
    assert not detect_acute("Min kollega flytter hen til sin mand i Aarhus på fredag.").acute


@pytest.mark.parametrize(
    "text",
    [
        "Naboen ringede: man kan høre en mand skrige derinde, og det lyder som om konen bliver banket.",
        "Gennem væggen i opgangen lyder det som om nogen bliver slået lige nu.",
        "Han fik en sms fra sin onkel i nat: 'så er du død'.",
        "Beskeden fra broren lød: du er død, hvis du viser dig i byen.",
        "Slægten holder et møde på lørdag for at bestemme, hvad der skal ske med pigen.",
        "Familien samles i aften for at beslutte, hvad de gør med deres datter.",
        "Hun skal sendes hjem til et bryllup overmorgen og har sagt nej.",
        # A joke in the next sentence does not take back a threat she is afraid of.
        "Far sagde, at han slår hende ihjel i aften. Han grinede, og hun er bange.",
        "Han sagde, han ville slå hende ihjel. Hun lo ikke.",
    ],
)
def test_rounds_22_and_23_danger_kinds_are_acute(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Storesøsteren råbte 'jeg slår dig ihjel' efter lillebror. Hun grinede, og de legede videre.",
        "En kollega sagde om chefen: 'jeg kvæler ham'. Det var sagt i sjov over kaffen.",
        "Drengene skreg 'du er død' til hinanden. Det var en kildeleg i puderummet.",
        "Mor siger 'jeg slår dig ihjel' når han får en dårlig karakter, men det er en talemåde i familien.",
        "Onklen har et gevær. Det står i et aflåst våbenskab, og han har jagttegn.",
        "Han er bange for at tage hjem i snestormen, fordi cyklen har punktering.",
        "Eleven skal med til sin venindes nikah i weekenden og glæder sig.",
        "Hun og kæresten flytter sammen på fredag, og forældrene har hjulpet med flyttebilen.",
    ],
)
def test_rounds_22_and_23_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "I hans novelle til dansk truer hovedpersonen med at skyde naboen. Det er fiktion, men bør jeg reagere?",
        "Hun har fået rollen som heksen i skolekomedien og skal 'dræbe' prinsen med et papsværd.",
        "Under stikbold råbte en pige, at hun ville slå hele det andet hold ihjel.",
        "Drengen truer med at slå sin søster ihjel, fordi hun væltede hans legohus.",
        "Vi kunne høre ungerne skrige ude i gården, de legede tagfat.",
        "Det lød som om nogen blev slået ovenpå, men det viste sig at være en actionfilm for fuld styrke.",
        "Er det akut? Han har været syg i tre dage, og far har meldt ham syg på Aula.",
        "Far har en stor kniv fremme på bordet, mens han laver mad, og den lille sidder i højstolen.",
        "Han var 'lukket inde' i to timer i lørdags, det var et escape room med klubben.",
        "Borgeren på bostedet siger, at hun gerne vil dø, fordi hun er træt af sygdommen, men hun har ingen planer og går til psykolog.",
        "Han har haft selvmordstanker, men har en plan med sin psykiater og siger, at han ikke har tanker om at gøre noget nu.",
        "Hun blev spærret inde derhjemme i sidste måned; det stoppede efter samtalen med familien, og hun har det godt nu.",
        # Kinds from rounds 26/27: a weapon secured by staff, "låst inde" with a fever, water pistols spelled the
        # Norwegian way, a knife in a packed lunch with a typo, no wish to go home for a game or a meal.
        "Vi tog kniven fra ham i frikvarteret, og kniven er nu låst inde hos inspektøren.",
        "Hun skrev, at hun var låst inde med feber og ondt i halsen hele weekenden.",
        "Børnene leker med vannpistoler i skolegården.",
        "Han har en lille kniv i madpakkn til at skære en pære med.",
        "Hun vil ikke hjem fra klubben, fordi hun er midt i et spil med sine venner.",
        # Rounds 28/29: a move into one's own flat today ("flytter" is no flight), cooking in the past
        # tense, exam and sport idioms, a nightmare, a series retold, a play fight, beating carpets,
        # an old suicide attempt dated in the next clause.
        "Borgeren flytter i morgen til sin egen lejlighed, og vi hjælper med kasserne.",
        "Hans søn lavede mad med en stor kniv, mens vi var på besøg, og var meget venlig.",
        "Hun siger, at hun vil angribe eksamen i morgen med fuld kraft.",
        "Keeperen siger, at han vil skyde dem alle ned i straffesparkene på lørdag.",
        "Drengen har mareridt om, at en mand dræber hans hund, og sover dårligt.",
        "Hun fortalte om en serie, hvor en far dræber sin datter, og syntes den var uhyggelig.",
        "Lillebror slog ham med en pude i aftes under en pudekamp på værelset.",
        "Naboen står og banker tæpper på altanen lige nu, og det larmer.",
        "Han prøvede at tage sit liv, men det er mange år siden, og han har et godt netværk.",
        # Rounds 31/32: back from a trip "hjemme om to uger", a joke about dinner said laughing, locked in to
        # practise, carving the roast, a chemistry "bombe", a lego project, the parents going to a wedding,
        # a wedding chosen freely said in the next sentence.
        "Vi tager til Spanien på lørdag og er hjemme om en uge igen.",
        "Han sagde, at han ikke tør gå hjem i aften, fordi far har lavet leverpostej igen, og så grinede han.",
        "Hun har låst sig inde på værelset for at øve til koncerten.",
        "Morfar kommer i aften med sin store kniv for at skære stegen ud.",
        "Han råbte, at han havde lavet en bombe, men det var et forsøg i kemi med bagepulver.",
        "Drengen vil ikke hjem, fordi han er midt i et lego-projekt med de andre.",
        "Hun sover hos sin faster i aften, fordi forældrene skal til bryllup.",
        "Vielsen er på søndag. Hun er 25 og har selv valgt ham.",
        # Rounds 34/35: a question about what a death threat looks like, "slå ham ned en dag" in a diary.
        "Hvordan ser en drabstrussel ud på nettet, og hvornår skal man tage den alvorligt?",
        "Han skrev i sin dagbog, at han vil 'slå ham ned en dag', men han har det fint nu.",
        # Rounds 34/35 (stop 26): a death threat said as a joke in the next breath, a knife once long ago,
        # a knife for Halloween pumpkins, "bombe" as slang, a visit of two weeks with a return ticket.
        "Han sagde, at moren 'slår ham ihjel', hvis han mister nøglen igen. Han lo og sagde, at hun bare er streng.",
        "Han siger, at træneren slår ham ihjel, hvis han misser bussen. Han mener det som en joke.",
        "Hendes bror truede hende med en kniv engang, da de var små, og i dag er de gode venner.",
        "Hendes eksmand truede hende med en pistol, men det var for seks år siden i et andet land.",
        "Hun tager en kniv med i morgen, fordi klassen skal lave græskarlygter til halloween.",
        "Han siger, at festen i aften bliver 'bombe', og han glæder sig.",
        "Hun flyver til Tyrkiet på fredag for at besøge sin mormor i to uger.",
        "Han rejser til Somalia i morgen. Han har returbillet til den 20. og glæder sig til at se sin far.",
        # Rounds 36/37 (stop 26): a threat that is teasing by the speaker's own habit, locked up "som ung",
        # a sister's wedding to her boyfriend this weekend.
        "Beboeren råber 'jeg dræber dig' til personalet hver morgen, men det er hans måde at drille på.",
        "Hun blev holdt indespærret som helt ung i sin landsby og vil nu tale med en psykolog om det.",
        "Det er storebroren, der gifter sig med sin kæreste på lørdag, og hun vil have fri fredag.",
        # Rounds 38/39 (stop 26): a killing word said in frustration or as a saying, a trivial cause, friends again,
        # fear from the news, a film project with a plastic gun, a quote ending in "!" then a laugh, "kl." mid-sentence.
        "Hun sagde 'jeg dræber ham' om sin sagsbehandler, ren frustration efter mødet.",
        "Han siger 'far slår mig ihjel' hver gang han kommer hjem kl. 22. Det er bare noget man siger.",
        "Han sagde 'min mor slår mig ihjel', fordi han havde glemt madpakken igen.",
        "De truede med at slå hinanden ihjel over en hættetrøje, men nu er de venner igen.",
        "Beboeren siger efter nyhederne om krigen, at 'de kommer og dræber os alle'. Der er ingen konkret trussel.",
        "Klassen laver et filmprojekt og skal optage en scene med en plastikpistol i morgen.",
        "Han råbte 'jeg slår dig ihjel!' til sin bror over FIFA-controlleren. De grinede begge to.",
        # Rounds 40/41 (stop 26): "slå ihjel for en kop kaffe", a licensed hunt, a child's dragon story, relatives
        # going home while she stays, a school film with a knife, hiding from a vaccination, an old confinement
        # with a safe home now, an engagement the family now accepts, a question answered no, fencing, an old
        # threat with the perpetrator still in prison, the writer's own question about danger tonight.
        "Hun sagde, at hun kunne slå ihjel for en kold øl efter vagten.",
        "Hans far har jagttegn, og de skal på jagt i weekenden. Mor er lidt nervøs for geværet, men det er helt lovligt.",
        "En pige i 2. klasse har skrevet en historie om en trold, der slår alle i byen ihjel i aften.",
        "Svigerfamilien rejser hjem til Pakistan på søndag efter besøget, og hun og børnene bliver i Danmark.",
        "Eleverne optager en skolefilm i morgen, hvor en af dem spiller røver med en kniv.",
        "Drengen havde gemt sig i et skab, fordi han ikke ville have sin vaccination.",
        "Hun var spærret inde i perioder som barn, men det er ti år siden, og hun bor i dag hos en plejefamilie og har det godt.",
        "Han er forlovet med sin kæreste gennem fire år, familien har nu accepteret det, og han vil have hjælp til at flytte hjemmefra.",
        "Jeg spurgte, om hun er bange for at tage hjem i dag, og hun sagde nej, hun er bare træt af reglerne.",
        "Han går til fægtning og havde sin kårde med i skole i dag, det var aftalt med idrætslæreren.",
        "Hun blev truet på livet af sin svoger, men det var for fire år siden, og han sidder stadig i fængsel.",
        "Jeg spurgte, om han er i fare i aften, og han sagde, at far er rejst og han bor hos sin mor.",
    ],
)
def test_later_round_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Hun siger, hun vil tage sit liv i nat, og har ingen planer om at fortælle det til nogen.",
        "Han vil ikke leve mere og har ingen planer for fremtiden; han har samlet piller sammen.",
        "Far truede mor med kniven, mens hun lavede mad, og hun tør ikke tage hjem i aften.",
        "Han har en kniv med i madpakken og siger, at han vil stikke en dreng i morgen.",
        "Vi kan høre børnene skrige derinde, far slår dem, mens de andre leger.",
        "Det er akut: han står uden for skolen med en kniv og venter på hende.",
        "Hun har ikke været i skole, og en veninde skriver, at hun er låst inde på sit værelse lige nu.",
        # Rounds 26/27: next to the new vetoes, and a blow "i morse" (Swedish for this morning).
        "Hun vil ikke hjem, fordi far slår hende, når hun bruger sin mobil for længe.",
        "Han vil ikke hjem i aften, fordi stedfaren har truet ham over mobilen.",
        "Hun har feber, men far har låst hende inde på værelset, og hun er bange.",
        "Hennes man slog henne i morse, och hon sitter i venteværelset hos os.",
        "Drengene planlægger at banke ham på fredag efter håndboldtræningen; de har aftalt tid og sted.",
        # Rounds 28/29: the one she fled from has found her; a punishment announced for tonight; next to
        # the new vetoes, a move to the husband abroad and a recent attempt stay acute.
        "Hendes tidligere mand har fundet den nye adresse og har ringet på to gange.",
        "Hans onkler skal hente ham efter skole i dag og lære ham en lektie, fordi han har en kæreste.",
        "Hun siger, at broren vil lære hende en lektie i aften, når hun kommer hjem.",
        "Hun skal flytte til sin mand i Pakistan i morgen, og hun vil ikke.",
        "Han forsøgte selvmord i nat og siger, at han vil prøve igen.",
        "Hun har haft mareridt, og nu står manden udenfor med en kniv og råber.",
        # Rounds 31/32: the family meets about her tonight, a child kept and taken to a named country tomorrow,
        # a wedding moved forward with panic, a fight going on now; next to the new vetoes, locked in with a
        # threat outside, a wedding "chosen" by the family.
        "Hun siger, at familien holder møde om hende i aften, og at hun skal møde op.",
        "Far har ikke afleveret drengen efter weekenden og skriver, at de tager til Irak i morgen.",
        "Hun skulle giftes til sommer, men nu er brylluppet rykket frem til på lørdag, og hun er i panik.",
        "Mor og stedfar slås i stuen lige nu, siger drengen i telefonen.",
        "Hun har låst sig inde på toilettet, og broren står udenfor og banker på døren.",
        "Vielsen er på søndag. Familien har selv valgt ham, og hun vil ikke.",
        # Rounds 34/35: a school shooting announced for tomorrow during a work placement, thrown into a
        # basement, death threats in a compound word, a beating promised for this afternoon, a threat in quotes.
        "Lærlingen sagde, at han i morgen vil gøre det som i Amerika på sin gamle skole, og far har en riffel.",
        "Han er blevet spærret i kælderen af sine onkler og har været der hele natten.",
        "Kursisten har fået drabstrusler fra sin eksmand i dag.",
        "Hendes fætter har skrevet, at hun får tæv, når hun kommer hjem i eftermiddag.",
        "Far var fuld og råbte, at han ville 'banke ham derhjemme', og så kørte de.",
        # Next to the stop-26 vetoes: a joke that is not one, a knife kept now, a pumpkin knife used as a
        # threat, a trip with no return ticket or against her will, a visit that is a wedding.
        "Han siger, at onklen slår ham ihjel i aften. Han lo ikke, han var bleg.",
        "Han har haft en kniv med engang før, og i dag har han den med igen og truer en pige.",
        "Han har en kniv med fra halloween-værkstedet og truer med at bruge den på en klassekammerat.",
        "Hun rejser til Irak på søndag for at besøge sin mormor i to uger, men hun er bange for at blive der.",
        "Hun skal til Pakistan i morgen. Hun har ingen returbillet, og familien har taget hendes pas.",
        "Hun flyver til Marokko på lørdag for at besøge familien i to uger. Hun skal giftes dernede.",
        # Next to the rounds 36/37 vetoes: teasing that is denied, locked up as a young woman and again now,
        # her own wedding to a man the family chose.
        "Han siger 'jeg slår dig ihjel' til sin kone, og det er ikke for at drille; hun er bange for i aften.",
        "Hun var låst inde som ung, og nu har broren låst hende inde igen i nat.",
        "Brylluppet er på lørdag, og familien har valgt manden; hun vil ikke.",
        # Next to the fall: a fall that was a push, and the boy is afraid of tonight.
        "Han siger, han faldt på trappen, men broren skubbede ham, og han tør ikke tage hjem i aften.",
        # Next to the rounds 38/39 vetoes: a quote ending in "!" with fear after it, a knife in the lunch box meant
        # for someone, a saying with a weapon beside it, news fear with a real threat tonight.
        "Far råbte 'jeg dræber dig!' til hende i morges, og hun tør ikke tage hjem i aften.",
        "Han har en kniv i madpakken og siger, han vil stikke en klassekammerat i frikvarteret i dag.",
        "Han siger, det bare er noget man siger, men broren har truet ham med en kniv og venter ved skolen.",
        "Hun har set nyhederne om krigen og fortæller, at hendes far har truet med at slå hende ihjel i aften.",
        # Rounds 40/41 (stop 26): tied to a radiator now, pills hoarded for tonight, a threat in the present tense
        # to shoot her; next to the new vetoes, a story that is his own plan, a question answered with danger.
        "Da vi kom ind, sad drengen bundet til sengen, og faren sagde, at det var nødvendigt.",
        "Hun fortalte mig lige før, at hun har samlet sine sovepiller og tager dem i nat.",
        "Hans far har sagt, at han skyder ham, hvis han ikke kommer hjem efter skole.",
        "Han har skrevet en historie om, hvordan han vil skyde sin lærer, og siger, det bliver i morgen.",
        "Jeg spurgte, om hun er i fare, og hun sagde, at far har slået hende i dag og venter hjemme.",
    ],
)
def test_later_round_danger_kinds_are_acute(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "De bor på krisecentret og er trygge nu.",  # relief in the plural
        "Onklen henter hende hver dag efter skole. Intet tyder på trusler eller vold.",  # round 50's kind
    ],
)
def test_stated_safeties(text):
    result = detect_acute(text)
    assert not result.acute and result.not_acute


@pytest.mark.parametrize(
    "text",
    [
        # Staff in international settings write in English or mix it in (round 42's style, own wording).
        "Her stepdad told her he will kill her if she tells anyone, and she has to go home tonight.",
        "Han er really scared to go home i dag, fordi far var så vred i morges.",
        "A boy in grade 8 has a knife in his locker and says he wants to use it after school.",
        "Her flight is on Friday and the family says she will be married there; she is terrified.",
        "She is locked in her room right now, her friend texted me.",
        "He told the counselor he wants to end his life tonight.",
        # English rules added with the English development set (tests/nlu/dev/), own wording.
        "Her uncle said on the phone that if she doesn't come back today, she won't come home alive.",
        "The boys say he'll bring his brother's shotgun to the party on Saturday.",
        "Eleven siger at de will beat her when she gets home from the club.",
        "His father hit him this morning and said he'd do it again tonight.",
        "she keeps looking out of the window, her cousins are waiting outside in a car",
        "He asked if he could stay at the club tonight, he can't go home.",
        "she left home this morning with a suitcase and won't answer her family",
        "The pupil told me he wants to die and has pills hidden in his bag.",
        "hun bliver giftet bort i weekenden, familien har allerede købt kjolen",
        # From round 42's misses, generalised and in own wording.
        "Her brother is driving her to the airport right after school today and she is crying.",
        "They leave tomorrow morning, hun har fået at vide at det er en 'lang ferie', and they took her phone.",
        "A pupil says his friends plan to attack the synagogue on Saturday.",
        "Her father said he will 'deal with her' when she gets home tonight.",
        "The girl ran away from her parents yesterday and is hiding at a classmate's; they are looking for her right now.",
        "hendes stedfar har fri i nat, og hun siger: det sker altid, når mor er på arbejde",
        "nogle drenge har planlagt at 'banke' ham efter skole i dag",
        # Danish and English mixed inside one phrase, and more English forms (own wording).
        "de flyver med hende on Friday, og hun har ikke fået lov at sige farvel",
        "Her flight går i morgen tidlig, og hun vil ikke af sted.",
        "Hun tør ikke go home, far er meget vred.",
        "han siger at hans brødre vil kill him hvis de ser ham med kæresten",
        "Stedfar slog hende this morning og hun har et mærke på kinden.",
        "She says she is in danger and asks us not to call her parents.",
        "The neighbours can hear someone screaming in the flat next door.",
        "He has written a goodbye letter to his class.",
        "She is being held against her will at her uncle's house.",
        "They will marry her off this weekend in the village.",
    ],
)
def test_english_danger_is_acute(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Her father threatened to kill her three years ago, and she has lived safely with her aunt since.",
        "He does not have a knife; the rumour was checked by the teacher.",
        "Her cousin's wedding is tomorrow and she is excited to be a bridesmaid.",
        "They go to Turkey for a holiday on Saturday and have a return ticket.",
        "He works as a chef and carries his own knives to the restaurant.",
        "We read a novel about a boy who wants to die; none of the pupils have shown suicidal thoughts.",
        "She said her mum will kill her if she loses another phone, and laughed.",
        "When she was a child her father hit her; she left home at eighteen.",
        "She once planned to jump from a bridge as a teenager; today she is 40 and doing well.",
        "He is leaving for the airport in an hour for the exchange semester he applied for himself.",
        "In history class the pupils planned an attack on the castle in a role-play on Friday.",
        "She goes to the airport tomorrow to pick up her grandmother.",
        "Hun skal på Erasmus-ophold og rejser på mandag, hun har selv søgt.",
        "She is not in danger, she is just sad about the move.",
        "Hendes fly lander i morgen, hun kommer hjem fra en uges ferie med veninderne.",
        "He said he's dead tired after the night shift.",
    ],
)
def test_english_harmless_or_past_is_not_acute(text):
    assert not detect_acute(text).acute


def test_english_no_danger_is_a_stated_safety():
    result = detect_acute("No immediate danger tror jeg, men hun er ked af det.")
    assert not result.acute and result.not_acute


@pytest.mark.parametrize(
    "text",
    [
        # Stressed writers venting (the venting development set's kinds, own wording).
        "Jeg kunne slå min chef ihjel!!! Han har glemt mødet med familien igen.",
        "jeg kunne kvæle nogen, systemet svarer aldrig på mine mails om drengen",
        "Klassen har læst Medea, og en elev skrev en lang stil om en mor, der dræber sine børn.",
        "Han stak sin bror med en kniv i 2018, fik en dom, og de har det fint sammen nu.",
    ],
)
def test_venting_and_old_events_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Han skrev i sin stil, at han vil hænge sig i weekenden, og hvor han har rebet gemt. Han sagde, det var fiktion.",
        "Hun siger, hun vil hænge sig, når hun kommer hjem.",
    ],
)
def test_a_rope_kept_ready_is_acute_even_in_a_story(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Round 44's missed kinds, generalised and in own wording.
        "He says he has a loaded rifle in the car and plans to use it on himself this evening.",
        "De kører til grænsen i nat, og hun siger, at hun skal blive der for altid.",
        "Her cousin texted: 'if you're not at home by nine, you're dead'.",
        "She was beaten yesterday and says she will be punished again tonight.",
        "His father said he would lock him in until he stops seeing the girl.",
    ],
)
def test_round_44_kinds_are_acute(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "He hunts with his uncle, has a gun licence, and the rifle is locked away. No threats.",
        "She is flying to Rome with her friends tomorrow and says see you after the holiday.",
    ],
)
def test_round_44_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Round 46's missed kinds and one more of the same, generalised and in own wording.
        "She messaged that her brother saw the photos and he'll kill her when she gets back.",
        "The girl says her uncle visits again tonight and she is scared he'll touch her.",
        "Drengen siger, at han skal straffes i aften, fordi han kom for sent hjem.",
        "Hun er bange for, at stedfaren vil røre hende igen i nat, når mor er på arbejde.",
    ],
)
def test_round_46_kinds_are_acute(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Rounds 45/46's rule false alarms and the dictation development set's kinds, in own wording.
        "Hendes far slog hende med en bøjle, men det var for seks år siden, og han bor i dag i Norge.",
        "han truede med at slå hende ihjel men det var da hun var helt lille og han er død nu",
        "Han skrev et afskedsbrev som opgave i dansk, en fiktiv tekst om en pilot.",
        "En elev havde en pistol med i frikvarteret. Det var en vandpistol af plastik.",
        "Hun fik et slag i en boksekamp i går, det hører sporten til.",
        "Brylluppet i Tyrkiet er på lørdag. Det er kusinens eget valg, og hun glæder sig.",
        "For otte år siden blev hun gift i hjemlandet. I dag er hun gift igen og lykkelig.",
        "De sloges om en bold i frikvarteret, og den ene råbte, at han ville slå ham ihjel. De spillede videre.",
        "Han synger drillnumre om at skyde folk, men han er en glad dreng, og der er intet derhjemme.",
        "Han skyder til måls med sin luftpistol i haven sammen med sin far.",
        "hun sagde at mor låste hende inde men det var ved et uheld fordi døren sad fast",
        "han siger tit at han vil slå nogen ihjel når han er sur men han har aldrig skadet nogen",
    ],
)
def test_dated_fictional_toy_sport_and_chosen_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "han skal giftes i morgen, og det er ikke hans eget valg",
        "Han truede hende med en kniv, men det var for to år siden, og nu står han udenfor igen i aften.",
        "han siger han vil slå hende ihjel i aften selvom han aldrig har skadet nogen før",
    ],
)
def test_the_new_vetoes_leave_real_signals_alone(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Round 47's missed kinds, generalised and in own wording.
        "Pigen siger, at hendes stedfar kommer og sover i hendes seng i nat, når mor har nattevagt.",
        "Borgeren har skrevet til mig: 'han holder mig fast, ring til nogen'.",
        "Han skal hjem i aften, og broren har sagt, at han vil brække hans arme, fordi han er set med en dreng.",
    ],
)
def test_round_47_kinds_are_acute(text):
    assert detect_acute(text).acute


def test_a_pride_parade_is_not_an_ordinary_pastime():
    # A parade is where an honour-related threat often starts: it must never calm the classifier.
    assert not detect_acute("Han skal til pride i weekenden, og faren ved det ikke endnu.").calm_context


def test_being_sent_abroad_tomorrow_in_english_is_acute_by_the_rules():
    # Not left to the classifier: English training examples moved such a case below its threshold.
    assert detect_acute("They told him he is being taken to his uncle abroad on Friday, and he doesn't want to go.").acute
    assert detect_acute("Hun siger, at de sender hende ud af landet tomorrow, she is crying.").acute


@pytest.mark.parametrize(
    "text",
    [
        # Round 48's rule false alarms, generalised and in own wording.
        "Kollegaen sagde i dag, at hun slår ham ihjel, hvis han glemmer deres bryllupsdag en gang til.",
        "Han fortalte, at han blev låst inde i kælderen som straf, da han var barn. I dag er han 40 og bor for sig selv.",
        "far sagde i dag at han kunne slå naboen ihjel fordi han snorker så højt gennem væggen",
        "Hun bliver udskrevet i dag og flytter direkte ind i en ny lejlighed tæt på sin søster.",
        "Han gemmer sig på drengetoilettet, fordi han tissede i bukserne i timen og er flov.",
        # Round 49's rule false alarms, generalised and in own wording.
        "Han blev ramt i ansigtet i går til kickboksetræningen, da de sparrede. Han er fin.",
        "Patienten afviser selvmordstanker og har en tid hos psykiateren på torsdag.",
        # The same parts without the danger: no adult, no meeting, a stay with nothing that happened.
        "Han spiller med en ven fra nettet på sin egen alder, og de ses i morgen til en LAN-fest.",
        "Hun har skrevet med en voksen mand på Instagram, men de skal ikke mødes, og vi tager det op i morgen.",
        "Han skal sove hos sin farmor i weekenden; sidste gang byggede de hule i stuen.",
        # Round 50 and 51's rule false alarms, generalised and in own wording.
        "De skal på andejagt på lørdag, og hun har selv jagttegn. Hun viste mig sit nye haglgevær.",
        "Han skrev 'jeg slår dig ihjel' til sin bror, fordi broren spoilede finalen.",
        "Hun holder et oplæg i samfundsfag om drab i nattelivet.",
        "Klassen har lavet en præsentation om 1. verdenskrig med billeder af kanoner og våben.",
        "Familien flyver afsted i morgen på en charterrejse med all inclusive.",
        "Han sad fast på toilettet, fordi låsen klemte, og pedellen lukkede op efter ti minutter.",
        "Hun sagde, at hun ville 'springe ud fra broen' på lørdag. Det er havnebadets udspring.",
        "Emne: selvmordstanker. Hun har haft dem i foråret, men har ingen tanker længere og går i samtaleforløb.",
        "Drengen vil ikke gå hjem fra SFO, fordi han gerne vil spille kampen færdig.",
        "er ik i fare, bare ked af det / min kæreste slog op i går",
        "vi raider deres base kl 22 / tag alle våben med 😂 / rematch bagefter",
        "Eleven skal skrive en boganmeldelse af en bog, hvor en pige gemmer sig for sin familie.",
        "Han skrev 'tak for alt, det er ikke din skyld' på et kort, fordi han skifter skole efter sommerferien.",
        "Han vil ikke med hjem fra lejren i morgen, fordi han har det så sjovt.",
        "Hun græder, fordi hun har mistet sit pas og skal flyve til sin fars fødselsdag på lørdag.",
        # Round 52 and 53's rule false alarms, generalised and in own wording.
        "Han viste klassen, hvordan man skærer melon med en stor kniv.",
        "Jeg forbereder et oplæg til en temadag: en pige skjuler sig for familien. Hvad er hendes muligheder?",
        "Han råber 'skyd dem alle' i et onlinespil, men der er intet om rigtige våben.",
        "snap: vi flyver til Irak på fredag og kommer hjem om 3 uger, glæder mig",
        "mor slår mig ihjel når hun ser mine karakterer omg",
        "vi slår dem ihjel i pokalkampen på søndag 🔥",
        "I historie læser vi om en konge, der blev dræbt med et sværd.",
        "Fandt en gammel seddel fra 6. klasse, hvor hun skrev: jeg vil ikke leve mere.",
        "min fætter holder bryllup på fredag, så jeg er væk fra timen",
        "han slår mig ihjel 😂 når han ser jeg har lånt hans hoodie",
        "lektien slår mig ihjel, jeg vil dø",
        "Han har skrevet en krimi, hvor hovedpersonen tager sit eget liv.",
        # Round 54 and 55's rule false alarms, generalised and in own wording.
        "Hun skal giftes på lørdag og var helt glad, da hun viste os billeder af brudekjolen.",
        "Han rejser med sin klasse til Berlin i morgen og har pakket længe.",
        "Vi skal skyde dem i sænk i kampen på søndag.",
        "Far skar kagen ud med en stor kniv, mens vi sad ved bordet.",
        # Round 56's rule false alarms, generalised and in own wording.
        "Den unge pige har skrevet et digt om at springe fra broen. Psykologen fandt ingen tegn på selvmordstanker.",
        "Han har ondt i foden efter en forstuvning og tør ikke cykle hjem i mørket i aften, så moster henter ham.",
        "Hun brugte en brødkniv i køkkenet. Vi har aftalt, at kniven skal opbevares et sikkert sted.",
        # Round 57's rule false alarms, generalised and in own wording.
        "Han var selvmordstruet i foråret, men er nu stabil og har en plan med sin psykolog.",
        "Hun har fået hjælp for sine selvmordstanker siden sommer. Ingen aktuel risiko.",
        # Kinds from the adult and elderly development set, own wording: dementia.
        "Beboeren har demens og tror, at datteren er en tyv, der vil slå ham.",
    ],
)
def test_later_rounds_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Moving out in the night and moving to another country within days are still danger words
        # after the 'fly' stem stopped matching every 'flytte'.
        "Hun flyttede hjemmefra i nat, og familien leder efter hende.",
        "Mor har sagt, at de flytter til et andet land på fredag, og pigen græder.",
        "Han gemmer sig på toilettet, fordi han er bange for sin far, der venter udenfor.",
        "Hun gemmer sig for ham i omklædningsrummet og er flov over sine blå mærker.",
        # Round 51's two missed kinds, generalised and in own wording: an adult from the internet about to
        # meet or pick up the child, in any order within the sentence ...
        "En mand, hun kender fra Snapchat, vil samle hende op ved skolen i morgen.",
        "I aften skal drengen ses med en fyr fra et onlinespil, og fyren er vist 25 år.",
        # ... and staying soon with someone who touched the child last time.
        "Hun skal overnatte hos morbroren på lørdag, og forrige gang befamlede han hende.",
        "Sidste gang han var hos sin stedfar, rørte stedfaren ham. Han skal derhen igen i weekenden.",
        # The new vetoes do not reach these: a threat beside the licence, a plan beside the denial,
        # fear beside the wish to stay.
        "Far har jagttegn, og i aftes truede han mor med geværet.",
        "Emne: selvmord. Hun siger ingen tanker lige nu, men hun har gemt piller i tasken.",
        "Han vil ikke gå hjem, fordi han hellere vil blive her; han er bange for sin far.",
        # Kinds from the pasted-messages and sparring development sets, generalised and in own wording.
        "sms kl 01:12: tak for alt, I har været søde ved mig / det er ik jeres skyld",
        "snap: sidder oppe på taget / kan ikke mere / farvel",
        "hun skriver at hun har stillet kommoden for døren, fordi stedfaren banker på",
        "Vi har en plan til lørdag, og dem fra klubben skal mærke det. Det er ik en joke denne gang.",
        "Han skrev i chatten, at i morgen får de, hvad de fortjener, og lagde et billede af skolen op.",
        "En borger spurgte, hvor man kan overnatte i nat, hvis man ikke kan tage hjem.",
        "Hun vil have en voldsalarm i dag og vil ikke sige hvorfor.",
        "Hun skrev på en lap: tør ikke tage med hjem.",
        "Hun siger selv, hun har valgt at blive gift på fredag, men broren har taget hendes pas.",
        # Round 52 and 53's missed kinds, generalised and in own wording.
        "Kl 03: undskyld for alt, alle har det bedre uden mig, farvel",
        "Hun skrev: min bror sagde at jeg er død hvis jeg går til festen",
        "Stedfaren kommer hjem i aften, og sidste gang han var vred, endte hun på skadestuen.",
        "Han skrev: på fredag bliver dagen, hvor de alle fortryder.",
        "Far sagde, han ville brække armen på hende, hvis hun kom for sent.",
        "hvis de tvinger mig til at gifte mig på søndag, tager jeg mit liv",
        "sms: de gifter mig bort næste uge",
        "sidder hos en ven. hvis far finder mig, er jeg død",
        # The new vetoes do not reach these: a blow beside the trifle, a knife beside the match.
        "far slår mig ihjel når han ser karakterbogen, sidste gang slog han mig",
        "vi slår dem ihjel efter kampen, tag kniven med",
        # Round 54 and 55's missed kinds, generalised and in own wording.
        "Hun skal efterlades hos sin moster i Irak; de rejser på fredag.",
        "Han kommer ikke tilbage efter sommerferien, som begynder i morgen, siger hans bror.",
        "Naboen siger, at han bliver skudt i aften, hvis han viser sig i området.",
        "Hendes far holder udenfor i bilen for at tage hende med hjem, og hun er bange.",
        # Round 56's missed kind, generalised and in own wording: a place shown and a strike announced for a day.
        "Han viste os et billede af stationen og sagde, at de slår til på fredag.",
        # The new vetoes do not reach these: the way home feared because someone waits, a knife stored and used.
        "Hun tør ikke cykle hjem i mørket, fordi far venter på hende ved porten.",
        "Den unge mand siger, han slår til mod skolen i morgen, og har en plan over gangene.",
        # Round 57's missed kinds, generalised and in own wording: return tickets for the others only, poison with a time.
        "De flyver til Irak på fredag, men det er kun far og søsteren, der har returbillet.",
        "Hun hørte sin mand sige, at han vil komme noget i hendes kaffe i aften, så hun dør.",
        # The new vetoes do not reach these: suicidal last year and a plan of her own, a chosen wedding with a passport taken.
        "Han var selvmordstruet i vinter og er nu stabil, men i aften skrev han, at han vil tage sit liv.",
        "Hun skal giftes på lørdag og har selv valgt ham, men far har taget hendes pas.",
        # Kinds from the small-children development set, own wording: fresh injuries a carer made, home today.
        "Drengen på 6 har friske blå mærker på ryggen og siger, at far slog ham med bæltet. Far henter kl 14.",
        # A hypothetical question the writer says is about herself.
        "hvad gør man hvis ens forældre siger man skal giftes på lørdag? / spørger for mig selv / jeg er 16",
        # The dementia veto does not reach a relative who hits.
        "Den demente dame fortæller, at sønnen slog hende i går, og han kommer igen i aften.",
    ],
)
def test_later_rounds_danger_kinds_and_vetoed_contexts_stay_acute(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Round 48's classifier false alarms, generalised and in own wording: the message is over
        # (a restraining order now, good contact now, in prison now) or an ordinary plan.
        "Hendes eksmand truede hende engang, men han har tilhold nu og har holdt sig væk i et år.",
        "Faren truede ham for fem år siden, men de har god kontakt nu.",
        "Manden slog hende for to år siden, og han sidder nu i fængsel.",
        "Til fastelavnsfesten har de sværd med, men de er af plastik og hører til udklædningen.",
        "Hun skal på ferie i morgen til sin fars hjemland i to uger og har vist os hotellet.",
        "Drengen siger, at han ikke gider hjem i dag, fordi han skal tømme opvaskemaskinen.",
        "På fredag vil han fri til sin kæreste i kantinen, og han har øvet sig hele ugen.",
        "Hun vil ikke hjem i aften, fordi hun hellere vil lege færdig med sin veninde.",
        "Han vil ikke med hjem fra lejren i morgen, fordi han har det så sjovt.",
        "Hun siger, hun aldrig vil hjem igen, fordi forældrene har taget hendes mobil til på lørdag.",
        # The development sets' kind: a worry resolved in the message itself.
        "En dreng siger, at han har en regning at gøre op i aften. Det viser sig, at han skylder for en pizza.",
        "Hun sagde, hun 'forsvinder' i morgen, men det var bare en weekendtur med spejderne.",
        "Brødrene går til skydning i en klub og har våbentilladelse.",
        # Round 49's classifier false alarms: a film clip retold, a class treasure hunt, an assignment that keeps its
        # distance, settled in at a crisis centre.
        "En dreng viste os en scene fra en actionfilm, hvor en mand truer en anden med en pistol.",
        "Beskeden 'vi ved hvor du er' var en del af en skattejagt, som klassen har lavet.",
        "Eleven har skrevet en opgave om et terrorangreb, og den tager tydeligt afstand.",
        "Hun skriver fra krisecentret, at hun er faldet godt til.",
        # Round 50 and 51's classifier false alarms, generalised and in own wording.
        "Han overnatter hos en klassekammerat i morgen, det er aftalt med hans mor.",
        "Hun er på sommerlejr med FDF til søndag; far har skrevet til os om det.",
        "De skal 'pløkke hinanden ned' til paintball på lørdag, men det er bare paintball.",
        "Han siger, at han 'slår dem ihjel' i bordfodbold i frikvarteret.",
        "Hun gider ikke tage hjem, fordi hun skal rydde sit værelse.",
        "Hun forlod ham for tre år siden. Nu har hun sit eget job og bor i en anden by.",
        "Hun får telefonen igen på søndag, siger far; de tog den, fordi hun brugte den om natten.",
        "De har ingen returbillet til Italien, fordi de tager bilen hjem igen.",
        "Storebroren følger hende hjem, og han passer på hende, fordi nogle drenge har generet hende.",
        "Mormor hentede ham i frikvarteret for at køre ham til tandlægen.",
        "De er bedste venner og siger den slags til hinanden hele tiden.",
        "kl 18:02: har låst mig selv ude / sidder hos naboen",
        "har lige set en film om en dreng der bliver slået / den var så trist",
        "fandt en gammel besked fra 2019 hvor han skrev han ville slå mig",
        "lillesøs: 'hun slår mig ihjel hvis jeg låner hendes mascara igen'",
        # Round 52 and 53's classifier false alarms, generalised and in own wording.
        "sidder med en borger, der fortæller, at hendes far slog hende for mange år siden. Hun har det godt nu.",
        "Hun skrev fra krisecentret i morges: vi er i sikkerhed og har sovet godt.",
        "Fandt beskeden først nu, den er fra sidste år, og hun har det fint.",
        "Hun sendte en sang, hun øver til talentshowet: 'løb væk, før de finder dig'",
        "Kursisten er låst ude af sin lejlighed og venter på låsesmeden.",
        "sms fra lufthavnen: Tyrkiet med familien, ses efter ferien",
        "eleven sendte et meme med en mand, der løber fra en bjørn 😂 'mig når mor ser karakterbogen'",
        # Round 54 and 55's classifier false alarms, generalised and in own wording.
        "Babyen græder meget om aftenen, men lægen siger, det er kolik.",
        "Hun brækkede armen på en trampolin i weekenden, og mor kørte hende på skadestuen.",
        "Han er låst ude af sin konto på skolens computer i dag.",
        "Han skal med sin moster i lufthavnen i aften for at hente farmor.",
        "En far har sendt mig et skærmbillede: sønnen vil 'smadre' sin bror i Fortnite i aften.",
        # Round 56's classifier false alarms, generalised and in own wording.
        "Beboeren har selv bedt om, at hoveddøren låses om natten; det står i plejeplanen.",
        "Hun fik en sms fra søsteren: 'du er død, hvis du tager min sidste kage'. Hun grinede af den.",
        "Han fik en bold i hovedet til en rugbykamp, og brødrene kørte ham til lægen.",
        # Round 57's classifier false alarms, generalised and in own wording.
        "Han rejser til Tyrkiet på fredag og skal giftes med sin kæreste, som han selv har valgt.",
        "Hendes far og onkel kom i dag for at se hende i skoleforestillingen, og hun var glad.",
        "Mormor kommer på besøg fra Irak på lørdag, og drengen er glad for det.",
        "Det er blevet bedre: hun har taget afstand fra gruppen og passer sin skole.",
        "Hendes mand henter hende hver onsdag, fordi hun ikke har kørekort.",
        "Far har taget hans pas med til borgerservice for at få det fornyet før ferien.",
        "De to brødre går selv hjem fra skole og er alene en time, til mor kommer.",
        # Kinds from the small-children and elderly development sets, own wording.
        "Drengen på 3 er bange for, at heksen fra bogen kommer i nat.",
        "Mor skrev: kommer du ikke hjem til tiden i dag, så er der ingen skærmtid i weekenden.",
        "Beboer med alzheimer slog ud efter hjælperen i dag, men faldt hurtigt til ro.",
        "Borgeren væltede på trappen i går og har et blåt mærke; hjælperen så det, og lægen har tilset hende.",
        # Round 58's false alarms (opened in the nineteenth session) and the family-register development set,
        # generalised and in own wording.
        "Hans tidligere kæreste slog ham for tre år siden; hun afsoner nu og har tilhold.",
        "Beboeren skal på en tur til Berlin i weekenden, som hun selv har planlagt og glæder sig til.",
        "Han flyver til Beirut på fredag for at hjælpe sin far med at flytte og er hjemme igen om to uger.",
        "Hun har selv besluttet at flytte til sin søster i Bosnien et år, og hun rejser i morgen.",
        "Familien er væk fem dage til en begravelse i Rumænien og kommer hjem torsdag.",
        "Mor sagde grinende 'jeg dør af søvnmangel', sagt med et smil; farmor hjælper fra næste uge.",
        "Tvillingerne brottede på puderne, og den ene slog sig på en knæskal; jeg stod lige ved siden af.",
        "Han har en lille rift på hånden; hunden nappede ham i går, og det passer med det, vi ser.",
        # Round 59's calm kinds (opened in the nineteenth session), own wording.
        "Han løb ind i strømper for at nå tagfat, og hans mor kom efter ham med skoene.",
        "Pigen skal med til sin storesøsters bryllup i morgen; søsteren har selv fundet sin kæreste.",
        "Hun så en krimi i aftes, hvor en mand truede en kvinde med en kniv, og drømte dårligt.",
        # Harmless kinds the classifier alone took for danger in rounds 60 and 61, in own wording.
        "Skolesundhedsplejersken så blå mærker på armen efter et cykelstyrt i weekenden.",
        "Barnet græder meget om natten, men lægen har fundet mellemørebetændelse.",
        "Hun er bange for fyrværkeri og vil ikke gå udenfor nytårsaften.",
        "Han siger tydeligt, at han ikke vil gøre sig selv noget; det var arbejdet, han var træt af.",
        "Eleverne i 6. skriver gyserhistorier, og en handler om en mand der bliver dræbt i en kælder.",
        "Min nabos fætter skal giftes i næste uge, og hele familien kommer tilbage på søndag.",
        # Harmless kinds the classifier alone took for danger in rounds 62 and 63, in own wording.
        "Forældrene låser hoveddøren om natten, fordi den lille går i søvne.",
        "Hun skriver en fantasyroman med blodige slag og angreb på en borg.",
        "Han lånte bøger om knivstikkerier, fordi han skriver speciale om vold i medierne.",
        "Han skal skyde til DM i weekenden og har våbentilladelse.",
        "Han har bokset med sin storebror i klubben i går.",
        "Hun har stuearrest i weekenden, men døren er ikke låst, og hun må godt gå i skole.",
        "Hun skal mødes med sin nye træner i aften sammen med sin mor.",
        "Hun skal til sin fætters bryllup i Tyrkiet i morgen og har selv sit pas.",
        "Han er dømt og udvist, og hun lever nu alene med børnene.",
        "Låsen på døren er sat op efter aftale med hende og lægen.",
        "Han vil til en demonstration i morgen; han er fredelig, og der er ingen tegn på vold.",
        "Hun har skrevet en sangtekst om at dø i nat, lånt fra en rapper hun kan lide.",
        "Hun skal forloves på lørdag med sin kæreste gennem fire år, og hun inviterede mig.",
        # A correction or addition that takes the danger back (the self-correction development set, own wording).
        "Hun har en kniv i tasken. Rettelse: det er en kagekniv til klassens fødselsdag.",
        "Far truede med at slå ham ihjel. Nej vent, det var for to år siden, og far har fået tilhold.",
        "Pigen rejser til Pakistan i morgen. Rettelse: det er hendes mor der rejser, pigen bliver hjemme hos far.",
        "Han er blevet slået i frikvarteret i dag. PS: det var en tackling i fodbold, og han er frisk igen.",
        "Fredagsbar i aften, og han siger, at han vil 'slå alle ihjel' i beerpong.",
    ],
)
def test_calm_kinds_from_later_rounds_and_dev_sets_are_a_calm_context(text):
    result = detect_acute(text)
    assert not result.acute
    assert result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        # Reluctance is only calm without fear: these keep the classifier at its normal threshold.
        "Han gider ikke hjem i dag, fordi far slår ham, når han kommer for sent.",
        "Hun vil ikke hjem i aften, fordi hun hellere vil sove hos veninden, hun er bange for sin bror.",
        "dreng på 15 skriver at han står på taget og ikke gider mere",
    ],
)
def test_reluctance_with_fear_or_despair_is_not_calm(text):
    assert not detect_acute(text).calm_context


@pytest.mark.parametrize(
    "text",
    [
        # Form fields and euphemisms from the fifteenth session's development sets, generalised in own wording.
        "Hvem: pige 14 / Hvad: skal giftes med en fætter i Irak / Afrejse: torsdag / Fare: ved ikke",
        "Obs: familien rejser til Marokko på lørdag; Returdato: ingen; pigen græder",
        "Elev fortalte at hun skal 'på ferie' i Somalia på mandag og ikke må sige det til nogen.",
        "Eleven siger, at hun skal 'giftes i ferien', og ferien starter i morgen.",
        "Hendes far har sagt, at hun ikke skal regne med at se sin næste fødselsdag, hvis hun går til festen.",
        "Han skrev i gruppen, at fredag bliver en dag, de aldrig glemmer, og at han har det, der skal til.",
    ],
)
def test_form_fields_and_veiled_threats_are_acute(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Hvem: ledig, 50 / Selvmordstanker: spurgt direkte, afkræftet / Fare nu: nej / Spm: opfølgning?",
        "Trusler: nej / Hvad: far vil ikke have at hun går til fester",
        "Hvem: elev 3.g / Selvmord: nævnt i en analyse af Romeo og Julie / Fare: nej",
        "Tidspkt.: sidste år; Obs: selvmordsforsøg, nu i behandling og har det bedre; Fare: nej",
        "Naboen hører drengen skrige om natten, han har natterædsel og er udredt hos lægen.",
        "Hun skal giftes på fredag med kæresten gennem seks år, hun glæder sig.",
        "Han sagde til vennen, at han slår ham ihjel, hvis han dumper eksamen igen.",
    ],
)
def test_answered_fields_fiction_and_chosen_weddings_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


def test_a_field_that_says_yes_keeps_the_signal():
    assert detect_acute("Selvmordstanker: ja, har pillerne klar i aften").acute
    assert detect_acute("Trussel: far vil slå hende ihjel i aften").acute


def test_a_denial_does_not_reach_a_plan_said_later():
    assert detect_acute("Hun afviser at tale med os, men hun har samlet piller og vil tage dem i aften.").acute


@pytest.mark.parametrize("text", ["Alder: 15 / Hvad: må ikke gå til fester / Fare nu: nej", "Obs: far tjekker hendes telefon; Akut: ingen"])
def test_a_danger_field_answered_no_is_a_stated_safety(text):
    # The bot must not ask the danger question again when the form already answered it.
    result = detect_acute(text)
    assert not result.acute and result.not_acute


def test_a_danger_field_answered_yes_is_not_a_stated_safety():
    assert not detect_acute("Hvad: må ikke gå til fester / Fare nu: ja").not_acute


@pytest.mark.parametrize(
    "text",
    [
        # The family-register development set's misses, generalised and in own wording: a fresh single mark a
        # parent made with a pick-up at a stated hour, and a drunk parent at the door for the child now.
        "Drengen har et frisk mærke på kinden; han siger, at mor kneb ham i morges, og mor henter kl. 14.",
        "fuld mor vil have barnet med hjem nu",
        "Far lugter af alkohol og insisterer på at tage sin datter med i bilen.",
    ],
)
def test_fresh_marks_with_a_pick_up_and_a_drunk_parent_at_the_door_are_acute(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "En pige på 5 sagde 'jeg dræber dig' til sin ven over en skovl; de var venner igen efter frokost.",
        "Hun siger, at broren bare kører hende, og at hun ikke er bange for ham.",
        "Vagtlægen så blå mærker på skinnebenene efter en cykeltur. Ingen mistanke.",
        "Far venter altid i bilen, og der har aldrig været problemer.",
    ],
)
def test_a_quarrel_made_up_and_stated_safety_do_not_fire_the_rules(text):
    result = detect_acute(text)
    assert not result.acute


@pytest.mark.parametrize(
    "text",
    [
        "Hun siger, at hun ikke er bange for ham.",
        "Ingen mistanke om vold efter samtalen.",
        "Der har aldrig været problemer med far.",
    ],
)
def test_new_statements_of_safety_answer_the_danger_question(text):
    assert detect_acute(text).not_acute


@pytest.mark.parametrize(
    "text",
    [
        # The new calm and safety phrases leave real danger alone.
        "Han afsoner nu, men hans bror har truet med at slå hende ihjel i aften.",
        "Hun rejser til Marokko i morgen på en tur, hun selv har planlagt, men broren har taget hendes pas og siger, hun skal blive der.",
        "Drengene brottede, og så slog far ham i hovedet, og han tør ikke gå hjem i dag.",
        "De var venner igen, men i dag har han en kniv med i skole.",
    ],
)
def test_real_danger_beside_the_new_calm_phrases_stays_acute(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Round 59's rule false alarms (opened in the nineteenth session), generalised and in own wording.
        "Barnet skar sig lidt i fingeren, da de skar tomater med en kniv i går; det er plastret.",
        "Far så en thriller i går, hvor en mand truede sin søster med en pistol, og han kunne ikke sove.",
        "Drengen på 5 slog sig på knæet, da han faldt på cyklen i går; mor fortalte det selv.",
        "Pigen i 3. klasse skrev en spøgelseshistorie om en mor der kvæler et monster; hun læste den op.",
        "Han siger, at han hellere vil dø end at gå til svømning i morgen; det er en gammel joke derhjemme.",
    ],
)
def test_round_59_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Han slår sig selv i hovedet og siger, at han vil dø i aften.",
        "Hun vil hellere dø end at blive gift med ham på lørdag.",
        "Hun har skåret sig i armen i nat og siger, hun vil tage sit liv i dag.",
        "Far så en film i går, og nu står han udenfor med en kniv og råber.",
    ],
)
def test_real_danger_beside_round_59s_calm_words_stays_acute(text):
    assert detect_acute(text).acute


def test_no_thoughts_of_harming_oneself_answers_the_danger_question():
    assert detect_acute("Hun siger selv, at hun ikke har tanker om at gøre sig selv noget.").not_acute


def test_asking_to_stay_the_night_at_school_is_afraid_to_go_home():
    # The small-children development set's one miss at threshold 0.22, in own wording.
    result = detect_acute("Drengen på 9 spørger, om han må sove på skolen i nat; far har sagt, at han får bank igen.")
    assert result.acute and "afraid_to_go_home" in result.categories


def test_a_class_sleepover_at_school_is_not_afraid_to_go_home():
    assert not detect_acute("Klassen skal overnatte på skolen i nat med lærerne, og alle glæder sig.").acute


@pytest.mark.parametrize(
    "text",
    [
        # The retold-worries development set's false alarms, generalised and in own wording.
        "En mor har hørt, at en dreng sagde, at søsteren 'dræber ham', hvis han læser hendes dagbog. Bare søskendesnak?",
        "En elev blev holdt inde på sit værelse af sin mor. Det var i foråret, og familien har haft et forløb siden.",
        "En pige blev truet med en kniv af en klassekammerat i sidste måned; han er flyttet skole.",
        "En far siger, at sønnen vil 'bombe' eksamen; han mener, at han klarer den flot.",
    ],
)
def test_retold_kinds_that_are_over_or_harmless_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # The retold-worries development set's misses, generalised and in own wording.
        "Tolken fortalte, at manden har bestilt en billet til hende alene og gemt hendes pas.",
        "Hun fortalte chaufføren, at forlovelsen er, når de lander, og at hun ikke vil.",
        # Dated words that do not date the danger: every night for the last week, and still going on.
        "Hun siger, at stedfaren har låst hende inde hver nat den sidste uge, og hun skal hjem i dag.",
        "Han blev låst inde af sin far. Det var i efteråret, men det sker igen i nat, siger han.",
    ],
)
def test_retold_departures_and_ongoing_locking_up_are_acute(text):
    assert detect_acute(text).acute


def test_a_procedure_question_now_is_no_time_of_danger():
    result = detect_acute("Han havde en kniv med til en fest i foråret og har været i et forløb siden. Skal vi underrette nu?")
    assert not result.acute
    assert result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        # Rounds 60 and 61's rule false alarms and the association development set's, generalised, in own wording.
        "Manden sagde i vrede, at han kunne slå nogen ihjel over den lange kø på borgerservice.",
        "Drengen tør ikke cykle hjem, mens det stormer, så han venter i klubben.",
        "Hun skal forloves med sin kæreste på lørdag og er rigtig glad for det.",
        "Vi hørte en kvinde skrige i køkkenet. Det var en frivillig, der havde brændt sig på ovnen.",
        "Knive gør hende utryg, siger den nye frivillige.",
        "Han sagde, at han ikke gider leve mere, men han har sagt klart, at han ikke vil gøre sig selv noget.",
        "Pigen sagde 'far slår mig ihjel'. Det er en talemåde hos dem.",
        "Han spurgte, hvordan man laver en bombe. Det viste sig at være til en opgave om krigen.",
        # Rounds 62 and 63's rule false alarms, generalised, in own wording.
        "Min kollega er forlover for sin bror. Brylluppet er på lørdag.",
        "Eleven sagde, at fysik 'slår ham ihjel' i dag, fordi der er prøve.",
        "Han blev truet for fem år siden. Nu arbejder han med knive i køkkenet og har det fint.",
        "Der er en pistol i tasken. Undskyld, det er en limpistol fra håndværk og design.",
        "Far siger, at han låser hende inde, til hun bliver 30, hvis hun får en kæreste.",
    ],
)
def test_twentieth_session_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Hun skal forloves med sin kæreste på lørdag, men far truer hende, og hun er bange.",
        "Han tør ikke gå hjem, fordi det regner, og far har sagt, at han får bank i aften.",
        "Far har sagt, at han kunne slå hende ihjel, hvis hun går til politiet.",
        "Han siger, han ikke gider leve mere og har en plan for i aften, selv om han sagde, han ikke vil gøre sig selv noget.",
        "Han skrev til en klassekammerat, at han dræber ham i dag. Jeg troede, det var en talemåde, men nu har han en kniv med.",
    ],
)
def test_real_danger_beside_the_twentieth_sessions_calm_words_stays_acute(text):
    assert detect_acute(text).acute



@pytest.mark.parametrize(
    "text",
    [
        # Rounds 64/65 (opened in the twenty-second session), generalised in own wording: a correction that denies the
        # harm it names, a pupil who locked herself in and came out, a drama class, a thesis on the subject, a
        # cook's apprentice with his knife set, a visiting father who goes home, a pupil who moved out by choice.
        "Jeg skrev, at far stod med en kniv. Rettelse: det var kokkekniven til aftensmaden, og der har aldrig været vold.",
        "Patienten talte om at springe foran toget. Rettelse: det var en replik fra en film, hun har ingen selvmordstanker.",
        "Drengen har låst sig selv inde på toilettet efter et skænderi om computeren og kom ud igen efter ti minutter.",
        "Vi kan høre en pige skrige. Rettelse: det er dramagruppen, hun spiller en fange, der er låst inde.",
        "Den studerende skriver bachelorprojekt om selvmord blandt ældre.",
        "Kokkeeleven har sit knivsæt med i skole til svendeprøven. Skal jeg gøre noget ved, at han har knive i tasken?",
        "Beboeren har haft besøg af sin mor, det var hyggeligt, og hun rejser hjem i morgen.",
        "Er han i fare? Han er stukket af hjemmefra. Rettelse: han er flyttet hjemmefra og bor på kollegiet.",
    ],
)
def test_twenty_second_session_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # ... while real danger beside the same words stays acute: a denied joke, a threat to kill beside a
        # work placement, an apprentice who ran away from home, harm in the correction, a visitor who takes her along.
        "Hendes far har truet med at dræbe hende i aften, hvis hun tager i praktik igen.",
        "Lærlingen er løbet hjemmefra i nat og sover i værkstedet, familien leder efter ham.",
        "Jeg skrev, at han stod med en kniv. Rettelse: det var en kokkekniv, og han truede hende med den i går aftes.",
        "Hun har haft besøg af sin far, det var hyggeligt, men han rejser hjem i morgen og tager hende med mod hendes vilje.",
        "Kokkeeleven har knive med i tasken og har truet en anden elev i frikvarteret i dag.",
    ],
)
def test_real_danger_beside_the_twenty_second_sessions_calm_words_stays_acute(text):
    assert detect_acute(text).acute


def test_a_joke_denied_in_a_correction_keeps_the_classifier_in_play():
    result = detect_acute(
        "Han har lavet en liste over elever. Rettelse: det er ikke for sjov, han har skrevet en dato, og den er i morgen."
    )
    assert not result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        # A correction that explains the words as play, music, a meme, or says the couple have separated, or a
        # relative's wedding with a short stay: the classifier is only heard when it is far more certain.
        "Han har skrevet 'i morgen eksploderer det hele'. Tilføjelse: det handler om hans band, der har koncert.",
        "Mor sagde 'nu får du tæsk' til drengen. Rettelse: hun sagde det i sjov, mens hun kildede ham.",
        "Hun skrev at hun 'skal dø' i dag. PS: det var en meme om matematikprøven, hun lo af det bagefter.",
        "Hun var bange for, at manden ville tage børnene med ud af landet. Opdatering: de er blevet skilt og bor hver for sig.",
        "Han skal til sin kusines bryllup på fredag og blive der et par dage, han glæder sig.",
    ],
)
def test_corrections_that_explain_the_words_away_are_a_calm_context(text):
    assert detect_acute(text).calm_context


@pytest.mark.parametrize(
    "text",
    [
        "Han sagde det i sjov. Rettelse: det var ikke i sjov, han har en kniv med og venter på ham efter skole i dag.",
        "Glem det jeg skrev, hun har fået et kollegieværelse, men far er på vej for at hente hende med magt.",
        "Hun skal til sin fætters bryllup på lørdag og blive der, familien har taget hendes pas, og hun er bange.",
    ],
)
def test_harm_or_force_beside_the_new_calm_phrases_keeps_the_classifier_in_play(text):
    assert not detect_acute(text).calm_context


@pytest.mark.parametrize(
    "text",
    [
        # Round 67 (opened in the twenty-third session), generalised in own wording: marks already there and the
        # one who made them will do it again today; a child who must go back to the family today and begs to stay.
        "Sundhedsplejersken ser blå mærker på armen, og drengen siger, at mor gør det igen i aften.",
        "Pigen på 9 har brandsår på hånden og fortæller, at onklen gør det igen, når hun kommer hjem.",
        "Eleven skal hjem til far i eftermiddag og beder os om at få lov til at blive på skolen.",
        "Beboeren skal tilbage til sin familie i aften og tiggede personalet om at slippe.",
    ],
)
def test_twenty_third_session_harm_again_today_and_begging_to_stay_are_acute(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # ... and calm look-alikes: a game again tonight, a pupil who asks to stay for a club, firewood with an axe,
        # a death wish with no plan said in the next sentence, an injury from a fall told calmly.
        "Han vandt over os i skak i går og siger, at han gør det igen i aften.",
        "Hun skal hjem i eftermiddag og beder om at blive hentet lidt senere, fordi hun har kor.",
        "Naboens søn hugger brænde med en økse hver lørdag, han er altid venlig.",
        "Den ældre herre siger stille, at han gerne vil dø nu. Han har ingen planer om at gøre noget ved det, "
        "og lægen har vurderet ham i dag.",
        "Kvinden har en flænge i panden efter hun faldt på isen. Hun var rolig og glad, og datteren henter hende.",
    ],
)
def test_twenty_third_session_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Past and present in one message (development set contrast_acute_dev.yml, own wording): a call for help
        # heard, a whispered call, "not safe after all", an old threat repeated, a runaway the family asks about,
        # a pupil taken out of school with her phone off, an injury and an angry father again tonight.
        "Naboen fik tilhold sidste år, men nu kan vi høre hende råbe om hjælp inde fra lejligheden.",
        "Hun ringede og hviskede, at manden er kommet hjem, og så røg forbindelsen.",
        "Opdatering: hun er ikke i sikkerhed alligevel, der var ingen plads, og hun er taget hjem til ham.",
        "Truslen kom første gang for flere år siden. I dag gentog broren den og sagde, at denne gang gør de det.",
        "Drengen stak af hjemmefra i sidste uge og bor hos en ven; nu har onklen ringet rundt og spurgt efter adressen.",
        "Far har meldt hende ud af skolen uden at sige hvorfor, og hendes mobil er slukket.",
        "Hun har en flænge ved øjet og siger, at far bliver vred igen, når hun kommer hjem i dag.",
    ],
)
def test_twenty_third_session_present_danger_beside_a_past_is_acute(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # ... and danger that is over, explained or handled now.
        "Han sagde, at mor slår ham ihjel. I dag forklarede han, at det var en talemåde om karaktererne.",
        "Hun så folk blive slået ihjel under krigen. Det er tyve år siden, og hun er i traumebehandling.",
        "Eleven sagde, at hun skal giftes på lørdag. Det viste sig at være et rollespil i dansk.",
        "Vi var bekymrede for rejsen i vinterferien, men han er kommet hjem som aftalt og var i skole i dag.",
        "Han råbte, at han ville slå en holdkammerat ihjel. I dag spiller de sammen igen, og der er ingen konflikt mellem dem.",
        "Hun skrev i nat, at hun ville tage sit liv, og vi ringede 112. Hun blev indlagt og er i behandling på psykiatrisk afdeling.",
    ],
)
def test_twenty_third_session_past_or_explained_danger_does_not_fire_the_rules(text):
    assert not detect_acute(text).acute


def test_the_writers_own_verdict_no_worry_raises_the_bar_for_the_classifier():
    result = detect_acute("Vi hørte råb fra en bil i morges, men det var en mor og søn, der skændtes om lektier. Ingen bekymring.")
    assert not result.acute and result.not_acute


@pytest.mark.parametrize(
    "text",
    [
        # Round 68/69 (opened in the twenty-fourth session), generalised in own wording: a restraining order broken
        # now at the institution; a man released or under a restraining order who announces he comes tonight;
        # abuse just disclosed by a child who is looked after by the abuser tonight; small children to be left
        # alone for days without food.
        "Hendes eksmand står i børnehaven og kræver drengen med hjem, selv om der er tilhold mod ham.",
        "Trods tilholdet er han lige kommet ind i klubben og vil have pigen med.",
        "Han blev løsladt i sidste uge. I dag har han skrevet til hende, at han kommer forbi i nat.",
        "Pigen fortalte i frikvarteret, at morbror har befamlet hende, og han skal passe hende i aften.",
        "Stedfar skal være alene med drengen i weekenden, og drengen sagde i dag at stedfar har misbrugt ham.",
        "Forældrene tager til Tyrkiet på fredag og efterlader de tre små alene uden voksne i to uger.",
    ],
)
def test_twenty_fourth_session_broken_orders_announced_visits_and_abandonment_are_acute(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # ... and their calm look-alikes: keys lost, a wedding at the town hall with one's own partner, a story for
        # the Danish lesson, an abuser who never touched her, an order that is kept, a teenager alone with food.
        "Han siger, at han ikke kan gå hjem nu, fordi han har glemt sin nøgle, og ingen er hjemme før kl. 16.",
        "Vores beboer skal giftes med sin kæreste på rådhuset på lørdag, og hele bostedet er inviteret.",
        "Eleven har skrevet en stil i dansk om en pige med en pistol. Hun har ingen planer og ingen adgang til våben.",
        "Onklen skal passe hende i aften. Hun siger, at han aldrig har rørt ved hende, og hun glæder sig.",
        "Han har et tilhold, som han overholder, og hun har ikke hørt fra ham i et år.",
        "Den 17-årige er alene hjemme i weekenden, mens forældrene er til bryllup. Der er mad i køleskabet.",
    ],
)
def test_twenty_fourth_session_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Idioms and games: killing zombies, "slå dem ihjel i kampen", worn out by training, "brænder for", an
        # engagement to someone she met herself. These are calm contexts, so the classifier needs far more to speak.
        "Drengene snakker hele frikvarteret om at dræbe zombier i det nye spil.",
        "Træneren skrev, at de slår modstanderne ihjel i kampen på søndag.",
        "Borgeren var slået helt ud efter træningen og ville bare hvile.",
        "Hans søster brænder for at hjælpe ham med ansøgningerne i denne uge.",
        "Hun er forlovet med en hun selv har mødt på arbejdet, og festen er i weekenden.",
    ],
)
def test_twenty_fourth_session_idioms_are_a_calm_context(text):
    result = detect_acute(text)
    assert not result.acute and result.calm_context


def test_no_suicidal_thoughts_now_raises_the_bar_for_the_classifier():
    assert detect_acute("Udskrevet fra psykiatrien i går, ingen selvmordstanker lige nu, samtale på onsdag.").not_acute


@pytest.mark.parametrize(
    "text",
    [
        # Joy or a joke named in the message makes a calm context: the classifier needs far more to speak.
        "Hun fortalte, at storebror truede med at smide hende i havnen, hvis hun snød i kortspillet. De griner begge to.",
        "Drengen siger, far henter ham i aften og de skal i biografen. Han er helt vildt glad.",
        "Mor skrev 'du er færdig, hvis du glemmer nøglen igen' med en smiley.",
    ],
)
def test_twenty_fourth_session_joy_is_a_calm_context(text):
    result = detect_acute(text)
    assert not result.acute and result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        # ... but not laughter at the person, a smile beside a wish to die, a joke taken back, or fear beside it.
        "De andre griner af ham hver dag, og nu siger han, at han tager en kniv med i morgen og viser dem.",
        "Han smiler, når han siger det, men han har købt et reb og siger, at i morgen er det slut.",
        "Det er ikke for sjov: broren venter ude ved cykelstativet, og hun tør ikke gå ud.",
        "Hun var glad i morges, men nu er hun bange, fordi far har skrevet, at han henter hende.",
    ],
)
def test_twenty_fourth_session_joy_does_not_hide_danger(text):
    result = detect_acute(text)
    assert result.acute or not result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        # Round 70/71 (opened in the twenty-fifth session), generalised in own wording: a veiled threat to life with
        # a condition and a deadline.
        "Eleven siger, at far har skrevet: hvis hun ikke kommer direkte hjem efter skole, så findes hun ikke mere.",
        "Han har sagt til hende, at hvis hun går til politiet, så eksisterer hun ikke længere.",
    ],
)
def test_twenty_fifth_session_veiled_threats_to_life_are_acute(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # ... and harmless kinds that used to fire a rule: a knife used in cooking with the cooking in the next
        # sentence, a team that "gets a beating" on the pitch, a sibling's engagement to someone met at university,
        # a former husband married again, knife throwing at a target as a sport.
        "Beboeren brugte en kniv i dag. Han skar kartofler til frokosten sammen med pædagogen.",
        "Hun siger, at holdet får tæsk på lørdag, for de spiller mod de bedste i puljen.",
        "Det er hans storebror, der skal forloves med en pige fra gymnasiet på søndag, og hele familien glæder sig.",
        "Hun blev skilt for mange år siden, og eksmanden er nu gift igen og bor i Norge.",
        "Han viste en video af, at han kaster med knive efter en skive i klubben.",
    ],
)
def test_twenty_fifth_session_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Explained calmly: a film behind the screams, a song text with a weapon in it, a sports injury seen by the
        # coach, tears over a failed test, a husband late in traffic, a smile and thanks, children laughing.
        "Naboen hørte høje skrig i går, men det var bare en gyserfilm, og familien grinede af det bagefter.",
        "Eleven har skrevet en sang om en kniv til musiktimen, og han optræder med den til skolefesten.",
        "Han fik et blåt øje under fodboldtræningen i går, og træneren ringede selv til mor.",
        "Hun græder på toilettet, fordi hun er dumpet til køreprøven i morges.",
        "Borgeren venter på sin mand, som er forsinket i trafikken, og vil have hjælp til at finde et job.",
        "Hun bliver kørt hjem i aften af sin far, fordi cyklen er punkteret. Hun smilede og sagde tak.",
    ],
)
def test_twenty_fifth_session_explained_situations_are_a_calm_context(text):
    result = detect_acute(text)
    assert not result.acute and result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        # Development set for long messages and workplace writers (twenty-fifth session): "gift" as a marital status, a
        # wedding some day or only said to be proper, a trip the person is not on, a runaway now settled in care.
        "Samtale i dag med en gift kvinde i 40'erne om hendes sygemelding; hun skal hjem og hente børn i aften.",
        "Onklen sagde i dag, at han skal giftes en dag, og gik så igen. Beboeren er rolig.",
        "Far har engang sagt, at hun burde giftes i hjemlandet, men der er ingen rejse planlagt i morgen eller senere.",
        "Familien flyver til Pakistan i morgen uden hende, fordi hun har eksamen, og hun bor hos sin faster imens.",
        "Han var stukket af hjemmefra sidste år, men bor nu i en plejefamilie og har det godt; han ringede i dag for at sige tak.",
    ],
)
def test_twenty_fifth_session_workplace_look_alikes_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


def test_a_visit_with_its_return_said_is_a_calm_context():
    result = detect_acute("Han rejser på torsdag for at besøge sin farmor i to uger og er tilbage til samtalen bagefter.")
    assert not result.acute and result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        # Rounds 72/73 (opened in the twenty-sixth session), generalised in own wording: a child shut out of home in
        # the cold, a drive to the airport today to stay with family abroad, a beating agreed for after school.
        "Beskeden fra drengen lyder: far har smidt mig ude og siger jeg ikke må komme ind, og det fryser.",
        "Hun fortalte i frikvarteret, at hendes onkel i aften kører hende til lufthavnen, og at hun skal blive hos familien i Pakistan.",
        "Nogle fra 9. b har planlagt at banke ham i frikvarteret, fordi hans kusine har en kæreste, familien ikke kender.",
    ],
)
def test_twenty_sixth_session_shut_out_driven_to_the_airport_and_planned_beatings_are_acute(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # ... and harmless kinds that used to fire a rule: the family found her and respected her choice, "hellere dø
        # end" about an exam, a denial with a long reach, a relative going home after a visit, a rehearsed scene in an
        # amateur theatre.
        "Forældrene har fundet ud af hvor hun bor nu, men de har respekteret hendes valg, og de har haft en god snak.",
        "Han siger, at han hellere vil dø end at holde fremlæggelsen i morgen, og så griner han.",
        "Det er ikke sådan, at han er i fare, men han virker træt for tiden.",
        "Hun er trist, fordi hendes farmor flyver hjem til Tyrkiet i morgen efter et langt besøg.",
        "Beboeren spiller med i et amatørteater og øver en scene, hvor hans rolle bliver truet med en pistol.",
    ],
)
def test_twenty_sixth_session_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Explained calmly: said laughing, a standing joke, looking forward to the evening, a study trip, a cancelled
        # train, a wish of good luck, a baby asleep, an alarm without a danger word.
        "Hun sagde grinende, at hendes mor 'myrder hende' hvis hun glemmer madpakken igen.",
        "Han bliver hentet af sin mor i aften til en koncert og glæder sig.",
        "Eleven spørger, hvornår vi mødes i lufthavnen til studieturen til Berlin på mandag.",
        "Kursisten skriver, at bussen er aflyst, og at hun kommer lidt senere i dag.",
        "Far har ringet og ønsket hende held og lykke til køreprøven i dag.",
    ],
)
def test_twenty_sixth_session_explained_situations_are_a_calm_context(text):
    result = detect_acute(text)
    assert not result.acute and result.calm_context


def test_a_child_who_locked_himself_out_and_waits_for_mum_is_a_calm_context():
    result = detect_acute("Sms fra eleven: har låst mig ude og glemt nøglen, mor kommer om en halv time.")
    assert not result.acute and result.calm_context


def test_nothing_seen_by_the_professional_raises_the_bar_for_the_classifier():
    assert detect_acute("Vi har ikke set tegn på pres, hun kommer selv til samtalerne.").not_acute


@pytest.mark.parametrize(
    "text",
    [
        # Twenty-seventh session (rounds 74/75 opened, own wording): a wedding to the one she chose herself, a trip
        # to the airport to watch the planes, locked up "as a nine-year-old" and grown up today, a hunting licence
        # with threats denied.
        "Hun bliver gift på fredag med sin hjertes udvalgte, og vi er inviteret til festen.",
        "Morfar henter ham på søndag og kører ham ud til lufthavnen for at se flyene lande.",
        "Hun sad låst inde som niårig, i dag er hun voksen og har sit eget firma.",
        "Manden har jagttegn. Der har aldrig været trusler, og hun spørger, om geværet skal i et skab.",
    ],
)
def test_twenty_seventh_session_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Explained calmly: divorced today after a dated threat, told with enthusiasm, a dance battle, bruises from a
        # sport, a pistol locked in a gun cabinet, a soldier she misses, a shooting game with all else calm.
        "Ekskæresten slog hende for tre år siden, i dag er hun skilt og bor for sig selv.",
        "Drengen fortalte begejstret, at julemanden kommer i nat.",
        "Holdet skal 'knuse' de andre til dansebattle i aften.",
        "Pigen har blå mærker på benene, men hun spiller ishockey og var til kamp i går.",
        "Naboen er politibetjent, og hans pistol er låst i et våbenskab.",
        "Hendes mand er udsendt som soldat, og hun savner ham meget i aften.",
        "Der var høj lyd fra et computerspil hos naboen i aftes, men ellers var alt roligt.",
    ],
)
def test_twenty_seventh_session_explained_situations_are_a_calm_context(text):
    result = detect_acute(text)
    assert not result.acute and result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        # ... and their look-alikes stay open to the classifier: missing someone beside being locked in tonight,
        # bruises with no sport to explain them, "i dag har de" with a threat.
        "Hun savner sin mor, og far har låst hende inde i aften.",
        "Han har blå mærker og siger, at far slår ham, når han kommer hjem i aften.",
    ],
)
def test_twenty_seventh_session_look_alikes_are_not_calm(text):
    assert not detect_acute(text).calm_context


def test_bored_to_death_is_no_threat_to_kill():
    # Twenty-seventh session, from the young people's chat development set (own wording).
    assert not detect_acute("«må ikke gå til fest, så jeg keder mig ihjel derhjemme»").acute
    assert detect_acute("Jeg keder mig ihjel, og min bror siger, han slår mig ihjel i aften.").acute


def test_going_along_to_a_named_country_within_days_is_acute():
    assert detect_acute("Hun siger, hun skal med til Irak på fredag og blive der.").acute


@pytest.mark.parametrize(
    "text",
    [
        # Twenty-eighth session (rounds 78/79 opened, own wording): a visit with her own ticket and a return date said
        # in the next sentence, a wedding already held with a long-time boyfriend and shown with joy, a sport-shooting
        # club, a death wish typed after losing a game, a threat to kill over a football match not recorded.
        "Hun flyver til Tyrkiet på lørdag for at se sin mormor. Hun har selv bestilt billetten og er tilbage om to uger.",
        "Han er blevet gift i weekenden med hende, han har været kæreste med i seks år. Han viste billeder og var helt stolt.",
        "Pigen går til skydning i en klub. Hun taler hele tiden om sine våben og var til stævne i weekenden.",
        "Hun skrev 'jeg vil dø' i chatten, men det var efter hun tabte en kamp i Fortnite.",
        "Hans søster siger, at hun slår ham ihjel, hvis han igen glemmer at optage kampen.",
    ],
)
def test_twenty_eighth_session_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Explained calmly: a song text with a hyphen written as homework, a picture from a film called "voldsom",
        # planes watched today, an old blow from a stepfather and well now.
        "Hun har skrevet en drill-tekst om at stikke nogen ned. Den var til en opgave i dansk.",
        "Eleven viste mig et stillbillede fra en krigsfilm og sagde, den var voldsom.",
        "Farmor henter hende efter skole i dag, og de skal i lufthavnen og se flyene lette.",
        "Han fortalte, at faren slog ham, da han var lille, men han har det fint hos sin mor nu.",
    ],
)
def test_twenty_eighth_session_explained_situations_are_a_calm_context(text):
    result = detect_acute(text)
    assert not result.acute and result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        # ... and their look-alikes still fire: a trip against her will with a return that is a lie, a shooting-club
        # member who threatens, a death wish after a loss with pills ready.
        "Hun flyver til Pakistan i morgen mod sin vilje. Familien siger, hun kommer hjem om to uger, men hun er bange.",
        "Han går til skydning i en klub og har truet med at skyde sin kæreste i aften.",
        "Han skrev 'jeg vil dø' efter han tabte kampen, og han har pillerne klar.",
    ],
)
def test_twenty_eighth_session_look_alikes_still_fire(text):
    assert {"akut_signal", "akut_mulig"} & {e["entity"] for e in signal_entities(text)}


@pytest.mark.parametrize(
    "text",
    [
        # Twenty-eighth session, from the blind development set of dramatised and understated messages (own wording):
        # "haster" is the writer's urgency, not danger; a notification to be sent today, a course on honour killings,
        # the writer's own overload.
        "HASTER!!! Hvornår har Familierådgivningen åbent i dag? Jeg skal ringe om en elev, der er meget fraværende.",
        "Haster: skal have svar på, om en pige på 16 må tage til sin kusines bryllup i Tyrkiet til sommer.",
        "Det haster lidt – ansøgningen om støtte til drengen skal sendes i dag.",
        "Jeg er helt rystet over kurset om æresdrab. Hvor finder jeg mere viden om det?",
        "Hjælp, jeg dør – tre møder i dag og en handleplan, der skal være færdig!",
    ],
)
def test_twenty_eighth_session_dramatised_harmless_messages_do_not_fire(text):
    assert not {"akut_signal", "akut_mulig"} & {e["entity"] for e in signal_entities(text)}


@pytest.mark.parametrize(
    "text",
    [
        # ... and understated danger still fires: a death threat for the weekend that she laughs off, a wedding next
        # weekend, a child who is to "have a husband" on a holiday that starts tomorrow, a lesson to be taught on Monday.
        "Hendes fætre har sagt, at hun skal dø i weekenden, fordi hun har en kæreste. Hun griner bare af det.",
        "Det er nok ingenting, men hun siger, hun skal giftes i næste weekend med en mand fra familien.",
        "En pige på 8 siger, at de rejser på ferie i morgen, og at hun skal 'have en mand' dernede.",
        "vil bare lige høre: to drenge siger de har købt en kniv og skal 'lære en pædagog en lektie' på fredag",
    ],
)
def test_twenty_eighth_session_understated_danger_fires(text):
    assert {"akut_signal", "akut_mulig"} & {e["entity"] for e in signal_entities(text)}


@pytest.mark.parametrize(
    "text",
    [
        # Twenty-eighth session, from the blind calendar development set (own wording): a holiday trip that hides a
        # wedding or cutting, a "secret game" when the relative sleeps over from tomorrow.
        "Han skal på sommerferie i Irak, de rejser på søndag, og han bliver gift dernede.",
        "Pigen på 6 skal omskæres i efterårsferien, de flyver i morgen.",
        "Drengen siger, at onklen 'leger den hemmelige leg' med ham, og onklen sover hos dem fra i morgen.",
    ],
)
def test_twenty_eighth_session_calendar_danger_fires_the_rules(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # ... and the calendar's harmless trips: joy with no subject before it and a dated return ticket, a flight home
        # that was cancelled.
        "Hun flyver til Marokko på fredag med familien og glæder sig. Returbilletten er til søndag før skolestart.",
        "Han kommer først i skole på onsdag, fordi flyet hjem fra Pakistan blev aflyst. De har en ny hjemrejse.",
    ],
)
def test_twenty_eighth_session_calendar_trips_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Twenty-ninth session, kinds from rounds 80 and 81 (own wording). Handled or harmless, so the classifier needs
        # the calm override: a crisis centre that took her in, a marked story for Danish class, a case from years ago with
        # the writer asking whether they still have to act, a horror film, a school "bomb" of baking soda, family landing
        # for a feast.
        "Krisecentret har taget hende ind, og hun har fået en hemmelig adresse. Hvad skal vi være opmærksomme på fremover?",
        "Han skrev en novelle i dansk om en bror, der truer med en kniv, og fik 10 for den.",
        "Vi havde en sag med hende for tre år siden. Hun er hjemme igen nu og går i 9. klasse. Vi vil høre, om vi stadig skal gøre noget.",
        "Han tør ikke se gyserfilmen med de andre i aften.",
        "Til projektugen har hun lavet en 'bombe' i kemi, en vulkan med natron. Hun viser den i morgen.",
        "Hendes familie lander i Kastrup i dag for at fejre Eid med hende.",
    ],
)
def test_twenty_ninth_session_handled_and_harmless_kinds_are_a_calm_context(text):
    result = detect_acute(text)
    assert not result.acute and result.calm_context


def test_afraid_to_go_home_once_and_now_at_a_shelter_does_not_fire():
    assert not detect_acute("Hun var bange for at gå hjem i går aftes, men bor nu på et krisecenter.").acute
    # ... but afraid today, even while living at a care home, still fires.
    assert detect_acute("Hun er bange for at gå hjem til sin far i dag, selv om hun bor nu på et opholdssted.").acute


@pytest.mark.parametrize(
    "text",
    [
        # An agreed warning sign: absent today, after saying that staying away would mean someone had hurt her.
        "Borgeren er ikke dukket op i dag. I sidste uge sagde hun, at hvis hun ikke kommer, så har hendes mand slået hende.",
        "Hun sagde i fredags, at hvis hun ikke kom, var det fordi broren havde låst hende inde. Hun er ikke mødt op i dag.",
    ],
)
def test_absence_after_an_agreed_warning_fires(text):
    assert detect_acute(text).acute


def test_absence_without_a_warning_does_not_fire():
    assert not detect_acute("Hun er ikke mødt op i dag. Hun sagde i går, at hvis hun ikke kom, var det fordi hun var syg.").acute


@pytest.mark.parametrize(
    "text",
    [
        # Twenty-ninth session, from the blind development sets of questions and digital signals (own wording). A harmless
        # source named for the alarming words is calm even beside a time word.
        "Han kom grædende ind, fordi hans kusine 'skød ham ned' i paintball i weekenden.",
        "Hun sendte en talebesked med skrig i baggrunden i går, men det var fra en håndboldkamp.",
        "'Hjælp, de slæber mig til lufthavnen på fredag' skrev hun i chatten. Det er familiens skiferie, og hun hader at flyve.",
    ],
)
def test_twenty_ninth_session_a_named_harmless_source_is_a_calm_context(text):
    result = detect_acute(text)
    assert not result.acute and result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        # Harmless by the rules: a console football game "tonight", a one-way ticket bought herself for a summer job, a
        # door alarm agreed with the doctor, a knife brought for cooking class (said in the next sentence), suicidal
        # thoughts last year with treatment and a crisis plan now.
        "Lillebror siger, at han 'smadrer' sin far i FIFA på konsollen i aften.",
        "Hun har en enkeltbillet til Italien i morgen. Hun har fået sommerjob dernede og har selv booket den.",
        "Hans søn 'spærrer ham inde' om natten, men det er en aftalt døralarm efter samtale med lægen.",
        "En elev havde en stor kniv i tasken. Det var til madkundskab, læreren havde bedt om det.",
        "Han havde selvmordstanker sidste forår, men er i behandling og har en kriseplan.",
    ],
)
def test_twenty_ninth_session_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # ... and danger still fires: filmed naked and to be in a new video tonight, a one-way ticket she is forced onto,
        # a door locked against her will.
        "Drengen fortæller, at onklen filmer ham uden tøj, og at han skal være med i en ny film i aften.",
        "Hun har en enkeltbillet til Pakistan i morgen. Hun vil ikke, men far har selv booket den.",
        "Hendes bror har låst hende inde på værelset mod hendes vilje, og hun skriver til os nu.",
    ],
)
def test_twenty_ninth_session_look_alikes_still_fire(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # An arson planned within days fires the rules (open round 53's kind, own wording) ...
        "I chatten skriver de: 'på lørdag tænder vi ild til hans bil'.",
        "Han vil sætte ild til klubhuset i nat, og han har en dunk benzin med.",
    ],
)
def test_an_arson_within_days_fires(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    ["Vi tænder bål på fredag med spejderne.", "Han satte ild til en container for to år siden og blev dømt for det."],
)
def test_a_bonfire_or_an_old_arson_does_not_fire(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Thirtieth session, kinds from opened rounds 82 and 83 (own wording). A goodbye to everyone and silence since
        # fires even when an earlier attempt is mentioned; a means named with "gør det" at a time fires.
        "Hun skrev 'farvel til jer alle' på Snapchat i går aftes, og vi kan ikke få fat i hende. Hun har tidligere været "
        "indlagt.",
        "Han har sendt en farvelbesked til sin mor, og telefonen er slukket.",
        "Han viste mig tabletterne i frikvarteret og siger, at han gør det i aften.",
    ],
)
def test_thirtieth_session_goodbyes_and_means_fire(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # A chore as the reason not to go home; a thing, not a person, to be "killed".
        "Han vil ikke hjem i dag, fordi han skal rydde op på sit værelse.",
        "Et meme om at 'dræbe' mandage blev delt i klassens chat.",
    ],
)
def test_thirtieth_session_harmless_kinds_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # An old threat shown again by a memories feature, a line from a known song, told by the person herself with
        # a laugh, a question what to do now after a closed case: a calm context for the
        # classifier.
        "En gammel besked med trusler kom frem i hans minder på Facebook i dag. Sagen er lukket.",
        "Han går og synger om at tæske naboen i dag. Teksten er fra en kendt sang.",
        "Han fortalte det selv og grinede: han vil slå sin kammerat ihjel, fordi han tabte hans bold.",
        "Han blev truet af sin onkel sidste år, onklen er dømt. Hvad gør vi nu?",
    ],
)
def test_thirtieth_session_a_named_harmless_source_is_a_calm_context(text):
    result = detect_acute(text)
    assert not result.acute and result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        # ... and danger still fires: a real threat to come home to, a means with a time, an attack on a person.
        "Han vil ikke hjem, fordi hans far har sagt, at han slår ham i aften.",
        "Han har et reb på værelset og siger, han gør det, når de andre sover.",
        "Han har sagt, at han vil dræbe sin lærer på mandag.",
    ],
)
def test_thirtieth_session_look_alikes_still_fire(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Thirtieth session, from the blind development sets in the styles of rounds 84 and 85 (own wording): a club
        # as a weapon; an adult contact "online" to be met tonight.
        "Faren står ved skolens port med en kølle.",
        "Hun er 12 og skal mødes med en voksen mand, hun kender online, i aften.",
    ],
)
def test_thirtieth_session_clubs_and_online_contacts_fire(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # ... while a threat dated by its age, a curfew, and a danger the update corrects do not fire the rules.
        "Truslen om at slå ham ihjel er over to år gammel, og der er tilhold.",
        "Han må ikke forlade huset efter kl. 21, ellers er der ingen regler.",
        "Vi troede, at hun var i fare, men hun bor hos sin moster nu og har det godt.",
    ],
)
def test_thirtieth_session_dated_threats_curfews_and_corrected_beliefs_do_not_fire(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # A stage prop, a figure from television, a scene in a film: calm for the classifier.
        "Han truer de andre med et sværd i frikvarteret, men det er en rekvisit fra skolekomedien.",
        "Hun er bange for, at han kommer i nat, men det er en figur fra en tv-serie.",
        "Han græder, fordi han så en film med en voldsom scene i går.",
    ],
)
def test_thirtieth_session_props_and_screens_are_a_calm_context(text):
    result = detect_acute(text)
    assert not result.acute and result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        # Hurt, told that next time will be worse, and back with the one who said it today.
        "Drengen har blåt øje, og stedfar har sagt: næste gang går det værre. Han skal hjem til ham i dag.",
        "barnet har brækket fingeren og mor sagde at naeste gang bliver det meget vaerre, hun henter i eftermiddag",
        # A meeting with someone from the internet tonight; the adult's age is in another sentence.
        "Hun har aftalt at mødes med en fra snap i aften. Han er 27, hun går i 7. klasse.",
        "Han skal ses med en han kender fra tiktok efter skole i dag, på et hotel i byen.",
    ],
)
def test_thirty_second_session_threats_of_worse_and_online_meetings_fire_the_rules(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # A goodbye letter to someone dead, written as an exercise in grief therapy.
        "Hun skrev i dag et afskedsbrev til sin afdøde farfar som en øvelse i terapien.",
        # Hurt and "next time", but nobody goes back to him today; no time at all.
        "Hun har blå mærker, og han sagde næste gang bliver det værre. Han bor nu i Jylland, og der er tilhold.",
    ],
)
def test_thirty_second_session_grief_letters_and_distant_threats_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Han dukkede ikke op til samtalen i morges, men skrev senere, at han havde sovet over sig.",
        "Der blev råbt i opgangen, men det var bare viceværten, der kom for at tjekke varmen.",
        "Familien inviterer alle lærerne til middag på lørdag for at fejre hans svendeprøve.",
        "Hun flyttede hjemmefra for to år siden efter en konflikt og ringede for at sige, at hun har sin egen lejlighed nu.",
    ],
)
def test_thirty_second_session_harmless_reasons_and_celebrations_are_a_calm_context(text):
    result = detect_acute(text)
    assert not result.acute and result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        # Teased by relatives about a marriage of her own some day.
        "Til fejringen i går drillede mostrene hende med, hvem hun skal giftes med i morgen, og hun lo bare.",
        # A short visit abroad with her own passport and a return ticket.
        "Han rejser i morgen for at besøge sin farmor i Bosnien to uger. Han har selv sit pas og returbillet.",
        # A photo of a brother who is a soldier.
        "Hun viste mig et billede af sin bror i uniform med et gevær og fortalte, at han er soldat.",
    ],
)
def test_thirty_second_session_teasing_own_passports_and_soldiers_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Teased, but she says she will be forced tomorrow.
        "De drillede hende med, hvornår hun skal giftes, men nu siger hun, at hun bliver tvunget til at gifte sig i morgen.",
        # Her passport is taken, and they fly tomorrow.
        "De flyver i morgen for at besøge farmor i to uger, men far har taget hendes pas, og hun vil ikke med.",
    ],
)
def test_thirty_second_session_teasing_and_visit_vetoes_leave_real_departures_alone(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Suitors came last weekend; the wedding is tied to a birthday years ahead.
        "Min elev i 7. klasse siger, at der kom mænd hjem til dem i weekenden for at se på hende, og far siger, "
        "hun skal giftes, når hun fylder 16.",
        # A wedding two years ahead, told today.
        "I dag fortalte hun, at hun skal giftes med sin fætter om to år.",
    ],
)
def test_thirty_third_session_a_wedding_years_ahead_is_no_acute_signal(text):
    kinds = {e["entity"] for e in signal_entities(text)}
    assert not kinds & {"akut_signal", "akut_mulig"}


@pytest.mark.parametrize(
    "text",
    [
        # The wedding itself is tomorrow.
        "Der kom mænd hjem til dem i weekenden, og hun skal giftes i morgen, selvom hun kun er 15.",
        # A trip this weekend, whatever the birthday.
        "De rejser i weekenden, og far siger, hun skal giftes, når hun fylder 16.",
        # The birthday is next week.
        "Far siger, at hun skal giftes, når hun fylder 18 i næste uge, og hun vil ikke.",
    ],
)
def test_thirty_third_session_a_wedding_or_trip_within_days_still_fires(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # A wedding she chose, and her fear is of the exam.
        "Hun skal giftes på fredag med en mand, hun selv har valgt, og glæder sig, men er bange for ikke at bestå prøven.",
        # A parent the school has rung, on the way to fetch a child hurt at play.
        "Han slog hovedet på gyngen. Vi har ringet til hans far, som er på vej for at hente ham.",
        # The person's own outburst, never threatened and not afraid.
        "Hun siger, hun kunne slå sin svoger ihjel, når han blander sig, men hun er aldrig blevet truet og er ikke bange.",
        # Fled a dull party.
        "Han sagde, han var flygtet fra fødselsdagen, fordi den var så kedelig.",
    ],
)
def test_thirty_third_session_exam_fear_a_called_parent_outbursts_and_dull_parties_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Beaten if he goes home after school today, even beside "not in danger while at school".
        "Han er ikke i fare nu, mens han er i klubben, men hvis han går hjem efter skole, bliver han slået.",
        "Hun siger: hvis jeg kommer hjem i aften, får jeg bank.",
        # A parent on the way, and the child is afraid.
        "Vi har ringet til hendes far, som er på vej for at hente hende, og hun er bange for ham.",
    ],
)
def test_thirty_third_session_beaten_on_going_home_today_fires_and_a_feared_parent_still_counts(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Far har taget drengen med til sin søster i Malmø i weekenden som aftalt, og de kommer hjem søndag.",
        "Hun skal med familien til Marokko i sommerferien og har billet hjem igen.",
        "I aften er der foredrag i foreningen, og han har lovet at hjælpe med kaffen.",
        "Hun har fået lov til at tage til stranden med kusinerne i eftermiddag, og de har købt is.",
        "Hun løb forbi biblioteket for at aflevere bøgerne i dag.",
        "Han er flyttet hjemmefra i god ro og orden og har fået et værelse på et kollegium.",
        "Hendes bror holder forlovelsesfest på lørdag, og hun skal have ny kjole.",
        "Storebroren har lovet at skyde hendes ven i spillet hele weekenden.",
        "Ekskæresten truede hende i 2022 og fik en dom; hun har ikke set ham siden.",
        "Vi troede, han var blevet truet, men det var en misforståelse.",
    ],
)
def test_thirty_third_session_agreed_trips_pastimes_games_and_the_past_are_a_calm_context(text):
    result = detect_acute(text)
    assert not result.acute and result.calm_context


@pytest.mark.parametrize(
    "text, acute",
    [
        # A planned attack said in quotes or as "a lesson", with a time.
        ("De har aftalt at 'ordne' ham efter skole i dag, fordi han har skrevet til deres kusine.", True),
        ("Drengene har planlagt at give ham en lærestreg i frikvarteret i morgen.", True),
        # Taking care of someone, said plainly.
        ("Hun har lovet at tage sig af sin lillesøster i aften, mens mor er på arbejde.", False),
    ],
)
def test_thirty_third_session_a_planned_attack_in_quotes_fires_and_taking_care_does_not(text, acute):
    assert detect_acute(text).acute is acute


@pytest.mark.parametrize(
    "text",
    [
        # The writer has just learnt something; "lige" is about the learning, not about a danger now.
        "Vi har lige fundet ud af, at drengen ikke er blevet truet, det var en misforståelse. Alt er roligt nu.",
        "Jeg har lige talt med moren: beskeden om, at hun skulle slås, var en misforståelse.",
    ],
)
def test_thirty_fourth_session_just_found_out_is_no_time_of_danger(text):
    result = detect_acute(text)
    assert not result.acute and result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        "Hun har lige fået tæsk af sin bror og tør ikke gå hjem.",
        "Han har lige ringet og sagt at han står udenfor med en kniv.",
    ],
)
def test_thirty_fourth_session_lige_about_the_harm_still_counts(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Figures of speech and trivial reasons (rounds 90 and 91 opened).
        "Han var en tikkende bombe hele formiddagen, fordi han havde tabt kampen i frikvarteret.",
        "Lillebror råbte: jeg slår dig ihjel! Hun havde spist hans chips.",
        "Pigen har skrevet et afskedsbrev til klassen, fordi hun flytter til Aarhus efter jul.",
        "Han truede engang med at slå hende ihjel, men han har tolv år tilbage af sin dom.",
        "Hun skal til bryllup på lørdag. Det er hendes storesøsters, og hun skal holde tale.",
    ],
)
def test_thirty_fourth_session_figures_of_speech_and_trivial_reasons_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "I skoleteatret råber han hver dag, at han vil slå sin bror ihjel; det er hans replik.",
        "De leger riddere med træsværd og råber, at de hugger hovedet af dragen i aften.",
        "Han skyder med bue til et stævne i morgen og har lagt billeder op af pilene.",
        "Hun har lovet at læse hele weekenden og har 'låst sig inde' for at læse til eksamen.",
        "Brylluppet er på fredag, og hun har selv valgt ham. Hele klassen er inviteret.",
        "Far siger, at han brækker nakken på ham, hvis han taber telefonen igen, sagde drengen og lo.",
        "Hendes lillebror skriver, at han dræber hende, fordi hun har taget hans oplader.",
    ],
)
def test_thirty_fourth_session_harmless_reasons_are_a_calm_context(text):
    result = detect_acute(text)
    assert not result.acute and result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        "Hun er blevet lovet en kugle af sin onkel, hvis hun kommer til festen i aften.",
        "Hendes eksmand står lige nu uden for indgangen til krisecentret.",
        # Guards: a wedding she chose, with threats, is no calm context; a real threat over sweets still fires.
        "Hun har selv valgt sin kæreste, og brødrene har truet med at slå hende ihjel i aften.",
    ],
)
def test_thirty_fourth_session_a_promised_bullet_and_a_waiting_ex_are_acute(text):
    assert detect_acute(text).acute


def test_thirty_fourth_session_a_child_saying_nobody_hit_anyone_answers_the_urgency_question():
    assert detect_acute("Mor og far råbte ad hinanden i går over ferien. Ingen slog nogen, siger hun.").not_acute


@pytest.mark.parametrize(
    "text",
    [
        # The blind figurative development set's false alarms, in other words.
        "Han skal rydde op i sit skab i dag, og far 'flår ham levende' og slår ham ihjel, hvis det ikke er gjort.",
        "Holdet siger, at træneren 'tager livet af dem' til løbet på lørdag. Det er en talemåde i foreningen.",
        "Hun kalder det sin sidste aften, for hun holder afskedsfest i aften og flytter på efterskole i morgen.",
    ],
)
def test_thirty_fourth_session_chores_sayings_and_farewell_parties_are_not_acute(text):
    result = detect_acute(text)
    assert not result.acute
    assert result.calm_context or "slår ham ihjel" in text


def test_thirty_fourth_session_a_saying_meant_literally_keeps_the_classifier():
    result = detect_acute("Det er ikke en talemåde: træneren har sagt, at han slår hende i aften.")
    assert not result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        # Danger words that belong to another case, a film or the past (rounds 92 and 93 opened).
        "Det er ikke som i den serie om æresdrab, vi så på kurset; her handler det om en pige, der vil have mere frihed.",
        "Ikke som den sag med pigen, der var spærret inde i en uge. Her har hun bare stuearrest i weekenden.",
        "En kollega havde en sag, hvor en pige blev truet med kniv. Min elev har bare svært ved at sove.",
        "Han er ikke i fare. Er han i fare? Han er ikke i fare, han er til træning og kommer hjem kl. 17.",
        "Hun var bange for at gå hjem i forgårs på grund af en dårlig karakter, men i dag siger hun, at far var fin.",
        "Hun skal til hjemlandet i morgen og kommer hjem om fjorten dage, skolen har givet fri.",
        "Hendes mor siger, at hun slår hende ihjel, hvis værelset ikke er ryddet, men det er bare sådan de taler.",
        "Forlovelse: hun er 22, har selv fundet ham, og festen er i weekenden. Jeg spørger kun, fordi hendes kusine blev presset engang.",
        "Han var bange for at blive sendt ud af landet, da han var 11, men det skete aldrig, og i dag går han på gymnasiet.",
        "Han har skrevet en dystopi til en skriveopgave, hvor skolen bliver angrebet i morgen.",
    ],
)
def test_thirty_fifth_session_other_cases_the_past_and_writing_tasks_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Guards: the comparison with something happening now, a return promised but doubted, a fear that came back.
        "Det er ikke som sidst, for nu står han udenfor med en kniv.",
        "Far siger, at de rejser i morgen og kommer tilbage om to uger, men hun er bange for at blive efterladt og gift.",
        "Han frygtede at blive sendt ud, da han var 12, men det skete aldrig; nu siger far, at han rejser i morgen.",
        # A pursuer here and now, told plainly.
        "Hans onkler jagter ham, og de har fulgt efter ham hertil til jobcentret.",
        "Hun siger at hendes brødre jagter hende.",
    ],
)
def test_thirty_fifth_session_present_danger_beside_a_comparison_still_fires(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Hvor skal hun sove i nat? Hun har misset toget.",
        "En pige på 15 skriver lige, at hun keder sig og ikke gider være hjemme i aften.",
        "Eleven skriver SRP om radikalisering og har en bog om en terrorist med; vejlederen har godkendt emnet.",
        "Vi har fundet en gammel luftbøsse i et skab i klubben og vil gerne aflevere den til politiet.",
        "En mor har ringet og sagt, at mormor henter drengen i dag. Det plejer hun at gøre om torsdagen.",
        "Hun sagde for to år siden, at hendes bror truede hende, men sagen blev fulgt op, og hun siger i dag at det er slut.",
    ],
)
def test_thirty_fifth_session_practical_requests_and_settled_cases_are_a_calm_context(text):
    result = detect_acute(text)
    assert not result.acute and result.calm_context


def test_a_message_both_calm_and_denying_danger_needs_the_higher_override(monkeypatch):
    """"They go for a week and are back on Sunday" is a denial and a calm context: 0.85 is not enough for either."""
    from types import SimpleNamespace

    import bot.nlu.components as components
    from bot.nlu.acute import AcuteResult

    stub = SimpleNamespace(threshold=0.5, denial_override=0.8, calm_override=0.9, probability=lambda text: 0.85)
    monkeypatch.setattr(components, "acute_classifier", lambda: stub)
    text = "I går skrev hun i logbogen, at de rejser i en uge i ferien og er tilbage søndag aften, så intet at gøre."
    assert components._classifier_probability(text, AcuteResult(False, True)) == 0.85
    assert components._classifier_probability(text, AcuteResult(False, True, calm_context=True)) is None
    assert components._classifier_probability(text, AcuteResult(False, False, calm_context=True)) is None


@pytest.mark.parametrize(
    "text",
    [
        # A threat shown in class as material for a talk is still a threat for tonight.
        "Til et oplæg om medier viste han en besked fra fætrene: de skriver, at de kommer efter ham i aften.",
        # Told during or after a role play or drama lesson about the person's own home: a disclosure, not a line.
        "Efter dramatimen fortalte en kursist, at hendes mand låser hende inde, og hun skal hjem om en time.",
        "I rollespillet om kundeservice fortalte en mand, at hans bror har en kniv og vil bruge den i aften.",
        # A baby alone with no adult since last night.
        "En dreng på 8 siger, at hans lillebror på 3 måneder er alene derhjemme, og at far ikke har været hjemme siden i nat.",
    ],
)
def test_thirty_sixth_session_threats_disclosures_after_play_and_a_baby_left_alone_fire(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "I legen fortalte pigen, at far slog dragen ihjel med sit sværd.",
        "Han fortalte, at hans far kommer efter ham kl. 15 i dag, så han skal ikke med bussen.",
        "Mor kommer efter hende i morgen for at hente hendes taske.",
        "Babyen på 3 uger sov alene i sin seng, mens mor var i bad.",
        "I rollespillet fortalte en kursist, at hendes mand er kok og altid har en kniv med på arbejde.",
    ],
)
def test_thirty_sixth_session_play_pick_ups_and_a_sleeping_baby_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Hendes storesøster skal giftes på lørdag i Pakistan, og hun spørger, om hun kan få fri fredag.",
        "Han er 20 og skal giftes i weekenden med sin kæreste, og han har selv friet.",
    ],
)
def test_thirty_sixth_session_a_relatives_wedding_and_a_proposal_of_ones_own_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Han har lavet et brætspil, hvor man skal angribe en fæstning, og vil prøve det med klassen i morgen.",
        "Hun fortalte, at hendes eks slog hende i 2020. De er skilt, og han bor i Tyskland nu. Hun har stadig mareridt.",
        "Veninden viste mig en besked, hvor hun skrev, at mor 'dræber hende' for karakteren. Hun grinede og sendte et hjerte.",
        "Far har en riffel, som han bruger i sin skytteklub, og han har våbentilladelse.",
        "De tager af sted i morgen til Polen og kommer hjem til skolestart. Hun har vist mig billetterne.",
        "Han vil brænde igennem med sin tale til elevrådsvalget på fredag.",
    ],
)
def test_thirty_sixth_session_board_games_old_harm_abroad_licensed_guns_and_return_tickets_are_a_calm_context(text):
    result = detect_acute(text)
    assert not result.acute and result.calm_context


def test_thirty_sixth_session_a_rifle_from_the_shooting_club_brought_to_school_is_not_calmed():
    result = detect_acute("Han går i skytteforening og har skrevet i klassens chat, at han tager riflen med i skole i morgen.")
    assert result.acute or not result.calm_context


@pytest.mark.parametrize(
    "text",
    [
        # A weapon already taken and put away, a honeymoon, a coach who "kills" them, suicidal thoughts with no plan and
        # someone with him, a trip from the person's childhood that is over.
        "Beboer ville skære sin mad med sin gamle jagtkniv, som sønnen havde taget med. Kniven er nu i kontoret. Ingen fare.",
        "Hun blev gift i maj med en mand, hun selv valgte. I dag spørger hun, om hun kan få fri til bryllupsrejsen.",
        "jeg bliver slået ihjel af min træner, sagde hun efter svømmetræningen",
        "Borgeren har selvmordstanker, men ingen plan, og hans søster er hos ham; han har tid hos lægen i morgen.",
        "Hun fortalte i dag, at hun som barn blev sendt ud af landet, men hun kom tilbage som 14-årig og bor nu selv.",
    ],
)
def test_thirty_sixth_session_weapons_put_away_honeymoons_coaches_and_past_trips_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Kniven er nu i kontoret, men han truer med at hente en ny i aften.",
        "Han har selvmordstanker og ingen plan, men han er alene hjemme i nat og har samlet piller.",
        "Hun fortalte i dag, at hun som barn blev sendt ud af landet og kom tilbage, men at hun nu skal sendes ud igen på fredag.",
        "Min træner siger, at far slår mig ihjel i aften, fordi jeg ikke kom hjem efter træningen.",
    ],
)
def test_thirty_sixth_session_the_same_words_beside_present_danger_still_fire(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # Development set products_play_acute_dev.yml, own wording: a beating promised for tonight after a game, and a
        # farewell video with the pupil gone and not answering.
        "Efter kortspillet sagde pigen, at mor har lovet hende remmen i aften, hvis hun kommer for sent hjem.",
        "Hun lagde en video op, hvor hun siger farvel til alle, og nu svarer hun ikke på beskeder.",
    ],
)
def test_thirty_sixth_session_a_promised_beating_and_a_farewell_with_no_answer_fire(text):
    assert detect_acute(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Han sad låst inde på toilettet i et kvarter i går. Låsen havde sat sig fast, og pedellen fik ham ud.",
        "I sin stil skrev hun, at mor blev så vred, at hun kunne have slået hende ihjel, fordi hun tabte sin nye telefon.",
        "Han har skrevet 'enkeltbillet' på sin tegning. Hele familien flytter til Sverige, fordi mor har fået nyt job.",
    ],
)
def test_thirty_sixth_session_an_accidental_lock_a_figure_of_speech_and_a_family_move_do_not_fire_the_rules(text):
    assert not detect_acute(text).acute
