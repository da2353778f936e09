"""Action items made from findings, and their automatic verification at a later session's review.

A target is in the metric's JSON unit (yuan for money, fractions for rates, counts, seconds). The subject
is "product:<id>", "segment:<index>" or "" (the whole session)."""

from __future__ import annotations

import operator

from livedesk.domain.action_item import ActionItem, ActionStatus

COMPARISONS = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt, "==": operator.eq}


def subject_of(finding: dict) -> str:
    subject = finding.get("subject") or {}
    if subject.get("product"):
        return f"product:{subject['product']}"
    if subject.get("segment") is not None:
        return f"segment:{subject['segment']}"
    return ""


def action_from_finding(
    finding: dict,
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
    suggested = finding.get("suggested") or {}
    comparison = comparison or suggested.get("comparison") or ">="
    if comparison not in COMPARISONS:
        raise ValueError(f"'{comparison}' is not a comparison; use one of {', '.join(COMPARISONS)}")
    return ActionItem(
        session_id=session_id,
        account=account,
        action=action.strip(),
        owner=owner.strip(),
        metric=metric if metric is not None else (suggested.get("metric") or ""),
        target=target if target is not None else suggested.get("target"),
        comparison=comparison,
        finding_code=finding.get("code", ""),
        subject=subject_of(finding),
    )


def metric_value(review: dict, metric: str, subject: str = ""):
    """The value of `metric` in a JSON review, for the subject when it names a product present there."""
    if not metric:
        return None
    if subject.startswith("product:"):
        pid = subject.split(":", 1)[1]
        for row in review.get("products", []):
            if row["product_id"] == pid and metric in row:
                return row[metric]
        for card in review.get("roles", {}).get("scorecards", []):
            if card["product_id"] == pid:
                for check in card["checks"]:
                    if check["check"] == metric:
                        return check["value"]
        if any(row["product_id"] == pid for row in review.get("products", [])):
            return None
    if metric == "over_under_seconds":
        return review.get("plan_vs_actual", {}).get("over_under_seconds")
    if metric == "segment_overrun_seconds":
        if review.get("plan_vs_actual", {}).get("source") == "plan":
            return None
        deltas = [
            s["actual_seconds"] - s["planned_seconds"]
            for s in review.get("segments", [])
            if s.get("actual_seconds") is not None and s.get("planned_seconds") is not None
        ]
        return max([0.0, *deltas]) if deltas else None
    return review.get("kpis", {}).get(metric)


def verify(item: ActionItem, review: dict, session_id: int) -> ActionItem:
    """Check a carried item against this review: met / not met, or left open when the value is unknown."""
    value = metric_value(review, item.metric, item.subject)
    if value is None or item.target is None or item.comparison not in COMPARISONS:
        return item
    item.verified_value = float(value)
    item.verified_session_id = session_id
    item.status = (
        ActionStatus.MET if COMPARISONS[item.comparison](value, item.target) else ActionStatus.NOT_MET
    )
    return item


def action_json(item: ActionItem, *, carried: bool) -> dict:
    return {
        "id": item.id,
        "session_id": item.session_id,
        "action": item.action,
        "owner": item.owner,
        "metric": item.metric,
        "target": item.target,
        "comparison": item.comparison,
        "finding_code": item.finding_code,
        "subject": item.subject,
        "status": item.status.value,
        "verified_session_id": item.verified_session_id,
        "verified_value": item.verified_value,
        "carried": carried,
    }
