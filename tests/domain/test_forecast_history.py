"""The forecast learnt from an account's own history, on small histories worked out by hand: top-down
arithmetic, the rolling backtest and its range, no leakage from later sessions or the session itself, the
orders-only and ad-budget cases, bottom-up with shrinkage, and the fallback with fewer than 3 sessions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from plan_fixtures import START, plan_of

from livedesk.domain.forecast import ForecastAssumptions, forecast_plan
from livedesk.domain.history import AccountHistory, ProductSummary, SessionSummary
from livedesk.domain.history_forecast import measure_ad_effect, quantile
from livedesk.domain.product import Product
from livedesk.domain.roles import Role, SegmentKind
from livedesk.domain.session import Segment, Targets

M = 60
HALF_LIFE_1 = ForecastAssumptions(half_life_sessions=1.0)  # weights 1/8, 1/4, 1/2, 1 — easy by hand


def _session(sid, days_before, gmv_fen, uv=None, minutes=120, ad_fen=None, buyers=None):
    return SessionSummary(
        session_id=sid,
        account="山野",
        start=START - timedelta(days=days_before),
        planned_seconds=minutes * M,
        live_seconds=minutes * M,
        gmv_fen=gmv_fen,
        refund_fen=None,
        units=None,
        orders=None,
        buyers=buyers,
        uv=uv,
        pitch_seconds=None,
        ad_spend_fen=ad_fen,
    )


def _four_sessions():
    return [
        _session(1, 28, 2_000_000, uv=10_000),
        _session(2, 21, 3_000_000, uv=12_000),
        _session(3, 14, 1_800_000, uv=9_000),
        _session(4, 7, 2_750_000, uv=11_000),
    ]


def _plan(minutes=180, segments=None, products=None, session_id=99):
    plan = plan_of(segments or [], minutes=minutes, products=products if products is not None else [])
    plan.session.id = session_id
    plan.session.account = "山野"
    return plan


def test_top_down_is_expected_uv_times_uv_value_recency_weighted():
    result = forecast_plan(_plan(), AccountHistory("山野", _four_sessions()), HALF_LIFE_1)
    # Weights oldest → newest 1/8, 1/4, 1/2, 1 (half-life one session):
    weighted_uv = 10_000 / 8 + 12_000 / 4 + 9_000 / 2 + 11_000  # 19,750
    weighted_gmv = 2_000_000 / 8 + 3_000_000 / 4 + 1_800_000 / 2 + 2_750_000  # 4,650,000
    weighted_minutes = 120 * (1 / 8 + 1 / 4 + 1 / 2 + 1)  # 225
    uv = weighted_uv / weighted_minutes * 180  # 15,800 viewers in a 180-minute slot
    uv_value = weighted_gmv / weighted_uv  # 235.44 fen
    assert result.method == "uv"
    assert result.top_down.uv == pytest.approx(15_800)
    assert result.top_down.uv_value_fen == pytest.approx(uv_value)
    assert result.total_gmv_fen == round(uv * uv_value) == 3_720_000
    assert result.history_session_ids == [1, 2, 3, 4]


def test_backtest_forecasts_each_session_from_the_ones_before_and_sets_the_range():
    result = forecast_plan(_plan(), AccountHistory("山野", _four_sessions()), HALF_LIFE_1)
    # Session 2 from 1: 2,000,000 (actual 3,000,000). Session 3 from 1–2: (1,000,000 + 3,000,000) / 180 min
    # × 120 = 2,666,667 (actual 1,800,000). Session 4 from 1–3: 3,800,000 / 210 × 120 = 2,171,429 (2,750,000).
    forecasts = [2_000_000, 4_000_000 / 180 * 120, 3_800_000 / 210 * 120]
    actuals = [3_000_000, 1_800_000, 2_750_000]
    assert [p.session_id for p in result.backtest.points] == [2, 3, 4]
    assert [p.forecast_fen for p in result.backtest.points] == pytest.approx(forecasts)
    mape = sum(abs(a - f) / a for a, f in zip(actuals, forecasts, strict=True)) / 3
    assert result.backtest.sessions == 3
    assert result.backtest.mape == pytest.approx(mape) == pytest.approx(0.3417, abs=1e-4)
    ratios = sorted(a / f for a, f in zip(actuals, forecasts, strict=True))  # 0.675, 1.266, 1.5
    low = ratios[0] + 0.2 * (ratios[1] - ratios[0])  # 10th percentile, linear interpolation
    high = ratios[1] + 0.8 * (ratios[2] - ratios[1])  # 90th
    assert result.range_fen == (round(3_720_000 * low), round(3_720_000 * high))
    assert result.range_fen[0] < result.total_gmv_fen < result.range_fen[1]


def test_later_sessions_and_the_session_itself_never_leak_in():
    history = _four_sessions()
    clean = forecast_plan(_plan(), AccountHistory("山野", history), HALF_LIFE_1)
    later = _session(5, -7, 90_000_000, uv=20_000)  # a week after the plan's start
    itself = _session(99, 0, 80_000_000, uv=30_000)  # the session being planned, with results already in
    leaky = AccountHistory("山野", [later, *history, itself])
    result = forecast_plan(_plan(), leaky, HALF_LIFE_1)
    assert result.total_gmv_fen == clean.total_gmv_fen
    assert result.range_fen == clean.range_fen
    assert result.history_session_ids == [1, 2, 3, 4]
    assert [p.session_id for p in result.backtest.points] == [2, 3, 4]


def test_an_orders_only_history_uses_gmv_per_live_minute_and_the_length_scales_it():
    sessions = [
        _session(1, 21, 600_000, minutes=60),
        _session(2, 14, 1_200_000, minutes=120),
        _session(3, 7, 900_000, minutes=60),
    ]
    result = forecast_plan(_plan(minutes=90), AccountHistory("山野", sessions), HALF_LIFE_1)
    # Weights 1/4, 1/2, 1: (150,000 + 600,000 + 900,000) fen over (15 + 60 + 60) minutes = 12,222.2 fen/min.
    assert result.method == "gmv_per_minute"
    assert result.top_down.uv is None
    assert result.total_gmv_fen == round(1_650_000 / 135 * 90)


def test_an_empty_run_order_with_a_length_and_history_still_gets_a_forecast():
    result = forecast_plan(_plan(segments=[]), AccountHistory("山野", _four_sessions()))
    assert result.total_gmv_fen is not None and result.total_gmv_fen > 0
    assert result.range_fen is not None and result.backtest.mape is not None


def test_ad_budget_moves_uv_only_through_the_slope_measured_in_the_history():
    # UV per minute = 50 + 0.01 × spend per minute (fen), exactly, on five sessions; UV value ¥2 throughout.
    spends = [60_000, 120_000, 90_000, 150_000, 30_000]  # fen per 60-minute session → 1,000 … 2,500 /min
    sessions = []
    for i, spend in enumerate(spends):
        uv = round((50 + 0.01 * spend / 60) * 60)
        sessions.append(_session(i + 1, 35 - 7 * i, uv * 200, uv=uv, minutes=60, ad_fen=spend))
    effect = measure_ad_effect(sessions)
    assert effect.uv_per_fen == pytest.approx(0.01, rel=1e-3) and effect.r2 == pytest.approx(1.0, abs=1e-4)
    plan = _plan(minutes=60)
    without = forecast_plan(plan, AccountHistory("山野", sessions), HALF_LIFE_1)
    plan.session.ad_budget_fen = 300_000  # 5,000 fen a minute, far above the usual
    with_budget = forecast_plan(plan, AccountHistory("山野", sessions), HALF_LIFE_1)
    weights = [1 / 16, 1 / 8, 1 / 4, 1 / 2, 1]
    usual_spend = sum(w * s for w, s in zip(weights, spends, strict=True)) / (60 * sum(weights))
    extra_uv = 0.01 * (5_000 - usual_spend) * 60
    assert with_budget.top_down.uv == pytest.approx(without.top_down.uv + extra_uv)
    assert with_budget.total_gmv_fen == pytest.approx(without.total_gmv_fen + extra_uv * 200, abs=1)
    assert without.top_down.ad_effect is None  # no budget set: nothing moved


def test_an_ad_budget_without_a_measured_relation_changes_nothing():
    plan = _plan()
    plain = forecast_plan(plan, AccountHistory("山野", _four_sessions()))
    plan.session.ad_budget_fen = 10_000_000
    assert forecast_plan(plan, AccountHistory("山野", _four_sessions())).total_gmv_fen == plain.total_gmv_fen


def _products():
    return [
        Product("BEEF", "原切风干牛肉", Role.PROFIT, live_price_fen=9_900),
        Product("NEW", "新品", Role.PROFIT, live_price_fen=5_000),
        Product("TISSUE", "洗脸巾", Role.TRAFFIC, live_price_fen=990),
    ]


def _product_rows():
    # BEEF: 3 sessions, 30 pitch minutes, ¥82,080 → 273,600 fen per minute.
    # OTHER (a profit item not in this pool): 1 session, 20 minutes, ¥12,000 → 60,000 fen/min.
    # Profit role average: (8,208,000 + 1,200,000) / 50 min = 188,160 fen/min.
    rows = [ProductSummary(sid, "BEEF", "profit", 2_736_000, 276, None, 600) for sid in (2, 3, 4)]
    rows.append(ProductSummary(4, "OTHER", "profit", 1_200_000, 100, None, 1_200))
    rows.append(ProductSummary(4, "GIFT", "image", 50_000, 1, None, 0))  # sold without a pitch
    return rows


def test_bottom_up_shrinks_a_product_toward_its_role_and_adds_unpitched_sales():
    segments = [
        Segment(SegmentKind.OPENING, 10 * M),
        Segment(SegmentKind.PITCH, 12 * M, "BEEF"),
        Segment(SegmentKind.PITCH, 10 * M, "NEW"),
        Segment(SegmentKind.PITCH, 4 * M, "TISSUE"),
        Segment(SegmentKind.CLOSING, 164 * M),
    ]
    plan = _plan(segments=segments, products=_products())
    history = AccountHistory("山野", _four_sessions(), _product_rows())
    result = forecast_plan(plan, history, HALF_LIFE_1)
    role_average = 9_408_000 / 50  # 188,160
    beef = (3 * 273_600 + 2 * role_average) / 5  # three sessions of its own against two of prior
    assert result.rates["BEEF"].shrunk == pytest.approx(beef)
    assert result.rates["BEEF"].sessions == 3 and result.rates["BEEF"].own == pytest.approx(273_600)
    assert result.rates["NEW"].shrunk == pytest.approx(role_average) and not result.rates["NEW"].has_history
    # TISSUE's role (traffic) has no history: all roles' average (the same rows here).
    assert result.rates["TISSUE"].shrunk == pytest.approx(role_average)
    rows = {s.product_id: (s.gmv_fen, s.source) for s in result.segments if s.product_id}
    assert rows["BEEF"] == (round(beef * 12), "history")
    assert rows["NEW"] == (round(role_average * 10), "role_average")
    # Sales outside pitched products: session 2 (3,000,000 − 2,736,000), 3 (1,800,000 − 2,736,000 → 0),
    # 4 (2,750,000 − 2,736,000 − 1,200,000 → 0) over 360 live minutes.
    baseline = 264_000 / 360
    expected = round(beef * 12) + round(role_average * 10) + round(role_average * 4) + baseline * 180
    assert result.bottom_up_fen == round(expected)
    assert result.drivers[0].product_id == "BEEF" and result.drivers[0].share > 0.4
    # ≈ ¥56,393 bottom-up against ¥37,200 top-down (range up to ≈ ¥54,062): both are kept, and flagged.
    assert result.total_gmv_fen == 3_720_000 and result.bottom_up_fen > result.range_fen[1]
    assert result.agree is False


def test_no_leak_of_later_product_rows_either():
    plan = _plan(segments=[Segment(SegmentKind.PITCH, 12 * M, "BEEF")], products=_products())
    later = ProductSummary(50, "BEEF", "profit", 99_000_000, 1, None, 60)
    base = forecast_plan(plan, AccountHistory("山野", _four_sessions(), _product_rows()))
    leaky = forecast_plan(
        plan,
        AccountHistory("山野", [*_four_sessions(), _session(50, -1, 99_000_000)], [*_product_rows(), later]),
    )
    assert leaky.rates["BEEF"] == base.rates["BEEF"]


def test_fewer_than_three_sessions_say_so_and_decompose_the_targets_as_assumptions():
    plan = _plan(segments=[Segment(SegmentKind.PITCH, 12 * M, "BEEF")], products=_products())
    plan.session.targets = Targets(gmv_fen=24_000_000)
    two = [
        _session(1, 14, 2_000_000, uv=10_000, buyers=200),
        _session(2, 7, 3_000_000, uv=12_000, buyers=300),
    ]
    result = forecast_plan(plan, AccountHistory("山野", two))
    assert result.too_little_history and result.method == "targets"
    assert result.total_gmv_fen is None and result.range_fen is None and result.backtest is None
    assert "fewer than 3 past sessions" in result.method_text and "(2)" in result.method_text
    breakdown = result.breakdown
    # From the two sessions: AOV = 5,000,000 / 500 buyers = 10,000 fen; conversion 500 / 22,000 viewers.
    assert breakdown.aov_fen == 10_000
    assert breakdown.conversion == pytest.approx(500 / 22_000)
    assert breakdown.uv_value_fen == round(500 / 22_000 * 10_000)  # 227 fen per viewer
    assert breakdown.uv == -(-24_000_000 // breakdown.uv_value_fen)
    assert breakdown.buyers == 2_400
    assert set(breakdown.assumed) == {"conversion", "uv_value", "uv", "aov", "buyers"}


def test_no_history_at_all_uses_the_editable_conversion_and_the_plan_prices():
    plan = _plan(segments=[Segment(SegmentKind.PITCH, 12 * M, "BEEF")], products=_products())
    plan.session.targets = Targets(gmv_fen=990_000)
    result = forecast_plan(plan, None, ForecastAssumptions(conversion=0.02))
    assert result.total_gmv_fen is None and result.past_sessions == 0
    # AOV = the pitched price ¥99; UV value = 2 % × ¥99 = 198 fen; UV = 990,000 / 198 = 5,000; buyers 100.
    b = result.breakdown
    assert (b.aov_fen, b.uv_value_fen, b.uv, b.buyers) == (9_900, 198, 5_000, 100)


def test_quantile_interpolates_like_the_usual_definition():
    assert quantile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert quantile([5.0], 0.9) == 5.0
    assert quantile([0.0, 10.0], 0.1) == pytest.approx(1.0)
