"""The review as JSON, the one place it becomes text for `livedesk review --json` and JSON reports: money in
yuan, rates as fractions, instants as ISO 8601 in the session's zone, null for missing. `review_from_json`
reads it back into the typed objects (JSON → objects → JSON gives the same JSON)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from livedesk.analysis.actual_run import RunMarker
from livedesk.analysis.attribution import BucketFigures, StepFigures
from livedesk.analysis.findings import check_unit
from livedesk.analysis.inputs import iso, yuan
from livedesk.analysis.metrics import (
    CAVEAT_TEXT,
    CAVEATS,
    FORMULA_TEXT,
    METRIC_KEYS,
    MONEY_KEYS,
    Alternative,
    Metric,
)
from livedesk.analysis.plan_vs_actual import PlanVsActual
from livedesk.analysis.products import (
    PRODUCT_MONEY_KEYS,
    ProductAlternative,
    ProductReview,
    SourcedValue,
)
from livedesk.analysis.review import Review
from livedesk.analysis.review_types import (
    Curves,
    Finding,
    FunnelStage,
    OutsideBucket,
    OutsideWindow,
    Param,
    ParamValue,
    Provenance,
    ReviewAction,
    SegmentReview,
    Severity,
    Source,
    SourceKind,
    Subject,
    Suggestion,
    Unit,
)
from livedesk.analysis.roles import RoleCheck, RoleReview, RoleTotals, Scorecard
from livedesk.domain.action_item import ActionItem, ActionStatus
from livedesk.domain.session import Session, Targets
from livedesk.words.findings import finding_words

Json = dict[str, Any]
_PRODUCT_FIELDS = (
    "gmv",
    "units",
    "orders",
    "buyers",
    "refund_amount",
    "product_exposure_uv",
    "product_click_uv",
    "exposure_gpm",
    "explain_count",
    "explain_seconds",
    "exposure_to_click_rate",
    "click_to_buy_rate",
    "gmv_per_explain_minute",
    "units_per_explain",
    "refund_rate",
    "sell_through",
    "gross_margin",
    "gmv_share",
)
_SUBJECT_FIELDS = ("segment", "segment_product", "position", "product", "metric")


def review_json(review: Review) -> Json:
    """The review as a JSON-ready dict (the CLI's `--json` shape)."""
    zone = review.zone
    session = review.session
    targets = session.targets
    pva = review.plan_vs_actual
    details = {key: _metric_json(review.kpis[key]) for key in METRIC_KEYS}
    names = {row.product_id: row.name for row in review.products}
    return {
        "session": {
            "id": session.id,
            "title": session.title,
            "account": session.account,
            "platform": session.platform,
            "start": iso(_ms(session.start), zone),
            "planned_seconds": session.planned_seconds,
            "timezone": session.timezone,
            "is_sample": session.is_sample,
            "targets": {
                "gmv": yuan(targets.gmv_fen),
                "uv": targets.uv,
                "uv_value": yuan(targets.uv_value_fen),
                "watch_to_buy_rate": targets.conversion,
                "roi": targets.roi,
            },
        },
        "kpis": {key: details[key]["value"] for key in METRIC_KEYS},
        "kpi_sources": {key: details[key]["source"] for key in METRIC_KEYS},
        "kpi_details": details,
        "kpi_count_variants": dict(review.count_variants),
        "funnel": [{"stage": f.stage, "value": f.value} for f in review.funnel],
        "plan_vs_actual": {
            "source": pva.source,
            "planned_seconds": pva.planned_seconds,
            "actual_seconds": pva.actual_seconds,
            "over_under_seconds": pva.over_under_seconds,
            "start_delay_seconds": pva.start_delay_seconds,
            "order_kept": pva.order_kept,
            "skipped": list(pva.skipped),
            "added": list(pva.added),
        },
        "segments": [_segment_json(s, zone) for s in review.segments],
        "buckets": {name: {"gmv": yuan(b.gmv_fen), "orders": b.orders} for name, b in review.buckets.items()},
        "live_window": {
            "start": iso(review.window_ms[0], zone) if review.window_ms else None,
            "end": iso(review.window_ms[1], zone) if review.window_ms else None,
        },
        "outside_window": _outside_json(review.outside, zone),
        "steps": [
            {
                "position": s.position,
                "step": s.step,
                "start": iso(s.start_ms, zone),
                "seconds": s.seconds,
                "gmv": yuan(s.gmv_fen),
                "orders": s.orders,
            }
            for s in review.steps
        ],
        "markers": [
            {"at": iso(m.at_ms, zone), "marker": m.marker, "note": m.note, "position": m.position}
            for m in review.markers
        ],
        "products": [_product_json(row) for row in review.products],
        "roles": _roles_json(review.roles),
        "findings": [finding_json(f, zone, names) for f in review.findings],
        "actions": [_action_json(a) for a in review.actions],
        "curves": {
            "minute": [iso(m, zone) for m in review.curves.minute_ms],
            "online": list(review.curves.online),
            "gmv": [yuan(v) for v in review.curves.gmv_fen],
        },
        "provenance": [
            {
                "kind": p.kind,
                "format": p.format,
                "source_name": p.source_name,
                "sheet": p.sheet,
                "imported_at": p.imported_at,
                "rows_stored": p.rows_stored,
                "rows_skipped": p.rows_skipped,
            }
            for p in review.provenance
        ],
        "definitions": {key: FORMULA_TEXT.get(key, "as exported") for key in METRIC_KEYS},
        "thresholds": dict(review.thresholds),
    }


def _ms(moment: datetime) -> int:
    return round(moment.timestamp() * 1000)


def _from_iso(text: str | None) -> int | None:
    return None if text is None else _ms(datetime.fromisoformat(text))


def _fen(value: float | None) -> int | None:
    return None if value is None else int(round(value * 100))


def _money_out(key: str, money: frozenset[str], value: float | None) -> float | None:
    return yuan(value) if key in money and value is not None else value


def _money_in(key: str, money: frozenset[str], value: Any) -> Any:
    return _fen(value) if key in money and value is not None else value


def _metric_json(metric: Metric) -> Json:
    def out(value: float | None) -> float | None:
        return _money_out(metric.key, MONEY_KEYS, value)

    caveat = CAVEATS.get(metric.key)
    return {
        "value": out(metric.value),
        "source": metric.source.text if metric.source else None,
        "formula": metric.formula or FORMULA_TEXT.get(metric.key),
        "caveat": CAVEAT_TEXT.get(caveat) if caveat else None,
        "caveat_code": caveat,
        "estimated": metric.estimated,
        "low": out(metric.low),
        "high": out(metric.high),
        "alternatives": [
            {"value": out(a.value), "source": a.source.text, "gap": out(a.gap), "formula": a.formula}
            for a in metric.alternatives
        ],
    }


def _segment_json(row: SegmentReview, zone: str) -> Json:
    return {
        "index": row.index,
        "positions": list(row.positions),
        "kind": row.kind,
        "title": row.title,
        "product_id": row.product_id,
        "role": row.role,
        "status": row.status,
        "planned_start": iso(row.planned_start_ms, zone),
        "planned_seconds": row.planned_seconds,
        "actual_start": iso(row.actual_start_ms, zone),
        "actual_seconds": row.actual_seconds,
        "delta_seconds": row.delta_seconds,
        "gmv": yuan(row.gmv_fen),
        "orders": row.orders,
        "units": row.units,
        "on_air_gmv": yuan(row.on_air_gmv_fen),
        "on_air_share": row.on_air_share,
        "online_start": row.online_start,
        "online_end": row.online_end,
        "gmv_per_minute": yuan(row.gmv_per_minute_fen),
        "gmv_source": row.gmv_source,
    }


def _outside_json(outside: OutsideWindow | None, zone: str) -> Json | None:
    if outside is None:
        return None
    return {
        side: {
            "lines": b.lines,
            "orders": b.orders,
            "gmv": yuan(b.gmv_fen),
            "first_paid": iso(b.first_ms, zone),
            "last_paid": iso(b.last_ms, zone),
        }
        for side, b in (("before", outside.before), ("after", outside.after))
    }


def _product_json(row: ProductReview) -> Json:
    money = PRODUCT_MONEY_KEYS
    out: Json = {
        "product_id": row.product_id,
        "name": row.name,
        "role": row.role,
        "sources": {k: (s.text if s else None) for k, s in row.sources.items()},
        "alternatives": {
            k: {
                "value": _money_out(k, money, a.value),
                "source": a.source.text,
                "gap": _money_out(k, money, a.gap),
            }
            for k, a in row.alternatives.items()
        },
        "values": {
            k: [{"value": _money_out(k, money, v.value), "source": v.source.text} for v in listed]
            for k, listed in row.values.items()
        },
    }
    for key in _PRODUCT_FIELDS:
        out[key] = _money_out(key, money, getattr(row, key))
    return out


def _roles_json(roles: RoleReview) -> Json:
    return {
        "thresholds": dict(roles.thresholds),
        "scorecards": [
            {
                "product_id": c.product_id,
                "name": c.name,
                "role": c.role,
                "verdict": c.verdict,
                "pitched": c.pitched,
                "checks": [
                    {
                        "check": k.check,
                        "value": k.value,
                        "threshold": k.threshold,
                        "threshold_key": k.threshold_key,
                        "met": k.met,
                    }
                    for k in c.checks
                ],
            }
            for c in roles.scorecards
        ],
        "by_role": {
            role: {
                "products": t.products,
                "met": t.met,
                "not_met": t.not_met,
                "gmv_share": t.gmv_share,
                "gmv": yuan(t.gmv_fen),
            }
            for role, t in roles.by_role.items()
        },
    }


def _param_json(param: Param, zone: str) -> Any:
    value = param.value
    if param.unit is Unit.FEN:
        return yuan(value) if isinstance(value, (int, float)) else None
    if param.unit is Unit.INSTANT:
        return iso(value, zone) if isinstance(value, int) else None
    if isinstance(value, tuple):
        return list(value)
    return value


def finding_json(finding: Finding, zone: str, names: Mapping[Any, str] | None = None) -> Json:
    """One finding as JSON (money in yuan, instants ISO); `message` is its English sentence from
    livedesk.words (`names`: product id → name), for readers of the file, never read back."""
    subject = {name: getattr(finding.subject, name) for name in _SUBJECT_FIELDS}
    data: Json = {
        "code": finding.code,
        "severity": finding.severity.value,
        "evidence": {p.name: _param_json(p, zone) for p in finding.evidence},
        "subject": {k: v for k, v in subject.items() if v is not None},
        "suggested": {
            "metric": finding.suggested.metric,
            "comparison": finding.suggested.comparison,
            "target": finding.suggested.target,
        },
    }
    data["message"] = finding_words(finding, dict(names or {}), zone, "en")
    return data


def _action_json(action: ReviewAction) -> Json:
    item = action.item
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
        "status": action.status.value,
        "verified_session_id": action.verified_session_id,
        "verified_value": action.verified_value,
        "carried": action.carried,
    }


