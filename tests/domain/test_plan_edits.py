"""Edit commands and their inverses: every edit undoes to the exact plan before it."""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest
from plan_fixtures import START, plan_of

from livedesk.domain.plan_edits import (
    DeleteSegment,
    DuplicateSegment,
    InsertSegment,
    MoveSegment,
    ReplaceProducts,
    ReplaceSegments,
    ResizeSegment,
    SetSegmentField,
    SetSessionField,
    new_segment,
)
from livedesk.domain.roles import SegmentKind
from livedesk.domain.session import Segment, Targets
from livedesk.domain.wave import split_budget


def _plan():
    return plan_of(
        [
            Segment(SegmentKind.OPENING, 600, "T1", title="A"),
            Segment(SegmentKind.PITCH, 240, "T1", title="B", steps=split_budget(240)),
            Segment(SegmentKind.PITCH, 720, "P1", title="C", steps=split_budget(720)),
        ],
        minutes=26,
    )


def titles(plan):
    return [s.title for s in plan.segments]


def test_move_and_its_inverse_rechain_the_starts():
    plan = _plan()
    inverse = MoveSegment(0, 2).apply(plan)
    assert titles(plan) == ["B", "C", "A"]
    # B 4 min, C 12 min: A now starts at 20:16.
    assert plan.planned_starts() == [START, START + timedelta(minutes=4), START + timedelta(minutes=16)]
    again = inverse.apply(plan)
    assert titles(plan) == ["A", "B", "C"]
    again.apply(plan)
    assert titles(plan) == ["B", "C", "A"]


def test_resize_rescales_steps_and_undo_restores_them_exactly():
    plan = _plan()
    before = copy.deepcopy(plan.segments[2])
    inverse = ResizeSegment(2, 600).apply(plan)
    # 720 → 600 s keeps 15/30/20/20/15 %: 90 180 120 120 90.
    assert [b.seconds for b in plan.segments[2].steps] == [90, 180, 120, 120, 90]
    assert plan.total_planned_seconds == 600 + 240 + 600
    inverse.apply(plan)
    assert plan.segments[2] == before
    with pytest.raises(ValueError):
        ResizeSegment(2, 0).apply(plan)


def test_insert_delete_duplicate():
    plan = _plan()
    undo_insert = InsertSegment(1, new_segment(SegmentKind.INTERACTION, 120)).apply(plan)
    assert [s.kind for s in plan.segments][1] is SegmentKind.INTERACTION
    undo_insert.apply(plan)
    assert titles(plan) == ["A", "B", "C"]
    undo_dup = DuplicateSegment(1).apply(plan)
    assert titles(plan) == ["A", "B", "B", "C"]
    plan.segments[2].steps[0].seconds = 1  # the copy is independent of the original
    assert plan.segments[1].steps[0].seconds == 36
    undo_dup.apply(plan)
    undo_delete = DeleteSegment(0).apply(plan)
    assert titles(plan) == ["B", "C"]
    undo_delete.apply(plan)
    assert titles(plan) == ["A", "B", "C"]
    with pytest.raises(IndexError):
        DeleteSegment(3).apply(plan)


def test_set_fields_and_snapshots():
    plan = _plan()
    undo = SetSegmentField(1, "cues", ["上链接", "福袋"]).apply(plan)
    assert plan.segments[1].cues == ["上链接", "福袋"]
    undo.apply(plan)
    assert plan.segments[1].cues == []
    undo_header = SetSessionField("targets", Targets(gmv_fen=100)).apply(plan)
    assert plan.session.targets.gmv_fen == 100
    undo_header.apply(plan)
    assert plan.session.targets.gmv_fen is None
    undo_all = ReplaceSegments([new_segment(SegmentKind.CLOSING, 60)]).apply(plan)
    assert titles(plan) == [""]
    undo_all.apply(plan)
    assert titles(plan) == ["A", "B", "C"]
    undo_pool = ReplaceProducts([]).apply(plan)
    assert plan.products == []
    undo_pool.apply(plan)
    assert [p.product_id for p in plan.products][:2] == ["T1", "P1"]
    with pytest.raises(KeyError):
        SetSegmentField(0, "colour", "red").apply(plan)


def test_a_chain_of_edits_undoes_and_redoes_to_the_same_plans():
    plan = _plan()
    original = copy.deepcopy(plan)
    edits = [
        MoveSegment(2, 0),
        ResizeSegment(0, 900),
        DuplicateSegment(1),
        SetSegmentField(3, "owner", "小王"),
        DeleteSegment(2),
        InsertSegment(0, new_segment(SegmentKind.PITCH, 300, "C1")),
    ]
    inverses = [edit.apply(plan) for edit in edits]
    after = copy.deepcopy(plan)
    redo = [inverse.apply(plan) for inverse in reversed(inverses)]
    assert plan == original
    for edit in reversed(redo):
        edit.apply(plan)
    assert plan == after
