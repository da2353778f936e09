"""What actually happened during a run or rehearsal: timed events in the order they were logged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from livedesk.domain.roles import ScriptStep


class EventKind(StrEnum):
    SEGMENT_START = "segment_start"
    SEGMENT_END = "segment_end"
    STEP_START = "step_start"
    STEP_END = "step_end"
    MARKER = "marker"


class Marker(StrEnum):
    """One-key markers of the live console."""

    LINK_UP = "link_up"  # 上链接
    LUCKY_BAG = "lucky_bag"  # 福袋
    ENCORE = "encore"  # 返场
    INCIDENT = "incident"  # 事故
    NOTE = "note"  # a free note


@dataclass
class LiveEvent:
    """One line of the live log. `segment_index` refers to the plan's segment order at the time of the run."""

    at: datetime  # aware
    kind: EventKind
    segment_index: int | None = None
    step: ScriptStep | None = None
    marker: Marker | None = None
    note: str = ""
    product_id: str | None = None  # the product on air, so the log stands on its own
    id: int | None = None
