"""Rule-based findings: what the data shows (never a claimed cause), with evidence numbers and the segment
or product concerned, plus the metric a follow-up action could be verified on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from livedesk.analysis import run_findings
from livedesk.analysis.actual_run import ActualRun
from livedesk.analysis.attribution import Attribution
from livedesk.analysis.inputs import yuan
from livedesk.analysis.metrics import Metric
from livedesk.analysis.plan_vs_actual import PlanVsActual, SegmentComparison
from livedesk.analysis.products import ProductReview
from livedesk.analysis.review_types import (
    SEVERITY_ORDER,
    Finding,
    OutsideWindow,
    Param,
    Severity,
    Subject,
    Suggestion,
    Thresholds,
    Unit,
)
from livedesk.analysis.roles import RoleReview

CRITICAL, WARNING, INFO = Severity.CRITICAL, Severity.WARNING, Severity.INFO
MIN_OVERRUN_SECONDS = 60


@dataclass(frozen=True)
class FindingBasis:
    """What the rules look at: the review's pieces (money in fen) and a few lookups."""

    kpis: Mapping[str, Metric]
    targets: Mapping[str, float | int | None]
    plan_vs_actual: PlanVsActual
    run: ActualRun
    attribution: Attribution
    products: list[ProductReview]
    roles: RoleReview
    names: Mapping[str | None, str]
    roles_of: Mapping[str | None, str]
    has_data: bool
    outside: OutsideWindow | None
    zone: str


def _finding(
    code: str,
    severity: Severity,
    evidence: tuple[Param, ...],
    subject: Subject | None = None,
    metric: str | None = None,
    comparison: str = ">=",
    target: float | None = None,
) -> Finding:
    return Finding(code, severity, evidence, subject or Subject(), Suggestion(metric, comparison, target))


def _seconds(**values: float | None) -> tuple[Param, ...]:
    return tuple(Param(k, v, Unit.SECONDS) for k, v in values.items())


def find(basis: FindingBasis, thresholds: Thresholds) -> list[Finding]:
    """Findings sorted by severity (stable: rules keep their order within a severity)."""
    findings: list[Finding] = []
    findings += _targets(basis)
    findings += _timing(basis, thresholds)
    findings += run_findings.incidents(basis) + run_findings.closing_cut(basis) + run_findings.swaps(basis)
    findings += _segments(basis)
    findings += _products(basis, thresholds)
    findings += _roles(basis)
    findings += _data(basis)
    findings.sort(key=lambda f: SEVERITY_ORDER[f.severity])
    return findings


def _targets(basis: FindingBasis) -> list[Finding]:
    out = []
    kpis, targets = basis.kpis, basis.targets
    for key, target_key, money in (
        ("gmv", "gmv_fen", True),
        ("uv", "uv", False),
        ("uv_value", "uv_value_fen", True),
        ("watch_to_buy_rate", "conversion", False),
        ("roi", "roi", False),
    ):
        target, value = targets.get(target_key), kpis[key].value
        if target is None or value is None:
            continue
        unit = Unit.FEN if money else (Unit.FRACTION if key == "watch_to_buy_rate" else Unit.COUNT)
        if key == "roi":
            unit = Unit.RATIO
        evidence = (
            Param("metric", key, Unit.METRIC),
            Param("value", value, unit),
            Param("target", target, unit),
            Param("achieved", value / target if target else None, Unit.FRACTION),
        )
        if value < target:
            out.append(
                _finding(
                    "target_missed",
                    CRITICAL if key == "gmv" else WARNING,
                    evidence,
                    Subject(metric=key),
                    key,
                    ">=",
                    yuan(target) if money else target,
                )
            )
        else:
            out.append(
                _finding(
                    "target_met",
                    INFO,
                    evidence,
                    Subject(metric=key),
                )
            )
    return out


def _segment_subject(row: SegmentComparison) -> Subject:
    """The segment a timing finding concerns, with its product so the meeting sees which pitch it was
    (`segment_product`, not `product`: the finding is about the segment, and actions verify it as one)."""
    return Subject(segment=row.plan_index, segment_product=row.product_id or None)


