"""Review action items: what the team will change, who owns it and how the next review verifies it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ActionStatus(StrEnum):
    OPEN = "open"
    MET = "met"  # verified at a later review: the metric reached the target
    NOT_MET = "not_met"
    DROPPED = "dropped"


@dataclass
class ActionItem:
    """Made from a finding of session `session_id`; shown on the next session of the same account."""

    session_id: int
    account: str
    action: str
    owner: str = ""
    metric: str = ""  # a metric key of DOMAIN.md §4, e.g. "click_to_buy_rate"
    target: float | None = None  # in the metric's unit (yuan, fraction, count)
    comparison: str = ">="  # how the verified value is compared with the target
    finding_code: str = ""
    subject: str = ""  # product id or segment index the finding concerned
    status: ActionStatus = ActionStatus.OPEN
    verified_session_id: int | None = None
    verified_value: float | None = None
    id: int | None = None
    version: int = 0  # the stored version this copy was read at (0: not stored yet); see edit_conflict
