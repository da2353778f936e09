"""The 彩排/直播 workspace: 脚本 (script editor with live lint), 彩排 (step timers) and 直播 (the director's
console with prompter and stage view). One 200 ms QTimer asks the state machines for the clock's time.

All three read the session document the workspaces share: an edit made in 计划 or 脚本 reaches 彩排 and
the console in the same event-loop turn, with no refresh."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from livedesk.persistence.session_repository import SessionNotFound
from livedesk.ui.context import AppContext
from livedesk.ui.i18n import tr
from livedesk.ui.rehearsal.live_console import LiveConsole
from livedesk.ui.rehearsal.rehearsal_panel import RehearsalPanel
from livedesk.ui.rehearsal.script_editor import ScriptEditor

MODES = ("script", "rehearse", "live")
TICK_MS = 200


class RehearsalPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.document = context.shared_document()
        self.session_id: int | None = None
        self._title = QLabel(tr("No session selected"))
        self._title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.script_editor = ScriptEditor(context, self.document)
        self.rehearsal_panel = RehearsalPanel(context)
        self.live_console = LiveConsole(context)
        self._pages = (self.script_editor, self.rehearsal_panel, self.live_console)
        self.modes = QTabWidget()
        for page, name in zip(self._pages, (tr("Script"), tr("Rehearse"), tr("Live console")), strict=False):
            # scroll areas let the main window shrink below the pages' natural size (a laptop screen)
            holder = QScrollArea()
            holder.setWidget(page)
            holder.setWidgetResizable(True)
            holder.setFrameShape(QFrame.Shape.NoFrame)
            self.modes.addTab(holder, name)
        self.modes.currentChanged.connect(self._on_mode_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self.modes, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.document.plan_changed.connect(self._on_plan_changed)
        context.selection.session_scripts_changed.connect(self._on_session_scripts_changed)

    def show_session(self, session_id: int | None) -> None:
        session_id = session_id or None
        if self.document.session_id != session_id:
            try:
                self.document.load(session_id)  # the main window normally opened it in the background
            except SessionNotFound:
                self.document.load(None)
        self.session_id = self.document.session_id
        plan = self.document.plan
        self._title.setText(plan.session.title if plan else tr("No session selected"))
        self.script_editor.show_plan(plan)
        self.rehearsal_panel.show_plan(plan)
        self.live_console.show_session(self.session_id)

    def _on_plan_changed(self) -> None:
        """An edit anywhere (pool, run order, script, team): every view here follows at once."""
        plan = self.document.plan
        if plan is None or plan.session.id != self.session_id:
            return  # a session switch: show_session follows once the main window has opened it
        self._title.setText(plan.session.title)
        self.script_editor.show_plan(plan)
        self.rehearsal_panel.show_plan(plan)
        self._tell_console()

    def _on_session_scripts_changed(self, session_id: int) -> None:
        if session_id == self.session_id:
            self._tell_console()

    def _tell_console(self) -> None:
        # The console (liverun's) applies the edit to the segments not yet started and says so.
        self.live_console.plan_edited(self.document.plan)

    def show_mode(self, mode: str) -> None:
        """`script`, `rehearse` or `live` (used by the screenshot command and the menus)."""
        if mode not in MODES:
            raise LookupError(f"unknown mode '{mode}'; choose one of {', '.join(MODES)}")
        self.modes.setCurrentIndex(MODES.index(mode))

    def current_mode(self) -> str:
        return MODES[self.modes.currentIndex()]

    def tick(self) -> None:
        page = self._pages[self.modes.currentIndex()]
        if hasattr(page, "tick"):
            page.tick()

    def _on_mode_changed(self, index: int) -> None:
        if MODES[index] != "script":
            self.script_editor.commit()  # what was typed reaches 彩排 and the console before they show
        if MODES[index] == "live":
            self.live_console.setFocus()
        self.tick()

    def closeEvent(self, event) -> None:
        self.script_editor.commit()
        self.live_console.close_windows()
        super().closeEvent(event)