def _timing(basis: FindingBasis, thresholds: Thresholds) -> list[Finding]:
    out: list[Finding] = []
    pva = basis.plan_vs_actual
    if pva.source == "plan":
        return out
    tolerance = thresholds.get("overrun_tolerance") or 0.0
    for row in pva.rows:
        if row.status == "skipped" and row.plan_index is not None:
            out.append(
                _finding(
                    "segment_skipped",
                    WARNING,
                    _seconds(planned_seconds=row.planned_seconds),
                    _segment_subject(row),
                )
            )
        elif row.status == "added" and row.actual_seconds is not None:
            out.append(
                _finding(
                    "segment_added",
                    INFO,
                    _seconds(actual_seconds=row.actual_seconds),
                    Subject(position=row.positions[0]),
                )
            )
        elif (
            row.delta_seconds is not None
            and row.planned_seconds
            and row.actual_seconds is not None
            and row.plan_index is not None
        ):
            over = row.delta_seconds
            timing = _seconds(
                planned_seconds=row.planned_seconds, actual_seconds=row.actual_seconds, delta_seconds=over
            )
            if over >= max(MIN_OVERRUN_SECONDS, row.planned_seconds * tolerance):
                out.append(
                    _finding(
                        "segment_overran",
                        WARNING,
                        timing,
                        _segment_subject(row),
                        "segment_overrun_seconds",
                        "<=",
                        0,
                    )
                )
            elif -over >= max(MIN_OVERRUN_SECONDS, row.planned_seconds * 0.5):
                out.append(
                    _finding(
                        "segment_short",
                        INFO,
                        timing,
                        _segment_subject(row),
                    )
                )
    if pva.order_kept is False:
        out.append(
            _finding(
                "order_changed",
                INFO,
                (Param("skipped", len(pva.skipped), Unit.COUNT), Param("added", len(pva.added), Unit.COUNT)),
            )
        )
    if pva.over_under_seconds is not None and pva.planned_seconds and pva.actual_seconds is not None:
        over = pva.over_under_seconds
        if abs(over) >= max(5 * 60, pva.planned_seconds * 0.05):
            code = "session_overran" if over > 0 else "session_short"
            out.append(
                _finding(
                    code,
                    WARNING if over > 0 else INFO,
                    _seconds(
                        planned_seconds=pva.planned_seconds,
                        actual_seconds=pva.actual_seconds,
                        delta_seconds=over,
                    ),
                    Subject(),
                    "over_under_seconds",
                    "<=",
                    0,
                )
            )
    return out


def _segments(basis: FindingBasis) -> list[Finding]:
    out = []
    run, figures, roles = basis.run, basis.attribution.segments, basis.roles_of
    for seg, fig in zip(run.segments, figures, strict=False):
        if roles.get(seg.product_id) != "traffic" or fig.online_start is None or fig.online_end is None:
            continue
        if fig.online_end < fig.online_start:
            change = fig.online_end - fig.online_start
            out.append(
                _finding(
                    "traffic_online_fell",
                    WARNING,
                    (
                        Param("online_start", fig.online_start, Unit.COUNT),
                        Param("online_end", fig.online_end, Unit.COUNT),
                        Param("change", change, Unit.COUNT),
                    ),
                    Subject(segment=seg.plan_index, position=seg.position, product=seg.product_id),
                    "online_lift",
                    ">=",
                    0,
                )
            )
    outside = basis.outside
    if outside is None:
        return out
    for bucket, code in ((outside.before, "orders_before_start"), (outside.after, "orders_after_end")):
        if bucket.lines:
            out.append(
                _finding(
                    code,
                    INFO,
                    (
                        Param("orders", bucket.orders, Unit.COUNT),
                        Param("lines", bucket.lines, Unit.COUNT),
                        Param("gmv", bucket.gmv_fen, Unit.FEN),
                        Param("first_paid", bucket.first_ms, Unit.INSTANT),
                        Param("last_paid", bucket.last_ms, Unit.INSTANT),
                    ),
                )
            )
    return out