# --- reading back ---------------------------------------------------------------------------------------


def review_from_json(data: Mapping[str, Any]) -> Review:
    """The typed review from its JSON (inputs and run are gone: only what the JSON carries)."""
    session = _session_from_json(data["session"])
    pva_json = data["plan_vs_actual"]
    window = data["live_window"]
    start, end = _from_iso(window["start"]), _from_iso(window["end"])
    provenance = tuple(Provenance(**p) for p in data["provenance"])
    return Review(
        session=session,
        kpis={key: _metric_from_json(key, data["kpi_details"][key]) for key in data["kpi_details"]},
        plan_vs_actual=PlanVsActual(
            source=pva_json["source"],
            rows=[],
            planned_seconds=pva_json["planned_seconds"],
            actual_seconds=pva_json["actual_seconds"],
            over_under_seconds=pva_json["over_under_seconds"],
            start_delay_seconds=pva_json["start_delay_seconds"],
            order_kept=pva_json["order_kept"],
            skipped=list(pva_json["skipped"]),
            added=list(pva_json["added"]),
        ),
        segments=tuple(_segment_from_json(s) for s in data["segments"]),
        products=tuple(_product_from_json(p) for p in data["products"]),
        roles=_roles_from_json(data["roles"]),
        findings=tuple(finding_from_json(f) for f in data["findings"]),
        curves=Curves(
            minute_ms=tuple(_from_iso(m) or 0 for m in data["curves"]["minute"]),
            online=tuple(data["curves"]["online"]),
            gmv_fen=tuple(_fen(v) for v in data["curves"]["gmv"]),
        ),
        thresholds=dict(data["thresholds"]),
        funnel=tuple(FunnelStage(f["stage"], f["value"]) for f in data["funnel"]),
        buckets={k: BucketFigures(_fen(b["gmv"]), b["orders"]) for k, b in data["buckets"].items()},
        steps=tuple(
            StepFigures(
                s["position"],
                s["step"],
                _from_iso(s["start"]) or 0,
                s["seconds"],
                _fen(s["gmv"]),
                s["orders"],
            )
            for s in data["steps"]
        ),
        markers=tuple(
            RunMarker(_from_iso(m["at"]) or 0, m["marker"], m["note"], m["position"]) for m in data["markers"]
        ),
        actions=tuple(_action_from_json(a, session.account) for a in data["actions"]),
        window_ms=(start, end) if start is not None and end is not None else None,
        outside=_outside_from_json(data["outside_window"]),
        provenance=provenance,
        count_variants=dict(data["kpi_count_variants"]),
        has_data=any(p.rows_stored for p in provenance),
    )


