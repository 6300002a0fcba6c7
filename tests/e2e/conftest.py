from __future__ import annotations

import pytest
import yaml

from tests.e2e.servers import free_port, running_bot
from tests.e2e.teams_standin import StandIn


@pytest.fixture(scope="session")
def teams_standin():
    standin = StandIn()
    standin.start()
    return standin


@pytest.fixture(scope="session")
def bot(model_path, root, teams_standin):
    """The real bot with the repo's channels plus Teams pointed at the loopback stand-in."""
    workdir = root / "build" / "e2e" / "full"
    workdir.mkdir(parents=True, exist_ok=True)
    credentials = yaml.safe_load((root / "credentials.yml").read_text(encoding="utf-8")) or {}
    credentials["bot.channels.teams.TeamsInput"] = teams_standin.credentials()
    path = workdir / "credentials.yml"
    path.write_text(yaml.safe_dump(credentials), encoding="utf-8")
    tracker_db = workdir / "trackers.db"
    tracker_db.unlink(missing_ok=True)
    with running_bot(model_path, workdir, credentials=path, tracker_db=tracker_db) as started:
        started.tracker_db = tracker_db
        print(f"\nRasa answered after {started.startup_seconds:.1f} s")
        yield started


@pytest.fixture(scope="session")
def bot_without_actions(model_path, root):
    """No action server, and Teams configured with Microsoft's endpoints unreachable."""
    workdir = root / "build" / "e2e" / "no-actions"
    workdir.mkdir(parents=True, exist_ok=True)
    credentials = yaml.safe_load((root / "credentials.yml").read_text(encoding="utf-8")) or {}
    dead = f"http://127.0.0.1:{free_port()}"
    credentials["bot.channels.teams.TeamsInput"] = {
        "app_id": "app", "app_password": "secret", "tenant_id": "tenant",
        "openid_metadata_url": f"{dead}/openid", "token_url": f"{dead}/{{tenant}}/token",
    }
    path = workdir / "credentials.yml"
    path.write_text(yaml.safe_dump(credentials), encoding="utf-8")
    with running_bot(model_path, workdir, with_action_server=False, credentials=path) as started:
        yield started
