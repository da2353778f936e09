"""The metric dictionary of DOMAIN.md §4: session inputs with their sources, and derived ratios of sums.

Money is integer fen inside (yuan only at the JSON/display edge); rates are fractions. A value nothing
provides stays None. When two sources give the same metric both are kept, the first as primary (exported
workbook > channel total > summed orders > minute curve) and the others as alternatives with the gap.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow.compute as pc

from livedesk.analysis.inputs import ReviewInputs, bool_array, column, fen_ratio, int_array, ratio
from livedesk.analysis.orders import OrderArrays, distinct_count, refund_sum
from livedesk.analysis.review_types import Source, SourceKind
from livedesk.words import CAVEATS as CAVEAT_WORDS

INPUT_KEYS = (
    "gmv",
    "orders",
    "buyers",
    "units",
    "uv",
    "pv",
    "avg_online",
    "peak_online",
    "avg_watch_seconds",
    "product_exposure_uv",
    "product_click_uv",
    "new_followers",
    "interaction_uv",
    "refund_amount",
    "ad_spend",
)
DERIVED_KEYS = (
    "uv_value",
    "gpm",
    "aov",
    "order_value",
    "watch_to_buy_rate",
    "exposure_to_click_rate",
    "click_to_buy_rate",
    "follow_rate",
    "interaction_rate",
    "refund_rate",
    "net_gmv",
    "roi",
)
METRIC_KEYS = INPUT_KEYS + DERIVED_KEYS
MONEY_KEYS = frozenset(
    {"gmv", "refund_amount", "ad_spend", "uv_value", "gpm", "aov", "order_value", "net_gmv"}
)
RATE_KEYS = frozenset(
    {
        "watch_to_buy_rate",
        "exposure_to_click_rate",
        "click_to_buy_rate",
        "follow_rate",
        "interaction_rate",
        "refund_rate",
    }
)

# key: (numerator, denominator, scale, money result)
FORMULAS = {
    "uv_value": ("gmv", "uv", 1, True),
    "gpm": ("gmv", "pv", 1000, True),
    "aov": ("gmv", "buyers", 1, True),
    "order_value": ("gmv", "orders", 1, True),
    "watch_to_buy_rate": ("buyers", "uv", 1, False),
    "exposure_to_click_rate": ("product_click_uv", "product_exposure_uv", 1, False),
    "click_to_buy_rate": ("buyers", "product_click_uv", 1, False),
    "follow_rate": ("new_followers", "uv", 1, False),
    "interaction_rate": ("interaction_uv", "uv", 1, False),
    "refund_rate": ("refund_amount", "gmv", 1, False),
    "roi": ("gmv", "ad_spend", 1, False),
}
FORMULA_TEXT = {
    key: (f"{n} / {d} × {s}" if s != 1 else f"{n} / {d}") for key, (n, d, s, _) in FORMULAS.items()
}
FORMULA_TEXT["net_gmv"] = "gmv − refund_amount"
# 次数 (count) variants where the inputs exist; the 人数 variant is the key itself.
COUNT_VARIANTS = {"watch_to_buy_rate": ("orders", "pv")}

# Platform caveats shown beside the number (codes; the UI words them).
CAVEATS = {
    "gmv": "gmv_includes_refunds",
    "net_gmv": "gmv_includes_refunds",
    "gpm": "gpm_per_views",
    "orders": "orders_per_sku",
    "uv": "people_not_views",
    "pv": "views_not_people",
    "watch_to_buy_rate": "rate_by_people",
    "exposure_to_click_rate": "rate_by_people",
    "click_to_buy_rate": "rate_by_people",
    "follow_rate": "rate_by_people",
    "interaction_rate": "rate_by_people",
}
# The caveat's sentence for the review JSON; its words (both languages) are livedesk.words.CAVEATS.
CAVEAT_TEXT = {code: word.en for code, word in CAVEAT_WORDS.items()}


Number = float | int


@dataclass(frozen=True, slots=True)
class Alternative:
    """A second source's value of a metric, with its gap to the primary value (alternative − primary)."""

    value: Number | None
    source: Source
    gap: Number | None
    formula: str | None = None


