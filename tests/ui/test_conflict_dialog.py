"""A teammate saved the same field first: the planner says so in a dialog, and the director's click on
"keep mine" or "reload theirs" decides what is stored; an edit to another part just merges, no dialog."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from livedesk.domain.product import Product
from livedesk.domain.roles import Role
from livedesk.persistence.store import Store
from livedesk.services import planning, sessions


@pytest.fixture
def page(qtbot, app_context):
    from livedesk.ui.planner.planner_page import PlannerPage

    plan = planning.generate_plan_session(
        app_context.store,
        [
            Product("T1", "洗脸巾", Role.TRAFFIC, live_price_fen=990, stock=500),
            Product("P1", "精华液", Role.PROFIT, live_price_fen=19900, stock=100),
        ],
        title="双11 大场",
        planned_seconds=60 * 60,
        start=datetime(2026, 11, 14, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai")),
    )
    widget = PlannerPage(app_context)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    widget.show_session(plan.session.id)
    qtbot.waitExposed(widget)
    return widget


def _teammate_saves(page, change) -> None:
    """Another LiveDesk (its own connection) loads the plan, changes it and saves it."""
    other = Store(page.document.store.url)
    try:
        base, versions = sessions.load_plan_with_versions(other, page.document.plan.session.id)
        mine = sessions.load_plan(other, base.session.id)
        change(mine)
        sessions.save_plan_edit(other, mine, versions, base)
    finally:
        other.dispose()


def _type_title(qtbot, page, text: str) -> None:
    page.tabs.setCurrentWidget(page.header_form)
    field = page.header_form.title
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    field.selectAll()
    for character in text:  # QTest's keyClicks takes ASCII only; an IME delivers key events with text
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character))
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _stored(page):
    return planning.load_plan(page.document.store, page.document.plan.session.id)


def _set_title(title):
    def change(plan):
        plan.session.title = title

    return change


def test_keep_mine_stores_the_directors_title(qtbot, page):
    _teammate_saves(page, _set_title("同事的标题"))
    _type_title(qtbot, page, "我的标题")
    dialog = page.conflict_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    assert "标题" in dialog.fields.text()
    assert "同事" in dialog.message.text()
    assert _stored(page).session.title == "同事的标题"  # nothing overwritten before the director chose
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert _stored(page).session.title == "我的标题"
    assert not page.document.has_conflict
    assert page.status.text() == "所有修改已保存"


def test_reload_shows_the_teammates_title(qtbot, page):
    _teammate_saves(page, _set_title("同事的标题"))
    _type_title(qtbot, page, "我的标题")
    dialog = page.conflict_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    assert page.header_form.title.text() == "同事的标题"
    assert _stored(page).session.title == "同事的标题"
    assert not page.document.has_conflict
    _type_title(qtbot, page, "再改一次")  # editing goes on normally after the reload
    assert _stored(page).session.title == "再改一次"


def test_a_teammates_run_order_edit_merges_without_a_dialog(qtbot, page):
    def set_owner(plan):
        plan.segments[0].owner = "director"

    _teammate_saves(page, set_owner)
    _type_title(qtbot, page, "我的标题")
    assert page.conflict_dialog is None
    stored = _stored(page)
    assert (stored.session.title, stored.segments[0].owner) == ("我的标题", "director")
    assert page.document.plan.segments[0].owner == "director"  # the planner shows the teammate's change
