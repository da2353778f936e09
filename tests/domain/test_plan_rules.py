"""Every validation rule of the planner on hand-built run orders."""

from __future__ import annotations

from plan_fixtures import plan_of, small_pool

from livedesk.domain.forecast import ForecastAssumptions, forecast_plan
from livedesk.domain.plan_rules import validate_plan
from livedesk.domain.product import Product
from livedesk.domain.roles import Role, SegmentKind
from livedesk.domain.session import Segment
from livedesk.domain.wave import generate_wave, split_budget

M = 60


def pitch(pid, minutes, steps=True):
    seconds = minutes * M
    return Segment(SegmentKind.PITCH, seconds, pid, steps=split_budget(seconds) if steps else [])


def test_generated_plan_has_no_warnings():
    plan = plan_of(generate_wave(small_pool(), 120 * M))
    assert validate_plan(plan) == []


def test_a_bad_plan_raises_every_rule_at_the_right_segment():
    pool = small_pool() + [
        Product("T2", "纸巾", Role.TRAFFIC, live_price_fen=500),
        Product("T3", "棉签", Role.TRAFFIC, live_price_fen=300),
        Product("I2", "香水", Role.IMAGE, live_price_fen=150000),
    ]
    image = pitch("I1", 6)
    image.steps[0].seconds -= 60  # budgets now add up to 5:00 for a 6:00 pitch
    segments = [
        Segment(SegmentKind.OPENING, 10 * M),  # 0  @0
        pitch("P1", 9),  # 1  @10 profit under 10 min
        pitch("C1", 6),  # 2  @19 clearance over 5 min
        pitch("T1", 4),  # 3  @25 first traffic after 15 min
        Segment(SegmentKind.INTERACTION, 2 * M),  # 4  @29
        pitch("T2", 4),  # 5  @31 traffic again (the interaction does not break it)
        pitch("T3", 3),  # 6  @35 traffic again, third traffic SKU
        image,  # 7  @38 steps off by a minute
        pitch("I2", 6),  # 8  @44 second image item
        Segment(SegmentKind.CLOSING, 5 * M),  # 9  @50 → 55 min in a 60 min slot
    ]
    warnings = validate_plan(plan_of(segments, minutes=60, products=pool))
    assert [(w.code, w.segment_index) for w in warnings] == [
        ("pitch_too_short", 1),
        ("pitch_too_long", 2),
        ("traffic_in_a_row", 5),
        ("traffic_in_a_row", 6),
        ("too_many_traffic_skus", 6),
        ("step_budget_mismatch", 7),
        ("too_many_image_items", 8),
        ("no_early_traffic", None),
        ("profit_share_low", None),
        ("total_under_slot", None),
    ]
    by_code = {w.code: w for w in warnings}
    # profit 9 min of 9+6+4+4+3+6+6 = 38 pitch minutes = 23.7 %
    assert abs(by_code["profit_share_low"].values["share"] - 9 / 38) < 1e-12
    assert "24%" in by_code["profit_share_low"].message
    assert by_code["total_under_slot"].message == "the run order lasts 55:00, 5:00 short of the 60:00 slot"
    assert by_code["step_budget_mismatch"].values == {"steps_seconds": 300, "seconds": 360}
    assert by_code["pitch_too_short"].message == "profit pitch 2 lasts 9:00, outside 10:00–15:00"


def test_over_the_slot_by_more_than_a_minute():
    segments = [
        Segment(SegmentKind.OPENING, 10 * M, "T1"),
        pitch("P1", 12),
        Segment(SegmentKind.CLOSING, 9 * M + 61),
    ]
    warnings = validate_plan(plan_of(segments, minutes=30))
    assert [w.code for w in warnings] == ["total_over_slot"]
    # Within a minute is fine.
    segments[-1].planned_seconds = 9 * M - 60
    assert validate_plan(plan_of(segments, minutes=30)) == []


def test_pitch_without_product_and_unknown_product():
    segments = [
        Segment(SegmentKind.OPENING, 10 * M, "T1"),
        Segment(SegmentKind.PITCH, 12 * M, steps=split_budget(720)),
        pitch("X9", 12),
    ]
    codes = [(w.code, w.segment_index) for w in validate_plan(plan_of(segments, minutes=34))]
    assert codes == [("pitch_without_product", 1), ("unknown_product", 2)]


def test_forecast_units_above_stock():
    # I1 costs 999 yuan, 10 in stock; 6 min × 200 viewers/min × 1 % = 12 units > 10.
    segments = [Segment(SegmentKind.OPENING, 10 * M, "T1"), pitch("P1", 12), pitch("I1", 6)]
    plan = plan_of(segments, minutes=28)
    forecast = forecast_plan(plan, assumptions=ForecastAssumptions(conversion=0.01, viewers_per_minute=200))
    warnings = validate_plan(plan, forecast=forecast)
    over = [w for w in warnings if w.code == "forecast_over_stock"]
    assert [(w.segment_index, w.values["units"], w.values["stock"]) for w in over] == [(2, 12, 10)]
    # P1: 12 min × 2 buyers/min = 24 ≤ 100: not reported; the opening's T1 (10 min → 20 units ≤ 500) neither.
    assert len(over) == 1
