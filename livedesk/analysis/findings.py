"""Rule-based findings: what the data shows (never a claimed cause), with evidence numbers and the segment
or product concerned, plus the metric a follow-up action could be verified on."""

from __future__ import annotations

from livedesk.analysis import run_findings
from livedesk.analysis.inputs import iso, yuan
from livedesk.words import KINDS

CRITICAL, WARNING, INFO = "critical", "warning", "info"
_SEVERITY_ORDER = {CRITICAL: 0, WARNING: 1, INFO: 2}
MIN_OVERRUN_SECONDS = 60


def _finding(
    code, severity, message, evidence, subject=None, metric=None, comparison=">=", target=None
) -> dict:
    return {
        "code": code,
        "severity": severity,
        "message": message,
        "evidence": evidence,
        "subject": subject or {},
        "suggested": {"metric": metric, "comparison": comparison, "target": target},
    }


def _money(fen) -> str:
    return "—" if fen is None else f"¥{yuan(fen):,.2f}"


def _pct(value) -> str:
    return "—" if value is None else f"{value * 100:.2f}%"


def _minutes(seconds) -> str:
    return f"{seconds / 60:.1f} min"


def find(review: dict, thresholds: dict) -> list[dict]:
    """`review` is the internal review (money in fen); returns findings sorted by severity, then code."""
    findings: list[dict] = []
    findings += _targets(review)
    findings += _timing(review, thresholds)
    findings += run_findings.incidents(review) + run_findings.closing_cut(review) + run_findings.swaps(review)
    findings += _segments(review)
    findings += _products(review, thresholds)
    findings += _roles(review)
    findings += _data(review)
    findings.sort(key=lambda f: _SEVERITY_ORDER[f["severity"]])
    return findings


def _label(row: dict, names: dict) -> str:
    kind = KINDS.word(row["kind"], "zh_CN") if isinstance(row["kind"], str) else row["kind"]
    product = names.get(row.get("product_id"), row.get("product_id"))
    return f"{kind} {product}" if product else str(kind)


def _targets(review: dict) -> list[dict]:
    out = []
    kpis, targets = review["kpis"], review["targets"]
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
        show = (
            _money
            if money
            else (
                _pct
                if key == "watch_to_buy_rate"
                else (lambda v: f"{v:,.0f}")
                if key == "uv"
                else (lambda v: f"{v:,.2f}")
            )
        )
        evidence = {
            "value": yuan(value) if money else value,
            "target": yuan(target) if money else target,
            "achieved": value / target if target else None,
        }
        if value < target:
            out.append(
                _finding(
                    "target_missed",
                    CRITICAL if key == "gmv" else WARNING,
                    f"{key} was {show(value)} against a target of {show(target)} "
                    f"({value / target * 100:.1f}% of target).",
                    {"metric": key, **evidence},
                    {"metric": key},
                    key,
                    ">=",
                    evidence["target"],
                )
            )
        else:
            out.append(
                _finding(
                    "target_met",
                    INFO,
                    f"{key} reached {show(value)} against a target of {show(target)}.",
                    {"metric": key, **evidence},
                    {"metric": key},
                )
            )
    return out


def _segment_subject(row) -> dict:
    """The segment a timing finding concerns, with its product so the meeting sees which pitch it was
    (`segment_product`, not `product`: the finding is about the segment, and actions verify it as one)."""
    subject = {"segment": row.plan_index}
    if getattr(row, "product_id", None):
        subject["segment_product"] = row.product_id
    return subject


