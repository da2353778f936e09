"""Planned vs actual start and length per segment, total over/under, order kept or changed, skipped/added."""

from __future__ import annotations

from dataclasses import dataclass, field

from livedesk.analysis.actual_run import SOURCE_EXPLANATIONS, SOURCE_PLAN, ActualRun, ActualSegment
from livedesk.analysis.inputs import to_ms
from livedesk.domain.session import SessionPlan

KEPT, SKIPPED, ADDED = "kept", "skipped", "added"
NOT_RECORDED = "not_recorded"  # 商品讲解 records only product pitches: other blocks leave no trace there


@dataclass
class SegmentComparison:
    """One row: a planned segment (with its first actual run) or a block added on air (plan_index None)."""

    plan_index: int | None
    positions: list[int]  # actual run positions of this segment (several when re-run)
    kind: str
    product_id: str | None
    planned_start_ms: int | None
    planned_seconds: int | None
    actual_start_ms: int | None
    actual_seconds: float | None  # sum over its runs
    status: str

    @property
    def delta_seconds(self) -> float | None:
        if self.actual_seconds is None or self.planned_seconds is None:
            return None
        return self.actual_seconds - self.planned_seconds


@dataclass
class PlanVsActual:
    source: str
    rows: list[SegmentComparison] = field(default_factory=list)
    planned_seconds: int = 0
    actual_seconds: float | None = None  # first actual start to last actual end
    over_under_seconds: float | None = None  # positive: ran over the plan
    start_delay_seconds: float | None = None
    order_kept: bool | None = None
    skipped: list[int] = field(default_factory=list)
    added: list[int] = field(default_factory=list)  # actual positions


def compare(plan: SessionPlan, run: ActualRun) -> PlanVsActual:
    starts = plan.planned_starts()
    runs_of: dict[int, list[ActualSegment]] = {}
    for seg in run.segments:
        if seg.plan_index is not None:
            runs_of.setdefault(seg.plan_index, []).append(seg)
    result = PlanVsActual(source=run.source, planned_seconds=plan.total_planned_seconds)
    for i, segment in enumerate(plan.segments):
        runs = runs_of.get(i, [])
        result.rows.append(
            SegmentComparison(
                plan_index=i,
                positions=[r.position for r in runs],
                kind=segment.kind.value,
                product_id=segment.product_id,
                planned_start_ms=to_ms(starts[i]),
                planned_seconds=segment.planned_seconds,
                actual_start_ms=runs[0].start_ms if runs else None,
                actual_seconds=sum(r.seconds for r in runs) if runs else None,
                status=KEPT if runs else _missing_status(run.source, segment.product_id),
            )
        )
        if result.rows[-1].status == SKIPPED:
            result.skipped.append(i)
    for seg in run.segments:
        if seg.plan_index is None:
            result.added.append(seg.position)
            result.rows.append(
                SegmentComparison(
                    None,
                    [seg.position],
                    seg.kind,
                    seg.product_id,
                    None,
                    None,
                    seg.start_ms,
                    seg.seconds,
                    ADDED,
                )
            )
    run_start, run_end = run.start_ms, run.end_ms
    if run_start is not None and run_end is not None:
        result.actual_seconds = (run_end - run_start) / 1000
        result.over_under_seconds = result.actual_seconds - result.planned_seconds
        result.start_delay_seconds = (run_start - to_ms(plan.session.start)) / 1000
    # Order kept: the planned segments, in the order they first went on air, follow the plan's order.
    first_seen = [seg.plan_index for seg in run.segments if seg.plan_index is not None]
    firsts = list(dict.fromkeys(first_seen))
    result.order_kept = None if run.source == SOURCE_PLAN else firsts == sorted(firsts)
    return result


def _missing_status(source: str, product_id: str | None) -> str:
    return NOT_RECORDED if source == SOURCE_EXPLANATIONS and not product_id else SKIPPED
