"""Two Rasa servers behind nginx, RedisLockStore, ScrubbingSQLTrackerStore on PostgreSQL.

The whole cluster is started with scripts/cluster/up.sh in its own state
directory on free ports and always stopped with scripts/cluster/down.sh --purge.
A conversation held through nginx loses its Rasa server (SIGKILL) half-way
through the questions and continues on the other server with its slots.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.request
import uuid
from dataclasses import dataclass

import psycopg2
import pytest
import redis

from tests.cluster.helpers import ROOT, SCRIPTS, Reply, free_ports, post_json, read_env_file, require_packages

pytestmark = pytest.mark.slow
STATE = ROOT / "build" / "cluster" / "pytest"
ASK_AGE = "Hvor gammel"
ASK_URGENCY = "inden for få dage"  # words of the urgency question only
WORRY = "Hun må ikke komme med på lejrskole, og hendes bror tjekker hendes telefon hver dag"
PHONE = "23 45 67 89"


@dataclass
class Cluster:
    url: str
    env: dict[str, str]
    token: str
    startup_seconds: float

    def rasa(self, n: int) -> str:
        return f"127.0.0.1:{self.env[f'RASA{n}_PORT']}"

    def say(self, sender: str, message: str) -> Reply:
        reply = post_json(f"{self.url}/webhooks/rest/webhook", {"sender": sender, "message": message})
        assert reply.status == 200, reply
        return reply

    def kill(self, address: str) -> None:
        """SIGKILL the Rasa server listening on address (no clean shutdown of any kind)."""
        name = next(f"rasa{n}" for n in (1, 2) if self.rasa(n) == address)
        pid = int((STATE / "run" / f"{name}.pid").read_text().split()[0])
        os.killpg(pid, signal.SIGKILL)
        # Dead means: its port refuses connections. (The process shows as a zombie as
        # soon as its main thread has exited; its other threads - and with them the
        # listening socket - can take a moment longer. A message sent in that moment
        # is accepted by the kernel and then reset: a 502, not a failover.)
        host, port = address.split(":")
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection((host, int(port)), timeout=1).close()
            except ConnectionRefusedError:
                return
            except OSError:
                pass
            assert time.monotonic() < deadline, f"{name} still accepts connections after SIGKILL"
            time.sleep(0.05)

    def tracker(self, address: str, sender: str) -> dict:
        url = f"http://{address}/conversations/{sender}/tracker?token={self.token}"
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.loads(response.read())

    def database(self):
        return psycopg2.connect(host="127.0.0.1", port=int(self.env["PG_PORT"]), dbname="handlevej",
                                user="handlevej", password=self.env["PG_APP_PASSWORD"], connect_timeout=10)

    def stored_events(self, sender: str) -> list[dict]:
        with self.database() as connection, connection.cursor() as cursor:
            cursor.execute("select data from events where sender_id = %s order by id", (sender,))
            return [json.loads(row[0]) for row in cursor.fetchall()]


@pytest.fixture(scope="module")
def cluster(model_path):
    require_packages()
    token = secrets.token_hex(12)
    env = dict(os.environ)
    env.update(
        HANDLEVEJ_CLUSTER_DIR=str(STATE), HANDLEVEJ_CLUSTER_SKIP_SETUP="1", HANDLEVEJ_CLUSTER_NO_INSTALL="1",
        HANDLEVEJ_MODEL=str(model_path), HANDLEVEJ_AUTH_TOKEN=token, HANDLEVEJ_CLUSTER_TIMEOUT="540",
    )
    names = ["PORT", "RASA1_PORT", "RASA2_PORT", "ACTIONS_PORT", "REDIS_PORT", "PG_PORT"]
    for name, port in zip(names, free_ports(len(names)), strict=True):
        env[f"HANDLEVEJ_CLUSTER_{name}"] = str(port)
    down = [str(SCRIPTS / "down.sh"), "--purge"]
    subprocess.run(down, env=env, cwd=ROOT, capture_output=True, timeout=180)  # leftovers of an interrupted run
    try:
        started = time.monotonic()
        up = subprocess.run([str(SCRIPTS / "up.sh")], env=env, cwd=ROOT, capture_output=True, text=True, timeout=660)
        seconds = time.monotonic() - started
        print(f"\nscripts/cluster/up.sh: {seconds:.0f} s\n{up.stdout[-1500:]}")
        if up.returncode != 0:
            pytest.fail(f"scripts/cluster/up.sh failed ({up.returncode}):\n{up.stdout[-4000:]}\n{up.stderr[-4000:]}")
        values = read_env_file(STATE / "cluster.env")
        yield Cluster(f"http://127.0.0.1:{values['HTTP_PORT']}", values, token, seconds)
    finally:
        stopped = subprocess.run(down, env=env, cwd=ROOT, capture_output=True, text=True, timeout=180)
        print(stopped.stdout[-800:], stopped.stderr[-800:])


def texts(reply: Reply) -> str:
    return "\n".join(m.get("text", "") for m in reply.body)


def customs(reply: Reply) -> list[dict]:
    return [m["custom"] for m in reply.body if "custom" in m]


def test_both_servers_answer_and_each_conversation_stays_on_one(cluster):
    servers = {cluster.rasa(1), cluster.rasa(2)}
    seen: set[str] = set()
    # Random keys on a ring that depends on the ports: a lopsided split needs more than 24 tries now and then.
    for index in range(64):
        sender = f"cluster-sticky-{index}-{uuid.uuid4().hex[:6]}"
        first = cluster.say(sender, "hej")
        second = cluster.say(sender, "hvad er negativ social kontrol?")
        assert "Handlevej" in texts(first) and texts(second)
        assert first.upstreams == second.upstreams and len(first.upstreams) == 1, (first.upstreams, second.upstreams)
        seen.add(first.upstream)
        if seen == servers:
            break
    assert seen == servers


def test_a_conversation_continues_on_the_other_server_with_its_slots(cluster):
    sender = f"cluster-failover-{uuid.uuid4().hex[:8]}"
    first = cluster.say(sender, WORRY)
    assert "Negativ social kontrol" in texts(first) and ASK_AGE in texts(first)
    second = cluster.say(sender, "hun er 15")
    assert ASK_URGENCY in texts(second)
    home = first.upstream
    assert second.upstreams == [home], "the conversation moved although its server was up"
    other = ({cluster.rasa(1), cluster.rasa(2)} - {home}).pop()

    cluster.kill(home)

    third = cluster.say(sender, "nej, ikke lige nu")
    assert third.upstream == other, third.upstreams
    # the answer needs all three slots: concern and age from the dead server, urgency from this one
    assert {"kind": "procedure", "concern": "negativ_social_kontrol", "age_group": "under18", "acute": False,
            "kommune": "allerod"} in customs(third), texts(third)
    fourth = cluster.say(sender, "skal jeg underrette?")
    assert fourth.upstream == other and "underretningspligt" in texts(fourth)

    tracker = cluster.tracker(other, sender)
    assert tracker["slots"]["concern"] == "negativ_social_kontrol"
    assert tracker["slots"]["age_group"] == "under18"
    assert tracker["slots"]["akut"] is False

    stored = cluster.stored_events(sender)
    said = [e["text"] for e in stored if e["event"] == "user"]
    assert said == [WORRY, "hun er 15", "nej, ikke lige nu", "skal jeg underrette?"], said  # once each, in order

    locks = redis.Redis(host="127.0.0.1", port=int(cluster.env["REDIS_PORT"]), password=cluster.env["REDIS_PASSWORD"], db=1)
    try:
        assert int(locks.info("commandstats").get("cmdstat_set", {}).get("calls", 0)) > 0, "Redis never held a lock"
        assert not locks.keys("handlevej:lock:*"), "a conversation lock was left behind"
    finally:
        locks.close()


def test_personal_data_is_masked_in_postgresql(cluster):
    sender = f"cluster-pd-{uuid.uuid4().hex[:8]}"
    cluster.say(sender, f"Hendes mor har nummeret {PHONE}, og pigen må ikke gå til svømning")
    stored = cluster.stored_events(sender)
    user = [e for e in stored if e["event"] == "user"]
    assert len(user) == 1 and "[telefon]" in user[0]["text"], user
    everything = json.dumps(stored, ensure_ascii=False)
    assert PHONE not in everything
    assert PHONE.replace(" ", "") not in json.dumps([e.get("text") for e in stored] + [e.get("parse_data") for e in user])


def test_retention_clean_up_runs_on_postgresql(cluster):
    from bot.stores import ScrubbingSQLTrackerStore

    old, recent = f"cluster-old-{uuid.uuid4().hex[:8]}", f"cluster-recent-{uuid.uuid4().hex[:8]}"

    def add(sender: str, age_days: float) -> None:
        stamp = time.time() - age_days * 86400
        with cluster.database() as connection, connection.cursor() as cursor:
            cursor.execute(
                "insert into events (sender_id, type_name, timestamp, data) values (%s, 'user', %s, %s)",
                (sender, stamp, json.dumps({"event": "user", "timestamp": stamp, "text": "gammel samtale"})),
            )

    def count(sender: str) -> int:
        with cluster.database() as connection, connection.cursor() as cursor:
            cursor.execute("select count(*) from events where sender_id = %s", (sender,))
            return cursor.fetchone()[0]

    add(old, 8)
    add(recent, 6)
    store = ScrubbingSQLTrackerStore(dialect="postgresql", host="127.0.0.1", port=cluster.env["PG_PORT"], db="handlevej",
                                     username="handlevej", password=cluster.env["PG_APP_PASSWORD"], retention_days=7)
    try:
        assert count(old) == 0, "the start-up clean-up did not delete an 8-day-old conversation"
        assert count(recent) == 1
        add(old, 10)
        assert store.delete_expired() == 1
        assert count(old) == 0 and count(recent) == 1
    finally:
        store.engine.dispose()
