"""Run by bench_gui_start.py in a fresh process: start a window and leave the process (os._exit, no teardown)
right after the paint the bench waits for, so the parent's wall clock measures start-up to that paint.

    gui_probe.py bare                        a bare QMainWindow at 1600x1000, exit after its first paint
    gui_probe.py bare-png OUT                the bare window drawn to a PNG (grab), as `livedesk screenshot`
    gui_probe.py paint ARGS…                 `livedesk ARGS…` (the GUI), exit after the main window's first paint
    gui_probe.py session SESSION ARGS…       … exit after the first paint once SESSION is shown and nothing
                                             runs in the background any more (the review computed, if shown)

Both kinds of window inherit the same probe class (put in place of QMainWindow before LiveDesk imports it),
so the baseline and LiveDesk are drawn and detected the same way.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import QtCore, QtWidgets  # noqa: E402 - the platform must be chosen first

_BaseMainWindow = QtWidgets.QMainWindow
MODE = sys.argv[1]
WANTED_SESSION = int(sys.argv[2]) if MODE == "session" else None


def _leave() -> None:
    sys.stdout.flush()
    os._exit(0)


def _session_shown(window) -> bool:
    context = getattr(window, "_context", None)
    if context is None or context.selection.session_id != WANTED_SESSION:
        return False
    document = context.document
    if document is None or document.session_id != WANTED_SESSION or context.tasks.busy:
        return False
    shown = getattr(window, "workspace_shows_session", None)
    return shown is None or shown()


class ProbeMainWindow(_BaseMainWindow):
    """Leaves the process once the wanted paint has happened (the pass of its children included)."""

    _leaving = False
    _poll = None

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if ProbeMainWindow._leaving:
            return
        if MODE == "session":
            if ProbeMainWindow._poll is None:  # readiness changes without a paint: look, then ask for one
                ProbeMainWindow._poll = QtCore.QTimer()
                ProbeMainWindow._poll.timeout.connect(self._check)
                ProbeMainWindow._poll.start(5)
            if not _session_shown(self):
                return
        ProbeMainWindow._leaving = True
        QtCore.QTimer.singleShot(0, _leave)  # after this paint pass (the children draw after the window)

    def _check(self) -> None:
        if _session_shown(self):
            self.update()


QtWidgets.QMainWindow = ProbeMainWindow


def main() -> None:
    if MODE in ("bare", "bare-png"):
        app = QtWidgets.QApplication(sys.argv[:1])
        window = ProbeMainWindow()
        window.setWindowTitle("bare")
        window.resize(1600, 1000)
        if MODE == "bare-png":
            window.show()
            for _ in range(5):
                app.processEvents()
            window.grab().save(sys.argv[2], "PNG")
            _leave()
        window.show()
        app.exec()
        return
    from livedesk.cli.main import main as livedesk_main

    args = sys.argv[3:] if MODE == "session" else sys.argv[2:]
    raise SystemExit(livedesk_main(args))


if __name__ == "__main__":
    main()
