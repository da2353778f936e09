"""The planner never changes a number behind the director's back: a stray wheel over an unfocused spin box
scrolls instead of editing, and Ctrl+Z undoes the edit that was made last (forecast assumptions too)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from livedesk.domain.product import Product
from livedesk.domain.roles import Role
from livedesk.services import planning


def _pool():
    return [
        Product("T1", "洗脸巾", Role.TRAFFIC, live_price_fen=990, stock=500),
        Product("P1", "精华液", Role.PROFIT, live_price_fen=19900, stock=100),
        Product("P2", "面霜", Role.PROFIT, live_price_fen=29900, stock=100),
    ]


@pytest.fixture
def page(qtbot, app_context, show_active):
    from livedesk.ui.planner.planner_page import PlannerPage

    plan = planning.generate_plan_session(
        app_context.store,
        _pool(),
        title="双11 大场",
        planned_seconds=90 * 60,
        start=datetime(2026, 11, 14, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai")),
    )
    widget = PlannerPage(app_context)
    qtbot.addWidget(widget)
    widget.resize(1500, 900)
    widget.show_session(plan.session.id)
    show_active(widget)
    return widget


def wheel(widget, notches: int = -1) -> None:
    """One wheel turn over the middle of `widget`, as the mouse sends it (negative: towards the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_a_stray_wheel_over_the_side_panel_changes_nothing(qtbot, page):
    conversion = page.forecast.conversion
    before_value, before = conversion.value(), page.document.assumptions
    stored_before = planning.load_assumptions(page.document.store, page.document.session_id)
    page.segment_table.setFocus()
    for _ in range(3):
        wheel(conversion)
    assert conversion.value() == before_value
    assert page.document.assumptions == before
    assert planning.load_assumptions(page.document.store, page.document.session_id) == stored_before
    assert conversion.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel does not hand it focus either
    assert not page.document.undo_stack.canUndo()


def test_wheel_in_a_focused_box_edits_and_ctrl_z_undoes_that_edit_first(qtbot, page):
    document = page.document
    shape = [s.planned_seconds for s in document.plan.segments]
    page._on_segment_selected(1)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)  # an earlier, unrelated edit
    assert len(document.plan.segments) == len(shape) - 1
    conversion = page.forecast.conversion
    before = document.assumptions.conversion
    conversion.setFocus()
    wheel(conversion, +1)  # the director is in the box: the wheel is meant (one step = 1 %)
    qtbot.keyClick(conversion, Qt.Key.Key_Return)
    assert document.assumptions.conversion == pytest.approx(before + 0.01)
    stored = planning.load_assumptions(document.store, document.session_id)
    assert stored.conversion == pytest.approx(before + 0.01)
    page.segment_table.setFocus()
    qtbot.keyClick(page.segment_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.assumptions.conversion == pytest.approx(before)  # the assumption, not the delete
    assert conversion.value() == pytest.approx(before * 100)
    assert len(document.plan.segments) == len(shape) - 1
    assert planning.load_assumptions(document.store, document.session_id).conversion == pytest.approx(before)
    qtbot.keyClick(page.segment_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [s.planned_seconds for s in document.plan.segments] == shape
