"""What actually happened during a run or rehearsal: timed events in the order they were logged.

Every action of the live console is one or more events, so replaying the log rebuilds the run exactly.
Numbers an action carries (seconds of an extension, an encore or a 福袋 countdown) ride in `note` as
plain integers, which keeps the log's CSV contract (`at,kind,segment_index,step,marker,note,product_id`)."""

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
    SKIP = "skip"  # an upcoming segment dropped; note "unplayed" when the end of the show dropped it (未播)
    UNSKIP = "unskip"  # a skipped segment brought back
    EXTEND = "extend"  # the current segment's allowance changed by note seconds (+30 / -30)
    SEGMENT_INSERT = "segment_insert"  # an encore put after the current segment; note = planned seconds
    TIMER_START = "timer_start"  # an auxiliary countdown (marker says which, e.g. 福袋); note = seconds
    TIMER_STOP = "timer_stop"
    MESSAGE = "message"  # the director's message to the host screen; note = text ("" clears it)
    MESSAGE_BLINK = "message_blink"  # the same, shown blinking
    RUN_END = "run_end"  # the director ended the show


# Kinds that say how the run went, not when a block or step started: readers of the run order skip them.
RUN_CONTROL_KINDS = frozenset(
    {
        EventKind.SKIP,
        EventKind.UNSKIP,
        EventKind.EXTEND,
        EventKind.SEGMENT_INSERT,
        EventKind.TIMER_START,
        EventKind.TIMER_STOP,
        EventKind.MESSAGE,
        EventKind.MESSAGE_BLINK,
        EventKind.RUN_END,
    }
)
UNPLAYED_NOTE = "unplayed"


class Marker(StrEnum):
    """One-key markers of the live console."""

    LINK_UP = "link_up"  # 上链接
    LUCKY_BAG = "lucky_bag"  # 福袋
    ENCORE = "encore"  # 返场
    INCIDENT = "incident"  # 事故
    NOTE = "note"  # a free note


@dataclass
class LiveEvent:
    """One line of the live log.

    `segment_index` names a block of the run: a planned segment by its position in the plan; a block
    inserted on air (an encore) by -1, -2, … in the order it was inserted, so the plan is never rewritten
    and its positions stay valid."""

    at: datetime  # aware
    kind: EventKind
    segment_index: int | None = None
    step: ScriptStep | None = None
    marker: Marker | None = None
    note: str = ""
    product_id: str | None = None  # the product on air (or the one skipped/inserted), so the log stands alone
    id: int | None = None

    def seconds(self) -> int:
        """The integer an extend/insert/timer event carries in its note (0 when there is none)."""
        try:
            return int(self.note)
        except ValueError:
            return 0
