"""Role scorecards: each product judged on its role's job (DOMAIN.md §7) with a met / not met verdict
against thresholds the team can set (stored as preference namespace "review_thresholds")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from livedesk.analysis.actual_run import ActualRun
from livedesk.analysis.attribution import Attribution
from livedesk.analysis.inputs import fen_ratio, ratio
from livedesk.analysis.products import ProductReview
from livedesk.analysis.review_types import Thresholds

THRESHOLDS_NAMESPACE, THRESHOLDS_NAME = "review_thresholds", "default"

# Defaults; every one can be changed by the team. Lifts and ratios are fractions.
DEFAULT_THRESHOLDS = {
    "traffic_online_lift_min": 0.0,  # avg online during the item vs the 5 minutes before: must not fall
    "traffic_click_rate_min": 0.10,  # exposure → click (人数)
    "profit_gmv_per_minute_ratio_min": 1.0,  # GMV per minute on air vs the rest of the session's
    "profit_click_to_buy_min": 0.05,  # click → buy (人数)
    "profit_margin_min": 0.20,  # gross margin where costs are known
    "image_click_rate_min": 0.05,  # exposure → click (人数)
    "clearance_sell_through_min": 0.80,  # units / stock allotted
    "refund_rate_max": 0.15,  # a product or session refunding more than this is a finding
    "min_clicks_for_rate": 30,  # fewer clicks than this: a click-to-buy rate says little, no finding
    "overrun_tolerance": 0.20,  # a block may run this fraction over its plan (and at least 60 s)
}

# role → [(check key, threshold key)]
ROLE_CHECKS = {
    "traffic": [
        ("online_lift", "traffic_online_lift_min"),
        ("exposure_to_click_rate", "traffic_click_rate_min"),
    ],
    "profit": [
        ("gmv_per_minute_ratio", "profit_gmv_per_minute_ratio_min"),
        ("click_to_buy_rate", "profit_click_to_buy_min"),
        ("gross_margin", "profit_margin_min"),
    ],
    "image": [("exposure_to_click_rate", "image_click_rate_min")],
    "clearance": [("sell_through", "clearance_sell_through_min")],
}


@dataclass(frozen=True, slots=True)
class RoleCheck:
    """One check of a role's job: the product's value, the team's threshold and whether it was met."""

    check: str  # online_lift | exposure_to_click_rate | gmv_per_minute_ratio | …
    value: float | None
    threshold: float | None
    threshold_key: str
    met: bool | None


@dataclass(frozen=True, slots=True)
class Scorecard:
    """A product judged on its role's job; `verdict` met | not_met, None when nothing could be judged."""

    product_id: str
    name: str
    role: str
    verdict: str | None
    pitched: bool
    checks: tuple[RoleCheck, ...]

    def check(self, key: str) -> RoleCheck | None:
        return next((c for c in self.checks if c.check == key), None)


@dataclass(frozen=True, slots=True)
class RoleTotals:
    """How the products of one role did together."""

    products: int
    met: int
    not_met: int
    gmv_fen: int | None
    gmv_share: float | None


@dataclass(frozen=True, slots=True)
class RoleReview:
    thresholds: Mapping[str, float | int | None]
    scorecards: tuple[Scorecard, ...]
    by_role: Mapping[str, RoleTotals]


def merged_thresholds(stored: Mapping[str, object] | None) -> dict[str, float | int | None]:
    """Defaults overlaid with the team's stored values (unknown keys are ignored, None means unset)."""
    result: dict[str, float | int | None] = dict(DEFAULT_THRESHOLDS)
    for key, value in (stored or {}).items():
        if key in result and (value is None or isinstance(value, (int, float))):
            result[key] = value
    return result


def scorecards(
    products: list[ProductReview],
    run: ActualRun,
    attribution: Attribution,
    thresholds: Thresholds,
) -> RoleReview:
    """Each product of a known role judged on its checks, and the totals per role."""
    cards: list[Scorecard] = []
    pitched = {s.product_id for s in run.segments if s.product_id and s.kind in ("pitch", "encore")}
    for row in products:
        role = row.role
        if role is None or role not in ROLE_CHECKS:
            continue
        values = _check_values(row, run, attribution)
        checks = []
        for check, threshold_key in ROLE_CHECKS[role]:
            threshold, value = thresholds.get(threshold_key), values.get(check)
            met = None if value is None or threshold is None else bool(value >= threshold)
            checks.append(RoleCheck(check, value, threshold, threshold_key, met))
        known = [c.met for c in checks if c.met is not None]
        verdict = None if not known else ("met" if all(known) else "not_met")
        if row.product_id not in pitched:
            # Never pitched (not scheduled, or skipped on air): its role's job was never tried, so no
            # verdict either way; the skip itself is a timing finding.
            verdict = None
        cards.append(
            Scorecard(row.product_id, row.name, role, verdict, row.product_id in pitched, tuple(checks))
        )
    by_role: dict[str, RoleTotals] = {}
    total_gmv = sum(r.gmv for r in products if r.gmv is not None)
    for role in ROLE_CHECKS:
        mine = [c for c in cards if c.role == role]
        gmv = [r.gmv for r in products if r.role == role and r.gmv is not None]
        by_role[role] = RoleTotals(
            products=len(mine),
            met=sum(c.verdict == "met" for c in mine),
            not_met=sum(c.verdict == "not_met" for c in mine),
            gmv_fen=sum(gmv) if gmv else None,
            gmv_share=ratio(sum(gmv), total_gmv) if gmv else None,
        )
    return RoleReview(dict(thresholds), tuple(cards), by_role)


def _check_values(row: ProductReview, run: ActualRun, attribution: Attribution) -> dict[str, float | None]:
    positions = [s.position for s in run.segments if s.product_id == row.product_id]
    figures = [attribution.segments[p] for p in positions]
    during = [f.online_avg for f in figures if f.online_avg is not None and f.online_before_avg is not None]
    before = [
        f.online_before_avg for f in figures if f.online_avg is not None and f.online_before_avg is not None
    ]
    lift = ratio(sum(during) - sum(before), sum(before)) if during else None
    seconds = sum(run.segments[p].seconds for p in positions)
    gmv_on_air = [f.gmv_fen for f in figures if f.gmv_fen is not None]
    gpm_on_air = fen_ratio(sum(gmv_on_air) * 60, seconds) if gmv_on_air and seconds > 0 else None
    return {
        "online_lift": lift,
        "exposure_to_click_rate": row.exposure_to_click_rate,
        "click_to_buy_rate": row.click_to_buy_rate,
        "gross_margin": row.gross_margin,
        "sell_through": row.sell_through,
        "gmv_per_minute_ratio": ratio(gpm_on_air, _rest_of_session_gpm(run, attribution, set(positions))),
    }


def _rest_of_session_gpm(run: ActualRun, attribution: Attribution, own: set[int]) -> int | None:
    """GMV per minute of the rest of the session, without this product's own blocks: measured against an
    average it is part of, an item would be below it partly by construction."""
    gmv, seconds = 0, 0.0
    known = False
    for seg, figure in zip(run.segments, attribution.segments, strict=False):
        if seg.position in own or figure.gmv_fen is None:
            continue
        gmv, seconds, known = gmv + figure.gmv_fen, seconds + seg.seconds, True
    return fen_ratio(gmv * 60, seconds) if known and seconds > 0 else None
