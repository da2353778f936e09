"""Wiring: the one place where the store, settings, tasks, fonts, language and main window meet."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:  # Qt is imported where the GUI starts, after the platform is chosen
    from PySide6.QtWidgets import QWidget


def _headless() -> bool:
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def _ensure_platform_for(offscreen: bool) -> None:
    # Without a display Qt aborts the whole process; pick offscreen before the first Qt import.
    if offscreen or _headless():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def build_application(
    lang: str | None,
    *,
    config_dir: str | None = None,
    inline_tasks: bool = False,
    db_url: str | None = None,
    store=None,
    clock=None,
    open_store: bool = True,
):
    """Create (or reuse) the QApplication and the AppContext; returns (app, context). With
    `open_store=False` the context has no store yet (run_gui opens it after the window's first paint)."""
    from PySide6.QtWidgets import QApplication

    from livedesk.domain.clock import SystemClock
    from livedesk.ui import settings as setting
    from livedesk.ui.context import AppContext
    from livedesk.ui.fonts import register_fonts
    from livedesk.ui.i18n import install_language
    from livedesk.ui.settings import Settings
    from livedesk.ui.tasks import StoreWriter, TaskRunner
    from livedesk.ui.widgets.wheel_guard import install_wheel_guard

    # A QApplication from an earlier call (tests, screenshots) is reused; nothing here makes a bare core app.
    app = cast(QApplication, QApplication.instance()) or QApplication(sys.argv[:1])
    app.setApplicationName("LiveDesk")
    app.setOrganizationName("LiveDesk")
    register_fonts(app)
    install_wheel_guard(app)
    settings = Settings(config_dir)
    language = lang or settings.get(setting.LANGUAGE)
    install_language(app, language)
    if store is None and open_store:
        from livedesk.persistence.store import Store

        store = Store(db_url)
    context = AppContext(
        store=store,
        settings=settings,
        tasks=TaskRunner(inline=inline_tasks),
        clock=clock or SystemClock(),
        lang=language,
        writer=StoreWriter(inline=inline_tasks),
    )
    if store is not None:
        attach_store(context, store)
    return app, context


def attach_store(context, store) -> None:
    """Give the context its store and the open session's document, shared by all three workspaces (an
    edit in any of them reaches the others at once)."""
    from livedesk.ui.planner.plan_document import PlanDocument

    context.store = store
    context.document = PlanDocument(store, writer=context.writer)


def _open_store_and_prefetch(db_url: str | None, preferred: int | None, workspace_module: str):
    """Off the UI thread, after the window's first paint: open the store, find the session to reopen and
    import what showing it needs (the store, the document, the session read, the reopened workspace)."""
    import importlib

    from livedesk.persistence.store import Store
    from livedesk.services.sessions import initial_session

    store = Store(db_url)
    session_id = initial_session(store, preferred)
    for module in (
        "livedesk.ui.planner.plan_document",
        "livedesk.services.session_open",
        "livedesk.ui.session_list",
        workspace_module,
    ):
        importlib.import_module(module)
    return store, session_id


def run_gui(db_url: str | None, lang: str | None = None) -> int:
    """Open the main window on the store and run until it closes."""
    if _headless() and os.environ.get("QT_QPA_PLATFORM", "") in ("", "xcb", "wayland"):
        from livedesk.cli.context import fail

        # An invisible window would wait forever; say how to get a visible one instead.
        raise fail("cli.no_display")
    from PySide6.QtCore import QTimer

    from livedesk.ui import settings as setting
    from livedesk.ui.main_window import PAGE_CLASSES, MainWindow

    # The window paints first; the store, the session and the workspace's page follow behind placeholders.
    app, context = build_application(lang, db_url=db_url, open_store=False)
    window = MainWindow(context)
    window.show()
    refused: list[BaseException] = []

    def opened(result) -> None:
        store, session_id = result
        attach_store(context, store)
        window.store_opened()
        if session_id is not None:
            context.selection.select(session_id)

    def failed(error: BaseException) -> None:
        refused.append(error)
        window.close()
        app.exit(2)

    def open_store() -> None:
        context.tasks.submit(
            "open-store",
            lambda _control: _open_store_and_prefetch(
                db_url,
                context.settings.get(setting.LAST_SESSION),
                PAGE_CLASSES[window.current_workspace()][0],
            ),
            on_done=opened,
            on_failed=failed,
        )

    QTimer.singleShot(0, open_store)
    code = app.exec()
    context.tasks.wait()
    context.writer.wait()  # every edit made before quitting reaches the store
    if refused:
        from livedesk.cli.context import UserError
        from livedesk.persistence.store import StoreError

        if isinstance(refused[0], StoreError):
            raise UserError.of(refused[0]) from refused[0]
        raise refused[0]
    return code


def _select_initial_session(context, preferred: int | None) -> None:
    # Two indexed lookups, not a second listing of every session (the session list lists once).
    from livedesk.services.sessions import initial_session

    session_id = initial_session(context.store, preferred)
    if session_id is not None:
        context.selection.select(session_id)


def render_screenshot(
    db_url: str | None,
    workspace: str,
    out: Path,
    *,
    session_id: int | None = None,
    lang: str | None = None,
    mode: str | None = None,
    size: tuple[int, int] = (1600, 1000),
) -> Path:
    """Render the main window offscreen (default 1600x1000) showing `workspace` for the session; writes a
    PNG. In the rehearse workspace, mode `host` or `prompter` renders that stage window of the live console
    instead, at `size`, showing the session's run as its live log has it."""
    _ensure_platform_for(offscreen=True)
    from livedesk.ui import settings as setting
    from livedesk.ui.main_window import WORKSPACES, MainWindow

    with tempfile.TemporaryDirectory() as config_dir:  # never touch the user's remembered geometry
        app, context = build_application(
            lang or "zh_CN", config_dir=config_dir, inline_tasks=True, db_url=db_url
        )
        # the window opens on the workspace pictured: no other workspace is built
        context.settings.set(setting.LAST_WORKSPACE, WORKSPACES.index(workspace))
        window = MainWindow(context)
        window.resize(*size)
        _select_initial_session(context, session_id)
        if session_id is not None and context.selection.session_id != session_id:
            from livedesk.persistence.session_repository import SessionNotFound

            raise SessionNotFound(session_id)
        window.show_workspace(workspace)
        page = window.workspace_page(workspace)
        stage_window = mode in ("host", "prompter") and workspace == "rehearse"
        if mode and page is not None and hasattr(page, "show_mode"):
            page.show_mode("live" if stage_window else mode)
        window.show()
        shown: QWidget = window
        if stage_window:
            from livedesk.ui.rehearsal.rehearsal_page import RehearsalPage

            assert isinstance(page, RehearsalPage)  # the rehearse workspace's page
            console = page.live_console
            shown = console.open_stage_view() if mode == "host" else console.open_prompter()
            shown.showNormal()
            shown.resize(*size)
            console.tick()
        for _ in range(5):
            app.processEvents()
        image = shown.grab()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out), "PNG"):
            raise OSError(f"cannot write the screenshot to {out}")
        window.close()
        context.store.dispose()
    return out
