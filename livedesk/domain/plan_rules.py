"""Validation of a run order: warnings with a code, the segment they point at and an English message.

Never blocking; the UI words them from `code` and `values`, the CLI/JSON uses `message`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from livedesk.domain.forecast import PlanForecast
from livedesk.domain.roles import Role, SegmentKind
from livedesk.domain.session import SessionPlan
from livedesk.domain.wave import WaveConfig

SELLING_KINDS = (SegmentKind.PITCH, SegmentKind.ENCORE)
EARLY_TRAFFIC_SECONDS = 15 * 60
SLOT_TOLERANCE_SECONDS = 60


@dataclass
class PlanWarning:
    code: str
    segment_index: int | None
    message: str
    values: dict[str, Any] = field(default_factory=dict)


def _mmss(seconds: int) -> str:
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 60}:{seconds % 60:02d}"


def validate_plan(
    plan: SessionPlan, config: WaveConfig | None = None, forecast: PlanForecast | None = None
) -> list[PlanWarning]:
    """Every rule of the planner; warnings come in segment order, plan-wide ones (index None) last."""
    config = config or WaveConfig()
    warnings: list[PlanWarning] = []
    plan_wide: list[PlanWarning] = []
    roles = {p.product_id: p.role for p in plan.products}
    segments = plan.segments

    previous_pitch_role: Role | None = None
    seen_image: list[str | None] = []
    seen_traffic: list[str | None] = []
    at, early_traffic = 0, False
    pitch_seconds = profit_seconds = 0
    for index, segment in enumerate(segments):
        role = roles.get(segment.product_id) if segment.product_id else None
        if role is Role.TRAFFIC and at < EARLY_TRAFFIC_SECONDS and segment.product_id:
            early_traffic = True
        if segment.kind in SELLING_KINDS and segment.product_id and role is None:
            warnings.append(
                PlanWarning(
                    "unknown_product",
                    index,
                    f"segment {index + 1} names product {segment.product_id}, which is not in the pool",
                    {"product_id": segment.product_id},
                )
            )
        if segment.kind is SegmentKind.PITCH:
            if not segment.product_id:
                warnings.append(
                    PlanWarning("pitch_without_product", index, f"pitch {index + 1} has no product")
                )
            if role is not None:
                lengths = config.length(role)
                if not lengths.min_seconds <= segment.planned_seconds <= lengths.max_seconds:
                    code = (
                        "pitch_too_short"
                        if segment.planned_seconds < lengths.min_seconds
                        else "pitch_too_long"
                    )
                    warnings.append(
                        PlanWarning(
                            code,
                            index,
                            f"{role.value} pitch {index + 1} lasts {_mmss(segment.planned_seconds)}, outside "
                            f"{_mmss(lengths.min_seconds)}–{_mmss(lengths.max_seconds)}",
                            {
                                "role": role.value,
                                "seconds": segment.planned_seconds,
                                "min_seconds": lengths.min_seconds,
                                "max_seconds": lengths.max_seconds,
                            },
                        )
                    )
                if role is Role.TRAFFIC and previous_pitch_role is Role.TRAFFIC:
                    warnings.append(
                        PlanWarning(
                            "traffic_in_a_row",
                            index,
                            f"pitch {index + 1} is the second traffic pitch in a row",
                        )
                    )
            previous_pitch_role = role
            budget = sum(b.seconds for b in segment.steps)
            if budget != segment.planned_seconds:
                warnings.append(
                    PlanWarning(
                        "step_budget_mismatch",
                        index,
                        f"script steps of pitch {index + 1} add up to {_mmss(budget)}, not {_mmss(segment.planned_seconds)}",
                        {"steps_seconds": budget, "seconds": segment.planned_seconds},
                    )
                )
        if segment.kind in SELLING_KINDS and role is not None:
            pitch_seconds += segment.planned_seconds
            if role is Role.PROFIT:
                profit_seconds += segment.planned_seconds
        if role is Role.IMAGE and segment.product_id not in seen_image:
            seen_image.append(segment.product_id)
            if len(seen_image) == config.max_image_items + 1:
                warnings.append(
                    PlanWarning(
                        "too_many_image_items",
                        index,
                        f"segment {index + 1} brings image item number {len(seen_image)}; plan at most {config.max_image_items}",
                        {"count": len(seen_image), "limit": config.max_image_items},
                    )
                )
        if role is Role.TRAFFIC and segment.product_id not in seen_traffic:
            seen_traffic.append(segment.product_id)
            if len(seen_traffic) == config.max_traffic_skus + 1:
                warnings.append(
                    PlanWarning(
                        "too_many_traffic_skus",
                        index,
                        f"segment {index + 1} brings traffic SKU number {len(seen_traffic)}; plan at most {config.max_traffic_skus}",
                        {"count": len(seen_traffic), "limit": config.max_traffic_skus},
                    )
                )
        at += segment.planned_seconds

    if segments and not early_traffic:
        plan_wide.append(
            PlanWarning(
                "no_early_traffic", None, "no traffic item in the first 15 minutes to pull viewers in"
            )
        )
    if pitch_seconds and profit_seconds / pitch_seconds < config.profit_share_target:
        share = profit_seconds / pitch_seconds
        plan_wide.append(
            PlanWarning(
                "profit_share_low",
                None,
                f"profit items take {share:.0%} of pitch time, under the {config.profit_share_target:.0%} target",
                {"share": share, "target": config.profit_share_target},
            )
        )
    slot = plan.session.planned_seconds
    total = plan.total_planned_seconds
    if total - slot > SLOT_TOLERANCE_SECONDS:
        plan_wide.append(
            PlanWarning(
                "total_over_slot",
                None,
                f"the run order lasts {_mmss(total)}, {_mmss(total - slot)} over the {_mmss(slot)} slot",
                {"total_seconds": total, "slot_seconds": slot},
            )
        )
    elif slot - total > SLOT_TOLERANCE_SECONDS:
        plan_wide.append(
            PlanWarning(
                "total_under_slot",
                None,
                f"the run order lasts {_mmss(total)}, {_mmss(slot - total)} short of the {_mmss(slot)} slot",
                {"total_seconds": total, "slot_seconds": slot},
            )
        )
    if forecast is not None:
        for check in forecast.stock:
            if check.over:
                first = next((i for i, s in enumerate(segments) if s.product_id == check.product_id), None)
                warnings.append(
                    PlanWarning(
                        "forecast_over_stock",
                        first,
                        f"forecast {check.units} units of {check.product_id}, above the {check.stock} allotted",
                        {"product_id": check.product_id, "units": check.units, "stock": check.stock},
                    )
                )
    warnings.sort(key=lambda w: w.segment_index if w.segment_index is not None else -1)
    return warnings + plan_wide
