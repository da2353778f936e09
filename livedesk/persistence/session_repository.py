"""Sessions and their plans (pool and run order) in and out of the store as domain objects.

Saves come in two kinds. The versioned ones (`save_header`, `save_pool`, `save_run_order`, `claim_script`)
name the version the edit started from and raise `EditConflict` when someone saved that part in between; they
lock the session row first, so concurrent saves of one session queue there (and never deadlock). The plain
ones (`save_plan`, `replace_products`, `replace_segments`) write unconditionally, for new sessions, imports and
tools, and still bump the versions so that a stale editor elsewhere learns of them.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from typing import Any

from sqlalchemy import func
from sqlmodel import Session as DbSession
from sqlmodel import col, delete, select, update

from livedesk.domain.edit_conflict import EditConflict, EditPart, PlanVersions
from livedesk.domain.ids import saved
from livedesk.domain.message import Message
from livedesk.domain.product import Product
from livedesk.domain.roles import Role, ScriptStep, SegmentKind
from livedesk.domain.session import ChecklistItem, Segment, Session, SessionPlan, StepBudget, Targets
from livedesk.domain.session_listing import SessionListItem
from livedesk.persistence import summary_repository
from livedesk.persistence.tables import ProductRow, SegmentRow, SessionRow
from livedesk.persistence.timecodec import from_ms, to_ms
from livedesk.words.messages import SaidInEnglish


class SessionNotFound(SaidInEnglish, LookupError):
    """The session is not in the store (deleted, or a wrong id): `reason` is the Message session.not_found."""

    def __init__(self, session_id: int) -> None:
        super().__init__(Message("session.not_found", {"session": str(session_id)}))
        self.session_id = session_id


def _now_ms() -> int:
    return int(time.time() * 1000)


def _session_to_row(session: Session, row: SessionRow | None = None) -> SessionRow:
    row = row or SessionRow(title="", start_ms=0, planned_seconds=0)
    row.title = session.title
    row.platform = session.platform
    row.account = session.account
    row.start_ms = to_ms(session.start)
    row.timezone = session.timezone
    row.planned_seconds = session.planned_seconds
    row.team = dict(session.team)
    row.targets = asdict(session.targets)
    row.ad_budget_fen = session.ad_budget_fen
    row.checklists = {
        "preheat": [asdict(item) for item in session.preheat_checklist],
        "scene": [asdict(item) for item in session.scene_checklist],
    }
    row.is_sample = session.is_sample
    row.updated_ms = _now_ms()
    return row


def _row_to_session(row: SessionRow) -> Session:
    checklists = row.checklists or {}
    return Session(
        id=row.id,
        title=row.title,
        start=from_ms(row.start_ms, row.timezone),
        planned_seconds=row.planned_seconds,
        platform=row.platform,
        account=row.account,
        timezone=row.timezone,
        team=dict(row.team or {}),
        targets=Targets(**(row.targets or {})),
        ad_budget_fen=row.ad_budget_fen,
        preheat_checklist=[ChecklistItem(**item) for item in checklists.get("preheat", [])],
        scene_checklist=[ChecklistItem(**item) for item in checklists.get("scene", [])],
        is_sample=row.is_sample,
    )


def add_session(db: DbSession, session: Session) -> int:
    row = _session_to_row(session)
    db.add(row)
    db.flush()
    session.id = saved(row.id, "session")
    return session.id


def update_session(db: DbSession, session: Session) -> None:
    """Write the header whatever version is stored (see `save_header` for the checked save)."""
    _bump(db, saved(session.id, "session"), SessionRow.header_version)
    _write_header(db, session)


def _write_header(db: DbSession, session: Session) -> None:
    session_id = saved(session.id, "session")
    row = db.get(SessionRow, session_id)
    if row is None:
        raise SessionNotFound(session_id)
    keys = (row.account, row.start_ms, row.planned_seconds)
    _session_to_row(session, row)
    db.add(row)
    if keys != (row.account, row.start_ms, row.planned_seconds):
        summary_repository.sync_session_keys(db, session_id, row.account, row.start_ms, row.planned_seconds)


def get_session(db: DbSession, session_id: int) -> Session:
    row = db.get(SessionRow, session_id)
    if row is None:
        raise SessionNotFound(session_id)
    return _row_to_session(row)


_LISTED: tuple[Any, ...] = (
    SessionRow.id,
    SessionRow.title,
    SessionRow.platform,
    SessionRow.account,
    SessionRow.start_ms,
    SessionRow.planned_seconds,
    SessionRow.timezone,
    SessionRow.is_sample,
)


def _filtered(query, account: str | None, search: str | None):
    if account is not None:
        query = query.where(col(SessionRow.account) == account)
    if search and search.strip():
        # Case-insensitive on both databases (PostgreSQL's LIKE is not); % and _ typed by the user are literal.
        query = query.where(func.lower(SessionRow.title).contains(search.strip().lower(), autoescape=True))
    return query


def list_sessions(
    db: DbSession,
    *,
    account: str | None = None,
    search: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[SessionListItem]:
    """Sessions newest first, only the listed columns (no JSON): of one account when given, whose title
    contains `search` when given, `limit` rows from `offset`."""
    query = _filtered(select(*_LISTED), account, search)
    query = query.order_by(col(SessionRow.start_ms).desc(), col(SessionRow.id).desc())
    if offset:
        query = query.offset(max(offset, 0))
    if limit is not None:
        query = query.limit(max(limit, 0))
    return [
        SessionListItem(
            id=sid,
            title=title,
            platform=platform,
            account=account_name,
            start=from_ms(start_ms, zone),
            planned_seconds=planned,
            timezone=zone,
            is_sample=bool(sample),
        )
        for sid, title, platform, account_name, start_ms, planned, zone, sample in db.exec(query).all()
    ]


def count_sessions(db: DbSession, *, account: str | None = None, search: str | None = None) -> int:
    return int(db.exec(_filtered(select(func.count()).select_from(SessionRow), account, search)).one())


def list_accounts(db: DbSession) -> list[tuple[str, int]]:
    """Every account in the store with its number of sessions, by name."""
    rows = db.exec(
        select(SessionRow.account, func.count()).group_by(SessionRow.account).order_by(SessionRow.account)
    ).all()
    return [(account, int(count)) for account, count in rows]


def session_exists(db: DbSession, session_id: int) -> bool:
    return db.exec(select(SessionRow.id).where(col(SessionRow.id) == session_id)).first() is not None


def delete_session(db: DbSession, session_id: int) -> None:
    row = db.get(SessionRow, session_id)
    if row is None:
        raise SessionNotFound(session_id)
    db.delete(row)


def _product_to_row(session_id: int, position: int, product: Product) -> ProductRow:
    return ProductRow(
        session_id=session_id,
        position=position,
        product_id=product.product_id,
        name=product.name,
        role=product.role.value,
        sku=product.sku,
        daily_price_fen=product.daily_price_fen,
        live_price_fen=product.live_price_fen,
        cost_fen=product.cost_fen,
        stock=product.stock,
        mechanism=product.mechanism,
        selling_points=product.selling_points,
        pain_points=product.pain_points,
        endorsements=product.endorsements,
        faq=product.faq,
        scripts={step.value: text for step, text in product.scripts.items()},
    )


def _row_to_product(row: ProductRow) -> Product:
    return Product(
        product_id=row.product_id,
        name=row.name,
        role=Role(row.role),
        sku=row.sku,
        daily_price_fen=row.daily_price_fen,
        live_price_fen=row.live_price_fen,
        cost_fen=row.cost_fen,
        stock=row.stock,
        mechanism=row.mechanism,
        selling_points=row.selling_points,
        pain_points=row.pain_points,
        endorsements=row.endorsements,
        faq=row.faq,
        scripts={ScriptStep(key): text for key, text in (row.scripts or {}).items()},
    )


def _segment_to_row(session_id: int, position: int, segment: Segment) -> SegmentRow:
    return SegmentRow(
        session_id=session_id,
        position=position,
        kind=segment.kind.value,
        product_id=segment.product_id,
        title=segment.title,
        planned_seconds=segment.planned_seconds,
        owner=segment.owner,
        cues=list(segment.cues),
        notes=segment.notes,
        steps=[{"step": b.step.value, "seconds": b.seconds, "text": b.text} for b in segment.steps],
    )


def _row_to_segment(row: SegmentRow) -> Segment:
    return Segment(
        kind=SegmentKind(row.kind),
        planned_seconds=row.planned_seconds,
        product_id=row.product_id,
        title=row.title,
        owner=row.owner,
        cues=list(row.cues or []),
        notes=row.notes,
        steps=[
            StepBudget(ScriptStep(s["step"]), int(s["seconds"]), s.get("text", "")) for s in (row.steps or [])
        ],
    )


def replace_products(db: DbSession, session_id: int, products: list[Product]) -> None:
    """The pool (scripts included) whatever version is stored."""
    _bump(db, session_id, SessionRow.pool_version)
    _write_pool(db, session_id, products, with_scripts=True)


def replace_segments(db: DbSession, session_id: int, segments: list[Segment]) -> None:
    """The run order whatever version is stored."""
    _bump(db, session_id, SessionRow.run_order_version)
    _write_segments(db, session_id, segments)


def load_products(db: DbSession, session_id: int) -> list[Product]:
    rows = db.exec(
        select(ProductRow).where(col(ProductRow.session_id) == session_id).order_by(col(ProductRow.position))
    ).all()
    return [_row_to_product(row) for row in rows]


def _segment_rows(db: DbSession, session_id: int) -> list[SegmentRow]:
    return list(
        db.exec(
            select(SegmentRow)
            .where(col(SegmentRow.session_id) == session_id)
            .order_by(col(SegmentRow.position))
        ).all()
    )


def load_plan(db: DbSession, session_id: int) -> SessionPlan:
    session = get_session(db, session_id)
    return SessionPlan(
        session=session,
        products=load_products(db, session_id),
        segments=[_row_to_segment(r) for r in _segment_rows(db, session_id)],
    )


def load_versions(db: DbSession, session_id: int) -> PlanVersions:
    """The version of each part of the session as stored now."""
    row = db.exec(
        select(SessionRow.header_version, SessionRow.pool_version, SessionRow.run_order_version).where(
            col(SessionRow.id) == session_id
        )
    ).first()
    if row is None:
        raise SessionNotFound(session_id)
    scripts = db.exec(
        select(ProductRow.product_id, ProductRow.script_version).where(
            col(ProductRow.session_id) == session_id
        )
    ).all()
    return PlanVersions(row[0], row[1], row[2], {pid: version for pid, version in scripts})


def load_plan_with_versions(db: DbSession, session_id: int) -> tuple[SessionPlan, PlanVersions]:
    """The plan and the versions it was read at; call inside one transaction so the two agree."""
    versions = load_versions(db, session_id)
    return load_plan(db, session_id), versions


def save_plan(db: DbSession, plan: SessionPlan) -> int:
    """Insert or update the session header, then replace its pool and run order (unchecked)."""
    if plan.session.id is None:  # a new session: every part starts at version 1
        session_id = add_session(db, plan.session)
        _write_pool(db, session_id, plan.products, with_scripts=True)
        _write_segments(db, session_id, plan.segments, new_session=True)
        return session_id
    update_session(db, plan.session)
    replace_products(db, plan.session.id, plan.products)
    replace_segments(db, plan.session.id, plan.segments)
    return plan.session.id


# --- checked saves: each names the version it started from -----------------------------------------


def save_header(db: DbSession, session: Session, expected_version: int) -> int:
    """The header, if nobody saved it since `expected_version`; returns the new version."""
    version = _claim(
        db, saved(session.id, "session"), EditPart.HEADER, SessionRow.header_version, expected_version
    )
    _write_header(db, session)
    return version


def save_pool(db: DbSession, session_id: int, products: list[Product], expected_version: int) -> int:
    """The pool (without the products' scripts, which are each their own part); returns the new version."""
    version = _claim(db, session_id, EditPart.POOL, SessionRow.pool_version, expected_version)
    _write_pool(db, session_id, products, with_scripts=False)
    return version


def save_run_order(db: DbSession, session_id: int, segments: list[Segment], expected_version: int) -> int:
    """The run order, if nobody saved it since `expected_version`; returns the new version."""
    version = _claim(db, session_id, EditPart.RUN_ORDER, SessionRow.run_order_version, expected_version)
    _write_segments(db, session_id, segments)
    return version


def claim_script(db: DbSession, session_id: int, product_id: str, expected_version: int) -> int:
    """Take the right to write this product's script (its texts and its pitches' budgets) if nobody saved it
    since `expected_version`; the caller then writes with `write_script`. Returns the new version."""
    # The session row first, as every other save of this session does: one lock order, no deadlock.
    _touch(db, session_id)
    result = db.exec(
        update(ProductRow)
        .where(col(ProductRow.session_id) == session_id)
        .where(col(ProductRow.product_id) == product_id)
        .where(col(ProductRow.script_version) == expected_version)
        .values(script_version=ProductRow.script_version + 1)
    )
    if result.rowcount != 1:
        actual = db.exec(
            select(ProductRow.script_version)
            .where(col(ProductRow.session_id) == session_id)
            .where(col(ProductRow.product_id) == product_id)
        ).first()
        raise EditConflict(EditPart.SCRIPT, product_id, expected_version, actual)
    return expected_version + 1


def write_script_texts(db: DbSession, session_id: int, product: Product) -> None:
    """After `claim_script`: the product's step texts only (its pitches' budgets travel with the run order)."""
    db.exec(
        update(ProductRow)
        .where(col(ProductRow.session_id) == session_id)
        .where(col(ProductRow.product_id) == product.product_id)
        .values(scripts={step.value: text for step, text in product.scripts.items()})
    )


def write_script(db: DbSession, session_id: int, product: Product, segments: list[Segment]) -> None:
    """After `claim_script`: the product's texts and the steps of its pitches (same positions as stored);
    the run order changed, so its version moves too."""
    _bump(db, session_id, SessionRow.run_order_version)
    db.exec(
        update(ProductRow)
        .where(col(ProductRow.session_id) == session_id)
        .where(col(ProductRow.product_id) == product.product_id)
        .values(scripts={step.value: text for step, text in product.scripts.items()})
    )
    for row in _segment_rows(db, session_id):
        if row.product_id == product.product_id and row.position < len(segments):
            row.steps = _segment_to_row(session_id, row.position, segments[row.position]).steps
            db.add(row)


def _claim(db: DbSession, session_id: int, part: EditPart, column, expected_version: int) -> int:
    """Compare-and-set the part's version in one UPDATE (atomic on SQLite and PostgreSQL alike)."""
    result = db.exec(
        update(SessionRow)
        .where(col(SessionRow.id) == session_id)
        .where(column == expected_version)
        .values({column: column + 1, SessionRow.updated_ms: _now_ms()})
    )
    if result.rowcount != 1:
        actual = db.exec(select(column).where(col(SessionRow.id) == session_id)).first()
        if actual is None:
            raise SessionNotFound(session_id)
        raise EditConflict(part, str(session_id), expected_version, actual)
    return expected_version + 1


def _touch(db: DbSession, session_id: int) -> None:
    """Lock the session row (PostgreSQL queues other saves of this session behind it)."""
    result = db.exec(update(SessionRow).where(col(SessionRow.id) == session_id).values(updated_ms=_now_ms()))
    if result.rowcount != 1:
        raise SessionNotFound(session_id)


def _bump(db: DbSession, session_id: int, column) -> None:
    result = db.exec(
        update(SessionRow)
        .where(col(SessionRow.id) == session_id)
        .values({column: column + 1, SessionRow.updated_ms: _now_ms()})
    )
    if result.rowcount != 1:
        raise SessionNotFound(session_id)


_POOL_COLUMNS = (
    "position",
    "name",
    "role",
    "sku",
    "daily_price_fen",
    "live_price_fen",
    "cost_fen",
    "stock",
    "mechanism",
    "selling_points",
    "pain_points",
    "endorsements",
    "faq",
)


def _write_pool(db: DbSession, session_id: int, products: list[Product], *, with_scripts: bool) -> None:
    """Update products in place by id (so each keeps its script and script version), add new, drop gone."""
    ids = [p.product_id for p in products]
    if len(set(ids)) != len(ids):
        twice = sorted({pid for pid in ids if ids.count(pid) > 1})
        raise ValueError(f"product id {', '.join(twice)} appears more than once in the pool")
    stored = {
        row.product_id: row
        for row in db.exec(select(ProductRow).where(col(ProductRow.session_id) == session_id)).all()
    }
    for product_id, gone in stored.items():
        if product_id not in ids:
            db.delete(gone)
    db.flush()
    for position, product in enumerate(products):
        fresh = _product_to_row(session_id, position, product)
        row = stored.get(product.product_id)
        if row is None:
            db.add(fresh)
            continue
        for name in _POOL_COLUMNS:
            setattr(row, name, getattr(fresh, name))
        if with_scripts and row.scripts != fresh.scripts:
            row.scripts = fresh.scripts
            row.script_version = row.script_version + 1
        db.add(row)


def _write_segments(
    db: DbSession, session_id: int, segments: list[Segment], *, new_session: bool = False
) -> None:
    """Replace the run order; a product whose pitch budgets or texts changed gets a new script version."""
    before = _pitch_steps([_row_to_segment(r) for r in _segment_rows(db, session_id)])
    db.exec(delete(SegmentRow).where(col(SegmentRow.session_id) == session_id))
    db.add_all(_segment_to_row(session_id, i, s) for i, s in enumerate(segments))
    if new_session:
        return
    after = _pitch_steps(segments)
    for product_id in sorted(set(before) | set(after)):
        if before.get(product_id) != after.get(product_id):
            db.exec(
                update(ProductRow)
                .where(col(ProductRow.session_id) == session_id)
                .where(col(ProductRow.product_id) == product_id)
                .values(script_version=ProductRow.script_version + 1)
            )


def _pitch_steps(segments: list[Segment]) -> dict[str, list]:
    steps: dict[str, list] = {}
    for segment in segments:
        if segment.kind is SegmentKind.PITCH and segment.product_id:
            steps.setdefault(segment.product_id, []).append(segment.steps)
    return steps
