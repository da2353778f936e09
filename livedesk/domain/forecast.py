"""Targets and forecast: GMV target → the UV and UV value it needs; GMV and units per segment.

A segment that sells a product is forecast from that product's history (GMV per pitch minute in past
reviews, passed in as a dict) or, without history, from live price × assumed conversion × assumed
viewers per minute. Money is integer fen; a value nothing provides stays None.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from livedesk.domain.session import SessionPlan, Targets

MINUTE = 60


@dataclass
class ForecastAssumptions:
    """Editable guesses used where a product has no history."""

    conversion: float = 0.01  # buyers per viewer watching the pitch
    viewers_per_minute: int = 200  # distinct viewers reached per pitch minute
    units_per_buyer: float = 1.0


@dataclass
class ProductHistory:
    """What past reviews say about a product: GMV (fen) and units per minute of pitch."""

    gmv_fen_per_minute: float
    units_per_minute: float | None = None


@dataclass
class TargetBreakdown:
    """A GMV target decomposed: GMV = UV × UV value; UV value = conversion × AOV (fen)."""

    gmv_fen: int | None
    uv: int | None
    uv_value_fen: int | None
    conversion: float | None
    aov_fen: int | None
    buyers: int | None


@dataclass
class SegmentForecast:
    index: int
    product_id: str | None
    gmv_fen: int | None
    units: int | None
    source: str | None  # "history" | "assumption" | None (no product or no price)


@dataclass
class StockCheck:
    product_id: str
    units: int
    stock: int | None

    @property
    def over(self) -> bool:
        return self.stock is not None and self.units > self.stock


@dataclass
class PlanForecast:
    segments: list[SegmentForecast]
    total_gmv_fen: int | None
    target_gmv_fen: int | None
    stock: list[StockCheck] = field(default_factory=list)
    breakdown: TargetBreakdown | None = None

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


def decompose_target(targets: Targets, aov_fen: int | None = None) -> TargetBreakdown:
    """Fill in what a GMV target needs from what is set: UV given → UV value = GMV / UV; UV value given →
    UV = GMV / UV value (rounded up: a fraction of a viewer is still one more to find); neither → UV value
    = conversion × AOV when both are known. Buyers = GMV / AOV (rounded up)."""
    gmv = targets.gmv_fen
    uv, uv_value = targets.uv, targets.uv_value_fen
    conversion = targets.conversion
    if gmv is not None:
        if uv and uv_value is None:
            uv_value = round(gmv / uv)
        elif uv_value and uv is None:
            uv = math.ceil(gmv / uv_value)
        elif uv is None and uv_value is None and conversion and aov_fen:
            uv_value = round(conversion * aov_fen)
            uv = math.ceil(gmv / uv_value) if uv_value else None
    if conversion is None and uv_value is not None and aov_fen:
        conversion = uv_value / aov_fen
    buyers = math.ceil(gmv / aov_fen) if gmv is not None and aov_fen else None
    return TargetBreakdown(gmv, uv, uv_value, conversion, aov_fen, buyers)


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


def forecast_plan(
    plan: SessionPlan,
    history: dict[str, ProductHistory | float] | None = None,
    assumptions: ForecastAssumptions | None = None,
) -> PlanForecast:
    """Forecast every segment that sells a product; totals are None when no segment could be forecast."""
    history = history or {}
    assumptions = assumptions or ForecastAssumptions()
    results: list[SegmentForecast] = []
    units_by_product: dict[str, int] = {}
    total, any_value = 0, False
    for index, segment in enumerate(plan.segments):
        product = plan.product(segment.product_id)
        if product is None:
            results.append(SegmentForecast(index, segment.product_id, None, None, None))
            continue
        minutes = segment.planned_seconds / MINUTE
        past = history.get(product.product_id)
        if isinstance(past, (int, float)):
            past = ProductHistory(float(past))
        gmv: int | None
        units: int | None
        if past is not None:
            gmv = round(past.gmv_fen_per_minute * minutes)
            if past.units_per_minute is not None:
                units = round(past.units_per_minute * minutes)
            elif product.live_price_fen:
                units = round(gmv / product.live_price_fen)
            else:
                units = None
            source = "history"
        elif product.live_price_fen is not None:
            buyers = assumptions.conversion * assumptions.viewers_per_minute * minutes
            units = round(buyers * assumptions.units_per_buyer)
            gmv = round(product.live_price_fen * buyers * assumptions.units_per_buyer)
            source = "assumption"
        else:
            gmv, units, source = None, None, None
        if gmv is not None:
            total += gmv
            any_value = True
        if units is not None:
            units_by_product[product.product_id] = units_by_product.get(product.product_id, 0) + units
        results.append(SegmentForecast(index, product.product_id, gmv, units, source))
    stock = [StockCheck(pid, units, plan.product(pid).stock) for pid, units in units_by_product.items()]
    breakdown = decompose_target(plan.session.targets, average_price_fen(plan))
    return PlanForecast(results, total if any_value else None, plan.session.targets.gmv_fen, stock, breakdown)
