"""Session and product summaries in and out of the store: written whole per session (replacing what was
there), read per account with one set-based query each, never touching the imported Parquet.

An import does not compute them (that is a second pass over a million rows): it marks the session's
summary stale, and the next reader recomputes it (livedesk.services.history.refresh_stale). A mark is a
negative `computed_ms`, unique to its moment, so a reader that computed from older data cannot clear a
newer mark (`claim` fails and the next reader computes again)."""

from __future__ import annotations

import time
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session as DbSession
from sqlmodel import col, delete, select, update

from livedesk.domain.history import AccountHistory, ProductSummary, SessionSummary
from livedesk.domain.ids import saved
from livedesk.persistence.tables import ProductSummaryRow, SessionRow, SessionSummaryRow, table_of
from livedesk.persistence.timecodec import from_ms, to_ms

_SESSION_FIGURES = (
    "planned_seconds",
    "live_seconds",
    "gmv_fen",
    "refund_fen",
    "units",
    "orders",
    "buyers",
    "uv",
    "pitch_seconds",
    "ad_spend_fen",
)


def replace_summaries(
    db: DbSession,
    summary: SessionSummary,
    products: list[ProductSummary],
    kpis: dict | None = None,
) -> None:
    """Store one session's summary and its products, replacing any earlier ones (caller's transaction)."""
    session_id = summary.session_id
    delete_summaries(db, session_id)
    start_ms = to_ms(summary.start)
    db.add(
        SessionSummaryRow(
            session_id=session_id,
            account=summary.account,
            start_ms=start_ms,
            kpis=dict(kpis or {}),
            computed_ms=int(time.time() * 1000),
            **{name: getattr(summary, name) for name in _SESSION_FIGURES},
        )
    )
    db.add_all(
        ProductSummaryRow(
            session_id=session_id,
            product_id=product.product_id,
            account=summary.account,
            start_ms=start_ms,
            role=product.role,
            gmv_fen=product.gmv_fen,
            units=product.units,
            orders=product.orders,
            pitch_seconds=product.pitch_seconds,
            refund_fen=product.refund_fen,
        )
        for product in products
    )
    db.flush()


