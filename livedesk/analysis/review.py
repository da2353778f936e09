"""The whole review of one session as one typed object: metrics with their sources, segments as planned and
run, products, role scorecards, findings, curves and action items. Money is integer fen, instants UTC
epoch ms; JSON exists only at the edges (livedesk.import_export.review_json).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from livedesk.analysis import actions as action_rules
from livedesk.analysis.actual_run import ActualRun, RunMarker, actual_run, live_window
from livedesk.analysis.attribution import Attribution, BucketFigures, StepFigures, attribute
from livedesk.analysis.findings import FindingBasis, find
from livedesk.analysis.inputs import NULL_MS, ReviewInputs, epoch_ms, int_array, precedence_key
from livedesk.analysis.metrics import Metric, compute_metrics, count_variants
from livedesk.analysis.orders import OrderArrays, sale_lines
from livedesk.analysis.plan_vs_actual import PlanVsActual, compare
from livedesk.analysis.products import ProductReview, product_table
from livedesk.analysis.review_types import (
    Curves,
    Finding,
    FunnelStage,
    OutsideBucket,
    OutsideWindow,
    Provenance,
    ReviewAction,
    SegmentReview,
)
from livedesk.analysis.roles import RoleReview, merged_thresholds, scorecards
from livedesk.domain.action_item import ActionItem
from livedesk.domain.session import Session, SessionPlan


@dataclass(frozen=True)
class Review:
    """A session's review. `inputs` and `run` are what it was computed from (None for a review read back
    from JSON); everything a view, chart or report shows is in the other fields."""

    session: Session
    kpis: Mapping[str, Metric]
    plan_vs_actual: PlanVsActual
    segments: tuple[SegmentReview, ...]
    products: tuple[ProductReview, ...]
    roles: RoleReview
    findings: tuple[Finding, ...]
    curves: Curves
    thresholds: Mapping[str, float | int | None]
    funnel: tuple[FunnelStage, ...] = ()
    buckets: Mapping[str, BucketFigures] = field(default_factory=dict)
    steps: tuple[StepFigures, ...] = ()
    markers: tuple[RunMarker, ...] = ()
    actions: tuple[ReviewAction, ...] = ()
    window_ms: tuple[int, int] | None = None
    outside: OutsideWindow | None = None  # order lines paid outside the live window
    provenance: tuple[Provenance, ...] = ()
    count_variants: Mapping[str, float | None] = field(default_factory=dict)
    has_data: bool = False  # any platform export (or the minute curve) with rows
    inputs: ReviewInputs | None = None
    run: ActualRun | None = None

    @property
    def zone(self) -> str:
        return self.session.timezone

    def product(self, product_id: str | None) -> ProductReview | None:
        return next((p for p in self.products if p.product_id == product_id), None)

    @property
    def names(self) -> dict[str, str]:
        """Product id → name, for the products this review knows."""
        return {p.product_id: p.name for p in self.products}

    @property
    def carried_to_save(self) -> list[ActionItem]:
        """Carried items whose verdict in this review differs from what is stored (what saving writes)."""
        return [action_rules.with_verdict(a) for a in self.actions if a.carried and a.has_new_verdict]


_DATA_KINDS = ("orders", "summary", "products", "channels", "minutes")


def build_review(
    inputs: ReviewInputs,
    *,
    thresholds: Mapping[str, object] | None = None,
    own_actions: Iterable[ActionItem] = (),
    carried_actions: Iterable[ActionItem] = (),
) -> Review:
    """Compute everything; carried items are verified against this session (nothing is changed or stored:
    see services.review.save_verdicts)."""
    merged = merged_thresholds(thresholds)
    run = actual_run(inputs)
    window = live_window(inputs, run)
    orders = sale_lines(inputs, window)
    kpis = compute_metrics(inputs, orders)
    attribution = attribute(inputs, run, orders)
    pva = compare(inputs.plan, run)
    products = product_table(inputs, run, orders)
    roles = scorecards(products, run, attribution, merged)
    plan = inputs.plan
    outside = outside_window(orders)
    names: dict[str | None, str] = {p.product_id: p.name for p in plan.products}
    names |= {r.product_id: r.name for r in products}
    roles_of: dict[str | None, str] = {p.product_id: p.role.value for p in plan.products}
    basis = FindingBasis(
        kpis=kpis,
        targets=vars(plan.session.targets),
        plan_vs_actual=pva,
        run=run,
        attribution=attribution,
        products=products,
        roles=roles,
        names=names,
        roles_of=roles_of,
        has_data=any(inputs.of(k) for k in _DATA_KINDS),
        outside=outside,
        zone=plan.session.timezone,
    )
    review = Review(
        session=plan.session,
        kpis=kpis,
        plan_vs_actual=pva,
        segments=tuple(segment_rows(plan, pva, attribution)),
        products=tuple(products),
        roles=roles,
        findings=tuple(find(basis, merged)),
        curves=_curves(inputs, run, orders),
        thresholds=merged,
        funnel=tuple(_funnel(inputs, kpis)),
        buckets=dict(attribution.buckets),
        steps=tuple(attribution.steps),
        markers=tuple(run.markers),
        window_ms=window,
        outside=outside,
        provenance=tuple(_provenance(inputs)),
        count_variants=count_variants(kpis),
        has_data=basis.has_data,
        inputs=inputs,
        run=run,
    )
    session_id = plan.session.id
    own = [ReviewAction(a, carried=False) for a in own_actions]
    carried = [
        ReviewAction(a, carried=True, verification=action_rules.verify(a, review, session_id or 0))
        for a in carried_actions
    ]
    return replace(review, actions=tuple(own + carried))


def outside_window(orders: OrderArrays | None) -> OutsideWindow | None:
    """Sale lines paid before or after the live window: kept out of GMV, but counted and shown."""
    if orders is None:
        return None
    known = orders.paid_ms != NULL_MS
    before = known & ~orders.in_window & (orders.paid_ms < (orders.window_ms or (0, 0))[0])
    after = known & ~orders.in_window & ~before
    amount = orders.amount_fen

    def bucket(mask: npt.NDArray[np.bool_]) -> OutsideBucket:
        return OutsideBucket(
            lines=int(mask.sum()),
            orders=orders.sales(mask),
            gmv_fen=int(amount[mask].sum()) if amount is not None else None,
            first_ms=int(orders.paid_ms[mask].min()) if mask.any() else None,
            last_ms=int(orders.paid_ms[mask].max()) if mask.any() else None,
        )

    return OutsideWindow(before=bucket(before), after=bucket(after))


MAX_CURVE_MINUTES = 48 * 60


def _curves(inputs: ReviewInputs, run: ActualRun, orders: OrderArrays | None) -> Curves:
    """Per-minute online viewers (minute data) and GMV (from orders), epoch ms of each minute's start."""
    start, end = run.start_ms, run.end_ms
    if start is None or end is None:
        return Curves()
    first = start - start % 60_000
    # A log whose last event is years away (a typo, a clock gone wrong) must not build a list per minute up
    # to it; no stream runs two days, so the curve stops there.
    count = min(int((end - first + 59_999) // 60_000), MAX_CURVE_MINUTES)
    gmv = None
    if orders is not None and orders.amount_fen is not None:
        slot = (orders.paid_ms - first) // 60_000
        keep = (orders.paid_ms >= first) & (slot < count)
        gmv = np.zeros(count, dtype=np.int64)
        np.add.at(gmv, slot[keep], orders.amount_fen[keep])
    online: list[int | None] = [None] * count
    for sourced in inputs.of("minutes"):
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
    return Curves(
        minute_ms=tuple(first + 60_000 * i for i in range(count)),
        online=tuple(online),
        gmv_fen=tuple(int(v) for v in gmv) if gmv is not None else (None,) * count,
    )


def _funnel(inputs: ReviewInputs, kpis: Mapping[str, Metric]) -> list[FunnelStage]:
    """直播间曝光 → 观看 → 商品曝光 → 点击 → 成交 (人数); the room exposure only when a summary exports it."""
    exposure = None
    for sourced in inputs.of("summary"):
        keys = sourced.table.column("key").to_pylist()
        if "exposure_uv" in keys:
            exposure = sourced.table.column("value")[keys.index("exposure_uv")].as_py()
            break

    def whole(value: float | None) -> int | None:
        return None if value is None else int(value)

    return [
        FunnelStage("exposure_uv", int(exposure) if exposure is not None else None),
        FunnelStage("uv", whole(kpis["uv"].value)),
        FunnelStage("product_exposure_uv", whole(kpis["product_exposure_uv"].value)),
        FunnelStage("product_click_uv", whole(kpis["product_click_uv"].value)),
        FunnelStage("buyers", whole(kpis["buyers"].value)),
    ]


def segment_rows(plan: SessionPlan, pva: PlanVsActual, attribution: Attribution) -> list[SegmentReview]:
    """Each plan-vs-actual row with what sold while its runs were on air (several runs summed)."""
    roles = {p.product_id: p.role.value for p in plan.products}
    rows = []
    for row in pva.rows:
        figures = [attribution.segments[p] for p in row.positions]
        title = plan.segments[row.plan_index].title if row.plan_index is not None else ""
        rows.append(
            SegmentReview(
                index=row.plan_index,
                positions=tuple(row.positions),
                kind=row.kind,
                title=title,
                product_id=row.product_id,
                role=roles.get(row.product_id) if row.product_id else None,
                status=row.status,
                planned_start_ms=row.planned_start_ms,
                planned_seconds=row.planned_seconds,
                actual_start_ms=row.actual_start_ms,
                actual_seconds=row.actual_seconds,
                gmv_fen=_sum(f.gmv_fen for f in figures),
                orders=_sum(f.orders for f in figures),
                units=_sum(f.units for f in figures),
                on_air_gmv_fen=_sum(f.on_air_gmv_fen for f in figures),
                online_start=figures[0].online_start if figures else None,
                online_end=figures[-1].online_end if figures else None,
                gmv_source=figures[0].gmv_source if figures else None,
            )
        )
    return rows


def _sum(values: Iterable[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def _provenance(inputs: ReviewInputs) -> list[Provenance]:
    return [
        Provenance(
            kind=t.dataset.kind.value,
            format=t.dataset.format,
            source_name=t.dataset.source_name,
            sheet=t.dataset.sheet,
            imported_at=t.dataset.imported_at.isoformat(timespec="seconds"),
            rows_stored=t.dataset.rows_stored,
            rows_skipped=t.dataset.rows_skipped,
        )
        for kind in sorted(inputs.tables)
        for t in sorted(inputs.tables[kind], key=precedence_key)
    ]
