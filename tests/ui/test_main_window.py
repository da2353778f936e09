"""Workspace navigation, the session list, geometry memory and Chinese/English text in the main window."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase

from livedesk.services.sessions import create_session
from livedesk.ui.main_window import MainWindow

START = datetime(2026, 11, 14, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_shortcuts_switch_workspaces_and_tabs_are_chinese(qtbot, app_context, show_active):
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(window)
    assert [window.workspaces.tabText(i) for i in range(3)] == ["计划", "彩排/直播", "复盘"]
    window.workspaces.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_workspace() == "review"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_workspace() == "rehearse"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_workspace() == "plan"


def test_choosing_a_session_in_the_list_selects_it_everywhere(qtbot, app_context):
    first = create_session(app_context.store, "第一场", START, 3 * 3600)
    second = create_session(app_context.store, "第二场", START.replace(day=21), 4 * 3600)
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.session_list.refresh()
    assert window.session_list.session_ids() == [second, first]  # newest first
    session_list = window.session_list.findChild(type(window.session_list._list), "sessionList")
    session_list.setCurrentRow(1)
    assert app_context.selection.session_id == first
    assert f"#{first}" in window.statusBar().findChildren(type(window._session_label))[0].text()


def test_geometry_and_workspace_are_remembered(qtbot, app_context):
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.setGeometry(40, 60, 1234, 789)
    window.show_workspace("review")
    qtbot.wait(10)
    expected = window.geometry()
    window.close()
    again = MainWindow(app_context)
    qtbot.addWidget(again)
    assert again.current_workspace() == "review"
    again.show()
    qtbot.waitExposed(again)
    assert again.geometry() == expected


def test_bundled_chinese_font_is_registered(qtbot, app_context):
    assert "Noto Sans SC" in QFontDatabase.families()


def test_live_console_keys_reach_the_console_inside_the_main_window(qtbot, app_context, show_active):
    """F1–F9 belong to the director's console: no window-wide shortcut may take them."""
    from stage_fixtures import stage_plan

    from livedesk.domain.live_log import EventKind
    from livedesk.persistence import live_log_repository
    from livedesk.services.sessions import save_plan

    session_id = save_plan(app_context.store, stage_plan())
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    app_context.selection.select(session_id)
    window.show_workspace("rehearse")
    window.rehearsal_page.show_mode("live")
    show_active(window)
    console = window.rehearsal_page.live_console
    console.setFocus()
    qtbot.keyClick(console, Qt.Key.Key_F5)
    with app_context.store.reading() as db:
        events = live_log_repository.list_events(db, session_id, "Asia/Shanghai")
    assert [e.kind for e in events] == [EventKind.SEGMENT_START]
    console.close_windows()
