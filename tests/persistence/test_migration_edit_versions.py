"""Upgrading a version-1 store (the version-1 DDL: no edit versions, no unique import key) to version 2:
every record starts at version 1, duplicate imports the old race left are reduced to the newest copy, and
the store then refuses both a stale save and a second copy of a file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyarrow as pa
import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError
from test_store import sample_plan

from livedesk.domain.dataset import Dataset, DatasetKind
from livedesk.domain.edit_conflict import EditConflict
from livedesk.persistence import dataset_repository, migrations, session_repository
from livedesk.persistence.store import Store
from livedesk.persistence.tables import SCHEMA_VERSION
from livedesk.services import sessions

VERSION_2_COLUMNS = {
    "sessions": ("header_version", "pool_version", "run_order_version"),
    "products": ("script_version",),
    "action_items": ("version",),
    "preferences": ("version",),
    "datasets": ("source_part",),
}


def _dataset(session_id: int, sha: str, when: datetime, kind=DatasetKind.ORDERS) -> Dataset:
    return Dataset(session_id, kind, "csv", "orders.csv", sha, when)


def _version_1_store(url: str) -> int:
    """A store as version 1 left it, holding a plan and the same file imported twice (the old race)."""
    store = Store(url)
    session_id = sessions.save_plan(store, sample_plan())
    table = pa.table({"order_id": ["1"]})
    now = datetime.now(UTC)
    with store.transaction() as db:
        dataset_repository.save_dataset(db, _dataset(session_id, "same", now - timedelta(seconds=1)), table)
        dataset_repository.save_dataset(db, _dataset(session_id, "same", now), table)
        dataset_repository.save_dataset(db, _dataset(session_id, "other", now), table)
    with store.engine.begin() as connection:  # back to the version-1 DDL
        connection.execute(text("DROP INDEX ux_datasets_source"))
        for table_name, columns in VERSION_2_COLUMNS.items():
            for column in columns:
                connection.execute(text(f"ALTER TABLE {table_name} DROP COLUMN {column}"))
        connection.execute(text("UPDATE meta SET value = '1' WHERE key = 'schema_version'"))
    store.dispose()
    return session_id


def test_a_version_1_store_upgrades(any_store: Store):
    url = any_store.url
    any_store.dispose()
    session_id = _version_1_store(url)
    check = Store.__new__(Store)  # look at the old schema without upgrading it
    check.url, check.engine = url, Store._create_engine(url)
    assert "header_version" not in {c["name"] for c in inspect(check.engine).get_columns("sessions")}
    check.dispose()

    store = Store(url)  # opening runs the pending steps
    try:
        assert store.schema_version() == SCHEMA_VERSION >= 2
        assert [step.version for step in migrations.pending(1)][0] == 2
        with store.reading() as db:
            versions = session_repository.load_versions(db, session_id)
            kept = dataset_repository.list_datasets(db, session_id)
        assert (versions.header, versions.pool, versions.run_order) == (1, 1, 1)
        assert set(versions.scripts.values()) == {1}
        assert sorted(d.source_sha256 for d in kept) == ["other", "same"]  # the newer copy of "same" stays
        with pytest.raises(IntegrityError), store.transaction() as db:
            db.execute(
                text(
                    "INSERT INTO datasets (session_id, kind, format, source_name, source_sha256, source_part,"
                    " imported_ms, rows_read, rows_stored, rows_skipped, warnings, meta) VALUES"
                    " (:s, 'orders', 'csv', 'orders.csv', 'same', 0, 0, 0, 0, 0, '[]', '{}')"
                ),
                {"s": session_id},
            )
        plan, versions = sessions.load_plan_with_versions(store, session_id)
        theirs = sessions.load_plan(store, session_id)
        theirs.session.title = "theirs"
        sessions.save_plan_edit(store, theirs, versions, plan)
        mine = sessions.load_plan(store, session_id)
        mine.session.title = "mine"
        with pytest.raises(EditConflict):
            sessions.save_plan_edit(store, mine, versions, plan)
    finally:
        store.dispose()
