"""An account's past sessions as summaries: what the forecast, the run-order generator, the trends and the
历史 tab learn from. Written when data is imported or a review is saved (persistence keeps them), read with
one query per question. Money is integer fen; a figure nothing provided stays None."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class SessionSummary:
    """One past session of an account, as its imported results say."""

    session_id: int
    account: str
    start: datetime  # aware
    planned_seconds: int
    live_seconds: int | None  # on air, from the live log (else the live window of the exports)
    gmv_fen: int | None
    refund_fen: int | None
    units: int | None
    orders: int | None
    buyers: int | None
    uv: int | None
    pitch_seconds: int | None  # pitch and encore segments on air
    ad_spend_fen: int | None

    @property
    def uv_value_fen(self) -> float | None:
        """GMV per viewer (fen), None without both."""
        if self.gmv_fen is None or not self.uv:
            return None
        return self.gmv_fen / self.uv

    @property
    def gmv_fen_per_live_minute(self) -> float | None:
        if self.gmv_fen is None or not self.live_seconds:
            return None
        return self.gmv_fen * 60 / self.live_seconds


@dataclass(frozen=True)
class ProductSummary:
    """One product in one past session: what it sold (including the tail sold after its pitch, as
    attribution assigns it) and how long it was pitched."""

    session_id: int
    product_id: str
    role: str | None  # the role it had in that session's pool
    gmv_fen: int
    units: int
    orders: int | None
    pitch_seconds: int  # 0 when it sold without a pitch
    refund_fen: int | None = None

    @property
    def gmv_fen_per_pitch_minute(self) -> float | None:
        if self.pitch_seconds <= 0:
            return None
        return self.gmv_fen * 60 / self.pitch_seconds


@dataclass(frozen=True)
class AccountHistory:
    """The sessions of one account that started before a moment, oldest first, with their products."""

    account: str
    sessions: list[SessionSummary] = field(default_factory=list)
    products: list[ProductSummary] = field(default_factory=list)

    @property
    def session_ids(self) -> list[int]:
        return [summary.session_id for summary in self.sessions]
