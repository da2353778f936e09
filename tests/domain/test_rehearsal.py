"""Rehearsal step timers with a hand-moved clock."""

from __future__ import annotations

import pytest
from stage_fixtures import START

from livedesk.domain.clock import FakeClock
from livedesk.domain.rehearsal import Rehearsal, RehearsalStep, TakeStep
from livedesk.domain.roles import PITCH_STEPS, ScriptStep


def make(clock):
    steps = [
        RehearsalStep(step, 30, "冬天喝不上热水" if step is ScriptStep.PAIN_POINT else "")
        for step in PITCH_STEPS
    ]
    return Rehearsal(steps, clock, product_id="P1", host="小林")


def test_time_accrues_only_while_running_on_the_current_step():
    clock = FakeClock(START)
    rehearsal = make(clock)
    clock.advance(10)
    assert rehearsal.elapsed() == 0
    rehearsal.toggle()
    clock.advance(12)
    rehearsal.toggle()  # pause
    clock.advance(100)
    assert rehearsal.elapsed() == 12 and rehearsal.remaining() == 18
    rehearsal.toggle()
    clock.advance(3)
    rehearsal.next()
    clock.advance(40)
    assert rehearsal.elapsed(0) == 15 and rehearsal.elapsed(1) == 40 and rehearsal.remaining(1) == -10
    rehearsal.previous()
    clock.advance(5)
    assert rehearsal.elapsed(0) == 20 and rehearsal.total_elapsed() == 60


def test_next_after_the_last_step_finishes_the_take():
    clock = FakeClock(START)
    rehearsal = make(clock)
    rehearsal.start()
    for seconds in (10, 20, 30, 40, 50):
        clock.advance(seconds)
        rehearsal.next()
    assert rehearsal.finished and not rehearsal.running and rehearsal.index == 4
    clock.advance(60)
    take = rehearsal.take()
    assert [s.actual for s in take.steps] == [10, 20, 30, 40, 50]
    assert take.total_actual == 150 and take.total_budget == 150
    assert take.steps[0].chars == 7 and take.started_at == START
    assert TakeStep.from_dict(take.steps[0].to_dict()) == take.steps[0]


def test_take_leaves_out_steps_never_reached():
    clock = FakeClock(START)
    rehearsal = make(clock)
    with pytest.raises(ValueError):
        rehearsal.take()
    rehearsal.start()
    clock.advance(8)
    assert [s.step for s in rehearsal.take().steps] == [ScriptStep.PAIN_POINT]
