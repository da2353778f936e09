"""Target decomposition and per-segment forecast, checked against numbers worked out by hand."""

from __future__ import annotations

from datetime import timedelta

from plan_fixtures import START, plan_of

from livedesk.domain.forecast import (
    ForecastAssumptions,
    average_price_fen,
    decompose_target,
    forecast_plan,
)
from livedesk.domain.history import AccountHistory, ProductSummary, SessionSummary
from livedesk.domain.product import Product
from livedesk.domain.roles import Role, SegmentKind
from livedesk.domain.session import Segment, Targets

M = 60


def _plan(target_fen=None):
    products = [
        Product("A", "无历史", Role.PROFIT, live_price_fen=9900, stock=20),
        Product("B", "有历史", Role.PROFIT, live_price_fen=20000, stock=100),
        Product("N", "无价格", Role.PROFIT),
    ]
    segments = [
        Segment(SegmentKind.OPENING, 10 * M),
        Segment(SegmentKind.PITCH, 10 * M, "A"),
        Segment(SegmentKind.PITCH, 12 * M, "B"),
        Segment(SegmentKind.PITCH, 5 * M, "N"),
    ]
    plan = plan_of(segments, minutes=37, products=products)
    plan.session.targets = Targets(gmv_fen=target_fen)
    return plan


def test_segment_forecast_from_history_and_from_assumptions():
    plan = _plan(target_fen=1_000_000)
    # B was pitched for 10 minutes in one past session and sold ¥5,000: 50,000 fen per pitch minute, which
    # is also the profit role's average, so shrinking leaves it there.
    past = SessionSummary(
        1, "", START - timedelta(days=7), 7200, 7200, 800_000, None, 40, 40, 40, None, 600, None
    )
    history = AccountHistory("", [past], [ProductSummary(1, "B", "profit", 500_000, 25, None, 600)])
    result = forecast_plan(plan, history, ForecastAssumptions(conversion=0.02, viewers_per_minute=150))
    # B: 50,000 fen/min × 12 min = 600,000 fen; units = 600,000 / 20,000 = 30.
    # A, never pitched, gets its role's average: 50,000 × 10 = 500,000 fen, 500,000 / 9,900 = 51 units.
    # N has no price: GMV from the role average, no unit count rather than a made-up one.
    rows = [(s.index, s.gmv_fen, s.units, s.source) for s in result.segments]
    assert rows == [
        (0, None, None, None),
        (1, 500_000, 51, "role_average"),
        (2, 600_000, 30, "history"),
        (3, 250_000, None, "role_average"),
    ]
    # No past session with results: no total, and the gap to the target is unknown rather than invented.
    assert result.total_gmv_fen is None and result.gap_fen is None and result.attainment is None
    stock = {c.product_id: (c.units, c.stock, c.over) for c in result.stock}
    assert stock == {"A": (51, 20, True), "B": (30, 100, False)}


def test_without_any_history_segments_use_the_assumptions():
    plan = _plan()
    result = forecast_plan(plan, None, ForecastAssumptions(conversion=0.02, viewers_per_minute=150))
    # A: 0.02 × 150 × 10 min = 30 buyers × ¥99 = 297,000 fen; B: 0.02 × 150 × 12 = 36 × ¥200 = 720,000.
    assert [(s.gmv_fen, s.units, s.source) for s in result.segments[1:3]] == [
        (297_000, 30, "assumption"),
        (720_000, 36, "assumption"),
    ]


def test_nothing_to_forecast_gives_none_not_zero():
    plan = plan_of([Segment(SegmentKind.OPENING, 600)], minutes=10, products=[])
    assert forecast_plan(plan).total_gmv_fen is None


def test_decompose_target_from_uv_from_uv_value_and_from_conversion():
    assert decompose_target(Targets(gmv_fen=1_000_000, uv=5000)).uv_value_fen == 200
    # ¥2.50 per viewer → 1,000,000 / 250 = 4,000 viewers.
    assert decompose_target(Targets(gmv_fen=1_000_000, uv_value_fen=250)).uv == 4000
    # 3 viewers' worth of GMV needs a 4th viewer: rounded up.
    assert decompose_target(Targets(gmv_fen=1000, uv_value_fen=300)).uv == 4
    # 2 % of viewers buy at an AOV of ¥100 → ¥2 per viewer → 5,000 viewers, 100 buyers.
    breakdown = decompose_target(Targets(gmv_fen=1_000_000, conversion=0.02), aov_fen=10_000)
    assert (breakdown.uv_value_fen, breakdown.uv, breakdown.buyers) == (200, 5000, 100)
    # Without a conversion the implied one is UV value / AOV.
    assert decompose_target(Targets(gmv_fen=1_000_000, uv=5000), aov_fen=10_000).conversion == 0.02
    empty = decompose_target(Targets())
    assert (empty.uv, empty.uv_value_fen, empty.buyers) == (None, None, None)


def test_average_price_is_weighted_by_pitch_time():
    # (9,900 × 600 + 20,000 × 720) / 1,320 = 15,409.09 → 15,409
    assert average_price_fen(_plan()) == 15_409