@dataclass(slots=True)
class Metric:
    """One §4 metric: its primary value (money in fen) and source, and every other source's value.
    Built up by `offer` while the metrics are computed; read-only after."""

    key: str
    value: Number | None = None
    source: Source | None = None
    formula: str | None = None
    estimated: bool = False
    low: Number | None = None
    high: Number | None = None
    alternatives: list[Alternative] = field(default_factory=list)

    @property
    def is_money(self) -> bool:
        return self.key in MONEY_KEYS

    @property
    def caveat(self) -> str | None:
        """The platform caveat's code for this metric (CAVEATS), if any."""
        return CAVEATS.get(self.key)

    def offer(
        self,
        value: Number | None,
        source: Source,
        *,
        estimated: bool = False,
        low: Number | None = None,
        high: Number | None = None,
        formula: str | None = None,
    ) -> None:
        """Add a value from one more source: the first becomes primary, later ones alternatives with the gap."""
        if value is None:
            return
        if self.value is None:
            self.value, self.source, self.formula = value, source, formula
            self.estimated, self.low, self.high = estimated, low, high
            return
        gap = value - self.value
        self.alternatives.append(Alternative(value, source, gap, formula))


def compute_metrics(inputs: ReviewInputs, orders: OrderArrays | None = None) -> dict[str, Metric]:
    """All §4 keys, a missing one with value None. `orders` are the session's sale lines (see orders.py)."""
    metrics = {key: Metric(key) for key in METRIC_KEYS}
    _from_summaries(inputs, metrics)
    _from_channels(inputs, metrics)
    _from_orders(orders, metrics)
    _from_minutes(inputs, metrics)
    _derive(metrics)
    return metrics


def count_variants(metrics: dict[str, Metric]) -> dict[str, float | None]:
    """The 次数 variant of each rate that has one (e.g. watch_to_buy_rate: orders / pv)."""
    return {key: ratio(metrics[n].value, metrics[d].value) for key, (n, d) in COUNT_VARIANTS.items()}


def _from_summaries(inputs: ReviewInputs, metrics: dict[str, Metric]) -> None:
    for sourced in inputs.of("summary"):
        table = sourced.table
        keys = table.column("key").to_pylist()
        values = table.column("value").to_pylist()
        sheets = column(table, "sheet")
        sheets = sheets.to_pylist() if sheets is not None else [None] * len(keys)
        estimated = bool_array(table, "estimated", False)
        lows = column(table, "low")
        highs = column(table, "high")
        lows = lows.to_pylist() if lows is not None else [None] * len(keys)
        highs = highs.to_pylist() if highs is not None else [None] * len(keys)
        for i, raw_key in enumerate(keys):
            if raw_key is None or values[i] is None:
                continue
            key = raw_key[:-4] if raw_key.endswith("_fen") else raw_key
            if key not in metrics:
                continue
            value = _typed(key, values[i])
            sheet = sheets[i] or sourced.dataset.sheet
            label = f"{sourced.dataset.source_name} · {sheet}" if sheet else sourced.dataset.source_name
            source = Source(SourceKind.EXPORT, (label,))
            metrics[key].offer(value, source, estimated=bool(estimated[i]), low=lows[i], high=highs[i])


def _typed(key: str, value: float) -> Number:
    """Money and counts are whole numbers; rates, averages and seconds keep their fraction."""
    if key in MONEY_KEYS or key in {
        "orders",
        "buyers",
        "units",
        "uv",
        "pv",
        "peak_online",
        "product_exposure_uv",
        "product_click_uv",
        "new_followers",
        "interaction_uv",
    }:
        return int(round(value))
    return float(value)


def _from_channels(inputs: ReviewInputs, metrics: dict[str, Metric]) -> None:
    for sourced in inputs.of("channels"):
        table = sourced.table
        totals = bool_array(table, "is_total", False)
        if not totals.any():
            continue
        row = int(np.flatnonzero(totals)[0])
        for name, key in (
            ("pv", "pv"),
            ("uv", "uv"),
            ("gmv_fen", "gmv"),
            ("orders", "orders"),
            ("ad_spend_fen", "ad_spend"),
            ("avg_watch_seconds", "avg_watch_seconds"),
        ):
            col = column(table, name)
            if col is None:
                continue
            value = col[row].as_py()
            if value is not None:
                metrics[key].offer(_typed(key, value), Source(SourceKind.CHANNEL_TOTAL, (sourced.source,)))


