"""What the GUI's start-up imports, read from `sys.modules` in a fresh process (never timings): the window is
drawn without the store's SQLAlchemy, the plan workspace shows a session without pandas or matplotlib, and
matplotlib arrives when 复盘 is first shown."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from stage_fixtures import stage_plan

from livedesk.services.sessions import save_plan

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "sqlmodel", "pandas", "matplotlib", "numpy", "pyarrow")

# Runs the real `livedesk` GUI start (app.run_gui) offscreen and records the heavy modules loaded at each step.
GUI_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from livedesk.app import run_gui

    HEAVY = {heavy!r}
    app = QApplication(sys.argv[:1])
    seen = {{}}

    def loaded():
        return sorted(name for name in HEAVY if name in sys.modules)

    def window():
        return next((w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow"), None)

    def step():
        shown = window()
        if shown is None:
            return
        if "plan" not in seen and shown.workspace_shows_session():
            seen["plan"] = loaded()
            seen["plan_workspace"] = shown.current_workspace()
            shown.show_workspace("review")
        elif "plan" in seen and shown.current_workspace() == "review" and shown.workspace_shows_session():
            seen["review"] = loaded()
            poll.stop()
            print(json.dumps(seen))
            shown.close()

    poll = QTimer()
    poll.timeout.connect(step)
    poll.start(10)
    QTimer.singleShot(60000, app.quit)  # a start-up that never shows the session fails below, not hangs
    run_gui(sys.argv[1], "zh_CN")
    """
)


def _environment(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "QT_QPA_PLATFORM": "offscreen",
        "LIVEDESK_CONFIG_DIR": str(tmp_path / "config"),
        "LIVEDESK_DATA_DIR": str(tmp_path / "data"),
    }


def test_the_main_window_module_imports_no_store_analysis_or_charts(tmp_path):
    code = f"import json, sys; import livedesk.ui.main_window; print(json.dumps([n for n in {HEAVY!r} if n in sys.modules]))"
    out = subprocess.run(
        [sys.executable, "-c", code], env=_environment(tmp_path), capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == []


def test_the_plan_workspace_shows_the_last_session_without_pandas_or_matplotlib(store, tmp_path):
    session_id = save_plan(store, stage_plan())
    config = tmp_path / "config"
    config.mkdir()
    # the director last had this session open in 计划
    (config / "livedesk.ini").write_text(
        f"[ui]\nlast_session={session_id}\nlast_workspace=0\n", encoding="utf-8"
    )
    out = subprocess.run(
        [sys.executable, "-c", GUI_SCRIPT.format(heavy=HEAVY), store.url],
        env=_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["plan_workspace"] == "plan"
    assert "matplotlib" not in seen["plan"] and "pandas" not in seen["plan"], seen
    assert "sqlalchemy" in seen["plan"]  # the session really came from the store
    assert "matplotlib" in seen["review"]  # 复盘 draws its charts once shown


def test_a_store_that_cannot_be_opened_ends_the_gui_with_one_sentence(tmp_path):
    """The store opens behind the first paint; a file that is no database still ends the start with the
    one sentence naming it and exit code 2, as before the window showed first."""
    broken = tmp_path / "broken.sqlite3"
    broken.write_text("not a database", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "livedesk", "--db", str(broken)],
        env=_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 2
    assert (
        "livedesk: 数据库 sqlite:" in out.stderr
        and "无法使用" in out.stderr
        and "broken.sqlite3" in out.stderr
    )
