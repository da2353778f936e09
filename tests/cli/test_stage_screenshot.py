"""`livedesk screenshot --workspace rehearse --mode host|prompter --size 1920x1080`: the stage windows of a
run in progress, rendered from the stored live log."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

from stage_fixtures import stage_plan

from livedesk.domain.clock import FakeClock
from livedesk.persistence.store import Store
from livedesk.services.live import LiveService
from livedesk.services.sessions import save_plan


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "livedesk", *args], capture_output=True, text=True, timeout=120
    )


def test_host_screen_and_prompter_screenshots_at_1920x1080(tmp_path):
    from PySide6.QtGui import QColor, QImage

    from livedesk.domain.live_run import Level
    from livedesk.words import LEVEL_COLOURS

    db = tmp_path / "show.sqlite3"
    store = Store(f"sqlite:///{db}")
    session_id = save_plan(store, stage_plan())
    clock = FakeClock(datetime.now(UTC) - timedelta(seconds=30))
    LiveService(store, session_id, clock).go()  # the opening has been on air for 30 of its 120 s
    store.dispose()
    shots = {}
    for mode in ("host", "prompter", "live"):
        out = tmp_path / f"{mode}.png"
        result = run(
            "screenshot", "--workspace", "rehearse", "--mode", mode, "--size", "1920x1080",
            "--db", str(db), "--out", str(out),
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        shots[mode] = QImage(str(out))
        assert (shots[mode].width(), shots[mode].height()) == (1920, 1080)
    # the host screen's countdown is drawn large in the phase colour (on time: green)
    green = QColor(LEVEL_COLOURS[Level.NORMAL])
    host = shots["host"]
    rows = {y for y in range(0, 1080, 4) for x in range(0, 1920, 16) if host.pixelColor(x, y) == green}
    assert len(rows) * 4 > 0.3 * 1080  # green in a third of the screen's rows: digits, not a thin line
    bad = run("screenshot", "--workspace", "rehearse", "--size", "big", "--db", str(db), "--out", "x.png")
    assert bad.returncode == 2 and "--size 应写成 1920x1080 这样" in bad.stderr
