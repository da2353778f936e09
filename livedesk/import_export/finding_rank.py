"""Which findings matter most for a report's first page: by severity, then by impact — the share of the show a
finding concerns (the target shortfall, the sales at stake, the airtime lost), so a ¥50 refund does not
outrank a segment that ran a quarter of an hour over."""

from __future__ import annotations

from livedesk.analysis.review import Review
from livedesk.analysis.review_types import SEVERITY_ORDER, Finding


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _share(part: float | None, whole: float | None) -> float:
    if part is None or not whole:
        return 0.0
    return abs(part) / abs(whole)


def impact(finding: Finding, review: Review) -> float:
    """A finding's weight as a share of the session (0 = none known); comparable across codes (money in fen on
    both sides of every share)."""

    def e(name: str) -> float | None:
        return _number(finding.param(name))

    code = finding.code
    gmv = review.kpis["gmv"].value if "gmv" in review.kpis else None
    session_seconds = review.plan_vs_actual.planned_seconds or review.session.planned_seconds
    product = review.product(finding.subject.product) if finding.subject.product else None
    if code == "target_missed":
        achieved = e("achieved")
        return 0.0 if achieved is None else max(0.0, 1.0 - achieved)
    if code in ("segment_overran", "segment_short", "session_overran", "session_short", "closing_cut"):
        return _share((e("actual_seconds") or 0) - (e("planned_seconds") or 0), session_seconds)
    if code in ("segment_skipped", "segment_added"):
        return _share(e("planned_seconds") or e("actual_seconds"), session_seconds)
    if code == "traffic_online_fell":
        return _share((e("online_start") or 0) - (e("online_end") or 0), e("online_start"))
    if code == "high_refund_rate":
        return _share(product.refund_amount if product else None, gmv)
    if code == "explained_no_sales":
        return _share(product.explain_seconds if product else None, session_seconds)
    if code in ("orders_after_end", "orders_before_start"):
        return _share(e("gmv"), gmv)
    if code in ("sources_disagree", "refund_sources_disagree"):
        return _share(e("gap"), e("primary"))
    if product:
        return float(product.gmv_share or 0.0)
    return 0.0


def most_important(findings: list[Finding], review: Review, count: int) -> list[Finding]:
    """The `count` findings to show first; ties keep the analysis's order."""
    ranked = sorted(
        enumerate(findings),
        key=lambda pair: (SEVERITY_ORDER.get(pair[1].severity, 3), -impact(pair[1], review), pair[0]),
    )
    return [finding for _, finding in ranked[:count]]