def _timing(review: dict, thresholds: dict) -> list[dict]:
    out = []
    pva, names = review["plan_vs_actual"], review["names"]
    if pva.source == "plan":
        return out
    tolerance = thresholds.get("overrun_tolerance") or 0.0
    for row in pva.rows:
        if row.status == "skipped":
            out.append(
                _finding(
                    "segment_skipped",
                    WARNING,
                    f"Planned segment {row.plan_index + 1} ({_label(vars(row), names)}) does not appear in "
                    f"the {pva.source}.",
                    {"planned_seconds": row.planned_seconds},
                    _segment_subject(row),
                )
            )
        elif row.status == "added":
            out.append(
                _finding(
                    "segment_added",
                    INFO,
                    f"A block not in the plan ran for {_minutes(row.actual_seconds)} "
                    f"({_label(vars(row), names)}).",
                    {"actual_seconds": row.actual_seconds},
                    {"position": row.positions[0]},
                )
            )
        elif row.delta_seconds is not None and row.planned_seconds:
            over = row.delta_seconds
            if over >= max(MIN_OVERRUN_SECONDS, row.planned_seconds * tolerance):
                out.append(
                    _finding(
                        "segment_overran",
                        WARNING,
                        f"Segment {row.plan_index + 1} ({_label(vars(row), names)}) ran "
                        f"{_minutes(row.actual_seconds)} against {_minutes(row.planned_seconds)} planned "
                        f"(+{_minutes(over)}).",
                        {
                            "planned_seconds": row.planned_seconds,
                            "actual_seconds": row.actual_seconds,
                            "delta_seconds": over,
                        },
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
                        f"Segment {row.plan_index + 1} ({_label(vars(row), names)}) ran "
                        f"{_minutes(row.actual_seconds)} against {_minutes(row.planned_seconds)} planned.",
                        {
                            "planned_seconds": row.planned_seconds,
                            "actual_seconds": row.actual_seconds,
                            "delta_seconds": over,
                        },
                        _segment_subject(row),
                    )
                )
    if pva.order_kept is False:
        out.append(
            _finding(
                "order_changed",
                INFO,
                "Segments went on air in a different order from the plan.",
                {"skipped": len(pva.skipped), "added": len(pva.added)},
            )
        )
    if pva.over_under_seconds is not None and pva.planned_seconds:
        over = pva.over_under_seconds
        if abs(over) >= max(5 * 60, pva.planned_seconds * 0.05):
            code = "session_overran" if over > 0 else "session_short"
            out.append(
                _finding(
                    code,
                    WARNING if over > 0 else INFO,
                    f"The session ran {_minutes(pva.actual_seconds)} against "
                    f"{_minutes(pva.planned_seconds)} planned ({'+' if over > 0 else '−'}"
                    f"{_minutes(abs(over))}).",
                    {
                        "planned_seconds": pva.planned_seconds,
                        "actual_seconds": pva.actual_seconds,
                        "delta_seconds": over,
                    },
                    {},
                    "over_under_seconds",
                    "<=",
                    0,
                )
            )
    return out


def _segments(review: dict) -> list[dict]:
    out = []
    run, figures, names, roles = (
        review["run"],
        review["attribution"].segments,
        review["names"],
        review["roles_of"],
    )
    for seg, fig in zip(run.segments, figures, strict=False):
        if roles.get(seg.product_id) != "traffic" or fig.online_start is None or fig.online_end is None:
            continue
        if fig.online_end < fig.online_start:
            change = fig.online_end - fig.online_start
            out.append(
                _finding(
                    "traffic_online_fell",
                    WARNING,
                    f"Online viewers fell from {fig.online_start:,} to {fig.online_end:,} ({change:+,}) "
                    f"while traffic item {names.get(seg.product_id, seg.product_id)} was on air.",
                    {"online_start": fig.online_start, "online_end": fig.online_end, "change": change},
                    {"segment": seg.plan_index, "position": seg.position, "product": seg.product_id},
                    "online_lift",
                    ">=",
                    0,
                )
            )
    outside = review.get("outside") or {}
    for side, code, words in (
        ("before", "orders_before_start", "before the live window started"),
        ("after", "orders_after_end", "after the live window ended"),
    ):
        bucket = outside.get(side)
        if bucket and bucket["lines"]:
            out.append(
                _finding(
                    code,
                    INFO,
                    f"{bucket['orders']:,} orders in {bucket['lines']:,} lines ({_money(bucket['gmv_fen'])}) were "
                    f"paid {words} ({iso(bucket['first_ms'], review['zone'])} – "
                    f"{iso(bucket['last_ms'], review['zone'])}): counted here, not in GMV.",
                    {
                        "orders": bucket["orders"],
                        "lines": bucket["lines"],
                        "gmv": yuan(bucket["gmv_fen"]),
                        "first_paid": iso(bucket["first_ms"], review["zone"]),
                        "last_paid": iso(bucket["last_ms"], review["zone"]),
                    },
                )
            )
    return out


