"""The live run state machine with a hand-moved clock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from stage_fixtures import START, stage_plan

from livedesk.domain.clock import FakeClock
from livedesk.domain.live_log import EventKind, Marker
from livedesk.domain.live_run import LUCKY_BAG_TIMER, Level, LiveRun, LiveRunError, RunState
from livedesk.domain.roles import ScriptStep, SegmentKind


def make_run(**options) -> tuple[LiveRun, FakeClock]:
    clock = FakeClock(START)
    return LiveRun(stage_plan(), clock, warning_seconds=30, danger_seconds=10, **options), clock


def kinds(events):
    return [(e.kind.value, e.segment_index, e.step.value if e.step else None) for e in events]


def test_start_next_and_steps_emit_the_log_in_order():
    run, clock = make_run()
    assert run.status().state is RunState.READY and run.status().expected_end is None
    assert kinds(run.start()) == [("segment_start", 0, None)]
    clock.advance(120)
    events = run.next()
    assert kinds(events) == [
        ("segment_end", 0, None),
        ("segment_start", 1, None),
        ("step_start", 1, "pain_point"),
    ]
    assert all(e.at == START + timedelta(seconds=120) for e in events)
    assert events[-1].product_id == "P1"
    clock.advance(25)
    assert kinds(run.step_next()) == [("step_end", 1, "pain_point"), ("step_start", 1, "selling_points")]
    assert kinds(run.step_previous()) == [("step_end", 1, "selling_points"), ("step_start", 1, "pain_point")]
    assert run.step_previous() == []  # nothing before the first step
    for _ in range(4):
        run.step_next()
    assert run.status().step is ScriptStep.CLOSE
    assert run.step_next() == []  # the last step stays until the segment ends
    ending = run.next()
    assert kinds(ending)[:2] == [("step_end", 1, "close"), ("segment_end", 1, None)]
    assert run.actual_seconds(0) == 120 and run.actual_seconds(1) == 25


def test_countdown_levels_and_over_under():
    run, clock = make_run()
    run.start()  # opening: 120 s planned
    clock.advance(60)
    status = run.status()
    assert (status.elapsed, status.remaining, status.level) == (60, 60, Level.NORMAL)
    assert status.over_under == 0
    assert status.expected_end == START + timedelta(seconds=660)  # 120+180+60+180+120 planned
    clock.advance(35)
    assert run.status().level is Level.WARNING
    clock.advance(20)
    assert run.status().level is Level.DANGER
    clock.advance(35)  # 150 s into a 120 s segment
    status = run.status()
    assert status.level is Level.OVERTIME and status.remaining == -30
    assert status.over_under == 30
    assert status.expected_end == START + timedelta(seconds=690)


def test_extend_skip_and_finish():
    run, clock = make_run()
    run.start()
    run.extend(60)
    clock.advance(150)
    status = run.status()
    assert status.allowed == 180 and status.remaining == 30 and status.over_under == 60
    assert run.next_index() == 1
    run.skip()  # drop the first pitch
    assert run.next_index() == 2 and run.is_skipped(1)
    assert run.status().over_under == 60 - 180
    with pytest.raises(LiveRunError):
        run.skip(0)  # the current segment cannot be skipped
    run.next()
    assert run.status().index == 2
    clock.advance(10)
    run.finish()
    status = run.status()
    assert status.state is RunState.FINISHED and status.expected_end == START + timedelta(seconds=160)
    with pytest.raises(LiveRunError):
        run.next()


def test_insert_encore_after_current():
    run, clock = make_run()
    run.start()
    clock.advance(120)
    run.next()  # pitch of P1
    at = run.insert_encore("P1", 90)
    assert at == 2 and run.segments[2].kind is SegmentKind.ENCORE and run.segments[2].product_id == "P1"
    assert run.next_index() == 2
    assert run.status().over_under == 90
    run.next()
    assert run.status().segment.kind is SegmentKind.ENCORE
    with pytest.raises(LiveRunError, match="not in this session"):
        run.insert_encore("NOPE")


def test_markers_timers_and_message():
    run, clock = make_run()
    run.start()
    clock.advance(5)
    marker = run.mark(Marker.LINK_UP)
    assert marker.kind is EventKind.MARKER and marker.marker is Marker.LINK_UP and marker.segment_index == 0
    run.start_timer(LUCKY_BAG_TIMER, 300, "福袋")
    clock.advance(120)
    timer = run.status().timers[0]
    assert (timer.key, timer.remaining, timer.expired) == (LUCKY_BAG_TIMER, 180, False)
    clock.advance(200)
    assert run.status().timers[0].expired
    run.cancel_timer(LUCKY_BAG_TIMER)
    assert run.status().timers == ()
    run.set_message("加快节奏", blink=True)
    assert run.status().message == "加快节奏" and run.status().blink


def test_running_past_the_last_segment_finishes():
    run, clock = make_run()
    run.start()
    for _ in range(5):
        clock.advance(10)
        run.next()
    status = run.status()
    assert status.state is RunState.FINISHED and status.done == 5 and status.index is None


def test_restore_from_log_resumes_where_it_was():
    run, clock = make_run()
    log = run.start()
    clock.advance(100)
    log += run.next()
    clock.advance(20)
    log += run.step_next()
    clock.advance(3)  # the app crashes here
    fresh = LiveRun(stage_plan(), clock)
    fresh.restore(log)
    status = fresh.status()
    assert status.state is RunState.RUNNING and status.index == 1 and status.step is ScriptStep.SELLING_POINTS
    assert status.elapsed == 23 and status.step_elapsed == 3
    assert status.started_at == START
    assert kinds(fresh.next())[0] == ("step_end", 1, "selling_points")


def test_actions_out_of_order_are_refused():
    run, _ = make_run()
    with pytest.raises(LiveRunError):
        run.next()
    with pytest.raises(LiveRunError):
        run.extend(30)
    run.start()
    with pytest.raises(LiveRunError):
        run.start()
