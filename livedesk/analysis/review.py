"""The whole review of one session as one object: internal pieces (fen, epoch ms) for charts and the UI,
and `to_json()` with money in yuan, rates as fractions, instants as ISO 8601 and null for missing."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from livedesk.analysis import actions as action_rules
from livedesk.analysis.actual_run import ActualRun, actual_run, live_window
from livedesk.analysis.attribution import Attribution, attribute
from livedesk.analysis.findings import find
from livedesk.analysis.inputs import NULL_MS, ReviewInputs, fen_ratio, iso, precedence_key, to_ms, yuan
from livedesk.analysis.metrics import (
    CAVEAT_TEXT,
    CAVEATS,
    FORMULA_TEXT,
    METRIC_KEYS,
    MONEY_KEYS,
    Metric,
    compute_metrics,
    count_variants,
)
from livedesk.analysis.orders import OrderArrays, sale_lines
from livedesk.analysis.plan_vs_actual import PlanVsActual, compare
from livedesk.analysis.products import PRODUCT_MONEY_KEYS, product_table
from livedesk.analysis.roles import merged_thresholds, scorecards
from livedesk.domain.action_item import ActionItem


@dataclass
class Review:
    inputs: ReviewInputs
    kpis: dict[str, Metric]
    run: ActualRun
    attribution: Attribution
    plan_vs_actual: PlanVsActual
    products: list[dict]
    roles: dict
    findings: list[dict]
    curves: dict
    thresholds: dict
    actions: list[dict] = field(default_factory=list)
    window_ms: tuple[int, int] | None = None
    outside: dict | None = None  # order lines paid outside the live window (see outside_window)

    @property
    def zone(self) -> str:
        return self.inputs.plan.session.timezone

    def to_json(self) -> dict:
        return review_json(self)


def build_review(
    inputs: ReviewInputs,
    *,
    thresholds: dict | None = None,
    own_actions: list[ActionItem] = (),
    carried_actions: list[ActionItem] = (),
) -> Review:
    """Compute everything; carried items are verified in place against this session (see actions.verify)."""
    thresholds = merged_thresholds(thresholds)
    run = actual_run(inputs)
    window = live_window(inputs, run)
    orders = sale_lines(inputs, window)
    kpis = compute_metrics(inputs, orders)
    attribution = attribute(inputs, run, orders)
    pva = compare(inputs.plan, run)
    products = product_table(inputs, run, orders)
    roles = scorecards(products, run, attribution, thresholds)
    plan = inputs.plan
    internal = {
        "kpis": kpis,
        "targets": vars(plan.session.targets),
        "plan_vs_actual": pva,
        "run": run,
        "attribution": attribution,
        "products": products,
        "roles": roles,
        "names": {p.product_id: p.name for p in plan.products}
        | {r["product_id"]: r["name"] for r in products},
        "roles_of": {p.product_id: p.role.value for p in plan.products},
        "has_data": any(inputs.of(k) for k in ("orders", "summary", "products", "channels", "minutes")),
        "outside": outside_window(orders),
        "zone": plan.session.timezone,
        "window_ms": window,
    }
    review = Review(
        inputs,
        kpis,
        run,
        attribution,
        pva,
        products,
        roles,
        find(internal, thresholds),
        _curves(inputs, run, orders),
        thresholds,
        window_ms=window,
        outside=internal["outside"],
    )
    review_dict = review_json(review, with_actions=False)
    session_id = plan.session.id
    for item in carried_actions:
        action_rules.verify(item, review_dict, session_id)
    review.actions = [action_rules.action_json(a, carried=False) for a in own_actions] + [
        action_rules.action_json(a, carried=True) for a in carried_actions
    ]
    return review


def outside_window(orders: OrderArrays | None) -> dict | None:
    """Sale lines paid before or after the live window: kept out of GMV, but counted and shown."""
    if orders is None:
        return None
    known = orders.paid_ms != NULL_MS
    before = known & ~orders.in_window & (orders.paid_ms < (orders.window_ms or (0, 0))[0])
    after = known & ~orders.in_window & ~before
    amount = orders.amount_fen

    def bucket(mask):
        return {
            "lines": int(mask.sum()),
            "orders": orders.sales(mask),
            "gmv_fen": int(amount[mask].sum()) if amount is not None else None,
            "first_ms": int(orders.paid_ms[mask].min()) if mask.any() else None,
            "last_ms": int(orders.paid_ms[mask].max()) if mask.any() else None,
        }

    return {"before": bucket(before), "after": bucket(after)}


MAX_CURVE_MINUTES = 48 * 60


def _curves(inputs: ReviewInputs, run: ActualRun, orders: OrderArrays | None) -> dict:
    """Per-minute online viewers (minute data) and GMV (from orders), epoch ms of each minute's start."""
    curves: dict = {"minute_ms": [], "online": [], "gmv_fen": []}
    start, end = run.start_ms, run.end_ms
    if start is None:
        return curves
    first = start - start % 60_000
    # A log whose last event is years away (a typo, a clock gone wrong) must not build a list per minute up
    # to it; no stream runs two days, so the curve stops there.
    count = min(int((end - first + 59_999) // 60_000), MAX_CURVE_MINUTES)
    curves["minute_ms"] = [first + 60_000 * i for i in range(count)]
    gmv = None
    if orders is not None and orders.amount_fen is not None:
        slot = (orders.paid_ms - first) // 60_000
        keep = (orders.paid_ms >= first) & (slot < count)
        gmv = np.zeros(count, dtype=np.int64)
        np.add.at(gmv, slot[keep], orders.amount_fen[keep])
    online: list = [None] * count
    for sourced in inputs.of("minutes"):
        from livedesk.analysis.inputs import epoch_ms, int_array

        minutes = epoch_ms(sourced.table.column("minute"))
        values = int_array(sourced.table, "online", fill=-1)
        minute_gmv = int_array(sourced.table, "gmv_fen")
        if gmv is None and minute_gmv is not None:
            gmv = np.zeros(count, dtype=np.int64)
            slot = (minutes - first) // 60_000
            keep = (minutes >= first) & (slot < count)
            np.add.at(gmv, slot[keep], minute_gmv[keep])
        if values is None:
            continue
        for m, v in zip(minutes, values, strict=False):
            i = (int(m) - first) // 60_000
            if 0 <= i < count and v >= 0:
                online[i] = int(v)
    curves["online"] = online
    curves["gmv_fen"] = gmv.tolist() if gmv is not None else [None] * count
    return curves


def _metric_json(metric: Metric) -> dict:
    money = metric.key in MONEY_KEYS
    out = lambda v: yuan(v) if money and v is not None else v  # noqa: E731 - local unit conversion
    return {
        "value": out(metric.value),
        "source": metric.source,
        "formula": metric.formula or FORMULA_TEXT.get(metric.key),
        "caveat": CAVEAT_TEXT.get(CAVEATS.get(metric.key)),
        "caveat_code": CAVEATS.get(metric.key),
        "estimated": metric.estimated,
        "low": out(metric.low),
        "high": out(metric.high),
        "alternatives": [
            {"value": out(a.value), "source": a.source, "gap": out(a.gap), "formula": a.formula}
            for a in metric.alternatives
        ],
    }


def review_json(review: Review, *, with_actions: bool = True) -> dict:
    plan, zone = review.inputs.plan, review.zone
    session = plan.session
    targets = vars(session.targets)
    segment_rows = _segments_json(review)
    return {
        "session": {
            "id": session.id,
            "title": session.title,
            "account": session.account,
            "platform": session.platform,
            "start": iso(to_ms(session.start), zone),
            "planned_seconds": session.planned_seconds,
            "timezone": session.timezone,
            "is_sample": session.is_sample,
            "targets": {
                "gmv": yuan(targets.get("gmv_fen")),
                "uv": targets.get("uv"),
                "uv_value": yuan(targets.get("uv_value_fen")),
                "watch_to_buy_rate": targets.get("conversion"),
                "roi": targets.get("roi"),
            },
        },
        "kpis": {key: _metric_json(review.kpis[key])["value"] for key in METRIC_KEYS},
        "kpi_sources": {key: review.kpis[key].source for key in METRIC_KEYS},
        "kpi_details": {key: _metric_json(review.kpis[key]) for key in METRIC_KEYS},
        "kpi_count_variants": count_variants(review.kpis),
        "funnel": _funnel(review),
        "plan_vs_actual": {
            "source": review.plan_vs_actual.source,
            "planned_seconds": review.plan_vs_actual.planned_seconds,
            "actual_seconds": review.plan_vs_actual.actual_seconds,
            "over_under_seconds": review.plan_vs_actual.over_under_seconds,
            "start_delay_seconds": review.plan_vs_actual.start_delay_seconds,
            "order_kept": review.plan_vs_actual.order_kept,
            "skipped": review.plan_vs_actual.skipped,
            "added": review.plan_vs_actual.added,
        },
        "segments": segment_rows,
        "buckets": {
            name: {"gmv": yuan(b["gmv_fen"]), "orders": b["orders"]}
            for name, b in review.attribution.buckets.items()
        },
        "live_window": {
            "start": iso(review.window_ms[0], zone) if review.window_ms else None,
            "end": iso(review.window_ms[1], zone) if review.window_ms else None,
        },
        "outside_window": _outside_json(review.outside, zone),
        "steps": [
            {
                "position": s["position"],
                "step": s["step"],
                "start": iso(s["start_ms"], zone),
                "seconds": s["seconds"],
                "gmv": yuan(s["gmv_fen"]),
                "orders": s["orders"],
            }
            for s in review.attribution.steps
        ],
        "markers": [
            {"at": iso(m["at_ms"], zone), "marker": m["marker"], "note": m["note"], "position": m["position"]}
            for m in review.run.markers
        ],
        "products": [_product_json(row) for row in review.products],
        "roles": _roles_json(review.roles),
        "findings": review.findings,
        "actions": review.actions if with_actions else [],
        "curves": {
            "minute": [iso(m, zone) for m in review.curves["minute_ms"]],
            "online": review.curves["online"],
            "gmv": [yuan(v) for v in review.curves["gmv_fen"]],
        },
        "provenance": [
            {
                "kind": t.dataset.kind.value,
                "format": t.dataset.format,
                "source_name": t.dataset.source_name,
                "sheet": t.dataset.sheet,
                "imported_at": t.dataset.imported_at.isoformat(timespec="seconds"),
                "rows_stored": t.dataset.rows_stored,
                "rows_skipped": t.dataset.rows_skipped,
            }
            for kind in sorted(review.inputs.tables)
            for t in sorted(review.inputs.tables[kind], key=precedence_key)
        ],
        "definitions": {key: FORMULA_TEXT.get(key, "as exported") for key in METRIC_KEYS},
        "thresholds": review.thresholds,
    }


def _outside_json(outside: dict | None, zone: str) -> dict | None:
    if outside is None:
        return None
    return {
        side: {
            "lines": b["lines"],
            "orders": b["orders"],
            "gmv": yuan(b["gmv_fen"]),
            "first_paid": iso(b["first_ms"], zone),
            "last_paid": iso(b["last_ms"], zone),
        }
        for side, b in outside.items()
    }


def _funnel(review: Review) -> list[dict]:
    """直播间曝光 → 观看 → 商品曝光 → 点击 → 成交 (人数); the room exposure only when a summary exports it."""
    exposure = None
    for sourced in review.inputs.of("summary"):
        keys = sourced.table.column("key").to_pylist()
        if "exposure_uv" in keys:
            exposure = sourced.table.column("value")[keys.index("exposure_uv")].as_py()
            break
    k = review.kpis
    return [
        {"stage": stage, "value": value}
        for stage, value in (
            ("exposure_uv", int(exposure) if exposure is not None else None),
            ("uv", k["uv"].value),
            ("product_exposure_uv", k["product_exposure_uv"].value),
            ("product_click_uv", k["product_click_uv"].value),
            ("buyers", k["buyers"].value),
        )
    ]


def _segments_json(review: Review) -> list[dict]:
    plan, zone = review.inputs.plan, review.zone
    roles = {p.product_id: p.role.value for p in plan.products}
    rows = []
    for row in review.plan_vs_actual.rows:
        figures = [review.attribution.segments[p] for p in row.positions]
        gmv = _sum(f.gmv_fen for f in figures)
        on_air = _sum(f.on_air_gmv_fen for f in figures)
        title = plan.segments[row.plan_index].title if row.plan_index is not None else ""
        rows.append(
            {
                "index": row.plan_index,
                "positions": row.positions,
                "kind": row.kind,
                "title": title,
                "product_id": row.product_id,
                "role": roles.get(row.product_id),
                "status": row.status,
                "planned_start": iso(row.planned_start_ms, zone),
                "planned_seconds": row.planned_seconds,
                "actual_start": iso(row.actual_start_ms, zone),
                "actual_seconds": row.actual_seconds,
                "delta_seconds": row.delta_seconds,
                "gmv": yuan(gmv),
                "orders": _sum(f.orders for f in figures),
                "units": _sum(f.units for f in figures),
                "on_air_gmv": yuan(on_air),
                "on_air_share": (on_air / gmv if on_air is not None and gmv else None),
                "online_start": figures[0].online_start if figures else None,
                "online_end": figures[-1].online_end if figures else None,
                "gmv_per_minute": yuan(fen_ratio(gmv * 60, row.actual_seconds))
                if gmv is not None and row.actual_seconds
                else None,
                "gmv_source": figures[0].gmv_source if figures else None,
            }
        )
    return rows


def _sum(values):
    values = [v for v in values if v is not None]
    return sum(values) if values else None


def _product_json(row: dict) -> dict:
    out = {}
    for key, value in row.items():
        if key == "alternatives":
            out[key] = {
                k: {
                    "value": yuan(a["value"]) if k in PRODUCT_MONEY_KEYS else a["value"],
                    "source": a["source"],
                    "gap": yuan(a["gap"]) if k in PRODUCT_MONEY_KEYS else a["gap"],
                }
                for k, a in value.items()
            }
        elif key == "values":
            out[key] = {
                k: [
                    {
                        "value": yuan(v["value"]) if k in PRODUCT_MONEY_KEYS else v["value"],
                        "source": v["source"],
                    }
                    for v in listed
                ]
                for k, listed in value.items()
            }
        else:
            out[key] = yuan(value) if key in PRODUCT_MONEY_KEYS and value is not None else value
    return out


def _roles_json(roles: dict) -> dict:
    by_role = {role: {**v, "gmv": yuan(v["gmv_fen"])} for role, v in roles["by_role"].items()}
    for v in by_role.values():
        v.pop("gmv_fen")
    return {"thresholds": roles["thresholds"], "scorecards": roles["scorecards"], "by_role": by_role}