def _products(review: dict, thresholds: dict) -> list[dict]:
    out = []
    min_clicks = thresholds.get("min_clicks_for_rate") or 0
    refund_max = thresholds.get("refund_rate_max")
    for row in review["products"]:
        subject, name = {"product": row["product_id"]}, row["name"]
        if row.get("explain_count") and row.get("gmv") == 0:
            out.append(
                _finding(
                    "explained_no_sales",
                    WARNING,
                    f"{name} was explained {row['explain_count']} time(s) "
                    f"({_minutes(row['explain_seconds'] or 0)}) and sold nothing.",
                    {
                        "explain_count": row["explain_count"],
                        "explain_seconds": row["explain_seconds"],
                        "gmv": 0.0,
                    },
                    subject,
                    "gmv",
                    ">",
                    0,
                )
            )
        if (
            row.get("role") == "profit"
            and (row.get("product_click_uv") or 0) >= min_clicks
            and row.get("click_to_buy_rate") is not None
            and row["click_to_buy_rate"] < (thresholds.get("profit_click_to_buy_min") or 0)
        ):
            out.append(
                _finding(
                    "profit_weak_click_to_buy",
                    WARNING,
                    f"Profit item {name} had {row['product_click_uv']:,} clickers and {row['buyers']:,} "
                    f"buyers: click-to-buy {_pct(row['click_to_buy_rate'])}.",
                    {
                        "product_click_uv": row["product_click_uv"],
                        "buyers": row["buyers"],
                        "click_to_buy_rate": row["click_to_buy_rate"],
                    },
                    subject,
                    "click_to_buy_rate",
                    ">=",
                    thresholds.get("profit_click_to_buy_min"),
                )
            )
        if refund_max is not None and row.get("refund_rate") is not None and row["refund_rate"] > refund_max:
            out.append(
                _finding(
                    "high_refund_rate",
                    WARNING,
                    f"{name}: refunds {_money(row['refund_amount'])} of {_money(row['gmv'])} GMV "
                    f"({_pct(row['refund_rate'])}).",
                    {
                        "refund_amount": yuan(row["refund_amount"]),
                        "gmv": yuan(row["gmv"]),
                        "refund_rate": row["refund_rate"],
                    },
                    subject,
                    "refund_rate",
                    "<=",
                    refund_max,
                )
            )
    return out


def _roles(review: dict) -> list[dict]:
    out = []
    skip = {"click_to_buy_rate"}  # reported above with the click count that makes it meaningful
    for card in review["roles"]["scorecards"]:
        if not card.get("pitched", True):
            continue  # never scheduled or skipped: the skip is the finding, not the role's numbers
        for check in card["checks"]:
            if check["met"] is False and check["check"] not in skip:
                out.append(
                    _finding(
                        f"{card['role']}_{check['check']}_below",
                        INFO if card["role"] == "image" else WARNING,
                        f"{card['name']} ({card['role']}): {check['check']} {_fmt_check(check)} is below "
                        f"the team's threshold {_fmt_check(check, 'threshold')}.",
                        {"value": check["value"], "threshold": check["threshold"]},
                        {"product": card["product_id"]},
                        check["check"],
                        ">=",
                        check["threshold"],
                    )
                )
    return out


def _fmt_check(check: dict, field: str = "value") -> str:
    value = check[field]
    if value is None:
        return "—"
    return f"{value:.2f}×" if check["check"] == "gmv_per_minute_ratio" else _pct(value)


def _data(review: dict) -> list[dict]:
    out = []
    kpis = review["kpis"]
    for key, code, words in (
        ("gmv", "sources_disagree", "GMV"),
        ("refund_amount", "refund_sources_disagree", "Refunds"),
    ):
        metric = kpis[key]
        for alt in metric.alternatives:
            if metric.value and alt.gap is not None and abs(alt.gap) > abs(metric.value) * 0.01:
                out.append(
                    _finding(
                        code,
                        INFO,
                        f"{words} is {_money(metric.value)} in {metric.source} and {_money(alt.value)} in "
                        f"{alt.source} (gap {_money(alt.gap)}).",
                        {
                            "metric": key,
                            "primary": yuan(metric.value),
                            "other": yuan(alt.value),
                            "gap": yuan(alt.gap),
                        },
                        {"metric": key},
                    )
                )
    if not review["has_data"]:
        out.append(
            _finding(
                "no_platform_data",
                INFO,
                "No platform export has been imported for this session: only the plan and the log are known.",
                {},
            )
        )
    return out
