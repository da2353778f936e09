"""Schema upgrades: each step lifts a store from one schema version to the next, in one transaction.

A new store is created at the newest version directly (`create_all` from `tables`). An older store gets the
tables it lacks from `create_all` and then runs, in order, every step whose version is above its own; a step
therefore adds columns, indexes and fills data, and must tolerate tables that `create_all` has just made."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.engine import Connection

from livedesk.domain.ids import saved


@dataclass(frozen=True)
class Migration:
    version: int  # the schema version the store has after this step
    summary: str  # what the step does, for the log and the tests
    apply: Callable[[Connection], None]
    # Data a step derives through today's table classes runs after every step's `apply`, when the schema
    # is the newest and those classes match it (a later step may add columns they read).
    fill: Callable[[Connection], None] | None = None


def _create_summary_indexes(connection: Connection) -> None:
    """The summary tables (with their indexes) and the session list's indexes on `sessions`."""
    from livedesk.persistence.tables import ProductSummaryRow, SessionRow, SessionSummaryRow, table_of

    for table in (table_of(SessionSummaryRow), table_of(ProductSummaryRow)):
        table.create(connection, checkfirst=True)
    for index in table_of(SessionRow).indexes:
        if index.name in ("ix_sessions_account_start", "ix_sessions_start"):
            index.create(connection, checkfirst=True)


def _mark_summaries_stale(connection: Connection) -> None:
    """Every session that already has imported data or a live log gets its summary marked stale, as an
    import marks it: computing a review is a service's work (livedesk.services.history.refresh_stale),
    which every reader of the summaries runs first. Persistence stays below the services."""
    from sqlmodel import Session as DbSession
    from sqlmodel import col, select

    from livedesk.persistence import summary_repository
    from livedesk.persistence.tables import DatasetRow, LiveEventRow, SessionRow

    with DbSession(bind=connection) as db:
        with_data = set(db.exec(select(DatasetRow.session_id).distinct()).all())
        with_data |= set(db.exec(select(LiveEventRow.session_id).distinct()).all())
        for row in db.exec(select(SessionRow).order_by(col(SessionRow.id))).all():
            if row.id in with_data:
                summary_repository.mark_stale(
                    db, saved(row.id), row.account, row.start_ms, row.planned_seconds
                )
        db.flush()


def _edit_versions_and_unique_imports(connection: Connection) -> None:
    """Version 2: the edit version of every part a team edits (optimistic locking), and one stored copy of
    each imported file per session (a unique key on session, file hash and dataset part)."""
    from sqlalchemy import text

    for table, column in (
        ("sessions", "header_version"),
        ("sessions", "pool_version"),
        ("sessions", "run_order_version"),
        ("products", "script_version"),
        ("action_items", "version"),
        ("preferences", "version"),
    ):
        add_column(connection, table, column, "INTEGER", "1")
    add_column(connection, "datasets", "source_part", "INTEGER", "0")
    _drop_duplicate_imports(connection)
    connection.execute(
        text(
            "CREATE UNIQUE INDEX IF NOT EXISTS ux_datasets_source "
            "ON datasets (session_id, source_sha256, source_part)"
        )
    )


def _drop_duplicate_imports(connection: Connection) -> None:
    """Before the key can hold, keep only the newest import of each file in each session (older copies are
    the same bytes stored again, e.g. by two imports racing) and number its datasets 0, 1, …"""
    from sqlalchemy import text

    rows = connection.execute(
        text(
            "SELECT id, session_id, source_sha256, imported_ms, kind, sheet FROM datasets "
            "ORDER BY session_id, source_sha256, imported_ms DESC, id DESC"
        )
    ).all()
    groups: dict[tuple, list] = {}
    for row in rows:
        groups.setdefault((row.session_id, row.source_sha256), []).append(row)
    drop: list[int] = []
    parts: list[tuple[int, int]] = []
    for members in groups.values():
        newest, seen, kept = members[0].imported_ms, set(), []
        for row in members:
            if row.imported_ms != newest or (row.kind, row.sheet) in seen:
                drop.append(row.id)
            else:
                seen.add((row.kind, row.sheet))
                kept.append(row.id)
        parts.extend((part, dataset_id) for part, dataset_id in enumerate(sorted(kept)))
    for dataset_id in drop:
        connection.execute(text("DELETE FROM dataset_chunks WHERE dataset_id = :id"), {"id": dataset_id})
        connection.execute(text("DELETE FROM datasets WHERE id = :id"), {"id": dataset_id})
    for part, dataset_id in parts:
        connection.execute(
            text("UPDATE datasets SET source_part = :part WHERE id = :id"), {"part": part, "id": dataset_id}
        )


# Ordered by version. Each feature that changes the schema appends its step here and raises
# tables.SCHEMA_VERSION to the step's version.
MIGRATIONS: list[Migration] = [
    Migration(
        2,
        "edit versions for optimistic locking; one stored copy of each imported file",
        _edit_versions_and_unique_imports,
    ),
    Migration(
        3,
        "session and product summaries, indexed by (account, start) and (account, product), marked stale "
        "for each session with stored data (the next reader computes them); session-list indexes on "
        "sessions (account, start) and (start)",
        _create_summary_indexes,
        fill=_mark_summaries_stale,
    ),
]


def pending(stored_version: int) -> list[Migration]:
    """The steps a store at `stored_version` still needs, oldest first."""
    return sorted(
        (step for step in MIGRATIONS if step.version > stored_version), key=lambda step: step.version
    )


def upgrade(connection: Connection, stored_version: int) -> int:
    """Runs the pending steps inside the caller's transaction; returns the version reached."""
    version = stored_version
    steps = pending(stored_version)
    for step in steps:
        step.apply(connection)
        version = step.version
    for step in steps:
        if step.fill is not None:
            step.fill(connection)
    return version


def add_column(connection: Connection, table: str, column: str, ddl_type: str, default_sql: str) -> None:
    """ALTER TABLE … ADD COLUMN unless the column is already there (a table `create_all` has just made)."""
    from sqlalchemy import inspect, text

    existing = {info["name"] for info in inspect(connection).get_columns(table)}
    if column not in existing:
        connection.execute(
            text(f"ALTER TABLE {table} ADD COLUMN {column} {ddl_type} NOT NULL DEFAULT {default_sql}")
        )
