"""The plan JSON document of `livedesk plan generate|show` (schema fixed by the planner issue).

Money in `forecast` is yuan with two decimals (`*_yuan`); rates are fractions; a value nothing provides is null.
"""

from __future__ import annotations

from dataclasses import asdict

from livedesk.domain.forecast import ForecastAssumptions, PlanForecast
from livedesk.domain.money import fen_to_yuan
from livedesk.domain.plan_rules import PlanWarning
from livedesk.domain.product_rates import ProductRate
from livedesk.domain.session import SessionPlan
from livedesk.domain.wave import WaveConfig, left_out


def _yuan(fen: int | None) -> float | None:
    value = fen_to_yuan(fen)
    return None if value is None else float(value)


def _rate_document(rate: ProductRate | None) -> dict | None:
    if rate is None:
        return None
    return {
        "gmv_per_pitch_minute_yuan": _yuan(round(rate.shrunk)),
        "own_gmv_per_pitch_minute_yuan": _yuan(round(rate.own)) if rate.own is not None else None,
        "role_average_yuan": _yuan(round(rate.role_average)) if rate.role_average is not None else None,
        "sessions": rate.sessions,
    }


def forecast_document(forecast: PlanForecast, assumptions: ForecastAssumptions | None = None) -> dict:
    breakdown = forecast.breakdown
    backtest = forecast.backtest
    top = forecast.top_down
    return {
        "target_gmv_yuan": _yuan(forecast.target_gmv_fen),
        "projected_gmv_yuan": _yuan(forecast.total_gmv_fen),
        "range_yuan": [_yuan(v) for v in forecast.range_fen] if forecast.range_fen else None,
        "method": forecast.method_text,
        "method_code": forecast.method,
        "history_session_ids": list(forecast.history_session_ids),
        "past_sessions": forecast.past_sessions,
        "backtest": {
            "sessions": backtest.sessions if backtest else 0,
            "mape": backtest.mape if backtest else None,
            "points": [
                {
                    "session_id": p.session_id,
                    "forecast_yuan": _yuan(round(p.forecast_fen)),
                    "actual_yuan": _yuan(p.actual_fen),
                }
                for p in (backtest.points if backtest else [])
            ],
        },
        "top_down": None
        if top is None
        else {
            "gmv_yuan": _yuan(round(top.gmv_fen)),
            "basis": top.basis,
            "expected_uv": round(top.uv) if top.uv is not None else None,
            "expected_uv_value_yuan": round(top.uv_value_fen / 100, 2)
            if top.uv_value_fen is not None
            else None,
            "gmv_per_live_minute_yuan": round(top.gmv_fen_per_minute / 100, 2),
            "ad_uv_per_yuan": round(top.ad_effect.uv_per_fen * 100, 4) if top.ad_effect else None,
        },
        "bottom_up_gmv_yuan": _yuan(forecast.bottom_up_fen),
        "agree": forecast.agree,
        "drivers": [
            {
                "product_id": d.product_id,
                "gmv_yuan": _yuan(d.gmv_fen),
                "share": d.share,
                "rate": _rate_document(d.rate),
            }
            for d in forecast.drivers
        ],
        "assumed": list(breakdown.assumed) if breakdown else [],
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
    config: WaveConfig | None = None,
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
                "owner": segment.owner,
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
        "left_out": [
            {"product_id": m.product_id, "reason": m.reason}
            for m in (left_out(plan.products, plan.segments, config) if plan.segments else [])
        ],
        "forecast": forecast_document(forecast, assumptions) if forecast is not None else {},
    }
