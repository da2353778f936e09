"""The review workspace on a real store, offscreen: KPI cards with sources and caveats, tables, findings →
action item, thresholds, reports, meeting mode and history."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).parents[1] / "analysis"))  # shared review test data

from review_fixtures import START, at, orders, save_plan, save_table, small_plan, summary_values

from livedesk.analysis.metrics import Alternative, Metric
from livedesk.analysis.review_types import Finding, Param, Severity, Source, SourceKind, Unit
from livedesk.persistence import live_log_repository
from livedesk.ui.review.review_page import ReviewPage

ZONE = "Asia/Shanghai"


def _finding(code: str, *evidence: Param) -> Finding:
    return Finding(code, Severity.WARNING, evidence)


def _with_data(store, start=START) -> int:
    from review_fixtures import log_events

    session_id = save_plan(store, small_plan(start=start))
    save_table(
        store,
        session_id,
        "summary",
        summary_values(
            {"gmv_fen": 23655200, "gpm_fen": 2643925, "uv": 6782, "buyers": 46, "product_click_uv": 900},
            "基本信息",
        ),
        "整场数据.xlsx",
        "基本信息",
    )
    save_table(
        store,
        session_id,
        "orders",
        orders(
            ("T1", 1, 990, start + (at(11) - START), "a"), ("P1", 2, 39800, start + (at(20) - START), "b")
        ),
        "订单.csv",
    )
    if start == START:
        with store.transaction() as db:
            live_log_repository.append_events(
                db,
                session_id,
                log_events(
                    (0, "segment_start", 0),
                    (10, "segment_start", 1),
                    (15, "segment_start", 2),
                    (40, "segment_end", 2),
                ),
            )
    # An import writes the session's history summary (services.history); the tables here are stored directly.
    from livedesk.services.history import refresh_summaries

    refresh_summaries(store, session_id)
    return session_id


@pytest.fixture
def page(qtbot, app_context):
    widget = ReviewPage(app_context)
    qtbot.addWidget(widget)
    return widget


def test_review_page_shows_kpis_with_sources_tables_and_findings(page, app_context):
    session_id = _with_data(app_context.store)
    page.show_session(session_id)
    gmv = page.kpis.cards["gmv"]
    assert gmv.value.text() == "¥236,552.00"
    assert gmv.source.text() == "整场数据"  # the primary, short
    assert (
        "整场数据.xlsx · 基本信息" in gmv.toolTip() and "订单.csv，订单汇总" in gmv.toolTip()
    )  # both sources + gap
    assert not gmv.badge.isHidden() and gmv.badge.text().startswith("差 -¥")  # orders sum far lower
    assert "30" in gmv.toolTip()  # the refund caveat
    assert (
        page.kpis.cards["pv"].value.text() == "8,947" and page.kpis.cards["uv_value"].value.text() == "¥34.88"
    )
    assert page.kpis.cards["roi"].value.text() == "—"
    assert "公式" in page.kpis.cards["gpm"].toolTip()
    assert page.plan_table.rowCount() == 7 and page.plan_table.cell_text(2, 7) == "25.0"  # P1 ran 25 min
    assert page.segment_table.cell_text(1, 2) == "¥9.90"
    texts = [page.findings_list.item(i).text() for i in range(page.findings_list.count())]
    assert any(
        t.startswith("[警告] 环节 3（") and "实际 25.0 分钟" in t for t in texts
    )  # with the product on air
    assert page.product_table.rowCount() == 4
    assert page.role_table.rowCount() == 4


def test_action_item_from_finding_is_verified_at_the_next_session(page, app_context):
    first = _with_data(app_context.store)
    page.show_session(first)
    assert (
        page.own_list.count() == 1 and page.own_list.item(0).flags() == Qt.NoItemFlags
    )  # the empty-list hint
    assert "创建行动项" in page.own_list.item(0).text()
    page.findings_list.setCurrentRow(0)
    finding = page.selected_finding()
    page.add_action(finding, action="开场先上福袋", owner="场控", metric="uv", comparison=">=", target=5000)
    assert page.own_list.count() == 1 and "开场先上福袋" in page.own_list.item(0).text()
    second = _with_data(app_context.store, start=START + timedelta(days=7))
    page.show_session(second)
    assert page.carried_list.count() == 1
    assert (
        page.carried_list.item(0).checkState() == Qt.Checked
        and "验证值 6,782" in page.carried_list.item(0).text()
    )
    assert page.history_view.compare_table.rowCount() > 20  # two sessions side by side
    assert page.history_view.first.count() == 2
    # The verdict is shown, not stored, until the director saves it.
    from livedesk.domain.action_item import ActionStatus
    from livedesk.persistence import action_repository

    def stored_status():
        with app_context.store.reading() as db:
            return action_repository.actions_of_session(db, first)[0].status

    assert stored_status() == ActionStatus.OPEN and page.save_verdicts_button.isEnabled()
    page.save_verdicts_button.click()
    assert stored_status() == ActionStatus.MET
    assert not page.save_verdicts_button.isEnabled()  # refreshed: nothing new to save


def test_thresholds_are_saved_and_change_verdicts(page, app_context):
    session_id = _with_data(app_context.store)
    page.show_session(session_id)
    page.thresholds.spins["clearance_sell_through_min"].setValue(0.4)
    page.thresholds.save_button.click()
    from livedesk.services.review import load_thresholds

    assert load_thresholds(app_context.store)["clearance_sell_through_min"] == pytest.approx(0.4)
    assert page.thresholds.spins["clearance_sell_through_min"].value() == pytest.approx(0.4)


def test_a_teammates_threshold_save_is_a_conflict_not_an_overwrite(page, app_context, qtbot):
    from livedesk.services.review import load_thresholds, save_thresholds

    session_id = _with_data(app_context.store)
    page.show_session(session_id)
    # A teammate saves a threshold while this director is editing another copy of them.
    save_thresholds(
        app_context.store, {**load_thresholds(app_context.store), "clearance_sell_through_min": 0.3}
    )
    page.thresholds.spins["clearance_sell_through_min"].setValue(0.6)
    page.thresholds.save_button.click()
    assert page.conflict_dialog is not None and page.conflict_dialog.isVisible()
    assert load_thresholds(app_context.store)["clearance_sell_through_min"] == pytest.approx(
        0.3
    )  # theirs kept

    page.conflict_dialog.reload_button.click()
    qtbot.waitUntil(lambda: page.thresholds.spins["clearance_sell_through_min"].value() == pytest.approx(0.3))

    # Saving again from the reloaded version goes through; "Keep mine" after a second clash stores mine.
    save_thresholds(
        app_context.store, {**load_thresholds(app_context.store), "clearance_sell_through_min": 0.35}
    )
    page.thresholds.spins["clearance_sell_through_min"].setValue(0.5)
    page.thresholds.save_button.click()
    page.conflict_dialog.keep_button.click()
    assert load_thresholds(app_context.store)["clearance_sell_through_min"] == pytest.approx(0.5)


def test_export_meeting_mode_and_empty_state(page, app_context, qtbot, tmp_path):
    session_id = _with_data(app_context.store)
    page.show_session(session_id)
    target = tmp_path / "复盘.html"
    page.export_report(target)
    assert target.exists() and "data:image/png;base64" in target.read_text(encoding="utf-8")
    page.open_meeting_mode()
    qtbot.addWidget(page.meeting)
    assert page.meeting.agenda.count() == len(page.review.findings)
    qtbot.keyClick(page.meeting, Qt.Key_Down)
    assert page.meeting.agenda.currentRow() == 1
    page.meeting.close()
    page.show_session(None)
    assert not page.export_buttons[".pdf"].isEnabled() and page.review is None


def test_a_failed_export_says_why_in_chinese(page, app_context, tmp_path):
    session_id = _with_data(app_context.store)
    page.show_session(session_id)
    folder = tmp_path / "已存在的文件夹.html"
    folder.mkdir()  # a folder where the report would go: writing it fails the way a locked file does
    page.export_report(folder)
    text = page.status.text()
    assert text.startswith("导出失败") and "已存在的文件夹.html" in text, text
    assert "Errno" not in text and "Error" not in text


COMPASS = Source(SourceKind.EXPORT, ("罗盘_整场数据.xlsx · 基本信息",))
SUMMED_ORDERS = Source(SourceKind.ORDERS, ("抖店_订单.csv",))


def _detail(key, value, *alternatives, source=COMPASS, formula=None):
    """A typed metric as the review computes it (money in fen) with the other sources' values."""
    return Metric(
        key,
        value,
        source,
        formula,
        alternatives=[Alternative(v, s, v - value) for v, s in alternatives],
    )


