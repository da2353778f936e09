"""Live log persistence, crash recovery, rehearsal takes, host rates and script editing against a real store."""

from __future__ import annotations

from stage_fixtures import START, stage_plan

from livedesk.domain.clock import FakeClock
from livedesk.domain.live_log import EventKind, Marker
from livedesk.domain.live_run import LUCKY_BAG_TIMER, LiveRun, RunState
from livedesk.domain.rehearsal import Rehearsal, RehearsalStep
from livedesk.domain.roles import PITCH_STEPS, ScriptStep, SegmentKind
from livedesk.persistence import live_log_repository
from livedesk.services import rehearsals, scripts
from livedesk.services.lexicon import save_user_words, team_lexicon, user_words
from livedesk.services.live import LiveService, clear_log, has_log
from livedesk.services.sessions import load_plan, save_plan


def stored_kinds(store, session_id):
    with store.reading() as db:
        return [e.kind for e in live_log_repository.list_events(db, session_id, "Asia/Shanghai")]


def test_each_action_is_stored_as_it_happens_and_a_restart_resumes(store):
    session_id = save_plan(store, stage_plan())
    clock = FakeClock(START)
    live = LiveService(store, session_id, clock)
    live.go()
    assert stored_kinds(store, session_id) == [EventKind.SEGMENT_START]
    clock.advance(130)
    live.go()
    live.lucky_bag(120)
    assert live.status().timers[0].key == LUCKY_BAG_TIMER
    clock.advance(20)
    live.step_next()
    assert stored_kinds(store, session_id)[-4:] == [
        EventKind.MARKER,
        EventKind.TIMER_START,
        EventKind.STEP_END,
        EventKind.STEP_START,
    ]
    assert has_log(store, session_id)

    resumed = LiveService(store, session_id, clock)  # the app restarted
    status = resumed.status()
    assert status.state is RunState.RUNNING and status.index == 1 and status.step is ScriptStep.SELLING_POINTS
    assert status.elapsed == 20 and status.lucky_bag.remaining == 100
    assert resumed.run.snapshot() == live.run.snapshot()
    clear_log(store, session_id)
    assert LiveService(store, session_id, clock).status().state is RunState.READY


def test_a_restart_keeps_skips_extensions_messages_and_the_lucky_bag(store):
    """The issue's report: after a restart the next segment moved back and the allowance dropped from
    300 s to 180 s, because skips and extensions lived only in memory."""
    session_id = save_plan(store, stage_plan())
    clock = FakeClock(START)
    live = LiveService(store, session_id, clock)
    live.go()
    clock.advance(130)
    live.go()  # pitch of P1, 180 s planned
    live.extend(120)
    live.skip()  # the transition
    live.lucky_bag(300)
    live.send_message("最后三单", blink=True)
    clock.advance(45)
    before = live.status()
    assert (before.next_index, before.allowed) == (3, 300)

    after = LiveService(store, session_id, clock).status()
    assert (after.index, after.next_index, after.allowed, after.remaining) == (1, 3, 300, 255)
    assert after.lucky_bag.remaining == 255 and (after.message, after.blink) == ("最后三单", True)
    assert after.expected_end == before.expected_end


def test_an_encore_is_in_the_log_and_the_plan_stays_as_planned(store):
    session_id = save_plan(store, stage_plan())
    clock = FakeClock(START)
    live = LiveService(store, session_id, clock)
    live.go()
    (inserted,) = live.insert_encore("P2", 120)
    assert inserted.kind is EventKind.SEGMENT_INSERT and inserted.segment_index == -1
    plan = load_plan(store, session_id)
    assert [s.kind for s in plan.segments] == [s.kind for s in stage_plan().segments]  # untouched
    clock.advance(60)
    live.go()
    live.mark(Marker.ENCORE)
    with store.reading() as db:
        events = live_log_repository.list_events(db, session_id, "Asia/Shanghai")
    assert events[-1].segment_index == -1 and events[-1].product_id == "P2"
    resumed = LiveService(store, session_id, clock)
    assert resumed.status().segment.kind is SegmentKind.ENCORE and resumed.status().allowed == 120
    assert resumed.run.snapshot() == live.run.snapshot()


def test_ending_the_show_stores_the_unplayed_blocks(store):
    session_id = save_plan(store, stage_plan())
    clock = FakeClock(START)
    live = LiveService(store, session_id, clock)
    live.go()
    clock.advance(100)
    live.go()
    assert live.unplayed_count() == 3
    live.finish()
    with store.reading() as db:
        events = live_log_repository.list_events(db, session_id, "Asia/Shanghai")
    assert [(e.segment_index, e.note) for e in events if e.kind is EventKind.SKIP] == [
        (2, "unplayed"),
        (3, "unplayed"),
        (4, "unplayed"),
    ]
    status = LiveService(store, session_id, clock).status()
    assert status.state is RunState.FINISHED and status.unplayed == 3 and status.done == 2


