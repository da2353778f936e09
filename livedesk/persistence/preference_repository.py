"""Team data that is not a session (mapping presets, lexicon additions, host rates, thresholds).

Each value carries a version: `put_preference(..., expected_version=v)` writes only if the stored version is
still `v` (0: only if there is none yet) and raises EditConflict otherwise; without it the write is blind
(presets, tools) but still bumps the version so that a stale editor elsewhere is refused.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session as DbSession
from sqlmodel import col, select, update

from livedesk.domain.edit_conflict import EditConflict, EditPart
from livedesk.persistence.tables import PreferenceRow


def get_preference(db: DbSession, namespace: str, name: str) -> dict | None:
    row = db.get(PreferenceRow, (namespace, name))
    return dict(row.value) if row else None


def get_versioned(db: DbSession, namespace: str, name: str) -> tuple[dict | None, int]:
    """The value and its version (0 when there is none)."""
    row = db.get(PreferenceRow, (namespace, name))
    return (dict(row.value), row.version) if row else (None, 0)


def put_preference(
    db: DbSession,
    namespace: str,
    name: str,
    value: dict,
    expected_version: int | None = None,
    part: EditPart = EditPart.PREFERENCE,
) -> int:
    """Store the value; returns its new version. With `expected_version`, refuse a stale save (EditConflict
    naming `part`)."""
    key = f"{namespace}/{name}"
    if expected_version is None:
        row = db.get(PreferenceRow, (namespace, name))
        if row is None:
            return _insert(db, namespace, name, value, part, key)
        row.value = dict(value)
        row.version = row.version + 1
        db.add(row)
        db.flush()
        return row.version
    if expected_version == 0:
        return _insert(db, namespace, name, value, part, key)
    result = db.exec(
        update(PreferenceRow)
        .where(col(PreferenceRow.namespace) == namespace)
        .where(col(PreferenceRow.name) == name)
        .where(col(PreferenceRow.version) == expected_version)
        .values(value=dict(value), version=PreferenceRow.version + 1)
    )
    if result.rowcount != 1:
        actual = db.exec(
            select(PreferenceRow.version)
            .where(col(PreferenceRow.namespace) == namespace)
            .where(col(PreferenceRow.name) == name)
        ).first()
        raise EditConflict(part, key, expected_version, actual)
    return expected_version + 1


def _insert(db: DbSession, namespace: str, name: str, value: dict, part: EditPart, key: str) -> int:
    """A first value; when another writer inserted it first, the primary key says so and this is a conflict
    (the caller's transaction is rolled back; the other side's first version stands)."""
    db.add(PreferenceRow(namespace=namespace, name=name, value=dict(value), version=1))
    try:
        db.flush()
    except IntegrityError as exc:
        raise EditConflict(part, key, 0, 1) from exc
    return 1


def list_preferences(db: DbSession, namespace: str) -> dict[str, dict]:
    rows = db.exec(
        select(PreferenceRow)
        .where(col(PreferenceRow.namespace) == namespace)
        .order_by(col(PreferenceRow.name))
    ).all()
    return {r.name: dict(r.value) for r in rows}


def delete_preference(db: DbSession, namespace: str, name: str) -> None:
    row = db.get(PreferenceRow, (namespace, name))
    if row is not None:
        db.delete(row)
