"""Throwaway PostgreSQL databases for tests, on the server LIVEDESK_TEST_POSTGRES_URL names (CI starts one,
see .ci/run). A plain module, imported by name as stage_fixtures is: `from conftest import …` would get
whichever conftest.py pytest loaded last."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy

POSTGRES_ENV = "LIVEDESK_TEST_POSTGRES_URL"


def postgres_url() -> str | None:
    url = os.environ.get(POSTGRES_ENV)
    if not url and os.environ.get("CI"):
        # In CI the PostgreSQL tests must run; a missing server is a failure, not a skip.
        pytest.fail(f"{POSTGRES_ENV} is not set in CI; .ci/run should have started PostgreSQL")
    return url


@contextmanager
def empty_database(prefix: str = "ld_") -> Iterator[str]:
    """The URL of a new database with no tables at all, dropped afterwards (the test is skipped when no
    server is configured outside CI)."""
    from livedesk.persistence.store import normalise_url

    url = postgres_url()
    if not url:
        pytest.skip(f"no PostgreSQL configured ({POSTGRES_ENV})")
    url = normalise_url(url)
    database = prefix + uuid.uuid4().hex[:12]
    admin = sqlalchemy.create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(sqlalchemy.text(f'CREATE DATABASE "{database}"'))
        yield url.rsplit("/", 1)[0] + "/" + database
        drop_test_database(admin, database)
    finally:
        admin.dispose()


def drop_test_database(admin: sqlalchemy.Engine, database: str) -> None:
    """DROP … WITH (FORCE) fails while an autovacuum worker, which a non-superuser role may not end, is on the
    database; it is gone within moments, so try a few times. The cluster is a throwaway one either way."""
    for attempt in range(10):
        try:
            with admin.connect() as connection:
                connection.execute(sqlalchemy.text(f'DROP DATABASE "{database}" WITH (FORCE)'))
            return
        except sqlalchemy.exc.DBAPIError:
            if attempt == 9:
                raise
            time.sleep(0.5)
