"""The plan's forecast: the session's GMV learnt from the account's own history (top-down, with a range and
the backtest error), each pitch's share of it (bottom-up, from GMV per pitch minute), and the targets
decomposed. With fewer than three past sessions there is no total: the targets are decomposed instead and
labelled as assumptions. Money is integer fen; a value nothing provides stays None.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from livedesk.domain.history import AccountHistory, ProductSummary, SessionSummary
from livedesk.domain.history_forecast import (
    DEFAULT_HALF_LIFE_SESSIONS,
    MIN_SESSIONS,
    Backtest,
    TopDown,
    backtest,
    prior_sessions,
    top_down,
    usable,
)
from livedesk.domain.product_rates import ProductRate, baseline_fen_per_minute, product_rates
from livedesk.domain.roles import SegmentKind
from livedesk.domain.session import SessionPlan, Targets

MINUTE = 60
SELLING_KINDS = (SegmentKind.PITCH, SegmentKind.ENCORE)
AGREEMENT_TOLERANCE = 0.15  # without a backtest range, bottom-up within 15 % of top-down agrees


@dataclass
class ForecastAssumptions:
    """What the director may change about the forecast; every change is an undoable edit."""

    conversion: float = 0.01  # buyers per viewer, where neither targets nor history give it
    viewers_per_minute: int = 200  # distinct viewers per pitch minute, for a product nothing is known of
    units_per_buyer: float = 1.0
    half_life_sessions: float = DEFAULT_HALF_LIFE_SESSIONS  # recency weighting of the history


@dataclass
class TargetBreakdown:
    """A GMV target decomposed: GMV = UV × UV value; UV value = conversion × AOV (fen). `assumed` names the
    figures that came from assumptions or history rather than from the targets the team set."""

    gmv_fen: int | None
    uv: int | None
    uv_value_fen: int | None
    conversion: float | None
    aov_fen: int | None
    buyers: int | None
    assumed: tuple[str, ...] = ()


@dataclass
class SegmentForecast:
    index: int
    product_id: str | None
    gmv_fen: int | None
    units: int | None
    source: str | None  # "history" | "role_average" | "assumption" | None (no product or no price)


@dataclass
class StockCheck:
    product_id: str
    units: int
    stock: int | None

    @property
    def over(self) -> bool:
        return self.stock is not None and self.units > self.stock


@dataclass
class ProductDriver:
    """A product's part of the bottom-up forecast, biggest first."""

    product_id: str
    gmv_fen: int
    share: float
    rate: ProductRate | None


@dataclass
class PlanForecast:
    segments: list[SegmentForecast]
    total_gmv_fen: int | None  # the projected GMV: the top-down figure; None with too little history
    target_gmv_fen: int | None
    stock: list[StockCheck] = field(default_factory=list)
    breakdown: TargetBreakdown | None = None
    method: str = "targets"  # "uv" | "gmv_per_minute" | "targets" (too little history)
    history_session_ids: list[int] = field(default_factory=list)
    past_sessions: int = 0  # usable past sessions of the account
    range_fen: tuple[int, int] | None = None
    backtest: Backtest | None = None
    top_down: TopDown | None = None
    bottom_up_fen: int | None = None
    drivers: list[ProductDriver] = field(default_factory=list)
    rates: dict[str, ProductRate] = field(default_factory=dict)

    @property
    def too_little_history(self) -> bool:
        return self.past_sessions < MIN_SESSIONS

    @property
    def gap_fen(self) -> int | None:
        """Projected minus target (negative: short of the target)."""
        if self.total_gmv_fen is None or self.target_gmv_fen is None:
            return None
        return self.total_gmv_fen - self.target_gmv_fen

    @property
    def attainment(self) -> float | None:
        if self.total_gmv_fen is None or not self.target_gmv_fen:
            return None
        return self.total_gmv_fen / self.target_gmv_fen

    @property
    def agree(self) -> bool | None:
        """Whether bottom-up lands inside the top-down range (within 15 % when there is no range)."""
        if self.total_gmv_fen is None or self.bottom_up_fen is None:
            return None
        if self.range_fen is not None:
            return self.range_fen[0] <= self.bottom_up_fen <= self.range_fen[1]
        return abs(self.bottom_up_fen - self.total_gmv_fen) <= AGREEMENT_TOLERANCE * self.total_gmv_fen

    @property
    def method_text(self) -> str:
        """A short English description for the JSON and the CLI (the UI words it from `method`)."""
        if self.method == "targets":
            return (
                f"fewer than {MIN_SESSIONS} past sessions of this account ({self.past_sessions}): "
                "no forecast; the targets decomposed as assumptions"
            )
        basis = (
            "expected UV × UV value" if self.method == "uv" else "GMV per live minute (no UV in the history)"
        )
        text = f"top-down: {basis} of {len(self.history_session_ids)} past sessions, newer weigh more"
        if self.top_down is not None and self.top_down.ad_effect is not None:
            text += f"; ad budget through a UV slope measured on {self.top_down.ad_effect.sessions} sessions"
        if self.backtest is not None and self.backtest.sessions:
            text += f"; range from a backtest on {self.backtest.sessions} sessions"
        return text


