"""Review action items and their verification at a later session of the same account."""

from __future__ import annotations

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from livedesk.domain.action_item import ActionItem, ActionStatus
from livedesk.persistence.tables import ActionItemRow, SessionRow

_FIELDS = (
    "session_id",
    "account",
    "action",
    "owner",
    "metric",
    "target",
    "comparison",
    "finding_code",
    "subject",
    "verified_session_id",
    "verified_value",
)


def _to_item(row: ActionItemRow) -> ActionItem:
    return ActionItem(id=row.id, status=ActionStatus(row.status), **{f: getattr(row, f) for f in _FIELDS})


def save_action(db: DbSession, item: ActionItem) -> int:
    row = db.get(ActionItemRow, item.id) if item.id is not None else None
    row = row or ActionItemRow(session_id=item.session_id, action=item.action)
    for name in _FIELDS:
        setattr(row, name, getattr(item, name))
    row.status = item.status.value
    db.add(row)
    db.flush()
    item.id = row.id
    return row.id


def delete_action(db: DbSession, action_id: int) -> None:
    row = db.get(ActionItemRow, action_id)
    if row is not None:
        db.delete(row)


def actions_of_session(db: DbSession, session_id: int) -> list[ActionItem]:
    rows = db.exec(
        select(ActionItemRow)
        .where(col(ActionItemRow.session_id) == session_id)
        .order_by(col(ActionItemRow.id))
    ).all()
    return [_to_item(r) for r in rows]


def actions_carried_into(db: DbSession, session_id: int) -> list[ActionItem]:
    """Items made at earlier sessions of this session's account that are still open or were verified here."""
    current = db.get(SessionRow, session_id)
    if current is None:
        return []
    rows = db.exec(
        select(ActionItemRow)
        .join(SessionRow, col(SessionRow.id) == col(ActionItemRow.session_id))
        .where(col(ActionItemRow.account) == current.account)
        .where(col(SessionRow.start_ms) < current.start_ms)
        .order_by(col(ActionItemRow.id))
    ).all()
    return [
        _to_item(r)
        for r in rows
        if r.status == ActionStatus.OPEN.value or r.verified_session_id == session_id
    ]
