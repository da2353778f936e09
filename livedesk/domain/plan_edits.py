"""Edit commands on a SessionPlan for undo/redo: each `apply(plan)` changes the plan in place and returns
the edit that undoes it (applying that one returns the original edit again, so redo needs no extra state).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from typing import Any, Protocol

from livedesk.domain.product import Product
from livedesk.domain.roles import SegmentKind
from livedesk.domain.session import Segment, Session, SessionPlan
from livedesk.domain.wave import rescale_steps, split_budget

SEGMENT_FIELDS = {f.name for f in fields(Segment)}
SESSION_FIELDS = {f.name for f in fields(Session)} - {"id", "is_sample"}


class PlanEdit(Protocol):
    name: str

    def apply(self, plan: SessionPlan) -> PlanEdit: ...


def _check_index(plan: SessionPlan, index: int, *, allow_end: bool = False) -> None:
    top = len(plan.segments) + (1 if allow_end else 0)
    if not 0 <= index < top:
        raise IndexError(f"segment {index} is outside the run order of {len(plan.segments)} segments")


@dataclass
class MoveSegment:
    """Take the segment at `source` out and put it back so that it ends up at index `target`."""

    source: int
    target: int
    name: str = "move"

    def apply(self, plan: SessionPlan) -> MoveSegment:
        _check_index(plan, self.source)
        _check_index(plan, self.target)
        segment = plan.segments.pop(self.source)
        plan.segments.insert(self.target, segment)
        return MoveSegment(self.target, self.source)


@dataclass
class ReplaceSegment:
    """Put a copy of `segment` at `index`; the inverse restores the old segment exactly."""

    index: int
    segment: Segment
    name: str = "edit"

    def apply(self, plan: SessionPlan) -> ReplaceSegment:
        _check_index(plan, self.index)
        old = plan.segments[self.index]
        plan.segments[self.index] = copy.deepcopy(self.segment)
        return ReplaceSegment(self.index, old, self.name)


@dataclass
class ResizeSegment:
    """Change a segment's planned length; its step budgets follow in proportion so they still add up."""

    index: int
    seconds: int
    name: str = "resize"

    def apply(self, plan: SessionPlan) -> ReplaceSegment:
        _check_index(plan, self.index)
        if self.seconds <= 0:
            raise ValueError("a segment must last at least one second")
        changed = copy.deepcopy(plan.segments[self.index])
        changed.planned_seconds = self.seconds
        changed.steps = rescale_steps(changed.steps, self.seconds)
        return ReplaceSegment(self.index, changed, self.name).apply(plan)


@dataclass
class InsertSegment:
    index: int
    segment: Segment
    name: str = "insert"

    def apply(self, plan: SessionPlan) -> DeleteSegment:
        _check_index(plan, self.index, allow_end=True)
        plan.segments.insert(self.index, copy.deepcopy(self.segment))
        return DeleteSegment(self.index)


@dataclass
class DeleteSegment:
    index: int
    name: str = "delete"

    def apply(self, plan: SessionPlan) -> InsertSegment:
        _check_index(plan, self.index)
        removed = plan.segments.pop(self.index)
        return InsertSegment(self.index, removed)


@dataclass
class DuplicateSegment:
    """Insert a copy of the segment right after it."""

    index: int
    name: str = "duplicate"

    def apply(self, plan: SessionPlan) -> DeleteSegment:
        _check_index(plan, self.index)
        return InsertSegment(self.index + 1, plan.segments[self.index]).apply(plan)


@dataclass
class SetSegmentField:
    """Set one field of a segment (`owner`, `cues`, `notes`, `product_id`, `steps`, `kind`, `title`,
    `planned_seconds`); the inverse sets the old value back."""

    index: int
    field_name: str
    value: Any
    name: str = "set"

    def apply(self, plan: SessionPlan) -> SetSegmentField:
        _check_index(plan, self.index)
        if self.field_name not in SEGMENT_FIELDS:
            raise KeyError(f"a segment has no field {self.field_name!r}")
        segment = plan.segments[self.index]
        old = getattr(segment, self.field_name)
        setattr(segment, self.field_name, copy.deepcopy(self.value))
        return SetSegmentField(self.index, self.field_name, old, self.name)


@dataclass
class SetSessionField:
    """Set one header field of the session (title, start, targets, team, checklists …)."""

    field_name: str
    value: Any
    name: str = "header"

    def apply(self, plan: SessionPlan) -> SetSessionField:
        if self.field_name not in SESSION_FIELDS:
            raise KeyError(f"a session has no field {self.field_name!r}")
        old = getattr(plan.session, self.field_name)
        setattr(plan.session, self.field_name, copy.deepcopy(self.value))
        return SetSessionField(self.field_name, old, self.name)


@dataclass
class ReplaceSegments:
    """Snapshot edit for whole-plan changes (generate a wave plan): the inverse holds the old run order."""

    segments: list[Segment] = field(default_factory=list)
    name: str = "generate"

    def apply(self, plan: SessionPlan) -> ReplaceSegments:
        old = plan.segments
        plan.segments = copy.deepcopy(self.segments)
        return ReplaceSegments(old, self.name)


@dataclass
class ReplaceProducts:
    """Snapshot edit of the pool (an edited cell, an import): the inverse holds the old pool."""

    products: list[Product] = field(default_factory=list)
    name: str = "pool"

    def apply(self, plan: SessionPlan) -> ReplaceProducts:
        old = plan.products
        plan.products = copy.deepcopy(self.products)
        return ReplaceProducts(old, self.name)


def new_segment(kind: SegmentKind, seconds: int, product_id: str | None = None) -> Segment:
    """A segment as the editor inserts it: pitches get the default step split."""
    steps = split_budget(seconds) if kind is SegmentKind.PITCH else []
    return Segment(kind=kind, planned_seconds=seconds, product_id=product_id, steps=steps)
