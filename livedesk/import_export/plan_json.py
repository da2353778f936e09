"""The plan JSON document of `livedesk plan generate|show` (schema fixed by the planner issue).

Money in `forecast` is yuan with two decimals (`*_yuan`); rates are fractions; a value nothing provides is null.
"""

from __future__ import annotations

from dataclasses import asdict

from livedesk.domain.forecast import ForecastAssumptions, PlanForecast
from livedesk.domain.money import fen_to_yuan
from livedesk.domain.plan_rules import PlanWarning
from livedesk.domain.session import SessionPlan


def _yuan(fen: int | None) -> float | None:
    value = fen_to_yuan(fen)
    return None if value is None else float(value)


def forecast_document(forecast: PlanForecast, assumptions: ForecastAssumptions | None = None) -> dict:
    breakdown = forecast.breakdown
    return {
        "target_gmv_yuan": _yuan(forecast.target_gmv_fen),
        "projected_gmv_yuan": _yuan(forecast.total_gmv_fen),
        "gap_yuan": _yuan(forecast.gap_fen),
        "attainment": forecast.attainment,
        "required_uv": breakdown.uv if breakdown else None,
        "required_uv_value_yuan": _yuan(breakdown.uv_value_fen) if breakdown else None,
        "conversion": breakdown.conversion if breakdown else None,
        "aov_yuan": _yuan(breakdown.aov_fen) if breakdown else None,
        "required_buyers": breakdown.buyers if breakdown else None,
        "assumptions": asdict(assumptions) if assumptions else None,
        "segments": [
            {
                "index": s.index,
                "product_id": s.product_id,
                "gmv_yuan": _yuan(s.gmv_fen),
                "units": s.units,
                "source": s.source,
            }
            for s in forecast.segments
            if s.product_id is not None
        ],
        "stock": [
            {"product_id": c.product_id, "units": c.units, "stock": c.stock, "over": c.over}
            for c in forecast.stock
        ],
    }


def plan_document(
    plan: SessionPlan,
    warnings: list[PlanWarning],
    forecast: PlanForecast | None,
    assumptions: ForecastAssumptions | None = None,
) -> dict:
    session = plan.session
    segments = []
    for index, (segment, start) in enumerate(zip(plan.segments, plan.planned_starts(), strict=False)):
        role = plan.role_of(segment)
        segments.append(
            {
                "index": index,
                "kind": segment.kind.value,
                "product_id": segment.product_id,
                "role": role.value if role else None,
                "planned_start": start.isoformat(),
                "planned_seconds": segment.planned_seconds,
                "script_steps": [{"step": b.step.value, "seconds": b.seconds} for b in segment.steps],
            }
        )
    return {
        "session_id": session.id,
        "title": session.title,
        "start": session.start.isoformat(),
        "planned_seconds": session.planned_seconds,
        "segments": segments,
        "warnings": [
            {"code": w.code, "segment_index": w.segment_index, "message": w.message} for w in warnings
        ],
        "forecast": forecast_document(forecast, assumptions) if forecast is not None else {},
    }
