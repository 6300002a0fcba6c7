from __future__ import annotations

import pytest

from tests.e2e.servers import running_bot


@pytest.fixture(scope="session")
def bot(model_path, root):
    with running_bot(model_path, root / "build" / "e2e" / "full") as started:
        print(f"\nRasa answered after {started.startup_seconds:.1f} s")
        yield started


@pytest.fixture(scope="session")
def bot_without_actions(model_path, root):
    with running_bot(model_path, root / "build" / "e2e" / "no-actions", with_action_server=False) as started:
        yield started