def mark_stale(db: DbSession, session_id: int, account: str, start_ms: int, planned_seconds: int) -> None:
    """The session's data changed in the caller's transaction: its summary is to be recomputed by the next
    reader. The figures already stored stay until then; a session without a summary gets an empty one."""
    mark = -(time.time_ns() // 1000)
    from sqlalchemy.dialects import postgresql, sqlite

    # Both dialects' INSERT … ON CONFLICT DO UPDATE read the same.
    insert = postgresql.insert if db.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = insert(table_of(SessionSummaryRow)).values(
        session_id=session_id,
        account=account,
        start_ms=start_ms,
        planned_seconds=planned_seconds,
        kpis={},
        computed_ms=mark,
    )
    # One statement whether or not a summary exists: two imports into one session at once both land.
    db.execute(statement.on_conflict_do_update(index_elements=["session_id"], set_={"computed_ms": mark}))


def stale_marks(db: DbSession) -> list[tuple[int, int]]:
    """(session id, mark) of every summary waiting to be recomputed."""
    rows = db.exec(
        select(SessionSummaryRow.session_id, SessionSummaryRow.computed_ms).where(
            col(SessionSummaryRow.computed_ms) < 0
        )
    ).all()
    return [(int(session_id), int(mark)) for session_id, mark in rows]


def claim(db: DbSession, session_id: int, mark: int) -> bool:
    """Take the stale mark `mark` for recomputation in the caller's transaction; False when the session was
    marked again (newer data: leave it to the next reader) or recomputed by another reader meanwhile."""
    result = db.exec(
        update(SessionSummaryRow)
        .where(col(SessionSummaryRow.session_id) == session_id)
        .where(col(SessionSummaryRow.computed_ms) == mark)
        .values(computed_ms=int(time.time() * 1000))
    )
    return result.rowcount == 1


def delete_summaries(db: DbSession, session_id: int) -> None:
    db.exec(delete(ProductSummaryRow).where(col(ProductSummaryRow.session_id) == session_id))
    db.exec(delete(SessionSummaryRow).where(col(SessionSummaryRow.session_id) == session_id))


def sync_session_keys(
    db: DbSession, session_id: int, account: str, start_ms: int, planned_seconds: int
) -> None:
    """The session's account, start or length changed: carry it into its summaries (two indexed updates)."""
    db.exec(
        update(SessionSummaryRow)
        .where(col(SessionSummaryRow.session_id) == session_id)
        .values(account=account, start_ms=start_ms, planned_seconds=planned_seconds)
    )
    db.exec(
        update(ProductSummaryRow)
        .where(col(ProductSummaryRow.session_id) == session_id)
        .values(account=account, start_ms=start_ms)
    )


def _zones(db: DbSession, session_ids: list[int]) -> dict[int, str]:
    if not session_ids:
        return {}
    rows = db.exec(
        select(SessionRow.id, SessionRow.timezone).where(col(SessionRow.id).in_(session_ids))
    ).all()
    return {saved(sid): zone for sid, zone in rows}


_SESSION_COLUMNS = (
    SessionSummaryRow.session_id,
    SessionSummaryRow.account,
    SessionSummaryRow.start_ms,
    *(getattr(SessionSummaryRow, name) for name in _SESSION_FIGURES),
)
_PRODUCT_FIGURES = ("product_id", "role", "gmv_fen", "units", "orders", "pitch_seconds", "refund_fen")
_PRODUCT_COLUMNS = (
    ProductSummaryRow.session_id,
    *(getattr(ProductSummaryRow, name) for name in _PRODUCT_FIGURES),
)


def account_history(
    db: DbSession,
    account: str | None,
    before: datetime,
    *,
    limit: int | None = None,
    product_ids: list[str] | None = None,
    exclude_session_id: int | None = None,
) -> AccountHistory:
    """Summaries of the sessions of `account` (None: every account, pooled) that started strictly before
    `before`, oldest first: the newest `limit` of them when given. Products only of those sessions, and
    only `product_ids` when given. Plain column reads (no ORM objects): a few hundred rows stay cheap."""
    before_ms = to_ms(before)
    query = select(*_SESSION_COLUMNS).where(col(SessionSummaryRow.start_ms) < before_ms)
    if account is not None:
        query = query.where(col(SessionSummaryRow.account) == account)
    if exclude_session_id is not None:
        query = query.where(col(SessionSummaryRow.session_id) != exclude_session_id)
    query = query.order_by(col(SessionSummaryRow.start_ms).desc(), col(SessionSummaryRow.session_id).desc())
    if limit is not None:
        query = query.limit(max(limit, 0))
    rows = list(reversed(db.exec(query).all()))
    ids = [int(row[0]) for row in rows]
    zones = _zones(db, ids)
    sessions = [
        SessionSummary(
            session_id=int(row[0]),
            account=row[1],
            start=from_ms(row[2], zones.get(int(row[0]), "Asia/Shanghai")),
            **dict(zip(_SESSION_FIGURES, row[3:], strict=True)),
        )
        for row in rows
    ]
    products: list[ProductSummary] = []
    if ids:
        product_query = select(*_PRODUCT_COLUMNS).where(col(ProductSummaryRow.start_ms) < before_ms)
        if account is not None:
            product_query = product_query.where(col(ProductSummaryRow.account) == account)
        # The sessions chosen above span [first start, before): an index range, then a membership check.
        product_query = product_query.where(col(ProductSummaryRow.start_ms) >= rows[0][2])
        if product_ids is not None:
            product_query = product_query.where(col(ProductSummaryRow.product_id).in_(list(product_ids)))
        order = {sid: i for i, sid in enumerate(ids)}
        found = [r for r in db.exec(product_query).all() if int(r[0]) in order]
        found.sort(key=lambda r: (order[int(r[0])], r[1]))
        products = [
            ProductSummary(session_id=int(r[0]), **dict(zip(_PRODUCT_FIGURES, r[1:], strict=True)))
            for r in found
        ]
    return AccountHistory(
        account=account if account is not None else "", sessions=sessions, products=products
    )


def trend_rows(db: DbSession, session_id: int, limit: int) -> list[tuple[SessionSummaryRow, str, str]]:
    """The session's own summary and those of the same account's earlier sessions (at most `limit` in all),
    oldest first, each with the session's title and zone: what the 历史 tab shows."""
    anchor = db.exec(
        select(SessionRow.account, SessionRow.start_ms).where(col(SessionRow.id) == session_id)
    ).first()
    if anchor is None:
        return []
    account, start_ms = anchor
    rows = db.exec(
        select(SessionSummaryRow, SessionRow.title, SessionRow.timezone)
        .join(SessionRow, col(SessionRow.id) == col(SessionSummaryRow.session_id))
        .where(col(SessionSummaryRow.account) == account)
        .where(col(SessionSummaryRow.start_ms) <= start_ms)
        .order_by(col(SessionSummaryRow.start_ms).desc(), col(SessionSummaryRow.session_id).desc())
        .limit(max(limit, 0))
    ).all()
    return [(row, title, zone) for row, title, zone in reversed(rows)]


def summarised_session_ids(db: DbSession) -> set[int]:
    return {int(sid) for sid in db.exec(select(SessionSummaryRow.session_id)).all()}


def count_summaries(db: DbSession) -> tuple[int, int]:
    """(session summaries, product summaries) in the store."""
    sessions = db.exec(select(func.count()).select_from(SessionSummaryRow)).one()
    products = db.exec(select(func.count()).select_from(ProductSummaryRow)).one()
    return int(sessions), int(products)
