"""The Teams connector against a loopback stand-in for Microsoft's endpoints.

Tokens are signed with keys the stand-in generated; the connector's endpoint
URLs point at it through configuration only (see conftest.py).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import uuid

import pytest

from tests.e2e.teams_standin import APP_ID, TENANT, new_key

pytestmark = pytest.mark.slow


def activity(standin, **fields):
    conversation = f"conv-{uuid.uuid4().hex[:8]}"
    base = {
        "type": "message", "id": f"act-{uuid.uuid4().hex[:6]}", "serviceUrl": standin.url, "channelId": "msteams",
        "from": {"id": "29:user", "aadObjectId": f"aad-{uuid.uuid4().hex}", "name": "Bruger"},
        "recipient": {"id": "28:bot", "name": "Handlevej"}, "conversation": {"id": conversation}, "text": "",
    }
    base.update(fields)
    return base


def post(bot, body, token):
    request = urllib.request.Request(
        f"{bot.url}/webhooks/teams/api/messages", data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def replies(standin, conversation, wait=10.0):
    deadline = time.time() + wait
    while time.time() < deadline:
        found = [a for a in standin.activities if a["conversation"] == conversation]
        if found:
            time.sleep(0.3)
            return [a for a in standin.activities if a["conversation"] == conversation]
        time.sleep(0.1)
    return []


def all_text(found):
    parts = []
    for a in found:
        parts.append(a["body"].get("text", ""))
        parts.append(json.dumps(a["body"].get("attachments", []), ensure_ascii=False))
    return "\n".join(parts)


def test_valid_message_gets_a_reply_with_the_outgoing_token(bot, teams_standin):
    body = activity(teams_standin, text="Hun må ikke komme med på lejrskole, og hendes bror tjekker hendes telefon")
    assert post(bot, body, teams_standin.token()) == 200
    found = replies(teams_standin, body["conversation"]["id"])
    assert found and all(a["auth"] == "Bearer standin-access-token" for a in found)
    assert "Negativ social kontrol" in all_text(found)
    request = teams_standin.token_requests[-1]
    assert request["tenant"] == TENANT and request["client_id"] == APP_ID
    assert request["grant_type"] == "client_credentials" and request["scope"] == "https://api.botframework.com/.default"
    buttons = [a for a in found if a["body"].get("attachments")]
    assert buttons and buttons[0]["body"]["attachments"][0]["contentType"] == "application/vnd.microsoft.card.adaptive"


@pytest.mark.parametrize(
    "make_token",
    [
        pytest.param(lambda s: s.token(key=new_key()), id="bad-signature"),
        pytest.param(lambda s: s.token(aud="someone-else"), id="wrong-audience"),
        pytest.param(lambda s: s.token(exp=int(time.time()) - 3600, iat=int(time.time()) - 7200), id="expired"),
        pytest.param(lambda s: s.token(iss="https://evil.example"), id="wrong-issuer"),
        pytest.param(lambda s: "not-a-jwt", id="garbage"),
    ],
)
def test_invalid_tokens_get_401_and_no_reply(bot, teams_standin, make_token):
    body = activity(teams_standin, text="hej")
    assert post(bot, body, make_token(teams_standin)) == 401
    assert replies(teams_standin, body["conversation"]["id"], wait=1.5) == []


def test_missing_token_is_401(bot, teams_standin):
    request = urllib.request.Request(f"{bot.url}/webhooks/teams/api/messages", data=b"{}",
                                     headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=30)
    assert err.value.code == 401


def test_a_mention_is_stripped(bot, teams_standin):
    body = activity(teams_standin, text="<at>Handlevej</at> hvem kan jeg ringe til?")
    assert post(bot, body, teams_standin.token()) == 200
    text = all_text(replies(teams_standin, body["conversation"]["id"]))
    assert "48 100 100" in text and "<at>" not in text


def test_a_card_button_click_arrives_as_its_payload(bot, teams_standin):
    body = activity(teams_standin, text="", value={"payload": "/faq_press"})
    assert post(bot, body, teams_standin.token()) == 200
    assert "Udtal dig ikke" in all_text(replies(teams_standin, body["conversation"]["id"]))


def test_welcome_when_the_bot_is_added_says_teams_is_not_anonymous(bot, teams_standin):
    body = activity(teams_standin, type="conversationUpdate", membersAdded=[{"id": "28:bot"}])
    assert post(bot, body, teams_standin.token()) == 200
    text = all_text(replies(teams_standin, body["conversation"]["id"]))
    assert "ikke anonym" in text and "Jeg gemmer ingen navne" in text


def test_an_acute_message_becomes_an_attention_card_first(bot, teams_standin):
    body = activity(teams_standin, text="Han har en kniv og truer hende lige nu")
    assert post(bot, body, teams_standin.token()) == 200
    found = replies(teams_standin, body["conversation"]["id"])
    first = json.dumps(found[0]["body"], ensure_ascii=False)
    assert '"style": "attention"' in first and "112" in first and "4927 1448" in first


def test_rotated_signing_key_is_fetched_on_unknown_key_id(bot, teams_standin):
    teams_standin.keys["key-2"] = new_key()
    body = activity(teams_standin, text="hej")
    assert post(bot, body, teams_standin.token(kid="key-2")) == 200


def test_start_up_does_not_need_microsoft(bot_without_actions):
    # This server was started with the Teams endpoints pointing at a closed port.
    with urllib.request.urlopen(f"{bot_without_actions.url}/webhooks/teams/", timeout=10) as response:
        assert json.loads(response.read()) == {"status": "ok", "keys_loaded": False}
    body = {"type": "message", "serviceUrl": "http://127.0.0.1:9", "conversation": {"id": "c"}, "text": "hej"}
    assert post(bot_without_actions, body, "x.y.z") == 401