def _session_from_json(data: Mapping[str, Any]) -> Session:
    targets = data["targets"]
    return Session(
        title=data["title"],
        start=datetime.fromisoformat(data["start"]),
        planned_seconds=data["planned_seconds"],
        platform=data["platform"],
        account=data["account"],
        timezone=data["timezone"],
        targets=Targets(
            gmv_fen=_fen(targets["gmv"]),
            uv=targets["uv"],
            uv_value_fen=_fen(targets["uv_value"]),
            conversion=targets["watch_to_buy_rate"],
            roi=targets["roi"],
        ),
        is_sample=data["is_sample"],
        id=data["id"],
    )


def _metric_from_json(key: str, data: Mapping[str, Any]) -> Metric:
    def money(value: Any) -> Any:
        return _money_in(key, MONEY_KEYS, value)

    return Metric(
        key=key,
        value=money(data["value"]),
        source=Source.from_text(data["source"]),
        formula=data["formula"],
        estimated=data["estimated"],
        low=money(data["low"]),
        high=money(data["high"]),
        alternatives=[
            Alternative(money(a["value"]), _source(a["source"]), money(a["gap"]), a["formula"])
            for a in data["alternatives"]
        ],
    )


def _segment_from_json(data: Mapping[str, Any]) -> SegmentReview:
    return SegmentReview(
        index=data["index"],
        positions=tuple(data["positions"]),
        kind=data["kind"],
        title=data["title"],
        product_id=data["product_id"],
        role=data["role"],
        status=data["status"],
        planned_start_ms=_from_iso(data["planned_start"]),
        planned_seconds=data["planned_seconds"],
        actual_start_ms=_from_iso(data["actual_start"]),
        actual_seconds=data["actual_seconds"],
        gmv_fen=_fen(data["gmv"]),
        orders=data["orders"],
        units=data["units"],
        on_air_gmv_fen=_fen(data["on_air_gmv"]),
        online_start=data["online_start"],
        online_end=data["online_end"],
        gmv_source=data["gmv_source"],
    )


