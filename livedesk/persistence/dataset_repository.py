"""Imported tables: provenance in `datasets`, rows as Parquet bytes in `dataset_chunks`.

A million order lines are one columnar blob written in one transaction instead of a million row inserts;
the same bytes live in SQLite and PostgreSQL, so a shared store shares imported data too.
"""

from __future__ import annotations

import io
from dataclasses import asdict

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session as DbSession
from sqlmodel import col, delete, func, select

from livedesk.domain.dataset import Dataset, DatasetKind, RowWarning
from livedesk.domain.ids import saved
from livedesk.persistence.tables import DatasetChunkRow, DatasetRow
from livedesk.persistence.timecodec import from_ms, to_ms

CHUNK_BYTES = 16 * 1024 * 1024


class SameSourceStored(Exception):
    """Another import stored the same file's bytes for this session while this one was reading it (the
    unique key on session, file hash and part); the caller's transaction must roll back."""

    def __init__(self, session_id: int, sha256: str) -> None:
        super().__init__(f"session {session_id} already holds the file {sha256[:12]}…")
        self.session_id = session_id
        self.sha256 = sha256


def _to_dataset(row: DatasetRow, zone: str = "Asia/Shanghai") -> Dataset:
    return Dataset(
        id=row.id,
        session_id=row.session_id,
        kind=DatasetKind(row.kind),
        format=row.format,
        source_name=row.source_name,
        source_sha256=row.source_sha256,
        imported_at=from_ms(row.imported_ms, zone),
        sheet=row.sheet,
        rows_read=row.rows_read,
        rows_stored=row.rows_stored,
        rows_skipped=row.rows_skipped,
        warnings=[RowWarning(**w) for w in row.warnings or []],
        meta=dict(row.meta or {}),
    )


def save_dataset(db: DbSession, dataset: Dataset, table: pa.Table, part: int | None = None) -> int:
    """Store the provenance and the rows (any Arrow table) together; the caller's transaction commits both.

    `part` numbers the datasets read from one file (0, 1, … as the reader returned them): an import passes it,
    so a second import of the same bytes racing this one collides on the unique key and raises
    SameSourceStored instead of storing a duplicate. Without it the next free number is taken."""
    if part is None:
        part = db.exec(
            select(func.coalesce(func.max(DatasetRow.source_part) + 1, 0))
            .where(col(DatasetRow.session_id) == dataset.session_id)
            .where(col(DatasetRow.source_sha256) == dataset.source_sha256)
        ).one()
    row = DatasetRow(
        session_id=dataset.session_id,
        kind=dataset.kind.value,
        format=dataset.format,
        source_name=dataset.source_name,
        source_sha256=dataset.source_sha256,
        source_part=part,
        sheet=dataset.sheet,
        imported_ms=to_ms(dataset.imported_at),
        rows_read=dataset.rows_read,
        rows_stored=dataset.rows_stored,
        rows_skipped=dataset.rows_skipped,
        warnings=[asdict(w) for w in dataset.warnings],
        meta=dict(dataset.meta),
    )
    db.add(row)
    try:
        db.flush()
    except IntegrityError as exc:
        if "source_sha256" in str(exc.orig) or "ux_datasets_source" in str(exc.orig):
            raise SameSourceStored(dataset.session_id, dataset.source_sha256) from exc
        raise
    dataset_id = saved(row.id, "dataset")
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd")
    data = buffer.getvalue()
    db.add_all(
        DatasetChunkRow(dataset_id=dataset_id, seq=i, data=data[start : start + CHUNK_BYTES])
        for i, start in enumerate(range(0, max(len(data), 1), CHUNK_BYTES))
    )
    dataset.id = dataset_id
    return dataset_id


def load_table(db: DbSession, dataset_id: int, columns: list[str] | None = None) -> pa.Table:
    chunks = db.exec(
        select(DatasetChunkRow.data)
        .where(col(DatasetChunkRow.dataset_id) == dataset_id)
        .order_by(col(DatasetChunkRow.seq))
    ).all()
    # ParquetFile.read, not pq.read_table: the latter loads pyarrow.dataset and pandas (~0.3 s of CLI start-up).
    # Columns the file lacks are left out (every canonical column is optional).
    return pq.ParquetFile(io.BytesIO(b"".join(chunks))).read(columns=columns)


def list_datasets(
    db: DbSession, session_id: int, kind: DatasetKind | None = None, zone: str = "Asia/Shanghai"
) -> list[Dataset]:
    query = select(DatasetRow).where(col(DatasetRow.session_id) == session_id)
    if kind is not None:
        query = query.where(col(DatasetRow.kind) == kind.value)
    return [_to_dataset(r, zone) for r in db.exec(query.order_by(col(DatasetRow.id))).all()]


def find_same_source(db: DbSession, session_id: int, sha256: str) -> list[Dataset]:
    """Datasets of this session imported from a file with the same bytes (for replace-or-skip)."""
    rows = db.exec(
        select(DatasetRow)
        .where(col(DatasetRow.session_id) == session_id)
        .where(col(DatasetRow.source_sha256) == sha256)
    ).all()
    return [_to_dataset(r) for r in rows]


def delete_dataset(db: DbSession, dataset_id: int) -> None:
    db.exec(delete(DatasetChunkRow).where(col(DatasetChunkRow.dataset_id) == dataset_id))
    db.exec(delete(DatasetRow).where(col(DatasetRow.id) == dataset_id))