def test_rehearsal_takes_teach_the_host_rate_and_budgets(store):
    session_id = save_plan(store, stage_plan())
    assert rehearsals.host_rate(store, "小林") == 220
    clock = FakeClock(START)
    for seconds in (40, 50):
        steps = [RehearsalStep(step, 30, "好" * 100) for step in PITCH_STEPS]
        take = Rehearsal(steps, clock, product_id="P1", host="小林")
        take.start()
        for _ in PITCH_STEPS:
            clock.advance(seconds)
            take.next()
        rehearsals.save_take(store, take.take(), session_id)
    history = rehearsals.history(store, product_id="P1", host="小林")
    assert len(history) == 2 and [s.actual for s in history[0].steps] == [40] * 5
    # 1000 chars in 450 s
    assert rehearsals.host_rate(store, "小林") == round(1000 * 60 / 450, 1)
    assert rehearsals.suggested_budgets(store, "P1") == {step: 45 for step in PITCH_STEPS}
    rehearsals.set_host_rate(store, "小林", 250)
    assert rehearsals.host_rate(store, "小林") == 250
    rehearsals.set_host_rate(store, "小林", None)
    assert rehearsals.host_rate(store, "小林") == 133.3


def test_product_script_round_trip(store):
    session_id = save_plan(store, stage_plan())
    script = scripts.load_product_script(store, session_id, "P1")
    assert (
        script.texts[ScriptStep.PAIN_POINT] == "冬天喝不上热水？"
        and script.budgets[ScriptStep.SELLING_POINTS] == 60
    )
    texts = {step: f"{step.value} 的话术" for step in PITCH_STEPS}
    budgets = {step: 45 for step in PITCH_STEPS}
    assert scripts.save_product_script(store, session_id, "P1", texts, budgets) == 1
    plan = load_plan(store, session_id)
    assert plan.product("P1").scripts[ScriptStep.OFFER] == "offer 的话术"
    pitch = plan.segments[1]
    assert [b.seconds for b in pitch.steps] == [45] * 5 and pitch.steps[0].text == "pain_point 的话术"
    assert [b.seconds for b in plan.segments[3].steps] == [30, 60, 30, 30, 30]  # other product untouched


def test_session_scripts_and_templates(store):
    session_id = save_plan(store, stage_plan())
    scripts.save_session_scripts(store, session_id, {"opening": "欢迎来到直播间"})
    assert scripts.load_session_scripts(store, session_id) == {
        "opening": "欢迎来到直播间",
        "transition": "",
        "closing": "",
    }
    library = scripts.template_library()
    plan = load_plan(store, session_id)
    template = library.for_role(plan.product("P2").role)[0]
    rendered = template.render(plan.product("P2"))
    assert template.role == plan.product("P2").role and set(rendered) == set(PITCH_STEPS)
    assert "¥259.00" in rendered[ScriptStep.OFFER] and "＿＿" in rendered[ScriptStep.PAIN_POINT]
    assert library.lines_for("opening") and library.lines_for("closing")


def test_shipped_templates_pass_the_lint():
    lexicon = team_lexicon()
    library = scripts.template_library()
    for template in library.pitches:
        for step in template.steps:
            assert lexicon.scan(step.text, platform="douyin") == [], (template.key, step.step)
    for line in library.lines:
        assert lexicon.scan(line.text, platform="douyin") == [], line.key


def test_user_words_are_stored_in_preferences(store):
    save_user_words(
        store, banned=["爆单王", " ", "爆单王", {"term": "秒没", "severity": "warning"}], allowed=["原价", ""]
    )
    banned, allowed = user_words(store)
    assert [b["term"] for b in banned] == ["爆单王", "秒没"] and allowed == ["原价"]
    assert [h.text for h in team_lexicon(store).scan("爆单王 原价")] == ["爆单王"]


def test_the_review_reads_what_the_run_did_from_the_log(store, tmp_path):
    """Plan vs actual: the encore inserted on air and the skipped block come from the log, the plan is
    the plan; the exported CSV carries the run's control events and replays to the same run."""
    from livedesk.analysis.actual_run import actual_run
    from livedesk.import_export.live_log_csv import read_live_log
    from livedesk.services.live_log_export import export_live_log
    from livedesk.services.review import load_inputs

    session_id = save_plan(store, stage_plan())
    clock = FakeClock(START)
    live = LiveService(store, session_id, clock)
    live.go()
    clock.advance(120)
    live.go()  # P1
    live.skip()  # the transition
    live.insert_encore("P2", 60)
    live.extend(30)
    live.send_message("看镜头")
    clock.advance(200)
    live.go()  # the encore
    clock.advance(70)
    live.go()  # P2
    clock.advance(100)
    live.finish()

    run = actual_run(load_inputs(store, session_id))
    assert [(s.plan_index, s.kind, s.product_id) for s in run.segments] == [
        (0, "opening", None),
        (1, "pitch", "P1"),
        (None, "encore", "P2"),
        (3, "pitch", "P2"),
    ]
    assert [s.seconds for s in run.segments] == [120, 200, 70, 100]
    assert len(load_plan(store, session_id).segments) == 5

    path = tmp_path / "log.csv"
    assert export_live_log(store, session_id, path) == len(live.stored)
    replayed = LiveRun(stage_plan(), clock)
    replayed.restore(read_live_log(path, "Asia/Shanghai"))
    assert replayed.snapshot() == live.run.snapshot()
