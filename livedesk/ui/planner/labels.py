"""The planner's warnings in the UI language (their roles named by livedesk.words) and mm:ss times."""

from __future__ import annotations

from livedesk.domain.plan_rules import PlanWarning
from livedesk.ui.i18n import tr
from livedesk.words import ROLES


def mmss(seconds: int) -> str:
    sign = "-" if seconds < 0 else ""
    seconds = abs(int(seconds))
    return f"{sign}{seconds // 60}:{seconds % 60:02d}"


def warning_text(warning: PlanWarning) -> str:
    """The warning in the UI language; the segment number is 1-based as users count."""
    v = warning.values
    n = (warning.segment_index or 0) + 1
    code = warning.code
    if code in ("pitch_too_short", "pitch_too_long"):
        text = tr("Pitch {n} ({role}) lasts {length}, outside {low}–{high}")
        return text.format(
            n=n,
            role=ROLES.word(v["role"]),
            length=mmss(v["seconds"]),
            low=mmss(v["min_seconds"]),
            high=mmss(v["max_seconds"]),
        )
    if code == "traffic_in_a_row":
        return tr("Pitch {n} is the second traffic pitch in a row").format(n=n)
    if code == "step_budget_mismatch":
        return tr("Script steps of pitch {n} add up to {steps}, not {length}").format(
            n=n, steps=mmss(v["steps_seconds"]), length=mmss(v["seconds"])
        )
    if code == "too_many_image_items":
        return tr("Segment {n} brings image item number {count}; plan at most {limit}").format(n=n, **v)
    if code == "too_many_traffic_skus":
        return tr("Segment {n} brings traffic SKU number {count}; plan at most {limit}").format(n=n, **v)
    if code == "no_early_traffic":
        return tr("No traffic item in the first 15 minutes")
    if code == "profit_share_low":
        return tr("Profit items take {share} of pitch time, under the {target} target").format(
            share=f"{v['share']:.0%}", target=f"{v['target']:.0%}"
        )
    if code == "total_over_slot":
        return tr("The run order lasts {total}, {diff} over the {slot} slot").format(
            total=mmss(v["total_seconds"]),
            diff=mmss(v["total_seconds"] - v["slot_seconds"]),
            slot=mmss(v["slot_seconds"]),
        )
    if code == "total_under_slot":
        return tr("The run order lasts {total}, {diff} short of the {slot} slot").format(
            total=mmss(v["total_seconds"]),
            diff=mmss(v["slot_seconds"] - v["total_seconds"]),
            slot=mmss(v["slot_seconds"]),
        )
    if code == "forecast_over_stock":
        return tr("Forecast {units} units of {product}, above the {stock} allotted").format(
            units=v["units"], product=v["product_id"], stock=v["stock"]
        )
    if code == "pitch_without_product":
        return tr("Pitch {n} has no product").format(n=n)
    if code == "unknown_product":
        return tr("Segment {n} names product {product}, which is not in the pool").format(
            n=n, product=v["product_id"]
        )
    return warning.message