def _outside_from_json(data: Mapping[str, Any] | None) -> OutsideWindow | None:
    if data is None:
        return None

    def bucket(b: Mapping[str, Any]) -> OutsideBucket:
        return OutsideBucket(
            b["lines"], b["orders"], _fen(b["gmv"]), _from_iso(b["first_paid"]), _from_iso(b["last_paid"])
        )

    return OutsideWindow(bucket(data["before"]), bucket(data["after"]))


def _source(text: str) -> Source:
    return Source.from_text(text) or Source(SourceKind.EXPORT)


def _product_from_json(data: Mapping[str, Any]) -> ProductReview:
    money = PRODUCT_MONEY_KEYS
    return ProductReview(
        product_id=data["product_id"],
        name=data["name"],
        role=data["role"],
        sources={k: Source.from_text(s) for k, s in data["sources"].items()},
        alternatives={
            k: ProductAlternative(
                _money_in(k, money, a["value"]), _source(a["source"]), _money_in(k, money, a["gap"])
            )
            for k, a in data["alternatives"].items()
        },
        values={
            k: tuple(SourcedValue(_money_in(k, money, v["value"]), _source(v["source"])) for v in listed)
            for k, listed in data["values"].items()
        },
        **{key: _money_in(key, money, data[key]) for key in _PRODUCT_FIELDS},
    )


