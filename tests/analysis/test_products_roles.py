"""Per-product table (DOMAIN.md §4.3) and role scorecards with team thresholds."""

from __future__ import annotations

import pytest
from review_fixtures import at, inputs_of, log_events, orders, small_plan, sourced

from livedesk.analysis.review import build_review
from livedesk.analysis.review_types import Source, SourceKind
from livedesk.analysis.roles import DEFAULT_THRESHOLDS, merged_thresholds

PRODUCTS = {
    "product_id": ["P1", "P1", "P1", "T1", "I1"],
    "product_name": ["精华液", "-30ml", "精华液", "洗脸巾", "礼盒"],
    "gmv_fen": [100000, 99999, 50000, 9900, 0],
    "units": [5, 9, 3, 10, 0],
    "buyers": [5, 9, 2, 9, 0],
    "orders": [5, 9, 3, 10, 0],
    "product_exposure_uv": [1000, 999, None, 2000, 400],
    "product_click_uv": [100, 99, None, 100, 10],
    "exposure_gpm_fen": [150000, None, None, 4950, 0],
    "refund_amount_fen": [15000, None, 0, 0, 0],
    "is_sku_row": [False, True, False, False, False],
}


def product_rows(*extra, events=(), thresholds=None):
    review = build_review(
        inputs_of(
            small_plan(), sourced("products", PRODUCTS, "live.xlsx", "货品明细"), *extra, events=events
        ),
        thresholds=thresholds,
    )
    return review, {row.product_id: row for row in review.products}


def test_product_table_sums_repeated_ids_and_never_adds_sku_rows():
    events = log_events(
        (0, "segment_start", 0),
        (10, "segment_start", 1),
        (15, "segment_start", 2),
        (27, "segment_start", 5),
        (35, "segment_start", 2),
        (38, "segment_end", 2),
    )
    _, rows = product_rows(events=events)
    p1 = rows["P1"]
    assert (p1.gmv, p1.units, p1.buyers, p1.product_click_uv) == (150000, 8, 7, 100)
    assert p1.role == "profit" and p1.name == "精华液"
    assert p1.explain_count == 2 and p1.explain_seconds == 15 * 60  # 12 + 3 minutes
    assert p1.gmv_per_explain_minute == 10000  # ¥1,500 / 15 min = ¥100.00
    assert p1.units_per_explain == 4.0
    assert p1.click_to_buy_rate == pytest.approx(0.07) and p1.exposure_to_click_rate == pytest.approx(0.1)
    assert p1.refund_rate == pytest.approx(0.1) and p1.exposure_gpm == 150000
    assert p1.gmv_share == pytest.approx(150000 / 159900)
    assert p1.sell_through == pytest.approx(8 / 300)
    assert p1.gross_margin == pytest.approx((150000 - 8000 * 8) / 150000)
    assert rows["C1"].explain_count == 0 and rows["C1"].gmv is None  # logged, never pitched, no data
    assert rows["C1"].gmv_share is None and rows["C1"].sell_through is None


def test_orders_fill_products_without_an_export_and_show_the_gap_where_both_exist():
    _, rows = product_rows(
        sourced("orders", orders(("C1", 10, 29000, at(36), "a"), ("P1", 1, 19900, at(20), "b")), "o.csv")
    )
    assert rows["C1"].gmv == 29000 and rows["C1"].sources["gmv"] == Source(SourceKind.ORDERS, ("o.csv",))
    assert rows["C1"].sell_through == pytest.approx(0.1)
    assert rows["P1"].gmv == 150000 and rows["P1"].alternatives["gmv"].gap == 19900 - 150000
    assert rows["P1"].explain_count is None  # the plan is not a record of explanations


def test_role_scorecards_use_team_thresholds():
    minutes = {"minute": [at(m) for m in range(0, 40)], "online": [300] * 10 + [250] * 5 + [280] * 25}
    events = log_events(
        (0, "segment_start", 0),
        (10, "segment_start", 1),
        (15, "segment_start", 2),
        (30, "segment_start", 5),
        (38, "segment_end", 5),
    )
    review, _ = product_rows(sourced("minutes", minutes, "m.csv"), events=events)
    cards = {c.product_id: c for c in review.roles.scorecards}
    traffic = {c.check: c for c in cards["T1"].checks}
    assert (
        traffic["online_lift"].value == pytest.approx(250 / 300 - 1) and traffic["online_lift"].met is False
    )
    assert (
        traffic["exposure_to_click_rate"].value == pytest.approx(0.05)
        and traffic["exposure_to_click_rate"].met is False
    )
    assert cards["T1"].verdict == "not_met"
    image = cards["I1"]
    assert image.checks[0].value == pytest.approx(0.025) and image.verdict == "not_met"
    assert cards["C1"].verdict is None  # no sales, no stock figure: nothing to judge
    lenient, _ = product_rows(
        sourced("minutes", minutes, "m.csv"),
        events=events,
        thresholds={
            "traffic_online_lift_min": -0.5,
            "traffic_click_rate_min": 0.01,
            "image_click_rate_min": 0.02,
        },
    )
    assert {c.product_id: c.verdict for c in lenient.roles.scorecards}["T1"] == "met"
    assert {c.product_id: c.verdict for c in lenient.roles.scorecards}["I1"] == "met"


def test_thresholds_merge_over_defaults_and_ignore_unknown_keys():
    merged = merged_thresholds({"profit_click_to_buy_min": 0.08, "bogus": 1, "image_click_rate_min": "x"})
    assert merged["profit_click_to_buy_min"] == 0.08 and "bogus" not in merged
    assert merged["image_click_rate_min"] == DEFAULT_THRESHOLDS["image_click_rate_min"]
