"""Table definitions. Instants are UTC epoch milliseconds (BigInteger) beside the session's zone name,
so SQLite and PostgreSQL store them the same way; money is integer fen."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Table,
    UniqueConstraint,
    inspect,
)
from sqlmodel import JSON, Field, SQLModel

SCHEMA_VERSION = 3  # see livedesk.persistence.migrations for the steps

# SQLite makes only an INTEGER primary key the auto-incrementing rowid; PostgreSQL gets 64-bit ids.
Id = BigInteger().with_variant(Integer(), "sqlite")


def table_of(model: type[SQLModel]) -> Table:
    """The Core table of a row class: SQLModel sets `__table__` when the class is made, so no type names it."""
    return cast(Table, inspect(model).local_table)


def _version(start: int = 1) -> Column[Any]:
    """A record's edit version: a save names the version it started from and bumps it (optimistic locking)."""
    return Column(Integer, nullable=False, default=start, server_default=str(start))


def _fk(target: str) -> Column[Any]:
    return Column(Id, ForeignKey(target, ondelete="CASCADE"), nullable=False, index=True)


class MetaRow(SQLModel, table=True):
    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str


class SessionRow(SQLModel, table=True):
    __tablename__ = "sessions"
    id: int | None = Field(default=None, sa_column=Column(Id, primary_key=True, autoincrement=True))
    title: str
    platform: str = "douyin"
    account: str = Field(default="", index=True)
    start_ms: int = Field(sa_column=Column(BigInteger, nullable=False))
    timezone: str = "Asia/Shanghai"
    planned_seconds: int
    team: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    targets: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    ad_budget_fen: int | None = Field(default=None, sa_column=Column(BigInteger))
    checklists: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    settings: dict = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False)
    )  # e.g. forecast assumptions
    is_sample: bool = False
    updated_ms: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))
    # One version per separately edited part, so a header edit never conflicts with a run-order edit.
    header_version: int = Field(default=1, sa_column=_version())
    pool_version: int = Field(default=1, sa_column=_version())
    run_order_version: int = Field(default=1, sa_column=_version())


class ProductRow(SQLModel, table=True):
    __tablename__ = "products"
    __table_args__ = (UniqueConstraint("session_id", "product_id"),)
    id: int | None = Field(default=None, sa_column=Column(Id, primary_key=True, autoincrement=True))
    session_id: int = Field(sa_column=_fk("sessions.id"))
    position: int
    product_id: str
    name: str
    role: str
    sku: str = ""
    daily_price_fen: int | None = Field(default=None, sa_column=Column(BigInteger))
    live_price_fen: int | None = Field(default=None, sa_column=Column(BigInteger))
    cost_fen: int | None = Field(default=None, sa_column=Column(BigInteger))
    stock: int | None = None
    mechanism: str = ""
    selling_points: str = ""
    pain_points: str = ""
    endorsements: str = ""
    faq: str = ""
    scripts: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    script_version: int = Field(default=1, sa_column=_version())  # the texts here and its pitches' budgets


class SegmentRow(SQLModel, table=True):
    __tablename__ = "segments"
    id: int | None = Field(default=None, sa_column=Column(Id, primary_key=True, autoincrement=True))
    session_id: int = Field(sa_column=_fk("sessions.id"))
    position: int
    kind: str
    product_id: str | None = None
    title: str = ""
    planned_seconds: int
    owner: str = ""
    cues: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    notes: str = ""
    steps: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class LiveEventRow(SQLModel, table=True):
    __tablename__ = "live_events"
    __table_args__ = (Index("ix_live_events_session_at", "session_id", "at_ms"),)
    id: int | None = Field(default=None, sa_column=Column(Id, primary_key=True, autoincrement=True))
    session_id: int = Field(sa_column=_fk("sessions.id"))
    at_ms: int = Field(sa_column=Column(BigInteger, nullable=False))
    kind: str
    segment_index: int | None = None
    step: str | None = None
    marker: str | None = None
    note: str = ""
    product_id: str | None = None


class RehearsalRow(SQLModel, table=True):
    """One rehearsal take of a product's pitch (or a whole plan) by a host: actual seconds per step."""

    __tablename__ = "rehearsals"
    id: int | None = Field(default=None, sa_column=Column(Id, primary_key=True, autoincrement=True))
    session_id: int | None = Field(
        default=None, sa_column=Column(Id, ForeignKey("sessions.id", ondelete="SET NULL"))
    )
    product_id: str | None = Field(default=None, index=True)
    host: str = Field(default="", index=True)
    started_ms: int = Field(sa_column=Column(BigInteger, nullable=False))
    steps: list = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )  # [{step, budget, actual, chars}]


