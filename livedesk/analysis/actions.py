"""Action items made from findings, and their automatic verification at a later session's review.

A target is in the action item's unit (yuan for money, fractions for rates, counts, seconds). The subject
is stored as "product:<id>", "segment:<index>" or "" (the whole session); see review_types.Subject.
Verification reads the typed review and changes nothing: the verdicts are stored when the user saves."""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from livedesk.analysis.inputs import yuan
from livedesk.analysis.metrics import MONEY_KEYS
from livedesk.analysis.products import PRODUCT_MONEY_KEYS
from livedesk.analysis.review_types import Finding, ReviewAction, Subject, Verification
from livedesk.domain.action_item import ActionItem, ActionStatus
from livedesk.words import PRODUCT_METRICS

if TYPE_CHECKING:
    from livedesk.analysis.review import Review

COMPARISONS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
    "==": operator.eq,
}


def action_from_finding(
    finding: Finding,
    *,
    session_id: int,
    account: str,
    action: str,
    owner: str = "",
    metric: str | None = None,
    target: float | None = None,
    comparison: str | None = None,
) -> ActionItem:
    """An action item for `finding`; metric/target/comparison default to what the finding suggests."""
    if not action.strip():
        raise ValueError("an action item needs the action the team will take")
    suggested = finding.suggested
    comparison = comparison or suggested.comparison or ">="
    if comparison not in COMPARISONS:
        raise ValueError(f"'{comparison}' is not a comparison; use one of {', '.join(COMPARISONS)}")
    return ActionItem(
        session_id=session_id,
        account=account,
        action=action.strip(),
        owner=owner.strip(),
        metric=metric if metric is not None else (suggested.metric or ""),
        target=target if target is not None else suggested.target,
        comparison=comparison,
        finding_code=finding.code,
        subject=finding.subject.action_key,
    )


def metric_value(review: Review, metric: str, subject: Subject | str = "") -> float | None:
    """The value of `metric` in the review in the action item's unit (yuan for money), for the subject when
    it names a product present there; None when the review does not know it."""
    if not metric:
        return None
    if isinstance(subject, str):
        subject = Subject.from_action_key(subject)
    if subject.product:
        row = next((r for r in review.products if r.product_id == subject.product), None)
        if row is not None and metric in PRODUCT_METRICS:
            value = row.value(metric)
            return yuan(value) if metric in PRODUCT_MONEY_KEYS else value
        card = next((c for c in review.roles.scorecards if c.product_id == subject.product), None)
        check = card.check(metric) if card is not None else None
        if check is not None:
            return check.value
        if row is not None:
            return None
    pva = review.plan_vs_actual
    if metric == "over_under_seconds":
        return pva.over_under_seconds
    if metric == "segment_overrun_seconds":
        if pva.source == "plan":
            return None
        deltas = [s.delta_seconds for s in review.segments if s.delta_seconds is not None]
        return max([0.0, *deltas]) if deltas else None
    kpi = review.kpis.get(metric)
    if kpi is None:
        return None
    return yuan(kpi.value) if metric in MONEY_KEYS else kpi.value


def verify(item: ActionItem, review: Review, session_id: int) -> Verification | None:
    """Check a carried item against this review: met / not met, or None (left as it is) when the value is
    unknown. Nothing is changed or stored here."""
    value = metric_value(review, item.metric, item.subject)
    if value is None or item.target is None or item.comparison not in COMPARISONS:
        return None
    met = COMPARISONS[item.comparison](value, item.target)
    return Verification(session_id, ActionStatus.MET if met else ActionStatus.NOT_MET, float(value))


def with_verdict(action: ReviewAction) -> ActionItem:
    """The stored item with this review's verdict applied (what saving the verdicts writes)."""
    item, found = action.item, action.verification
    if found is None:
        return item
    return replace(
        item, status=found.status, verified_value=found.value, verified_session_id=found.session_id
    )
