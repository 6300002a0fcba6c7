"""The intranet chat widget in Debian's headless Chromium against the real bot.

The checks live in tests/browser/widget.test.mjs (playwright-core); screenshots
are written to build/test-reports/widget-*.png as test artefacts.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.slow


def test_widget_in_a_real_browser(bot, root):
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    assert os.path.exists(chromium), f"{chromium} missing: scripts/test.sh installs Debian's chromium"
    assert shutil.which("node"), "node is needed for the browser tests"
    assert (root / "widget" / "dist" / "handlevej.js").exists(), "widget not built: run scripts/setup.sh"
    reports = root / "build" / "test-reports"
    result = subprocess.run(
        ["node", "tests/browser/widget.test.mjs", bot.url, str(reports)],
        cwd=root, capture_output=True, text=True, timeout=900,
    )
    print(result.stdout)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert (reports / "widget-procedure.png").exists()
