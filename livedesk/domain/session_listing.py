"""What a session list shows of a session (its few columns, none of its JSON), and one page of a list
filtered by account and title."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class SessionListItem:
    """One row of a session list; the attribute names match `Session` so either can be listed."""

    id: int
    title: str
    platform: str
    account: str
    start: datetime  # aware, in the session's zone
    planned_seconds: int
    timezone: str
    is_sample: bool


@dataclass(frozen=True)
class SessionPage:
    """Rows `offset` … `offset + len(items)` of `total` matching sessions, newest first."""

    items: list[SessionListItem] = field(default_factory=list)
    total: int = 0
    offset: int = 0
    limit: int | None = None

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.items) < self.total

    @property
    def next_offset(self) -> int | None:
        return self.offset + len(self.items) if self.has_more else None
