"""The live run state machine with a hand-moved clock."""

from __future__ import annotations

from dataclasses import replace
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
    (event,) = run.insert_encore("P1", 90)
    assert (event.kind, event.segment_index, event.note, event.product_id) == (
        EventKind.SEGMENT_INSERT,
        -1,
        "90",
        "P1",
    )
    assert run.position_of(-1) == 2
    assert run.segments[2].kind is SegmentKind.ENCORE and run.segments[2].product_id == "P1"
    assert len(run.plan.segments) == 5  # the plan is never rewritten by the run
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
    run.start_timer(LUCKY_BAG_TIMER, 300)
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


def restored(run: LiveRun, log, clock) -> LiveRun:
    fresh = LiveRun(stage_plan(), clock, warning_seconds=30, danger_seconds=10)
    fresh.restore(log)
    assert fresh.snapshot() == run.snapshot()
    return fresh


def test_every_action_is_logged_and_a_replay_rebuilds_the_same_run():
    run, clock = make_run()
    log = run.start()
    clock.advance(100.25)
    log += run.next()  # pitch of P1
    log += run.extend(120)
    log += run.skip()  # the transition
    clock.advance(12.5)
    log += run.insert_encore("P2", 90)
    log += run.lucky_bag(300)
    log += run.set_message("加快节奏", blink=True)
    log += run.step_next()
    clock.advance(7)
    log += [run.mark(Marker.LINK_UP)]
    kinds_logged = {e.kind for e in log}
    assert {
        EventKind.EXTEND,
        EventKind.SKIP,
        EventKind.SEGMENT_INSERT,
        EventKind.TIMER_START,
        EventKind.MESSAGE_BLINK,
    } <= kinds_logged
    status = run.status()
    assert (status.index, status.next_index, status.allowed) == (1, 2, 300)
    assert run.segments[2].kind is SegmentKind.ENCORE and run.is_skipped(3)

    fresh = restored(run, log, clock)
    again = fresh.status()
    assert (again.index, again.next_index, again.allowed, again.remaining) == (1, 2, 300, status.remaining)
    assert again.lucky_bag.remaining == status.lucky_bag.remaining == 300 - 7
    assert (again.message, again.blink) == ("加快节奏", True)
    assert again.step is ScriptStep.SELLING_POINTS and again.expected_end == status.expected_end

    # the restored run goes on exactly as the original would
    clock.advance(3)
    moved = run.next()
    log += moved
    assert kinds(fresh.next()) == kinds(moved)
    assert fresh.status().segment.kind is SegmentKind.ENCORE
    log += run.cancel_timer(LUCKY_BAG_TIMER) + run.set_message("")
    assert run.status().timers == () and run.status().message == ""
    restored(run, log, clock)


def test_ending_early_marks_the_rest_unplayed_and_reads_the_played_part_against_its_plan():
    run, clock = make_run()
    log = run.start()
    clock.advance(150)  # opening 30 s over its 120
    log += run.next()
    log += run.skip(3)  # P2 dropped by the director before the end
    clock.advance(170)  # P1 10 s under its 180
    assert run.unplayed_count() == 2  # transition and closing
    ending = run.finish()
    log += ending
    assert [(e.kind, e.segment_index, e.note) for e in ending if e.kind is EventKind.SKIP] == [
        (EventKind.SKIP, 2, "unplayed"),
        (EventKind.SKIP, 4, "unplayed"),
    ]
    assert ending[-1].kind is EventKind.RUN_END
    status = run.status()
    assert status.state is RunState.FINISHED and status.unplayed == 2 and status.done == 2
    assert status.over_under == 20  # +30 and -10 over the two blocks played, not hours ahead
    assert run.is_unplayed(2) and not run.is_unplayed(3) and run.is_skipped(3)
    restored(run, log, clock)


def test_a_log_without_run_events_still_restores():
    run, clock = make_run()
    log = run.start()
    clock.advance(60)
    log += run.next()
    clock.advance(30)
    log += run.next()
    old_style = [e for e in log if e.kind not in (EventKind.RUN_END,)]
    fresh = LiveRun(stage_plan(), clock)
    fresh.restore(old_style)
    assert fresh.status().index == 2 and fresh.actual_seconds(1) == 30
    # and a log that names blocks this plan does not have is passed over, not a crash
    fresh = LiveRun(stage_plan(), clock)
    fresh.restore([replace(log[0], segment_index=42), *log])
    assert fresh.snapshot() == run.snapshot()


def test_an_edited_plan_reaches_only_the_blocks_not_yet_started():
    run, clock = make_run()
    run.start()
    clock.advance(60)
    run.next()  # pitch of P1
    run.insert_encore("P2", 60)  # position 2, pushes the transition to 3
    edited = stage_plan()
    for segment in edited.segments:
        segment.planned_seconds += 1
    edited.products[0].name = "保温杯 Pro"
    assert run.adopt_plan(edited)
    planned = [s.planned_seconds for s in run.segments]
    assert planned == [120, 180, 60, 61, 181, 121]  # played and on-air blocks and the encore keep theirs
    assert run.status().product.name == "保温杯 Pro"
