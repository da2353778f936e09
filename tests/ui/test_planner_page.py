"""The planner as a user drives it: drag a block to reorder, drag its edge to resize, undo and redo with the
toolbar; each edit is in the store right away."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QToolButton

from livedesk.domain.product import Product
from livedesk.domain.roles import Role, SegmentKind
from livedesk.services import planning


def _pool():
    return [
        Product("T1", "洗脸巾", Role.TRAFFIC, live_price_fen=990, cost_fen=500, stock=500),
        Product("P1", "精华液", Role.PROFIT, live_price_fen=19900, cost_fen=14900, stock=100),
        Product("P2", "面霜", Role.PROFIT, live_price_fen=29900, cost_fen=21900, stock=100),
        Product("C1", "旧款眼霜", Role.CLEARANCE, live_price_fen=4900, cost_fen=3000, stock=50),
        Product("I1", "礼盒", Role.IMAGE, live_price_fen=99900, cost_fen=60000, stock=20),
    ]


@pytest.fixture
def page(qtbot, app_context):
    from livedesk.ui.planner.planner_page import PlannerPage

    plan = planning.generate_plan_session(
        app_context.store,
        _pool(),
        title="双11 大场",
        planned_seconds=120 * 60,
        start=datetime(2026, 11, 14, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai")),
    )
    widget = PlannerPage(app_context)
    qtbot.addWidget(widget)
    widget.resize(1500, 900)
    widget.show()
    widget.show_session(plan.session.id)
    qtbot.waitExposed(widget)
    return widget


def _stored(page):
    return planning.load_plan(page.document.store, page.document.plan.session.id)


def _shape(plan):
    return [(s.kind.value, s.product_id, s.planned_seconds) for s in plan.segments]


def _drag(qtbot, widget, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    middle = QPoint((start.x() + end.x()) // 2, start.y())
    qtbot.mouseMove(widget, middle)
    qtbot.mouseMove(widget, end)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


def _toolbar_button(page, action) -> QToolButton:
    return next(b for b in page.findChildren(QToolButton) if b.defaultAction() is action)


def test_drag_a_block_to_reorder_then_undo_and_redo(qtbot, page):
    timeline = page.timeline
    before = _shape(page.document.plan)
    # The generated order starts: opening, T1 pitch, P2 pitch (13 min, the larger margin), interaction, P1 …
    assert [s[1] for s in before[:5]] == ["T1", "T1", "P2", None, "P1"]
    y = int(timeline.block_rect(1).center().y())
    start = QPoint(int(timeline.block_rect(1).center().x()), y)
    # Drop just right of the P1 block's centre: the gap after P1.
    end = QPoint(int(timeline.block_rect(4).center().x()) + 3, y)
    _drag(qtbot, timeline, start, end)

    expected = before[:1] + before[2:5] + before[1:2] + before[5:]
    assert _shape(page.document.plan) == expected
    assert _shape(_stored(page)) == expected  # saved at once, no save button
    assert timeline.selected_index == 4
    # The table beside the timeline shows the new order.
    assert page.segment_model.index(4, 2).data() == "洗脸巾 (T1)"

    qtbot.mouseClick(_toolbar_button(page, page.undo_action), Qt.MouseButton.LeftButton)
    assert _shape(page.document.plan) == before
    assert _shape(_stored(page)) == before
    qtbot.mouseClick(_toolbar_button(page, page.redo_action), Qt.MouseButton.LeftButton)
    assert _shape(_stored(page)) == expected


def test_drag_an_edge_to_resize_then_undo(qtbot, page):
    timeline = page.timeline
    before = _shape(page.document.plan)
    rect = timeline.block_rect(2)  # P2, 13 min
    assert before[2] == ("pitch", "P2", 780)
    px_per_second = rect.width() / 780
    y = int(rect.center().y())
    edge = QPoint(int(round(rect.right())), y)
    # Two minutes to the right; the length snaps to 30 s.
    _drag(qtbot, timeline, edge, QPoint(int(round(rect.right() + 120 * px_per_second)), y))

    plan = page.document.plan
    assert plan.segments[2].planned_seconds == 900
    assert sum(b.seconds for b in plan.segments[2].steps) == 900  # step budgets follow the new length
    assert _stored(page).segments[2].planned_seconds == 900
    # The following segments start two minutes later: the run order is now 2 min over the slot.
    assert plan.planned_starts()[3] - plan.planned_starts()[2] == timedelta(minutes=15)
    codes = [w.code for w in page.document.warnings]
    assert codes == ["total_over_slot"]
    assert page.warnings.item(0).text() == "计划时长 122:00，超出 120:00 的时段 2:00"

    qtbot.mouseClick(_toolbar_button(page, page.undo_action), Qt.MouseButton.LeftButton)
    assert _shape(_stored(page)) == before
    assert page.document.warnings == []


def test_insert_duplicate_delete_and_warning_click_selects(qtbot, page):
    original = _shape(page.document.plan)
    count = len(original)
    page.timeline.select(0)
    page.insert_segment(SegmentKind.INTERACTION)
    assert page.document.plan.segments[1].kind is SegmentKind.INTERACTION
    assert len(_stored(page).segments) == count + 1
    page.duplicate_selected()
    assert [s.kind for s in _stored(page).segments[1:3]] == [SegmentKind.INTERACTION] * 2
    assert page.timeline.selected_index == 2  # the copy is selected
    page.delete_selected()
    page.timeline.select(1)
    page.delete_selected()
    assert _shape(_stored(page)) == original
    # Stretch a traffic pitch beyond 5 min through the table, then click its warning.
    index = page.segment_model.index(1, 4)
    assert page.segment_model.setData(index, "8")
    item = next(
        page.warnings.item(i)
        for i in range(page.warnings.count())
        if page.warnings.item(i).data(Qt.ItemDataRole.UserRole) == 1
    )
    page.timeline.select(None)
    rect = page.warnings.visualItemRect(item)
    qtbot.mouseClick(page.warnings.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.timeline.selected_index == 1
    assert page.segment_table.currentIndex().row() == 1


def test_export_and_import_pool(qtbot, page, tmp_path):
    out = tmp_path / "run.xlsx"
    page.export_to(out)
    assert out.stat().st_size > 0
    pool = tmp_path / "pool.csv"
    pool.write_text("商品ID,商品名称,角色,直播价\nN1,新品,利润款,99\nN2,福利,引流款,9.9\n", encoding="utf-8")
    from livedesk.domain.pool_merge import PoolMergeMode

    page.import_pool(pool, mode=PoolMergeMode.REPLACE)
    assert [p.product_id for p in _stored(page).products] == ["N1", "N2"]
    page.undo_action.trigger()
    assert [p.product_id for p in _stored(page).products] == ["T1", "P1", "P2", "C1", "I1"]
