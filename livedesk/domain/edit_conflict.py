"""Optimistic concurrency: each part a team edits carries a version, and a save made from a stale version is
refused with `EditConflict` instead of overwriting what someone else saved in between.

The parts of one session are versioned separately (header, pool, run order, each product's script), so two
people editing different parts never conflict; thresholds, session scripts and action items carry their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class EditPart(StrEnum):
    HEADER = "header"  # the session's title, start, team, targets, checklists …
    POOL = "pool"  # the products and their prices, stock and selling material (not their scripts)
    RUN_ORDER = "run_order"  # the segments
    SCRIPT = "script"  # one product's step texts and the step budgets of its pitches
    SESSION_SCRIPTS = "session_scripts"  # opening / transition / closing lines
    THRESHOLDS = "thresholds"
    ACTION_ITEM = "action_item"
    PREFERENCE = "preference"


class EditConflict(Exception):
    """A save started from `expected_version` of `part` (identified by `key`), but the store holds
    `actual_version` (None: the record is gone). `fields` names what both sides changed, when known."""

    def __init__(
        self,
        part: EditPart,
        key: str,
        expected_version: int | None,
        actual_version: int | None,
        fields: tuple[str, ...] = (),
    ) -> None:
        self.part = part
        self.key = key
        self.expected_version = expected_version
        self.actual_version = actual_version
        self.fields = tuple(fields)
        if actual_version is None:
            what = f"the {part.value.replace('_', ' ')} {key} was deleted by someone else"
        else:
            what = (
                f"the {part.value.replace('_', ' ')} {key} was saved by someone else "
                f"(version {actual_version}, this edit started from version {expected_version})"
            )
        detail = f"; both changed {', '.join(self.fields)}" if self.fields else ""
        super().__init__(f"{what}{detail}; reload it or re-apply this change on top")


@dataclass
class PlanVersions:
    """The versions a loaded plan was read at, one per separately saved part."""

    header: int = 0
    pool: int = 0
    run_order: int = 0
    scripts: dict[str, int] = field(default_factory=dict)  # product id → version of its script
