"""The main window: session list, the three workspaces (计划, 彩排/直播, 复盘), menus, status bar, geometry.

It paints before anything heavy is imported: the store may be opened after the first paint (`store_opened`),
and each workspace is imported and built the first time it is shown (until then its tab holds a placeholder),
so start-up pays only for the workspace the director reopens, and 复盘's charts load when 复盘 is first shown.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import livedesk
from livedesk.ui import settings as setting
from livedesk.ui.context import AppContext
from livedesk.ui.i18n import tr
from livedesk.ui.language_switch import switch_language
from livedesk.ui.widgets.error_report import ErrorBanner, ExceptionReporter

if TYPE_CHECKING:  # imported once the store is open (the first paint does without it)
    from livedesk.ui.session_list import SessionListPanel

WORKSPACES = ("plan", "rehearse", "review")
# Each workspace's page, imported when first shown (复盘 alone brings pandas' and matplotlib's import time).
PAGE_CLASSES = {
    "plan": ("livedesk.ui.planner.planner_page", "PlannerPage"),
    "rehearse": ("livedesk.ui.rehearsal.rehearsal_page", "RehearsalPage"),
    "review": ("livedesk.ui.review.review_page", "ReviewPage"),
}


class _PageSlot(QWidget):
    """A workspace's tab: a placeholder until the page is built into it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page: QWidget | None = None
        self._show_session: Callable[[int | None], None] | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._placeholder = QLabel(tr("Opening…"))
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setStyleSheet("color: #888; font-size: 16px;")
        self._layout.addWidget(self._placeholder)

    def put(self, page: QWidget, show_session: Callable[[int | None], None]) -> None:
        """Put the built page in; `show_session` is its own (every workspace page has one)."""
        self._placeholder.hide()
        self._layout.addWidget(page)
        self.page, self._show_session = page, show_session

    def show_session(self, session_id: int | None) -> None:
        if self._show_session is not None:
            self._show_session(session_id)


