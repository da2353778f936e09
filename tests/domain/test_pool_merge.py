"""Replacing, appending to or updating a pool by product id: what each does, counted before it is done."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from livedesk.domain.pool_merge import PoolMergeMode, merge_pool
from livedesk.domain.product import Product
from livedesk.domain.roles import Role, ScriptStep, SegmentKind
from livedesk.domain.session import Segment, Session, SessionPlan


def _plan():
    products = [
        Product("A", "旧A", Role.PROFIT, live_price_fen=100, scripts={ScriptStep.OFFER: "今天到手价"}),
        Product("B", "旧B", Role.PROFIT, live_price_fen=200, stock=5),
        Product("C", "旧C", Role.TRAFFIC),
    ]
    segments = [
        Segment(SegmentKind.PITCH, 600, product_id="B"),
        Segment(SegmentKind.PITCH, 600, product_id="C"),
    ]
    session = Session("场", datetime(2026, 11, 14, 20, tzinfo=ZoneInfo("Asia/Shanghai")), 3600)
    return SessionPlan(session=session, products=products, segments=segments)


FILE = [
    Product("A", "新A", Role.IMAGE, live_price_fen=150),
    Product("B", "新B", Role.PROFIT),
    Product("D", "D", Role.CLEARANCE),
]


def test_replace_keeps_scripts_of_reimported_products_and_counts_orphaned_pitches():
    plan = _plan()
    products, summary = merge_pool(plan, FILE, PoolMergeMode.REPLACE)
    assert [p.product_id for p in products] == ["A", "B", "D"]
    assert products[0].name == "新A" and products[0].scripts == {ScriptStep.OFFER: "今天到手价"}
    assert (summary.before, summary.in_file, summary.after) == (3, 3, 3)
    assert (summary.added, summary.updated, summary.removed, summary.orphaned_pitches) == (1, 2, 1, 1)
    assert [p.product_id for p in plan.products] == ["A", "B", "C"]  # the plan itself is untouched


def test_append_adds_only_new_ids():
    products, summary = merge_pool(_plan(), FILE, PoolMergeMode.APPEND)
    assert [(p.product_id, p.name) for p in products] == [
        ("A", "旧A"),
        ("B", "旧B"),
        ("C", "旧C"),
        ("D", "D"),
    ]
    assert (summary.added, summary.skipped, summary.removed, summary.after) == (1, 2, 0, 4)


def test_update_by_id_takes_the_files_values_but_keeps_what_the_file_leaves_blank():
    products, summary = merge_pool(_plan(), FILE, PoolMergeMode.UPDATE)
    by_id = {p.product_id: p for p in products}
    assert [p.product_id for p in products] == ["A", "B", "C", "D"]
    assert by_id["A"].name == "新A" and by_id["A"].role is Role.IMAGE and by_id["A"].live_price_fen == 150
    assert by_id["A"].scripts == {ScriptStep.OFFER: "今天到手价"}
    assert by_id["B"].name == "新B" and by_id["B"].stock == 5 and by_id["B"].live_price_fen == 200
    assert (summary.added, summary.updated, summary.removed, summary.orphaned_pitches) == (1, 2, 0, 0)