def test_kpi_card_shows_the_gap_badge_only_when_sources_disagree(qtbot, app_context):
    from livedesk.ui.review.kpi_cards import KpiCard

    card = KpiCard("gmv")
    qtbot.addWidget(card)
    card.show_detail(_detail("gmv", 23330853, (23330853, SUMMED_ORDERS)))
    assert card.badge.isHidden()  # both sources agree: no badge
    assert card.value.text() == "¥233,308.53" and card.source.text() == "罗盘_整场数据"
    assert (
        "抖店_订单.csv，订单汇总" in card.toolTip() and "差 ¥0.00" in card.toolTip()
    )  # still listed in the tooltip
    assert "30" in card.toolTip()  # the platform caveat
    card.show_detail(_detail("gmv", 23330853, (23300000, SUMMED_ORDERS)))
    assert not card.badge.isHidden() and card.badge.text() == "差 -¥308.53"
    rate = KpiCard("watch_to_buy_rate")
    qtbot.addWidget(rate)
    derived = Source(SourceKind.DERIVED, formula="buyers / uv")
    rate.show_detail(_detail("watch_to_buy_rate", 0.022270, (0.0222701, derived)))  # rounding only: agreement
    assert rate.badge.isHidden()


def test_kpi_card_tooltip_holds_the_translated_formula_and_the_card_no_english(qtbot, app_context):
    from livedesk.ui.review.kpi_cards import KpiCard

    card = KpiCard("uv_value")
    qtbot.addWidget(card)
    card.show_detail(
        _detail("uv_value", 260, source=Source(SourceKind.DERIVED, formula="gmv / uv"), formula="gmv / uv")
    )
    assert "公式：成交金额 ÷ 观看人数" in card.toolTip()
    assert card.source.text() == "计算得出"
    visible = " ".join(
        label.text() for label in (card.title, card.value, card.target, card.source, card.badge)
    )
    assert "derived" not in visible and "gmv" not in visible
    card.show_detail(_detail("uv_value", None, source=None, formula="gmv / uv"))
    assert card.value.text() == "—" and card.source.text() == "无数据"


