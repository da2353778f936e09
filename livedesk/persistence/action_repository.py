"""Review action items and their verification at a later session of the same account.

An item carries a version: saving a changed item names the version it was read at and is refused with
EditConflict when someone saved the item in between."""

from __future__ import annotations

from sqlmodel import Session as DbSession
from sqlmodel import col, delete, select, update

from livedesk.domain.action_item import ActionItem, ActionStatus
from livedesk.domain.edit_conflict import EditConflict, EditPart
from livedesk.domain.ids import saved
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
    return ActionItem(
        id=row.id,
        status=ActionStatus(row.status),
        version=row.version,
        **{f: getattr(row, f) for f in _FIELDS},
    )


def save_action(db: DbSession, item: ActionItem) -> int:
    """Insert a new item, or update a stored one if it is still at `item.version` (EditConflict otherwise);
    `item.version` becomes the stored version."""
    if item.id is None:
        row = ActionItemRow(session_id=item.session_id, action=item.action)
        for name in _FIELDS:
            setattr(row, name, getattr(item, name))
        row.status = item.status.value
        row.version = 1
        db.add(row)
        db.flush()
        item.id, item.version = saved(row.id, "action item"), row.version
        return item.id
    values = {name: getattr(item, name) for name in _FIELDS} | {"status": item.status.value}
    result = db.exec(
        update(ActionItemRow)
        .where(col(ActionItemRow.id) == item.id)
        .where(col(ActionItemRow.version) == item.version)
        .values(**values, version=ActionItemRow.version + 1)
    )
    if result.rowcount != 1:
        actual = db.exec(select(ActionItemRow.version).where(col(ActionItemRow.id) == item.id)).first()
        raise EditConflict(EditPart.ACTION_ITEM, str(item.id), item.version, actual)
    item.version += 1
    return item.id


def delete_action(db: DbSession, action_id: int, expected_version: int | None = None) -> None:
    """Delete the item; with `expected_version`, only if nobody changed it since (EditConflict otherwise)."""
    query = delete(ActionItemRow).where(col(ActionItemRow.id) == action_id)
    if expected_version is not None:
        query = query.where(col(ActionItemRow.version) == expected_version)
    if db.exec(query).rowcount == 0 and expected_version is not None:
        actual = db.exec(select(ActionItemRow.version).where(col(ActionItemRow.id) == action_id)).first()
        if actual is not None:
            raise EditConflict(EditPart.ACTION_ITEM, str(action_id), expected_version, actual)


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