class MainWindow(QMainWindow):
    workspace_changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(tr("LiveDesk"))

        self._slots = {name: _PageSlot() for name in WORKSPACES}
        self._shown_session: int | None = None  # the session the built pages show (None: not opened yet)
        self.workspaces = QTabWidget()
        self.workspaces.setObjectName("workspaces")
        self.workspaces.setDocumentMode(True)
        self.workspaces.addTab(self._slots["plan"], tr("Plan"))
        self.workspaces.addTab(self._slots["rehearse"], tr("Rehearse / Live"))
        self.workspaces.addTab(self._slots["review"], tr("Review"))
        self.workspaces.currentChanged.connect(self._on_workspace_index_changed)
        self.error_banner = ErrorBanner()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.error_banner)
        central_layout.addWidget(self.workspaces, 1)
        self.setCentralWidget(central)
        # Failures nobody handled (a background job, a store write, an exception in a slot) show here.
        self._reporter = ExceptionReporter(self)
        self._reporter.reported.connect(self.show_error)
        self._reporter.install()
        context.tasks.failed.connect(self.show_error)
        if context.writer is not None:
            context.writer.failed.connect(self.show_error)

        self.session_list: SessionListPanel | None = None  # built once the store is open
        dock = QDockWidget(tr("Sessions"), self)
        dock.setObjectName("sessionDock")
        dock.setWidget(QLabel(tr("Opening…")))
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self._session_dock = dock

        self._session_label = QLabel()
        self._busy_label = QLabel()
        self.statusBar().addWidget(self._session_label, 1)
        self.statusBar().addPermanentWidget(self._busy_label)
        self._store_label = QLabel()
        self.statusBar().addPermanentWidget(self._store_label)
        context.tasks.busy_changed.connect(self._show_busy)
        if context.writer is not None:
            context.writer.pending_changed.connect(self._show_busy)

        self._build_menus()
        context.selection.session_changed.connect(self._on_session_changed)
        self._restore_state()
        if context.store is not None:
            self.store_opened()

    # -- the store and the lazily built workspaces ---------------------------------------------------
    def store_opened(self) -> None:
        """The context's store (and shared document) are ready: list the sessions and build the workspace
        on screen. Called by __init__ when the store came with the context, else once app.py opened it."""
        from livedesk.persistence.store import describe_url
        from livedesk.ui.session_list import SessionListPanel

        self._store_label.setText(tr("Store: {url}").format(url=describe_url(self._context.store.url)))
        self.session_list = panel = SessionListPanel(self._context)
        panel.new_session_requested.connect(self.new_session)
        self._session_dock.setWidget(panel)
        self.workspace_page(self.current_workspace())

    def workspace_page(self, name: str) -> QWidget | None:
        """The workspace's page, built (and shown the open session) on first use; None before the store."""
        slot = self._slots[name]
        if slot.page is None and self._context.store is not None:
            module, class_name = PAGE_CLASSES[name]
            page = getattr(importlib.import_module(module), class_name)(self._context)
            slot.put(page, page.show_session)
            if self._shown_session is not None:  # the others show it already: this one follows
                slot.show_session(self._shown_session or None)
        return slot.page

    @property
    def planner_page(self):
        return self.workspace_page("plan")

    @property
    def rehearsal_page(self):
        return self.workspace_page("rehearse")

    @property
    def review_page(self):
        return self.workspace_page("review")

    def built_pages(self) -> list[QWidget]:
        return [slot.page for slot in self._slots.values() if slot.page is not None]

    def workspace_shows_session(self) -> bool:
        """The workspace on screen is built and shows the selected session with its data (the review
        computed, for 复盘): what a start-up is waiting for."""
        page = self._slots[self.current_workspace()].page
        session_id = self._context.selection.session_id or None
        if page is None or self._shown_session != (session_id or 0):
            return False
        return getattr(page, "shows_session", lambda: True)()

    # -- menus and shortcuts -------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(tr("&File"))
        self._add_action(file_menu, tr("&New session…"), QKeySequence.StandardKey.New, self.new_session)
        # Ctrl+R, not F5: the F-keys belong to the live console (F5 is its go/next).
        self._add_action(file_menu, tr("&Refresh"), QKeySequence("Ctrl+R"), self.refresh)
        file_menu.addSeparator()
        self._add_action(file_menu, tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)

        view_menu = self.menuBar().addMenu(tr("&View"))
        for index, name in enumerate((tr("Plan"), tr("Rehearse / Live"), tr("Review"))):
            self._add_action(
                view_menu,
                name,
                QKeySequence(f"Ctrl+{index + 1}"),
                lambda checked=False, i=index: self.workspaces.setCurrentIndex(i),
            )
        view_menu.addSeparator()
        view_menu.addAction(self._session_dock.toggleViewAction())
        self._add_action(view_menu, tr("Full screen"), QKeySequence(Qt.Key.Key_F11), self._toggle_full_screen)

        language_menu = self.menuBar().addMenu(tr("&Language"))
        languages = QActionGroup(self)  # one checked at a time
        for code, label in (("zh_CN", "中文"), ("en", "English")):
            action = language_menu.addAction(label)
            action.setObjectName(f"language-{code}")
            action.setCheckable(True)
            action.setChecked(code == self._context.lang)
            languages.addAction(action)
            action.triggered.connect(lambda checked=False, c=code: self._choose_language(c))

        help_menu = self.menuBar().addMenu(tr("&Help"))
        self._add_action(help_menu, tr("&About LiveDesk"), None, self._about)

    def _add_action(self, menu, text, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden (full screen)
        return action

    # -- workspaces and sessions ---------------------------------------------------------------------
    def show_workspace(self, name: str) -> None:
        self.workspaces.setCurrentIndex(WORKSPACES.index(name))

    def current_workspace(self) -> str:
        return WORKSPACES[self.workspaces.currentIndex()]

    def refresh(self) -> None:
        if self.session_list is not None:
            self.session_list.refresh()
        self._open_session(self._context.selection.session_id or 0)

    def show_error(self, error: BaseException) -> None:
        self.error_banner.show_error(error)

    def _show_busy(self, *_args) -> None:
        writer = self._context.writer
        if writer is not None and writer.pending:
            self._busy_label.setText(tr("Saving…"))
        elif self._context.tasks.busy:
            self._busy_label.setText(tr("Working…"))
        else:
            self._busy_label.setText("")

    def busy_text(self) -> str:
        return self._busy_label.text()

    def new_session(self) -> None:
        from livedesk.services.sessions import create_session
        from livedesk.ui.widgets.new_session_dialog import NewSessionDialog

        if self._context.store is None:
            return  # still opening the store
        dialog = NewSessionDialog(self)
        if dialog.exec() != NewSessionDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        store = self._context.store

        def create() -> int:
            return create_session(
                store,
                values["title"],
                values["start"],
                values["planned_seconds"],
                platform=values["platform"],
                account=values["account"],
            )

        def created(session_id: int) -> None:
            self._context.selection.sessions_changed.emit()
            self._context.selection.select(session_id)
            self.show_workspace("plan")

        if self._context.writer is None:
            created(create())
        else:  # through the one writer: the window never waits on the database's lock
            # a key of its own: one new session never supersedes another
            self._context.writer.write(f"new-session:{id(values)}", create, on_done=created)

    def _on_session_changed(self, session_id: int) -> None:
        self._session_label.setText(
            tr("Session #{id}").format(id=session_id) if session_id else tr("No session selected")
        )
        if session_id:
            self._context.settings.set(setting.LAST_SESSION, session_id)
        if self._context.store is not None:
            self._open_session(session_id)

    def _open_session(self, session_id: int) -> None:
        """Read the session in the background (plan, assumptions, the products' history), then show it in
        every workspace at once; a newer choice in the list supersedes a read still running."""
        if not session_id:
            self._show_opened(0, (None, None, None))
            return
        from livedesk.services.session_open import open_session

        store = self._context.store
        self._session_label.setText(tr("Opening session #{id}…").format(id=session_id))
        self._context.tasks.submit(
            "open-session",
            lambda _control: open_session(store, session_id),
            on_done=lambda loaded: self._show_opened(session_id, loaded),
            on_failed=self.show_error,
        )

    def _show_opened(self, session_id: int, loaded) -> None:
        if (self._context.selection.session_id or 0) != session_id:
            return  # the director chose another session meanwhile
        if self._context.document is not None:
            self._context.document.show(*loaded)
        self._shown_session = session_id
        try:
            for slot in self._slots.values():
                slot.show_session(session_id or None)
        finally:
            if self._context.document is not None:
                self._context.document.extras = None  # read for the switch: later views read what is current
        self._session_label.setText(
            tr("Session #{id}").format(id=session_id) if session_id else tr("No session selected")
        )

    def _on_workspace_index_changed(self, index: int) -> None:
        if self._slots[WORKSPACES[index]].page is None and self._context.store is not None:
            # paint the tab's placeholder first, then import and build the page
            QTimer.singleShot(0, lambda name=WORKSPACES[index]: self.workspace_page(name))
        self._context.settings.set(setting.LAST_WORKSPACE, index)
        self.workspace_changed.emit(WORKSPACES[index])

    def _toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def _choose_language(self, code: str) -> None:
        """Re-word every open window in the chosen language now, and start in it next time."""
        self._context.settings.set(setting.LANGUAGE, code)
        self._context.lang = code
        app = QApplication.instance()
        assert app is not None  # a window lives inside its application
        switch_language(app, code)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            tr("About LiveDesk"),
            tr("LiveDesk {version}: plan, rehearse, run and review live-stream sessions.").format(
                version=livedesk.__version__
            ),
        )

    # -- remembered geometry -------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self._context.settings.get(setting.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1600, 1000)
        state = self._context.settings.get(setting.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        self.workspaces.setCurrentIndex(min(max(self._context.settings.get(setting.LAST_WORKSPACE), 0), 2))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._reporter.uninstall()
        self._context.settings.set(setting.WINDOW_GEOMETRY, self.saveGeometry())
        self._context.settings.set(setting.WINDOW_STATE, self.saveState())
        self._context.settings.sync()
        super().closeEvent(event)