ORDER_COUNT_FORMULA = {
    "sub_order_id": "count of distinct sub_order_id (子订单编号) of paid lines in the live window",
    "order_id": "count of distinct order_id of paid lines in the live window",
    "line": "count of paid lines in the live window (the file has no order id)",
    "mixed": "count of distinct sub_order_id, else order_id, else line, of paid lines in the live window",
}


def _from_orders(orders: OrderArrays | None, metrics: dict[str, Metric]) -> None:
    if orders is None:
        return
    window = orders.in_window
    source = orders_source(orders)
    if orders.amount_fen is not None:
        metrics["gmv"].offer(
            int(orders.amount_fen[window].sum()),
            source,
            formula="sum(amount) of paid lines in the live window (a line in two downloads counts once)",
        )
    metrics["orders"].offer(
        orders.sales(window),
        source,
        formula=ORDER_COUNT_FORMULA.get(orders.identity_basis or "line", ORDER_COUNT_FORMULA["line"]),
    )
    if orders.quantity is not None:
        metrics["units"].offer(int(orders.quantity[window].sum()), source, formula="sum(quantity)")
    if orders.buyer_code is not None:
        metrics["buyers"].offer(
            distinct_count(orders.buyer_code, window), source, formula="distinct buyer_id"
        )
    metrics["refund_amount"].offer(
        refund_sum(orders),
        source,
        formula="sum of refunded lines in the live window: negative or cancelled lines (absolute) and "
        "lines refunded since (status or refund amount)",
    )


def orders_source(orders: OrderArrays) -> Source:
    return Source(SourceKind.ORDERS, tuple(orders.sources))


def _from_minutes(inputs: ReviewInputs, metrics: dict[str, Metric]) -> None:
    for sourced in inputs.of("minutes"):
        online = column(sourced.table, "online")
        source = Source(SourceKind.MINUTES, (sourced.source,))
        if online is not None and online.null_count < len(online):
            metrics["peak_online"].offer(int(pc.max(online).as_py()), source, formula="max(online)")
            metrics["avg_online"].offer(
                float(pc.mean(online).as_py()), source, formula="mean(online) over minutes"
            )
        followers = int_array(sourced.table, "new_followers")
        if followers is not None:
            metrics["new_followers"].offer(int(followers.sum()), source, formula="sum(new_followers)")


def _derive(metrics: dict[str, Metric]) -> None:
    gmv, gpm, pv = metrics["gmv"], metrics["gpm"], metrics["pv"]
    recovered_pv = False
    if pv.value is None and gmv.value is not None and gpm.value:
        # When only GPM is exported, pv = gmv / gpm × 1000 (DOMAIN.md §4.2): a whole number of views.
        pv.offer(
            int(round(gmv.value * 1000 / gpm.value)),
            Source(SourceKind.DERIVED, formula="gmv / gpm × 1000"),
            formula="gmv / gpm × 1000",
        )
        recovered_pv = True
    for key, (num, den, scale, money) in FORMULAS.items():
        if key == "gpm" and recovered_pv:
            continue  # pv came from gpm: recomputing gpm from it would only echo the export
        n, d = metrics[num].value, metrics[den].value
        value = fen_ratio(n, d, scale) if money else ratio(n, d, scale)
        metrics[key].offer(
            value, Source(SourceKind.DERIVED, formula=FORMULA_TEXT[key]), formula=FORMULA_TEXT[key]
        )
    if gmv.value is not None and metrics["refund_amount"].value is not None:
        metrics["net_gmv"].offer(
            gmv.value - metrics["refund_amount"].value,
            Source(SourceKind.DERIVED, formula=FORMULA_TEXT["net_gmv"]),
            formula=FORMULA_TEXT["net_gmv"],
        )
