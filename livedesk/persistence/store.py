"""Opening the store: a SQLite file by default, or a PostgreSQL server for a team; schema on first use."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlmodel import Session as DbSession
from sqlmodel import SQLModel, create_engine

from livedesk.domain.message import Message
from livedesk.persistence import migrations, tables
from livedesk.persistence.tables import SCHEMA_VERSION, MetaRow
from livedesk.words.messages import SaidInEnglish

DATABASE_ENV = "LIVEDESK_DATABASE_URL"
DATA_DIR_ENV = "LIVEDESK_DATA_DIR"


class StoreError(SaidInEnglish):
    """The store cannot be opened or used: `reason` is a `store.*` Message saying what to do; what the
    database driver said is in `details` (and the log)."""

    def __init__(self, code: str, details: str | None = None, **params) -> None:
        super().__init__(Message(f"store.{code}", params), details)
        if details:
            logging.getLogger("livedesk.store").info("store %s: %s", code, details)


def data_dir() -> Path:
    """The user's data folder (platformdirs), or LIVEDESK_DATA_DIR when set (tests, portable installs)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("LiveDesk", appauthor=False))


def default_database_url() -> str:
    return os.environ.get(DATABASE_ENV) or f"sqlite:///{data_dir() / 'livedesk.sqlite3'}"


def normalise_url(url: str) -> str:
    """Accept a plain file path for SQLite and a bare postgresql:// URL (psycopg 3 is the driver)."""
    url = url.strip()
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def describe_url(url: str) -> str:
    """The URL without its password, for messages (a URL too broken to parse is masked by pattern)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return re.sub(r"(://[^/@]*?:)[^@/]*@", r"\1***@", url)


class Store:
    """One database; `transaction()` is the unit of every user action that writes."""

    def __init__(self, url: str | None = None) -> None:
        self.url = normalise_url(url or default_database_url())
        self.engine = self._create_engine(self.url)
        self._ensure_schema()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @staticmethod
    def _create_engine(url: str) -> Engine:
        try:
            parsed = make_url(url)
        except (ArgumentError, ValueError):  # ValueError: a port that is not a number
            raise StoreError(
                "not_a_url", url=describe_url(url)
            ) from None  # the chained error would repeat the URL
        if parsed.get_backend_name() == "sqlite":
            database = parsed.database or ""
            if database and database != ":memory:":
                Path(database).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, connect_args={"timeout": 15})
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        if parsed.get_backend_name() == "postgresql":
            return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})
        raise StoreError("unsupported", url=describe_url(url))

    def _ensure_schema(self) -> None:
        try:
            with self.engine.begin() as connection:
                SQLModel.metadata.create_all(connection, tables=_our_tables())
                row = connection.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).first()
                if row is None:
                    connection.execute(
                        tables.table_of(MetaRow)
                        .insert()
                        .values(key="schema_version", value=str(SCHEMA_VERSION))
                    )
                elif int(row[0]) > SCHEMA_VERSION:
                    raise StoreError(
                        "newer_schema", url=describe_url(self.url), version=row[0], ours=SCHEMA_VERSION
                    )
                elif int(row[0]) < SCHEMA_VERSION:
                    reached = migrations.upgrade(connection, int(row[0]))
                    connection.execute(
                        text("UPDATE meta SET value = :v WHERE key = 'schema_version'"), {"v": str(reached)}
                    )
        except OperationalError as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise StoreError(
                "cannot_open", str(exc), url=describe_url(self.url), reason=reason, env=DATABASE_ENV
            ) from exc
        except SQLAlchemyError as exc:
            raise StoreError("cannot_use", str(exc), url=describe_url(self.url)) from exc

    def schema_version(self) -> int:
        with self.engine.connect() as connection:
            return int(
                connection.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar_one()
            )

    @contextmanager
    def transaction(self) -> Iterator[DbSession]:
        """Everything written inside is committed together, or nothing is."""
        with DbSession(self.engine, expire_on_commit=False) as db:
            try:
                yield db
                db.commit()
            except BaseException:
                db.rollback()
                raise

    @contextmanager
    def reading(self) -> Iterator[DbSession]:
        with DbSession(self.engine, expire_on_commit=False) as db:
            yield db

    def dispose(self) -> None:
        self.engine.dispose()


def _our_tables():
    return [
        tables.table_of(model)
        for model in (
            tables.MetaRow,
            tables.SessionRow,
            tables.ProductRow,
            tables.SegmentRow,
            tables.LiveEventRow,
            tables.RehearsalRow,
            tables.DatasetRow,
            tables.DatasetChunkRow,
            tables.ActionItemRow,
            tables.PreferenceRow,
            tables.SessionSummaryRow,
            tables.ProductSummaryRow,
        )
    ]


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    # WAL lets the GUI read while a background import writes; NORMAL is durable at each commit in WAL.
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()
