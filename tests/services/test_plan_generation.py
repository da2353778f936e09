"""Generating a run order through the planning service: 负责人 filled from the session's team and printed in
the XLSX and CSV run sheets (the PDF draws the same rows), and history ranking read only from the account's
earlier sessions."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from livedesk.domain.history import AccountHistory, ProductSummary, SessionSummary
from livedesk.domain.product import Product
from livedesk.domain.roles import Role, SegmentKind
from livedesk.domain.session import Session, SessionPlan
from livedesk.import_export.run_sheet import run_sheet_rows
from livedesk.services import planning

START = datetime(2026, 11, 21, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
TEAM = {"host": "小满", "co_host": "阿禾", "director": "老周"}


def _plan() -> SessionPlan:
    pool = [
        Product("T1", "洗脸巾", Role.TRAFFIC, live_price_fen=990, stock=500),
        Product("P1", "精华液", Role.PROFIT, live_price_fen=19900, cost_fen=9900, stock=100),
        Product("P2", "面霜", Role.PROFIT, live_price_fen=29900, cost_fen=21900, stock=100),
        Product("I1", "礼盒", Role.IMAGE, live_price_fen=99900, stock=10),
    ]
    session = Session("暖冬专场", START, 2 * 3600, account="山野", team=dict(TEAM), id=7)
    return SessionPlan(session, pool)


def test_owners_come_from_the_team_and_reach_the_run_sheets(tmp_path):
    plan = _plan()
    plan.segments = planning.generate_segments(plan)
    kinds = {s.kind for s in plan.segments}
    assert SegmentKind.INTERACTION in kinds and SegmentKind.PITCH in kinds
    rows = run_sheet_rows(plan)
    for segment, row in zip(plan.segments, rows, strict=True):
        expected = "副播 阿禾" if segment.kind is SegmentKind.INTERACTION else "主播 小满"
        assert row.values["owner"] == expected
    path = tmp_path / "run.csv"
    planning.export_run_sheet(plan, path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    column = table[0].index("负责人")
    owners = [line[column] for line in table[1:] if line and line[0].isdigit()]
    assert owners.count("副播 阿禾") == sum(s.kind is SegmentKind.INTERACTION for s in plan.segments)
    assert owners.count("主播 小满") == len(plan.segments) - owners.count("副播 阿禾")
    from openpyxl import load_workbook

    xlsx = tmp_path / "run.xlsx"
    planning.export_run_sheet(plan, xlsx)
    cells = [str(c.value) for row in load_workbook(xlsx).active.iter_rows() for c in row if c.value]
    assert "负责人" in cells and "主播 小满" in cells and "副播 阿禾" in cells


def test_history_ranking_reads_only_earlier_sessions_of_the_history():
    plan = _plan()

    def summary(sid, days):
        return SessionSummary(
            sid, "山野", START + timedelta(days=days), 7200, 7200, 1, None, None, None, None, None, None, None
        )

    history = AccountHistory(
        "山野",
        [summary(1, -7), summary(7, 0), summary(9, 7)],
        [
            ProductSummary(1, "P2", "profit", 600_000, 20, None, 600),  # earlier: ¥600 a minute
            ProductSummary(7, "P1", "profit", 9_000_000, 20, None, 600),  # the session itself
            ProductSummary(9, "P1", "profit", 9_000_000, 20, None, 600),  # a week later
        ],
    )
    assert planning.history_ranking(plan, history) == {"P2": 60_000.0}
    segments = planning.generate_segments(plan, history=history)
    first_profit = next(s for s in segments if s.product_id in ("P1", "P2"))
    assert first_profit.product_id == "P2" and first_profit.planned_seconds >= 15 * 60 - 60