def _products(basis: FindingBasis, thresholds: Thresholds) -> list[Finding]:
    out = []
    min_clicks = thresholds.get("min_clicks_for_rate") or 0
    refund_max = thresholds.get("refund_rate_max")
    for row in basis.products:
        subject = Subject(product=row.product_id)
        if row.explain_count and row.gmv == 0:
            out.append(
                _finding(
                    "explained_no_sales",
                    WARNING,
                    (
                        Param("explain_count", row.explain_count, Unit.COUNT),
                        Param("explain_seconds", row.explain_seconds, Unit.SECONDS),
                        Param("gmv", 0, Unit.FEN),
                    ),
                    subject,
                    "gmv",
                    ">",
                    0,
                )
            )
        if (
            row.role == "profit"
            and (row.product_click_uv or 0) >= min_clicks
            and row.click_to_buy_rate is not None
            and row.click_to_buy_rate < (thresholds.get("profit_click_to_buy_min") or 0)
        ):
            out.append(
                _finding(
                    "profit_weak_click_to_buy",
                    WARNING,
                    (
                        Param("product_click_uv", row.product_click_uv, Unit.COUNT),
                        Param("buyers", row.buyers, Unit.COUNT),
                        Param("click_to_buy_rate", row.click_to_buy_rate, Unit.FRACTION),
                    ),
                    subject,
                    "click_to_buy_rate",
                    ">=",
                    thresholds.get("profit_click_to_buy_min"),
                )
            )
        if refund_max is not None and row.refund_rate is not None and row.refund_rate > refund_max:
            out.append(
                _finding(
                    "high_refund_rate",
                    WARNING,
                    (
                        Param("refund_amount", row.refund_amount, Unit.FEN),
                        Param("gmv", row.gmv, Unit.FEN),
                        Param("refund_rate", row.refund_rate, Unit.FRACTION),
                    ),
                    subject,
                    "refund_rate",
                    "<=",
                    refund_max,
                )
            )
    return out


def check_unit(check: str) -> Unit:
    """A role check's unit: the GMV-per-minute comparison is a multiple, every other check a fraction."""
    return Unit.RATIO if check == "gmv_per_minute_ratio" else Unit.FRACTION


def _roles(basis: FindingBasis) -> list[Finding]:
    out = []
    skip = {"click_to_buy_rate"}  # reported above with the click count that makes it meaningful
    for card in basis.roles.scorecards:
        if not card.pitched:
            continue  # never scheduled or skipped: the skip is the finding, not the role's numbers
        for check in card.checks:
            if check.met is False and check.check not in skip:
                unit = check_unit(check.check)
                out.append(
                    _finding(
                        f"{card.role}_{check.check}_below",
                        INFO if card.role == "image" else WARNING,
                        (Param("value", check.value, unit), Param("threshold", check.threshold, unit)),
                        Subject(product=card.product_id),
                        check.check,
                        ">=",
                        check.threshold,
                    )
                )
    return out


def _data(basis: FindingBasis) -> list[Finding]:
    out = []
    for key, code in (("gmv", "sources_disagree"), ("refund_amount", "refund_sources_disagree")):
        metric = basis.kpis[key]
        for alt in metric.alternatives:
            if metric.value and alt.gap is not None and abs(alt.gap) > abs(metric.value) * 0.01:
                out.append(
                    _finding(
                        code,
                        INFO,
                        (
                            Param("metric", key, Unit.METRIC),
                            Param("primary", metric.value, Unit.FEN),
                            Param("other", alt.value, Unit.FEN),
                            Param("gap", alt.gap, Unit.FEN),
                        ),
                        Subject(metric=key),
                    )
                )
    if not basis.has_data:
        out.append(
            _finding(
                "no_platform_data",
                INFO,
                (),
            )
        )
    return out
