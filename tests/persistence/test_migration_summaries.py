"""Upgrading a version-1 store (made from the version-1 DDL) marks the summaries of every session with stored
data stale, and the first reader fills them from that data as the review computes it, on SQLite and
PostgreSQL; every earlier row stays as it was."""

from __future__ import annotations

import pytest
import sqlalchemy
from pg_databases import empty_database
from sqlalchemy import text
from v1_store import copy_rows_into_v1, create_v1_schema

from livedesk.persistence import migrations, summary_repository
from livedesk.persistence.store import Store, normalise_url
from livedesk.persistence.tables import SCHEMA_VERSION
from livedesk.samples import samples_dir
from livedesk.services import history
from livedesk.services.samples import load_samples


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_database_url(request, tmp_path):
    """The URL of an empty database (no tables at all)."""
    if request.param == "sqlite":
        yield normalise_url(str(tmp_path / "v1.sqlite3"))
        return
    with empty_database("ld_v1_") as url:
        yield url


def _summaries(store: Store) -> dict:
    with store.reading() as db:
        ids = sorted(summary_repository.summarised_session_ids(db))
        accounts = {row[0] for row in db.exec(text("SELECT DISTINCT account FROM sessions")).all()}
    out = {}
    for account in accounts:
        found = history.account_history(store, account, history_far_future())
        out[account] = (found.sessions, sorted(found.products, key=lambda p: (p.session_id, p.product_id)))
    return {"ids": ids, "by_account": out}


def history_far_future():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime(2100, 1, 1, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_a_version_one_store_gets_its_summaries_filled(store, empty_database_url):
    loaded = load_samples(store, samples_dir())
    expected = _summaries(store)
    assert expected["ids"] == [loaded[0].session_id]  # the past session has data, the upcoming one none

    create_v1_schema(empty_database_url)
    copy_rows_into_v1(store.url, empty_database_url)
    upgraded = Store(empty_database_url)
    try:
        assert upgraded.schema_version() == SCHEMA_VERSION
        with upgraded.reading() as db:  # the upgrade computed nothing: persistence cannot review
            assert [session_id for session_id, _ in summary_repository.stale_marks(db)] == expected["ids"]
            assert summary_repository.count_summaries(db) == (1, 0)
        assert _summaries(upgraded) == expected
        with upgraded.reading() as db:
            sessions, products = summary_repository.count_summaries(db)
            chunks = db.exec(text("SELECT COUNT(*) FROM dataset_chunks")).one()[0]
        assert sessions == 1 and products == 20 and chunks > 0
        with upgraded.engine.connect() as connection:
            inspector = sqlalchemy.inspect(connection)
            names = {index["name"] for index in inspector.get_indexes("sessions")}
            summary_indexes = {index["name"] for index in inspector.get_indexes("product_summaries")}
        assert {"ix_sessions_account_start", "ix_sessions_start"} <= names
        assert "ix_product_summaries_account_product" in summary_indexes
        # The upgraded store keeps working: a new import after the upgrade gets ids of its own.
        from livedesk.services.imports import import_file

        result = import_file(upgraded, loaded[1].session_id, samples_dir() / "在线人数_分钟_2026-11-14.csv")
        assert result.datasets
        with upgraded.reading() as db:
            assert summary_repository.summarised_session_ids(db) == {s.session_id for s in loaded}
    finally:
        upgraded.dispose()
    # Opening again runs nothing more.
    again = Store(empty_database_url)
    assert again.schema_version() == SCHEMA_VERSION and migrations.pending(SCHEMA_VERSION) == []
    again.dispose()


def test_the_summary_step_is_in_order_and_fills_after_every_step():
    versions = [step.version for step in migrations.MIGRATIONS]
    assert versions == sorted(versions) and versions[-1] == SCHEMA_VERSION
    step = next(s for s in migrations.MIGRATIONS if s.version == 3)
    assert step.fill is not None and "summaries" in step.summary
