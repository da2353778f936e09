"""Team data that is not a session (mapping presets, lexicon additions, host rates, thresholds)."""

from __future__ import annotations

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from livedesk.persistence.tables import PreferenceRow


def get_preference(db: DbSession, namespace: str, name: str) -> dict | None:
    row = db.get(PreferenceRow, (namespace, name))
    return dict(row.value) if row else None


def put_preference(db: DbSession, namespace: str, name: str, value: dict) -> None:
    row = db.get(PreferenceRow, (namespace, name)) or PreferenceRow(namespace=namespace, name=name)
    row.value = dict(value)
    db.add(row)


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
