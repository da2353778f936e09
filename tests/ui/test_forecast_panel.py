"""The planner's forecast panel on a hand-built account history: range, backtest error, the products that
drive the forecast and why each slot went to its product; an assumption typed in is one undoable edit; with
too little history the panel says so and marks the decomposed targets as assumed."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from livedesk.domain.forecast import ForecastAssumptions
from livedesk.domain.history import AccountHistory, ProductSummary, SessionSummary
from livedesk.domain.product import Product
from livedesk.domain.roles import Role
from livedesk.domain.session import Targets
from livedesk.services import planning

START = datetime(2026, 11, 21, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def _summary(sid, weeks_before, gmv_fen, uv):
    return SessionSummary(
        sid,
        "山野",
        START - timedelta(weeks=weeks_before),
        7200,
        7200,
        gmv_fen,
        None,
        None,
        None,
        None,
        uv,
        None,
        None,
    )


def _history(count=4):
    sessions = [
        _summary(101, 4, 2_000_000, 10_000),
        _summary(102, 3, 3_000_000, 12_000),
        _summary(103, 2, 1_800_000, 9_000),
        _summary(104, 1, 2_750_000, 11_000),
    ][-count:]
    ids = {s.session_id for s in sessions}
    # 原切风干牛肉 sold ¥27,360 in 10 pitch minutes in each of three sessions: ¥2,736 per pitch minute.
    products = [
        ProductSummary(sid, "BEEF", "profit", 2_736_000, 276, None, 600)
        for sid in (102, 103, 104)
        if sid in ids
    ]
    if 104 in ids:  # a profit item no longer in the pool: ¥12,000 in 20 minutes, ¥600 a minute
        products.append(ProductSummary(104, "OLD", "profit", 1_200_000, 100, None, 1_200))
    return AccountHistory("山野", sessions, products)


@pytest.fixture
def panel(qtbot, app_context):
    from livedesk.ui.planner.forecast_panel import ForecastPanel
    from livedesk.ui.planner.plan_document import PlanDocument

    pool = [
        Product("TISSUE", "洗脸巾", Role.TRAFFIC, live_price_fen=990, stock=500),
        Product("BEEF", "原切风干牛肉", Role.PROFIT, live_price_fen=9_900, stock=1_000),
        Product("NEW", "新品坚果", Role.PROFIT, live_price_fen=5_900, stock=1_000),
        Product("SOLD", "已售罄礼盒", Role.IMAGE, live_price_fen=59_900, stock=0),
    ]
    plan = planning.generate_plan_session(
        app_context.store, pool, title="暖冬专场", start=START, planned_seconds=2 * 3600, account="山野"
    )
    plan.session.targets = Targets(gmv_fen=5_000_000)
    document = PlanDocument(app_context.store)
    document.show(plan, ForecastAssumptions(), _history())
    widget = ForecastPanel(document)
    qtbot.addWidget(widget)
    widget.show()
    return widget, document


def _rows(tree):
    return [
        [tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
        for i in range(tree.topLevelItemCount())
    ]


def test_the_panel_shows_the_range_the_backtest_error_and_the_reasons(panel):
    widget, document = panel
    forecast = document.forecast
    low, high = forecast.range_fen
    assert widget.projected.text() == f"¥{round(forecast.total_gmv_fen / 100):,}"
    assert widget.range.text() == f"¥{round(low / 100):,} – ¥{round(high / 100):,}"
    # Three backtested sessions (the domain tests check the arithmetic by hand).
    assert forecast.backtest.sessions == 3
    assert "3" in widget.backtest.text() and f"{forecast.backtest.mape:.0%}" in widget.backtest.text()
    assert widget.notice.text() == ""
    drivers = _rows(widget.drivers)
    assert drivers[0][0] == "原切风干牛肉" and "¥2,736" in drivers[0][3] and "3" in drivers[0][3]
    slots = _rows(widget.slots)
    beef_slots = [row for row in slots if row[1] == "原切风干牛肉"]
    assert beef_slots and all("¥2,736" in row[3] for row in beef_slots)
    new_slots = [row for row in slots if row[1] == "新品坚果"]
    # No history: the profit average, (3 × ¥27,360 + ¥12,000) / 50 minutes = ¥1,882 per pitch minute.
    assert new_slots and all("¥1,882" in row[3] for row in new_slots)
    # The sold-out item is named with its reason rather than dropped in silence.
    assert "已售罄礼盒" in widget.left_out.text() and "SOLD" not in {row[1] for row in slots}


def test_an_assumption_typed_in_is_one_undoable_edit(qtbot, panel):
    widget, document = panel
    before_text, before_total = widget.projected.text(), document.forecast.total_gmv_fen
    widget.half_life.setFocus()
    widget.half_life.selectAll()
    qtbot.keyClicks(widget.half_life, "8")
    qtbot.keyClick(widget.half_life, Qt.Key.Key_Return)
    assert document.assumptions.half_life_sessions == 8.0
    assert document.forecast.total_gmv_fen != before_total
    assert widget.projected.text() != before_text
    document.undo_stack.undo()
    assert document.assumptions.half_life_sessions == 2.0
    assert widget.half_life.value() == 2.0 and widget.projected.text() == before_text
    document.undo_stack.redo()
    assert widget.half_life.value() == 8.0


def test_with_two_past_sessions_the_panel_says_so_and_marks_assumptions(panel):
    widget, document = panel
    document.show(document.plan, ForecastAssumptions(), _history(count=2))
    assert "2" in widget.notice.text() and "3" in widget.notice.text()
    assert widget.projected.text() == "—" and widget.range.text() == "—"
    assert widget.backtest.text() == ""
    marked = [widget.required_uv.text(), widget.required_uv_value.text(), widget.required_buyers.text()]
    assert all(text.endswith("(assumed)") or text.endswith("（假设）") for text in marked)