def test_kpi_card_shows_the_target_and_whether_it_was_met(qtbot, app_context):
    from livedesk.ui.review.kpi_cards import KpiCard

    card = KpiCard("gmv")
    qtbot.addWidget(card)
    card.show_detail(_detail("gmv", 23330853), None)
    assert card.target.isHidden()  # no target: no line
    card.show_detail(_detail("gmv", 23330853), 20000000)
    assert not card.target.isHidden() and card.target.text() == "目标 ¥200,000.00 · 已达成"
    card.show_detail(_detail("gmv", 15000000), 20000000)
    assert card.target.text() == "目标 ¥200,000.00 · 未达成"


def test_review_words_and_numbers_read_in_chinese(page, app_context):
    from livedesk.words import STEPS
    from livedesk.words import finding_words as finding_text

    missed = _finding(
        "target_missed",
        Param("metric", "watch_to_buy_rate", Unit.METRIC),
        Param("value", 0.02227, Unit.FRACTION),
        Param("target", 0.035, Unit.FRACTION),
    )
    assert finding_text(missed, {}, ZONE) == "观看-成交率(人数) 实际 2.23%，目标 3.50%（未达成）。"
    after = _finding("orders_after_end", Param("orders", 14, Unit.COUNT), Param("gmv", 77550, Unit.FEN))
    assert "（¥775.50）" in finding_text(after, {}, ZONE)  # money from fen
    # A time of day is read from epoch ms in the session's zone, never cut out of a stamp.
    incident = _finding(
        "incident", Param("at", 1_763_122_530_000, Unit.INSTANT), Param("note", "断流", Unit.TEXT)
    )
    assert finding_text(incident, {}, ZONE) == "20:15:30 事故：断流"
    assert finding_text(incident, {}, "UTC") == "12:15:30 事故：断流"
    assert STEPS.word("pain_point") == "痛点引入" and STEPS.word(None) == "—"
    session_id = _with_data(app_context.store)
    page.show_session(session_id)
    assert page.role_table.item(0, 3).toolTip()  # the full checks when the column is elided


