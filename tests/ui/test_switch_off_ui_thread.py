"""A session switch reads the store only in the background: clicking another session in the list runs no SQL
on the UI thread (a real SQLite store, real background tasks, every statement's thread recorded)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event
from stage_fixtures import stage_plan

from livedesk.services.sessions import save_plan
from livedesk.ui.main_window import MainWindow


@pytest.fixture
def threaded_context(qapp, store, tmp_path):
    """Like app_context, but background tasks and writes really run on worker threads."""
    from livedesk.app import build_application

    _, context = build_application("zh_CN", config_dir=str(tmp_path / "config"), store=store)
    yield context
    context.tasks.wait()
    context.writer.wait()


@pytest.fixture
def statements_on_ui_thread(store):
    """The SQL statements run on the main thread while recording (start with .clear())."""
    seen: list[str] = []

    def record(_conn, _cursor, statement, _params, _context, _many):
        if threading.current_thread() is threading.main_thread():
            seen.append(statement.split("\n")[0][:120])

    event.listen(store.engine, "before_cursor_execute", record)
    yield seen
    event.remove(store.engine, "before_cursor_execute", record)


def _click_row(qtbot, session_list, row: int) -> None:
    widget = session_list._list
    rect = widget.visualItemRect(widget.item(row))
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_switching_sessions_runs_no_sql_on_the_ui_thread(qtbot, threaded_context, statements_on_ui_thread):
    """In 彩排/直播 with a product open in 脚本: the plan, its versions, the live log, the session scripts,
    the team word list and the host's speaking rate all come from the background read."""
    context = threaded_context
    first = save_plan(context.store, stage_plan())
    other = stage_plan()
    other.session.title = "第二场"
    second = save_plan(context.store, other)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.rehearsal_page.timer.stop()
    window.show()
    qtbot.waitExposed(window)
    window.session_list.refresh()
    qtbot.waitUntil(
        lambda: sorted(window.session_list.session_ids()) == sorted([first, second]), timeout=10000
    )
    rows = window.session_list.session_ids()
    _click_row(qtbot, window.session_list, rows.index(first))
    qtbot.waitUntil(lambda: context.document.session_id == first and not context.tasks.busy, timeout=10000)
    window.show_workspace("rehearse")
    statements_on_ui_thread.clear()

    _click_row(qtbot, window.session_list, rows.index(second))
    qtbot.waitUntil(lambda: context.document.session_id == second and not context.tasks.busy, timeout=10000)
    qtbot.wait(50)

    assert context.document.plan.session.title == "第二场"
    assert window.rehearsal_page.live_console.service.session_id == second
    assert (
        context.document.versions is not None
    )  # edits are saved against the versions read in the background
    assert statements_on_ui_thread == [], "\n".join(statements_on_ui_thread)
