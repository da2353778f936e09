"""A version-1 store, made from the version-1 DDL (schema_v1/<dialect>.sql, as the first release created it)
and filled with a copy of another store's rows: what a team upgrading LiveDesk has on disk."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy
from sqlalchemy import text

DDL_DIR = Path(__file__).with_name("schema_v1")
# Parents before children, so foreign keys hold while copying.
V1_TABLES = (
    "sessions",
    "products",
    "segments",
    "live_events",
    "rehearsals",
    "datasets",
    "dataset_chunks",
    "action_items",
    "preferences",
)


def create_v1_schema(url: str) -> None:
    engine = sqlalchemy.create_engine(url)
    ddl = (DDL_DIR / f"{engine.dialect.name}.sql").read_text(encoding="utf-8")
    with engine.begin() as connection:
        for statement in ddl.split(";"):
            if statement.strip():
                connection.execute(text(statement))
        connection.execute(text("INSERT INTO meta (key, value) VALUES ('schema_version', '1')"))
    engine.dispose()


def copy_rows_into_v1(source_url: str, target_url: str) -> None:
    """Every row of the version-1 tables, only the version-1 columns, ids kept."""
    source, target = sqlalchemy.create_engine(source_url), sqlalchemy.create_engine(target_url)
    with source.connect() as reading, target.begin() as writing:
        for table_name in V1_TABLES:
            target_table = sqlalchemy.Table(table_name, sqlalchemy.MetaData(), autoload_with=writing)
            source_table = sqlalchemy.Table(table_name, sqlalchemy.MetaData(), autoload_with=reading)
            columns = [c.name for c in target_table.columns]
            # Reflected tables on both sides, so JSON and binary values cross decoded, not as text.
            query = sqlalchemy.select(*(source_table.c[name] for name in columns))
            rows = [dict(row._mapping) for row in reading.execute(query)]
            if rows:
                writing.execute(target_table.insert(), rows)
            if writing.dialect.name == "postgresql" and "id" in columns:
                # Copied ids do not advance the sequence; the next insert must not reuse one.
                writing.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table_name}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table_name}), 0) + 1, false)"
                    )
                )
    source.dispose()
    target.dispose()