def _roles_from_json(data: Mapping[str, Any]) -> RoleReview:
    return RoleReview(
        thresholds=dict(data["thresholds"]),
        scorecards=tuple(
            Scorecard(
                c["product_id"],
                c["name"],
                c["role"],
                c["verdict"],
                c["pitched"],
                tuple(
                    RoleCheck(k["check"], k["value"], k["threshold"], k["threshold_key"], k["met"])
                    for k in c["checks"]
                ),
            )
            for c in data["scorecards"]
        ),
        by_role={
            role: RoleTotals(t["products"], t["met"], t["not_met"], _fen(t["gmv"]), t["gmv_share"])
            for role, t in data["by_role"].items()
        },
    )


def _evidence_unit(code: str, name: str, evidence: Mapping[str, Any]) -> Unit:
    """The unit of an evidence value read from JSON (the JSON keeps values, the unit follows the rule)."""
    if name in ("value", "target", "threshold"):
        if code.endswith("_below"):
            return check_unit(code.split("_", 1)[1].removesuffix("_below"))
        metric = evidence.get("metric")
        if metric in MONEY_KEYS:
            return Unit.FEN
        return {"watch_to_buy_rate": Unit.FRACTION, "roi": Unit.RATIO}.get(str(metric), Unit.COUNT)
    if name in ("gmv", "primary", "other", "gap", "refund_amount"):
        return Unit.FEN
    if name in ("first_paid", "last_paid", "at"):
        return Unit.INSTANT
    if name.endswith("_seconds"):
        return Unit.SECONDS
    fixed = {
        "metric": Unit.METRIC,
        "note": Unit.TEXT,
        "segments": Unit.SEGMENTS,
        "products": Unit.PRODUCTS,
        "achieved": Unit.FRACTION,
        "click_to_buy_rate": Unit.FRACTION,
        "refund_rate": Unit.FRACTION,
    }
    return fixed.get(name, Unit.COUNT)


def _param_from_json(code: str, name: str, value: Any, evidence: Mapping[str, Any]) -> Param:
    unit = _evidence_unit(code, name, evidence)
    typed: ParamValue
    if unit is Unit.FEN:
        typed = _fen(value)
    elif unit is Unit.INSTANT:
        typed = _from_iso(value)
    elif isinstance(value, list):
        typed = tuple(value)
    else:
        typed = value
    return Param(name, typed, unit)


def finding_from_json(data: Mapping[str, Any]) -> Finding:
    evidence = data["evidence"]
    suggested = data["suggested"]
    return Finding(
        code=data["code"],
        severity=Severity(data["severity"]),
        evidence=tuple(_param_from_json(data["code"], k, v, evidence) for k, v in evidence.items()),
        subject=Subject(**{k: data["subject"].get(k) for k in _SUBJECT_FIELDS}),
        suggested=Suggestion(suggested["metric"], suggested["comparison"], suggested["target"]),
    )


def _action_from_json(data: Mapping[str, Any], account: str) -> ReviewAction:
    item = ActionItem(
        session_id=data["session_id"],
        account=account,
        action=data["action"],
        owner=data["owner"],
        metric=data["metric"],
        target=data["target"],
        comparison=data["comparison"],
        finding_code=data["finding_code"],
        subject=data["subject"],
        status=ActionStatus(data["status"]),
        verified_session_id=data["verified_session_id"],
        verified_value=data["verified_value"],
        id=data["id"],
    )
    return ReviewAction(item, carried=data["carried"])