def decompose_target(
    targets: Targets,
    aov_fen: int | None = None,
    *,
    conversion: float | None = None,
    uv_value_fen: int | None = None,
) -> TargetBreakdown:
    """Fill in what a GMV target needs from what is set: UV given → UV value = GMV / UV; UV value given →
    UV = GMV / UV value (rounded up: a fraction of a viewer is still one more to find); neither → UV value
    = conversion × AOV when both are known. Buyers = GMV / AOV (rounded up). `conversion` and
    `uv_value_fen` stand in when the targets lack them; what they fill is named in `assumed`."""
    gmv = targets.gmv_fen
    uv, uv_value = targets.uv, targets.uv_value_fen
    assumed: list[str] = []
    target_conversion = targets.conversion
    if target_conversion is None and conversion is not None:
        target_conversion = conversion
        assumed.append("conversion")
    if gmv is not None:
        if uv and uv_value is None:
            uv_value = round(gmv / uv)
        elif uv_value and uv is None:
            uv = math.ceil(gmv / uv_value)
        elif uv is None and uv_value is None:
            if uv_value_fen:
                uv_value = uv_value_fen
                assumed.extend(["uv_value", "uv"])
            elif target_conversion and aov_fen:
                uv_value = round(target_conversion * aov_fen)
                assumed.extend(["uv_value", "uv"])
            uv = math.ceil(gmv / uv_value) if uv_value else None
    if target_conversion is None and uv_value is not None and aov_fen:
        target_conversion = uv_value / aov_fen
    buyers = math.ceil(gmv / aov_fen) if gmv is not None and aov_fen else None
    if aov_fen is not None:
        assumed.append("aov")  # never a target: from history or the plan's prices, and so are the buyers
        if buyers is not None:
            assumed.append("buyers")
    return TargetBreakdown(
        gmv, uv, uv_value, target_conversion, aov_fen, buyers, tuple(dict.fromkeys(assumed))
    )


def average_price_fen(plan: SessionPlan) -> int | None:
    """Live price of the sold products weighted by their pitch time: the AOV the plan implies."""
    weighted, seconds = 0, 0
    for segment in plan.segments:
        product = plan.product(segment.product_id)
        if product is None or product.live_price_fen is None:
            continue
        weighted += product.live_price_fen * segment.planned_seconds
        seconds += segment.planned_seconds
    return round(weighted / seconds) if seconds else None


def _history_aov(sessions: list[SessionSummary]) -> int | None:
    gmv = sum(s.gmv_fen for s in sessions if s.gmv_fen is not None and s.buyers)
    buyers = sum(s.buyers or 0 for s in sessions if s.gmv_fen is not None)
    return round(gmv / buyers) if buyers else None


def _history_conversion(sessions: list[SessionSummary]) -> float | None:
    pairs = [(s.buyers, s.uv) for s in sessions if s.buyers is not None and s.uv]
    viewers = sum(uv for _, uv in pairs)
    return sum(b for b, _ in pairs) / viewers if viewers else None


def _segment_forecasts(
    plan: SessionPlan, rates: dict[str, ProductRate], assumptions: ForecastAssumptions
) -> list[SegmentForecast]:
    results = []
    for index, segment in enumerate(plan.segments):
        product = plan.product(segment.product_id)
        if product is None or segment.kind not in SELLING_KINDS:
            results.append(SegmentForecast(index, segment.product_id, None, None, None))
            continue
        minutes = segment.planned_seconds / MINUTE
        rate = rates.get(product.product_id)
        gmv: int | None
        units: int | None
        if rate is not None:
            gmv = round(rate.shrunk * minutes)
            units = round(gmv / product.live_price_fen) if product.live_price_fen else None
            source = "history" if rate.has_history else "role_average"
        elif product.live_price_fen is not None:
            buyers = assumptions.conversion * assumptions.viewers_per_minute * minutes
            units = round(buyers * assumptions.units_per_buyer)
            gmv = round(product.live_price_fen * buyers * assumptions.units_per_buyer)
            source = "assumption"
        else:
            gmv, units, source = None, None, None
        results.append(SegmentForecast(index, product.product_id, gmv, units, source))
    return results