class DatasetRow(SQLModel, table=True):
    __tablename__ = "datasets"
    # One file's bytes are stored once per session: two imports of it at the same moment collide here.
    __table_args__ = (Index("ux_datasets_source", "session_id", "source_sha256", "source_part", unique=True),)
    id: int | None = Field(default=None, sa_column=Column(Id, primary_key=True, autoincrement=True))
    session_id: int = Field(sa_column=_fk("sessions.id"))
    kind: str = Field(index=True)
    format: str
    source_name: str
    source_sha256: str = Field(index=True)
    source_part: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    sheet: str | None = None
    imported_ms: int = Field(sa_column=Column(BigInteger, nullable=False))
    rows_read: int = 0
    rows_stored: int = 0
    rows_skipped: int = 0
    warnings: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    meta: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class DatasetChunkRow(SQLModel, table=True):
    """The dataset's rows as Parquet bytes, split in chunks so no single value grows without bound."""

    __tablename__ = "dataset_chunks"
    dataset_id: int = Field(
        sa_column=Column(Id, ForeignKey("datasets.id", ondelete="CASCADE"), primary_key=True)
    )
    seq: int = Field(primary_key=True)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class ActionItemRow(SQLModel, table=True):
    __tablename__ = "action_items"
    id: int | None = Field(default=None, sa_column=Column(Id, primary_key=True, autoincrement=True))
    session_id: int = Field(sa_column=_fk("sessions.id"))
    account: str = Field(default="", index=True)
    action: str
    owner: str = ""
    metric: str = ""
    target: float | None = None
    comparison: str = ">="
    finding_code: str = ""
    subject: str = ""
    status: str = "open"
    verified_session_id: int | None = Field(
        default=None, sa_column=Column(Id, ForeignKey("sessions.id", ondelete="SET NULL"))
    )
    verified_value: float | None = None
    version: int = Field(default=1, sa_column=_version())


class PreferenceRow(SQLModel, table=True):
    """Team data that is not a session: import mapping presets, lexicon additions, host speaking rates,
    role-verdict thresholds. Keyed by namespace and name, JSON value."""

    __tablename__ = "preferences"
    namespace: str = Field(primary_key=True)
    name: str = Field(primary_key=True)
    value: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    version: int = Field(default=1, sa_column=_version())


# The session list pages newest first, of one account or of all: both orders come straight off an index.
Index("ix_sessions_account_start", table_of(SessionRow).c.account, table_of(SessionRow).c.start_ms)
Index("ix_sessions_start", table_of(SessionRow).c.start_ms, table_of(SessionRow).c.id)


class SessionSummaryRow(SQLModel, table=True):
    """A session's imported results in a few numbers (livedesk.domain.history.SessionSummary), rebuilt
    whenever its datasets, live log or review change, so history is read without decoding any Parquet.
    Account and start are copies of the session's, kept in step by the session repository, so the
    (account, start) index answers "this account's sessions before X" from this table alone."""

    __tablename__ = "session_summaries"
    __table_args__ = (Index("ix_session_summaries_account_start", "account", "start_ms"),)
    session_id: int = Field(
        sa_column=Column(Id, ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True)
    )
    account: str = ""
    start_ms: int = Field(sa_column=Column(BigInteger, nullable=False))
    planned_seconds: int = 0
    live_seconds: int | None = None
    gmv_fen: int | None = Field(default=None, sa_column=Column(BigInteger))
    refund_fen: int | None = Field(default=None, sa_column=Column(BigInteger))
    units: int | None = Field(default=None, sa_column=Column(BigInteger))
    orders: int | None = Field(default=None, sa_column=Column(BigInteger))
    buyers: int | None = Field(default=None, sa_column=Column(BigInteger))
    uv: int | None = Field(default=None, sa_column=Column(BigInteger))
    pitch_seconds: int | None = None
    ad_spend_fen: int | None = Field(default=None, sa_column=Column(BigInteger))
    # Every review KPI (money in fen) for the 历史 tab's trend and comparison: one row, no recomputation.
    kpis: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    computed_ms: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))


class ProductSummaryRow(SQLModel, table=True):
    """One product in one session (livedesk.domain.history.ProductSummary); account and start copied from
    the session so "this account's history of these products" is one index range."""

    __tablename__ = "product_summaries"
    __table_args__ = (
        Index("ix_product_summaries_account_product", "account", "product_id", "start_ms"),
        Index("ix_product_summaries_account_start", "account", "start_ms"),
    )
    session_id: int = Field(
        sa_column=Column(Id, ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True)
    )
    product_id: str = Field(primary_key=True)
    account: str = ""
    start_ms: int = Field(sa_column=Column(BigInteger, nullable=False))
    role: str | None = None
    gmv_fen: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))
    units: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))
    orders: int | None = Field(default=None, sa_column=Column(BigInteger))
    pitch_seconds: int = 0
    refund_fen: int | None = Field(default=None, sa_column=Column(BigInteger))
