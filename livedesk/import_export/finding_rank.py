"""Which findings matter most for a report's first page: by severity, then by impact — the share of the show a
finding concerns (the target shortfall, the sales at stake, the airtime lost), so a ¥50 refund does not
outrank a segment that ran a quarter of an hour over."""

from __future__ import annotations

SEVERITY_ORDER = {"critical": 0, "warning": 1, "info": 2}


def _share(part, whole) -> float:
    if part is None or not whole:
        return 0.0
    return abs(float(part)) / abs(float(whole))


def impact(finding: dict, review: dict) -> float:
    """A finding's weight as a share of the session (0 = none known); comparable across codes."""
    e, code = finding.get("evidence") or {}, finding.get("code", "")
    subject = finding.get("subject") or {}
    gmv = (review.get("kpis") or {}).get("gmv")
    pva = review.get("plan_vs_actual") or {}
    session_seconds = pva.get("planned_seconds") or (review.get("session") or {}).get("planned_seconds")
    product = next(
        (p for p in review.get("products") or [] if p.get("product_id") == subject.get("product")), {}
    )
    if code == "target_missed":
        achieved = e.get("achieved")
        return 0.0 if achieved is None else max(0.0, 1.0 - achieved)
    if code in ("segment_overran", "segment_short", "session_overran", "session_short", "closing_cut"):
        return _share((e.get("actual_seconds") or 0) - (e.get("planned_seconds") or 0), session_seconds)
    if code in ("segment_skipped", "segment_added"):
        return _share(e.get("planned_seconds") or e.get("actual_seconds"), session_seconds)
    if code == "traffic_online_fell":
        return _share((e.get("online_start") or 0) - (e.get("online_end") or 0), e.get("online_start"))
    if code == "high_refund_rate":
        return _share(product.get("refund_amount"), gmv)
    if code == "explained_no_sales":
        return _share(product.get("explain_seconds"), session_seconds)
    if code in ("orders_after_end", "orders_before_start"):
        return _share(e.get("gmv"), gmv)
    if code in ("sources_disagree", "refund_sources_disagree"):
        return _share(e.get("gap"), e.get("primary"))
    if product:
        return float(product.get("gmv_share") or 0.0)
    return 0.0


def most_important(findings: list[dict], review: dict, count: int) -> list[dict]:
    """The `count` findings to show first; ties keep the analysis's order."""
    ranked = sorted(
        enumerate(findings),
        key=lambda pair: (SEVERITY_ORDER.get(pair[1].get("severity"), 3), -impact(pair[1], review), pair[0]),
    )
    return [finding for _, finding in ranked[:count]]
