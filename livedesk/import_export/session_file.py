"""The LiveDesk session file: one JSON document holding a whole SessionPlan (header, pool, run order).

Money is integer fen (`*_fen`), instants are ISO 8601 with their UTC offset plus the zone name, so a file
written on one machine reads back identically on another. `write_session_file` / `read_session_file`.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from livedesk.domain.message import Message
from livedesk.domain.product import Product
from livedesk.domain.roles import Role, ScriptStep, SegmentKind
from livedesk.domain.session import ChecklistItem, Segment, Session, SessionPlan, StepBudget, Targets
from livedesk.words.messages import SaidInEnglish

FORMAT_NAME = "livedesk-session"
FORMAT_VERSION = 1
SUFFIX = ".livedesk.json"


class SessionFileError(SaidInEnglish, ValueError):
    """A session file that cannot be read: `reason` is a `session_file.*` Message (with the file once it is
    known) worded at the edge; what the JSON parser said is in `details`."""

    def __init__(self, code: str, details: str | None = None, **params: Any) -> None:
        super().__init__(Message(f"session_file.{code}", params), details)


def plan_to_document(plan: SessionPlan) -> dict[str, Any]:
    """The JSON-ready dict of a plan (ids of the store are left out: a file is not tied to one store)."""
    s = plan.session
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "session": {
            "title": s.title,
            "platform": s.platform,
            "account": s.account,
            "timezone": s.timezone,
            "start": s.start.astimezone(s.zone).isoformat(),
            "planned_seconds": s.planned_seconds,
            "team": dict(s.team),
            "targets": {
                "gmv_fen": s.targets.gmv_fen,
                "uv": s.targets.uv,
                "uv_value_fen": s.targets.uv_value_fen,
                "conversion": s.targets.conversion,
                "roi": s.targets.roi,
            },
            "ad_budget_fen": s.ad_budget_fen,
            "preheat_checklist": [{"text": i.text, "done": i.done} for i in s.preheat_checklist],
            "scene_checklist": [{"text": i.text, "done": i.done} for i in s.scene_checklist],
            "is_sample": s.is_sample,
        },
        "products": [
            {
                "product_id": p.product_id,
                "name": p.name,
                "role": p.role.value,
                "sku": p.sku,
                "daily_price_fen": p.daily_price_fen,
                "live_price_fen": p.live_price_fen,
                "cost_fen": p.cost_fen,
                "stock": p.stock,
                "mechanism": p.mechanism,
                "selling_points": p.selling_points,
                "pain_points": p.pain_points,
                "endorsements": p.endorsements,
                "faq": p.faq,
                # Written in speaking order whatever order the dict was filled in.
                "scripts": {step.value: p.scripts[step] for step in ScriptStep if step in p.scripts},
            }
            for p in plan.products
        ],
        "segments": [
            {
                "kind": g.kind.value,
                "planned_seconds": g.planned_seconds,
                "product_id": g.product_id,
                "title": g.title,
                "owner": g.owner,
                "cues": list(g.cues),
                "notes": g.notes,
                "steps": [{"step": b.step.value, "seconds": b.seconds, "text": b.text} for b in g.steps],
            }
            for g in plan.segments
        ],
    }


def write_session_file(plan: SessionPlan, path: str | Path) -> Path:
    """Write the plan as UTF-8 JSON (stable key order, so the same plan gives the same bytes)."""
    path = Path(path)
    text = json.dumps(plan_to_document(plan), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8", newline="\n")
    return path


def read_session_file(path: str | Path) -> SessionPlan:
    """Read a session file back into a SessionPlan; SessionFileError names the file and what is wrong."""
    path = Path(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise SessionFileError("not_found", file=path.name) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SessionFileError("not_json", str(exc), file=path.name) from exc
    try:
        return document_to_plan(document)
    except SessionFileError as exc:
        raise SessionFileError("in_file", exc.details, file=path.name, reason=exc.reason) from exc


def document_to_plan(document: Any) -> SessionPlan:
    """Validate a parsed document and build the plan; SessionFileError (without a file name) on any problem."""
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise SessionFileError("not_session_file", format=FORMAT_NAME)
    version = document.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise SessionFileError("version_unsupported", version=repr(version), max_version=str(FORMAT_VERSION))
    session = _session(_mapping(document.get("session"), "session"))
    products = [
        _product(_mapping(p, f"products[{i}]"), i)
        for i, p in enumerate(_list(document.get("products", []), "products"))
    ]
    ids = [p.product_id for p in products]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SessionFileError("duplicate_product", product=duplicates[0])
    segments = [
        _segment(_mapping(g, f"segments[{i}]"), i, set(ids))
        for i, g in enumerate(_list(document.get("segments", []), "segments"))
    ]
    return SessionPlan(session=session, products=products, segments=segments)


def _session(raw: dict) -> Session:
    zone = _text(raw, "timezone", "session", default="Asia/Shanghai")
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise SessionFileError("bad_timezone", zone=zone) from exc
    start_text = _text(raw, "start", "session")
    try:
        start = datetime.fromisoformat(start_text)
    except ValueError as exc:
        raise SessionFileError("bad_start", text=start_text) from exc
    if start.tzinfo is None:
        raise SessionFileError("start_without_offset", text=start_text)
    targets = _mapping(raw.get("targets") or {}, "session.targets")
    return Session(
        title=_text(raw, "title", "session"),
        start=start.astimezone(ZoneInfo(zone)),
        planned_seconds=_count(raw, "planned_seconds", "session"),
        platform=_text(raw, "platform", "session", default="douyin"),
        account=_text(raw, "account", "session", default=""),
        timezone=zone,
        team={str(k): str(v) for k, v in _mapping(raw.get("team") or {}, "session.team").items()},
        targets=Targets(
            gmv_fen=_optional_int(targets, "gmv_fen", "session.targets"),
            uv=_optional_int(targets, "uv", "session.targets"),
            uv_value_fen=_optional_int(targets, "uv_value_fen", "session.targets"),
            conversion=_optional_float(targets, "conversion", "session.targets"),
            roi=_optional_float(targets, "roi", "session.targets"),
        ),
        ad_budget_fen=_optional_int(raw, "ad_budget_fen", "session"),
        preheat_checklist=_checklist(raw.get("preheat_checklist", []), "session.preheat_checklist"),
        scene_checklist=_checklist(raw.get("scene_checklist", []), "session.scene_checklist"),
        is_sample=bool(raw.get("is_sample", False)),
    )


def _product(raw: dict, index: int) -> Product:
    where = f"products[{index}]"
    role_text = _text(raw, "role", where)
    try:
        role = Role(role_text)
    except ValueError as exc:
        raise SessionFileError(
            "bad_choice", where=f"{where}.role", value=role_text, choices=[r.value for r in Role]
        ) from exc
    scripts = {}
    for key, text in _mapping(raw.get("scripts") or {}, f"{where}.scripts").items():
        scripts[_step(key, f"{where}.scripts")] = str(text)
    return Product(
        product_id=_text(raw, "product_id", where),
        name=_text(raw, "name", where),
        role=role,
        sku=_text(raw, "sku", where, default=""),
        daily_price_fen=_optional_int(raw, "daily_price_fen", where),
        live_price_fen=_optional_int(raw, "live_price_fen", where),
        cost_fen=_optional_int(raw, "cost_fen", where),
        stock=_optional_int(raw, "stock", where),
        mechanism=_text(raw, "mechanism", where, default=""),
        selling_points=_text(raw, "selling_points", where, default=""),
        pain_points=_text(raw, "pain_points", where, default=""),
        endorsements=_text(raw, "endorsements", where, default=""),
        faq=_text(raw, "faq", where, default=""),
        scripts=scripts,
    )


def _segment(raw: dict, index: int, product_ids: set[str]) -> Segment:
    where = f"segments[{index}]"
    kind_text = _text(raw, "kind", where)
    try:
        kind = SegmentKind(kind_text)
    except ValueError as exc:
        raise SessionFileError(
            "bad_choice", where=f"{where}.kind", value=kind_text, choices=[k.value for k in SegmentKind]
        ) from exc
    product_id = raw.get("product_id")
    if product_id is not None:
        product_id = str(product_id)
        if product_id not in product_ids:
            raise SessionFileError("unknown_product", where=where, product=product_id)
    steps = []
    for j, budget in enumerate(_list(raw.get("steps", []), f"{where}.steps")):
        budget = _mapping(budget, f"{where}.steps[{j}]")
        steps.append(
            StepBudget(
                step=_step(_text(budget, "step", f"{where}.steps[{j}]"), f"{where}.steps[{j}]"),
                seconds=_count(budget, "seconds", f"{where}.steps[{j}]"),
                text=_text(budget, "text", f"{where}.steps[{j}]", default=""),
            )
        )
    return Segment(
        kind=kind,
        planned_seconds=_count(raw, "planned_seconds", where),
        product_id=product_id,
        title=_text(raw, "title", where, default=""),
        owner=_text(raw, "owner", where, default=""),
        cues=[str(c) for c in _list(raw.get("cues", []), f"{where}.cues")],
        notes=_text(raw, "notes", where, default=""),
        steps=steps,
    )


def _checklist(raw: Any, where: str) -> list[ChecklistItem]:
    items = []
    for i, item in enumerate(_list(raw, where)):
        item = _mapping(item, f"{where}[{i}]")
        items.append(
            ChecklistItem(text=_text(item, "text", f"{where}[{i}]"), done=bool(item.get("done", False)))
        )
    return items


def _step(text: str, where: str) -> ScriptStep:
    try:
        return ScriptStep(text)
    except ValueError as exc:
        raise SessionFileError(
            "bad_choice", where=where, value=text, choices=[s.value for s in ScriptStep]
        ) from exc


def _mapping(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise SessionFileError("not_object", where=where)
    return value


def _list(value: Any, where: str) -> list:
    if not isinstance(value, list):
        raise SessionFileError("not_list", where=where)
    return value


_MISSING = object()


def _text(raw: dict, key: str, where: str, default: Any = _MISSING) -> str:
    value = raw.get(key, default)
    if value is _MISSING or value is None:
        if default is _MISSING:
            raise SessionFileError("missing", where=f"{where}.{key}")
        return default
    if not isinstance(value, str):
        raise SessionFileError("not_text", where=f"{where}.{key}")
    return value


def _count(raw: dict, key: str, where: str) -> int:
    value = raw.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise SessionFileError("bad_seconds", where=f"{where}.{key}")
    return value


def _optional_int(raw: dict, key: str, where: str) -> int | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise SessionFileError("not_int", where=f"{where}.{key}")
    return value


def _optional_float(raw: dict, key: str, where: str) -> float | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SessionFileError("not_number", where=f"{where}.{key}")
    return float(value)