def _drivers(segments: list[SegmentForecast], rates: dict[str, ProductRate]) -> list[ProductDriver]:
    by_product: dict[str, int] = {}
    for row in segments:
        if row.product_id is not None and row.gmv_fen is not None:
            by_product[row.product_id] = by_product.get(row.product_id, 0) + row.gmv_fen
    total = sum(by_product.values())
    drivers = [
        ProductDriver(pid, gmv, gmv / total if total else 0.0, rates.get(pid))
        for pid, gmv in by_product.items()
    ]
    return sorted(drivers, key=lambda d: (-d.gmv_fen, d.product_id))


def forecast_plan(
    plan: SessionPlan,
    history: AccountHistory | None = None,
    assumptions: ForecastAssumptions | None = None,
) -> PlanForecast:
    """The forecast of `plan` from its account's `history`. Only sessions that started before this one are
    read (whatever the history holds), never the session itself."""
    assumptions = assumptions or ForecastAssumptions()
    session = plan.session
    past = usable(prior_sessions(history, session.start, session.id)) if history else []
    past_ids = {s.session_id for s in past}
    product_rows: list[ProductSummary] = (
        [r for r in history.products if r.session_id in past_ids] if history else []
    )
    rates = product_rates(product_rows, {p.product_id: p.role.value for p in plan.products})
    segments = _segment_forecasts(plan, rates, assumptions)

    units_by_product: dict[str, int] = {}
    for row in segments:
        if row.product_id is not None and row.units is not None:
            units_by_product[row.product_id] = units_by_product.get(row.product_id, 0) + row.units
    stock = [StockCheck(pid, units, _stock_of(plan, pid)) for pid, units in units_by_product.items()]

    result = PlanForecast(
        segments,
        None,
        session.targets.gmv_fen,
        stock,
        past_sessions=len(past),
        drivers=_drivers(segments, rates),
        rates=rates,
    )
    bottom = _bottom_up(plan, segments, past, product_rows)
    if len(past) >= MIN_SESSIONS:
        figure = top_down(
            past, session.planned_seconds, session.ad_budget_fen, assumptions.half_life_sessions
        )
        if figure is not None:
            result.method = figure.basis
            result.top_down = figure
            result.history_session_ids = figure.session_ids
            result.total_gmv_fen = round(figure.gmv_fen)
            result.backtest = backtest(past, assumptions.half_life_sessions)
            factors = result.backtest.range_factors()
            if factors is not None:
                result.range_fen = (round(figure.gmv_fen * factors[0]), round(figure.gmv_fen * factors[1]))
            result.bottom_up_fen = bottom
    aov = _history_aov(past) or average_price_fen(plan)
    if result.total_gmv_fen is None:
        conversion = _history_conversion(past) or assumptions.conversion
        result.breakdown = decompose_target(session.targets, aov, conversion=conversion)
    else:
        result.breakdown = decompose_target(session.targets, aov)
    return result


def _bottom_up(
    plan: SessionPlan,
    segments: list[SegmentForecast],
    past: list[SessionSummary],
    product_rows: list[ProductSummary],
) -> int | None:
    """Pitches at their products' rates plus what the account sells outside pitched products per minute;
    None when a selling segment has no history-based figure (an assumption is not a bottom-up fact)."""
    baseline = baseline_fen_per_minute(past, product_rows)
    if baseline is None:
        return None
    total = baseline * plan.session.planned_seconds / MINUTE
    for row in segments:
        if row.source == "assumption" or (
            row.product_id is not None
            and row.source is None
            and plan.segments[row.index].kind in SELLING_KINDS
        ):
            return None
        total += row.gmv_fen or 0
    return round(total)


def _stock_of(plan: SessionPlan, product_id: str) -> int | None:
    """A segment may name a product no longer in the pool: its stock is unknown, not a crash."""
    product = plan.product(product_id)
    return None if product is None else product.stock
