"""End to end: the real Rasa server and action server, talked to over REST."""

from __future__ import annotations

import re
import uuid

import pytest

pytestmark = pytest.mark.slow
ASK_URGENCY = "inden for få dage"  # words of the urgency question only


def texts(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def customs(messages: list[dict]) -> list[dict]:
    return [m["custom"] for m in messages if "custom" in m]


def sender() -> str:
    return f"e2e-{uuid.uuid4().hex[:10]}"


def test_model_parse_returns_concern_intents(bot):
    cases = {
        "Hun må ikke komme med på lejrskole, og hendes bror tjekker hendes telefon hver dag": "bekymring_negativ_social_kontrol",
        "Eleven fortæller, at familien har fundet en mand til hende, og at brylluppet skal stå i sommerferien": "bekymring_tvangsaegteskab",
        "Drengen deler videoer fra en voldelig gruppe og hylder angrebet i sidste uge": "bekymring_ekstremisme",
    }
    for text, intent in cases.items():
        assert bot.parse(text)["intent"]["name"] == intent, text


def test_greeting_explains_the_bot_and_warns_about_names(bot):
    reply = texts(bot.say(sender(), "hej"))
    assert "Handlevej" in reply and "Jeg gemmer ingen navne" in reply
    assert "CPR-numre" in reply and "112" in reply


def test_child_stay_abroad_asked_step_by_step(bot):
    user = sender()
    first = bot.say(user, "Jeg er lærer. En elev har fortalt, at hun skal på en lang ferie hos sin farmor i forældrenes "
                          "hjemland efter jul, og hun ved ikke, hvornår hun kommer tilbage.")
    assert "Ufrivilligt udlandsophold" in texts(first)
    assert "Hvor gammel" in texts(first)
    second = bot.say(user, "hun er 13")
    assert ASK_URGENCY in texts(second)
    third = bot.say(user, "/deny")
    body = texts(third)
    assert "Du skal underrette Allerød Kommune" in body
    assert "48 100 100" in body and "familier@alleroed.dk" in body
    assert "ikke forældrene" in body
    assert not re.search(r"(?<!ikke )kontakt(e)? forældrene", body)
    assert {"kind": "procedure", "concern": "udlandsophold", "age_group": "under18", "acute": False,
            "kommune": "allerod"} in customs(third)


def test_acute_description_gets_112_first_then_the_procedure(bot):
    messages = bot.say(sender(), "Min elev i 9. klasse siger, at hendes bror har truet med at slå hende ihjel, "
                                 "fordi hun har en kæreste. Hun tør ikke tage hjem i aften.")
    assert "112" in messages[0]["text"] and "114" in messages[0]["text"] and "4927 1448" in messages[0]["text"]
    assert customs(messages)[0] == {"kind": "akut"}
    body = texts(messages)
    assert "Æresrelateret vold eller trusler" in body
    assert "Hvor gammel" not in body and ASK_URGENCY not in body  # both were in the description
    assert {"kind": "procedure", "concern": "aeresrelateret_vold", "age_group": "under18", "acute": True,
            "kommune": "allerod"} in customs(messages)


def test_adult_by_buttons_then_questions_then_start_over(bot):
    user = sender()
    first = bot.say(user, "En kursist på sprogskolen fortæller, at hendes mand har hendes bankkort og bestemmer, "
                          "om hun må tage et job.")
    assert "Negativ social kontrol" in texts(first)
    assert "Hvor gammel" not in texts(first)  # "kursist" says 18+
    second = bot.say(user, "nej, ikke lige nu")
    body = texts(second)
    assert "18 år eller ældre" in body and "Indsatsgruppe" in body
    assert {"kind": "procedure", "concern": "negativ_social_kontrol", "age_group": "over18", "acute": False,
            "kommune": "allerod"} in customs(second)
    share = texts(bot.say(user, "må jeg dele oplysninger om hende med jobcentret?"))
    assert "samtykke" in share
    restart = texts(bot.say(user, "start forfra"))
    assert "startet forfra" in restart


def test_acute_yes_in_the_form_and_a_question_in_between(bot):
    user = sender()
    first = bot.say(user, "Jeg er bekymret for en 16-årig pige, som siger at familien vil gifte hende bort med en fætter.")
    assert "Pres mod ægteskab" in texts(first) and ASK_URGENCY in texts(first)
    faq = bot.say(user, "skal jeg underrette?")
    assert "skærpet underretningspligt" in texts(faq)
    assert ASK_URGENCY in texts(faq)  # the form asks again after the question
    yes = bot.say(user, "/affirm")
    assert "112" in yes[0]["text"] and customs(yes)[0] == {"kind": "akut"}
    assert {"kind": "procedure", "concern": "tvangsaegteskab", "age_group": "under18", "acute": True,
            "kommune": "allerod"} in customs(yes)


def test_fallback_offers_buttons_then_gives_the_intake_number(bot):
    user = sender()
    first = bot.say(user, "xqz blorp")
    assert first and first[0].get("buttons"), first
    assert first[0]["buttons"][-1]["payload"] == "/out_of_scope"
    second = bot.say(user, "grmbl vxq")
    assert "48 100 100" in texts(second) or "Kan du skrive det med andre ord" in texts(second)


def test_a_suicide_risk_gets_the_acute_answer_and_is_not_called_extremism(bot):
    # The classifier learned "selvmord" from suicide bombers; a pupil who shows pills and says he will do it tonight
    # must get 112/114 first, and the bot must not name extremism as his concern.
    messages = bot.say(sender(), "opdatering på eleven fra i går: han har vist mig tabletterne og siger, han gør det i aften")
    assert "112" in messages[0]["text"] and "4927 1448" in messages[0]["text"]
    assert "Ekstremisme" not in texts(messages)


def test_a_played_down_family_threat_over_a_boyfriend_is_named_honour_related(bot):
    # "Sikkert ingenting" made the classifier call this a vague worry; a threat to her life that her father's knowing
    # about the boyfriend explains is honour-related violence, after 112/114.
    messages = bot.say(sender(), "det er sikkert ingenting, men hun sagde: hvis jeg kommer hjem i dag er jeg død, "
                                 "far ved det med kæresten")
    assert "112" in messages[0]["text"] and "4927 1448" in messages[0]["text"]
    assert "Æresrelateret vold eller trusler" in texts(messages)


@pytest.mark.parametrize(
    ("message", "not_named"),
    [
        # The classifier called a tease about an engagement some day forced marriage, with "you must notify".
        ("Hun fortæller at tanterne drillede hende med hvornår hun selv skal forloves. Hun grinede. Hun er 17 og ingen "
         "er i fare.", "Pres mod ægteskab"),
        # Found in a manual chat: a line in the school play was called other abuse with "you must notify".
        ("Drengen i skoleteatret råber hver dag, at han vil slå sin far ihjel; det er hans replik i stykket. Han er 13 "
         "og ingen er i fare.", "Andet overgreb"),
    ],
)
def test_a_tease_or_a_line_in_a_play_is_a_vague_worry_without_112(bot, message, not_named):
    # No case yet: the bot asks what was seen or heard, and no procedure, 112/114 or duty to notify comes.
    messages = bot.say(sender(), message)
    body = texts(messages)
    assert "112" not in messages[0]["text"]
    assert "Beskriv det gerne konkret" in body
    assert not_named not in body and "underrette" not in body


def test_a_disclosure_after_a_role_play_gets_112_and_is_not_a_vague_worry(bot):
    # Round 94: the role play made the rules and the type look away from what she told after it.
    messages = bot.say(sender(), "Efter rollespillet på sprogskolen fortalte en kursist, at hendes mand låser hende inde, "
                                 "og at hun skal være hjemme om en halv time.")
    assert "112" in messages[0]["text"] and "4927 1448" in messages[0]["text"]
    assert "Beskriv det gerne konkret" not in texts(messages)


def test_suitors_last_weekend_and_a_wedding_at_16_get_the_procedure_without_112(bot):
    messages = bot.say(sender(), "Min elev i 7. klasse fortæller at der kom mænd hjem til dem i weekenden for at se på "
                                 "hende, og far siger hun skal giftes når hun fylder 16.")
    assert "112" not in messages[0]["text"]
    assert "Pres mod ægteskab" in texts(messages)


def test_acute_answer_works_without_the_action_server(bot_without_actions):
    messages = bot_without_actions.say(sender(), "Hjælp, han står med en kniv og truer hende lige nu")
    assert messages, "no answer at all"
    assert "112" in messages[0]["text"] and "114" in messages[0]["text"] and "4927 1448" in messages[0]["text"]
    assert {"kind": "akut"} in customs(messages)


def test_without_the_action_server_a_worry_gets_an_apology_with_numbers(bot_without_actions):
    messages = bot_without_actions.say(sender(), "Hun må ikke komme med på lejrskole, og broren tjekker hendes telefon")
    body = texts(messages)
    assert "Undskyld" in body and "112" in body and "48 100 100" in body


def test_indirect_danger_gets_112_first_and_the_urgency_question_still_comes(bot):
    user = sender()
    first = bot.say(user, "Hun har lige ringet fra en tankstation og siger, at hendes brødre kører rundt og leder efter hende")
    assert customs(first)[0] == {"kind": "akut"} and "112" in first[0]["text"]
    assert not any(c.get("kind") == "procedure" for c in customs(first))  # not yet: is anyone in danger?
    second = bot.say(user, "hun er 16")
    assert ASK_URGENCY in texts(second)
    third = bot.say(user, "/affirm")
    assert any(c.get("kind") == "procedure" and c.get("acute") is True for c in customs(third))


def test_no_to_the_danger_question_gets_no_112_banner(bot):
    user = sender()
    bot.say(user, "Hun må ikke komme med på lejrskole, og hendes bror tjekker hendes telefon hver dag")
    bot.say(user, "hun er 14")
    answer = bot.say(user, "nej, ikke lige nu")
    assert {"kind": "akut"} not in customs(answer)
    assert any(c.get("kind") == "procedure" and c.get("acute") is False for c in customs(answer))


def test_a_reply_to_the_fallback_buttons_is_answered_once(bot):
    # 112 first for the unclear acute message; the reply "no" is answered, not looped on (the
    # server used to run the fallback forever here); the next message is answered again.
    user = sender()
    first = bot.say(user, '/nlu_fallback{"akut_mulig": true}')
    assert customs(first)[0] == {"kind": "akut"} and first[-1].get("buttons")
    second = bot.say(user, "nej, ikke lige nu")
    assert second and {"kind": "akut"} not in customs(second)
    assert bot.say(user, "tak")


def test_an_acute_reply_to_the_fallback_buttons_gets_112_then_the_form(bot):
    user = sender()
    bot.say(user, "xqz blorp")
    reply = bot.say(user, "Han har en kniv og truer hende lige nu. Det er stedfaren, der slår")
    assert customs(reply)[0] == {"kind": "akut"} and "112" in reply[0]["text"]
    assert "Hvor gammel" in texts(reply)  # the worry was understood: the age question comes


def test_an_unclear_acute_reply_to_the_fallback_buttons_gets_112_and_one_intake_answer(bot):
    user = sender()
    bot.say(user, "xqz blorp")
    reply = bot.say(user, '/nlu_fallback{"akut_signal": true}')
    assert customs(reply)[0] == {"kind": "akut"}
    assert texts(reply).count("48 100 100") == 1


def test_short_worry_ending_with_the_age_is_taken_as_the_worry(bot):
    # The classifier ranked this inform_age (the age phrase is what it knows best), and the
    # bot asked the user to rephrase; the worry beside the age now decides (bot/nlu/age_answer.py).
    user = sender()
    first = texts(bot.say(user, "han ser IS-videoer, 15 år gammel"))
    assert "Ekstremisme eller radikalisering" in first
    assert "Hvor gammel" not in first and ASK_URGENCY in first
    second = texts(bot.say(user, "nej"))
    assert "SSP Gadeteam" in second and "48 100 100" in second


def test_an_age_answer_with_more_words_keeps_the_concern(bot):
    # "myndig men bor stadig hjemme" is one of the age answers whose rest reads as a type;
    # inside the form the age is taken from the entity first, so the concern stays.
    user = sender()
    first = texts(bot.say(user, "Jeg er bekymret for en ung pige, hvis bror tjekker hendes telefon og bestemmer, "
                                "hvem hun ser."))
    assert "Negativ social kontrol" in first and "Hvor gammel" in first
    second = texts(bot.say(user, "myndig men bor stadig hjemme"))
    assert ASK_URGENCY in second
    for other in ("Æresrelateret vold", "Pres mod ægteskab", "Ufrivilligt udlandsophold", "Ekstremisme eller",
                  "Andet overgreb"):
        assert other not in second
    assert "Indsatsgruppe" in texts(bot.say(user, "nej"))


def test_an_opening_that_only_gives_the_age_asks_what_was_seen(bot):
    # "en 15-årig pige" alone was ranked as abuse and started that procedure's questions.
    user = sender()
    first = texts(bot.say(user, "en 15-årig pige"))
    assert "hvad du har set eller hørt" in first
    assert "Andet overgreb" not in first
    second = texts(bot.say(user, "hendes storebror tjekker hendes telefon og henter hende ved skolen hver dag"))
    assert "Negativ social kontrol" in second
    assert "Hvor gammel" not in second and ASK_URGENCY in second  # the age came in the first message


def test_asking_about_the_parents_with_a_marriage_worry_gets_the_marriage_answer(bot):
    # Before any worry is registered, the question alone got the general answer; the worry named in the
    # same message now decides which answer, and for a forced marriage that is: do not contact the family.
    body = texts(bot.say(sender(), "Må jeg overhovedet ringe til forældrene, hvis jeg tror hun skal giftes i sommer?"))
    assert "Kontakt ikke familien" in body
    assert "48 100 100" in body


def test_asking_about_the_parents_with_a_stay_abroad_worry_is_told_not_to_contact_them(bot):
    # A stay abroad feared: the answer must never advise contacting the parents.
    body = texts(bot.say(sender(), "Må jeg sige det til forældrene, hvis jeg tror, han skal sendes til Somalia?"))
    assert "skal du ikke kontakte forældrene" in body
    assert "4927 1448" in body


def test_calling_the_parents_about_a_feared_stay_abroad_is_advised_against(bot):
    # The classifier gave the stay abroad 0.07 here, below every hint threshold, and the general answer came back;
    # the worry named in the question now decides.
    body = texts(bot.say(sender(), "Må jeg ringe til forældrene, hvis jeg tror hun skal sendes til Somalia?"))
    assert "skal du ikke kontakte forældrene" in body
    assert "4927 1448" in body
