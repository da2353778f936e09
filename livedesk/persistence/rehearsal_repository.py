"""Rehearsal takes in and out of the `rehearsals` table, newest last, filtered by product and host."""

from __future__ import annotations

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from livedesk.domain.ids import saved
from livedesk.domain.rehearsal import RehearsalTake, TakeStep
from livedesk.persistence.tables import RehearsalRow
from livedesk.persistence.timecodec import from_ms, to_ms


def add_take(db: DbSession, take: RehearsalTake) -> int:
    row = RehearsalRow(
        session_id=take.session_id,
        product_id=take.product_id,
        host=take.host,
        started_ms=to_ms(take.started_at),
        steps=[s.to_dict() for s in take.steps],
    )
    db.add(row)
    db.flush()
    take.id = saved(row.id, "take")
    return take.id


def list_takes(
    db: DbSession,
    *,
    product_id: str | None = None,
    host: str | None = None,
    limit: int = 20,
    zone: str = "Asia/Shanghai",
) -> list[RehearsalTake]:
    """The `limit` most recent takes (oldest first), of one product and/or one host when given."""
    query = select(RehearsalRow)
    if product_id is not None:
        query = query.where(col(RehearsalRow.product_id) == product_id)
    if host is not None:
        query = query.where(col(RehearsalRow.host) == host)
    rows = db.exec(
        query.order_by(col(RehearsalRow.started_ms).desc(), col(RehearsalRow.id).desc()).limit(limit)
    ).all()
    return [
        RehearsalTake(
            started_at=from_ms(r.started_ms, zone),
            product_id=r.product_id,
            host=r.host,
            steps=[TakeStep.from_dict(s) for s in (r.steps or [])],
            session_id=r.session_id,
            id=r.id,
        )
        for r in reversed(rows)
    ]


def delete_take(db: DbSession, take_id: int) -> None:
    row = db.get(RehearsalRow, take_id)
    if row is not None:
        db.delete(row)