def test_finding_evidence_reads_as_words_and_units(qtbot, app_context):
    from livedesk.ui.review.labels import evidence_text

    overran = _finding(
        "segment_overran",
        Param("planned_seconds", 720, Unit.SECONDS),
        Param("actual_seconds", 876, Unit.SECONDS),
        Param("delta_seconds", 156, Unit.SECONDS),
    )
    text = evidence_text(overran, {}, ZONE)
    assert text.splitlines() == ["计划: 12.0 分钟", "实际时长: 14.6 分钟", "差值: 2.6 分钟"]
    missed = _finding(
        "target_missed",
        Param("metric", "uv_value", Unit.METRIC),
        Param("value", 260, Unit.FEN),
        Param("target", 330, Unit.FEN),
        Param("achieved", 0.79, Unit.FRACTION),
    )
    target = evidence_text(missed, {}, ZONE)
    assert target.splitlines() == ["指标: UV价值", "实际: ¥2.60", "目标: ¥3.30", "达成: 79%"]
    moved = _finding(
        "segments_moved",
        Param("segments", (0, 2), Unit.SEGMENTS),
        Param("products", ("P1", "T1"), Unit.PRODUCTS),
        Param("first_paid", 1_763_122_530_000, Unit.INSTANT),
    )
    names = {"P1": "红糖姜枣茶", "T1": "山野 手套"}
    assert evidence_text(moved, names, ZONE).splitlines() == [
        "环节序号: 1、3",
        "商品: 红糖姜枣茶、山野 手套",
        "首笔支付: 20:15:30",
    ]


def test_review_without_imports_says_what_to_import(qtbot, app_context, store):
    """A planned session with nothing imported: the page names the files and the button, shows no finding
    count and hides every chart instead of drawing empty frames."""
    session_id = save_plan(store, small_plan())
    page = ReviewPage(app_context)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.review_shown, timeout=30000):
        page.show_session(session_id)
    note = page.import_note.text()
    assert page.import_note.isVisible()
    for words in ("还没有导入平台数据", "导入文件…", "罗盘整场数据", "抖店订单导出", "分钟在线人数"):
        assert words in note
    assert "条发现" not in page.status.text() and page.status.text() == "尚未导入数据"
    charts = (page.minute_chart, page.funnel_chart, page.product_chart, page.scorecard_chart)
    assert not any(chart.isVisibleTo(page) for chart in charts)


def test_partial_import_names_only_the_missing_files(qtbot, app_context, store):
    page = ReviewPage(app_context)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.review_shown, timeout=30000):
        page.show_session(_with_data(store))
    note = page.import_note.text()
    assert note.startswith("尚未导入") and "分钟在线人数" in note
    assert "罗盘整场数据" not in note and "抖店订单导出" not in note
    assert "条发现" in page.status.text()
    assert page.funnel_chart.isVisibleTo(page)


def test_review_is_computed_and_charts_drawn_only_when_shown(qtbot, app_context):
    """Switching sessions in 计划 computes no review and draws no chart; showing 复盘 computes it and draws
    the overview's charts, and a tab's chart is drawn when its tab is opened."""
    from livedesk.ui.main_window import MainWindow

    session_id = _with_data(app_context.store)
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show_workspace("plan")
    window.show()
    qtbot.waitExposed(window)
    page = window.review_page  # built, but not on screen
    app_context.selection.select(session_id)
    qtbot.waitUntil(lambda: page.session_id == session_id, timeout=10000)
    qtbot.wait(50)
    assert page.review is None  # nothing computed for a workspace nobody looks at
    charts = (page.minute_chart, page.funnel_chart, page.gantt_chart)
    assert not any(chart.figure.axes for chart in charts)

    window.show_workspace("review")
    qtbot.waitUntil(lambda: page.review is not None and not page.minute_chart.stale, timeout=10000)
    assert page.review.session.id == session_id
    assert page.minute_chart.figure.axes and page.funnel_chart.figure.axes
    assert page.gantt_chart.stale and not page.gantt_chart.figure.axes  # its tab is not open yet
    page.tabs.setCurrentIndex(1)  # 计划与实际
    qtbot.waitUntil(lambda: not page.gantt_chart.stale, timeout=5000)
    assert page.gantt_chart.figure.axes


def test_opening_and_refreshing_the_page_stores_nothing(page, app_context):
    """The page reads: showing a review and clicking Refresh leave every row of the SQLite file as it was."""
    from sqlalchemy import inspect, text

    def every_row():
        with app_context.store.reading() as db:
            names = inspect(db.get_bind()).get_table_names()
            return {
                n: sorted(map(tuple, db.exec(text(f'SELECT * FROM "{n}"')).all()), key=repr) for n in names
            }

    first = _with_data(app_context.store)
    page.show_session(first)
    page.findings_list.setCurrentRow(0)
    page.add_action(page.selected_finding(), action="开场先上福袋", owner="场控", metric="uv", target=5000)
    second = _with_data(app_context.store, start=START + timedelta(days=7))
    page.show_session(second)
    page.show_session(first)  # history summaries a read may bring up to date are written here, once
    before = every_row()
    page.show_session(second)  # verifies the carried item on screen
    page.refresh_button.click()
    page.show_session(first)
    assert page.review is not None and every_row() == before
