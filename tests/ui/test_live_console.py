"""The live console run by keys and clicks with a fake clock; the log is checked in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from stage_fixtures import START, open_stage_page

from livedesk.domain.live_log import EventKind, Marker
from livedesk.domain.live_run import Level
from livedesk.domain.roles import ScriptStep, SegmentKind
from livedesk.persistence import live_log_repository
from livedesk.services.sessions import load_plan
from livedesk.ui.rehearsal.rehearsal_page import RehearsalPage
from livedesk.ui.rehearsal.stage_style import LEVEL_COLOURS, step_name


@pytest.fixture
def console(qtbot, app_context):
    page = open_stage_page(qtbot, app_context)
    page.show_mode("live")
    console = page.live_console
    console.clock = page.clock
    yield console
    console.close_windows()


def stored(console):
    with console._context.store.reading() as db:
        return live_log_repository.list_events(db, console.service.session_id, "Asia/Shanghai")


def test_live_run_by_keys_and_buttons_is_logged(qtbot, console):
    clock = console.clock
    qtbot.keyClick(console, Qt.Key.Key_F5)  # on air: opening
    assert [e.kind for e in stored(console)] == [EventKind.SEGMENT_START]
    clock.advance(100)
    console.tick()
    assert console.countdown.text() == "00:20"
    assert LEVEL_COLOURS[Level.WARNING] in console.countdown.styleSheet()
    clock.advance(30)
    console.tick()
    assert (
        console.countdown.text() == "-00:10"
        and LEVEL_COLOURS[Level.OVERTIME] in console.countdown.styleSheet()
    )
    assert "00:10" in console.over_under.text()
    qtbot.mouseClick(console.go_button, Qt.MouseButton.LeftButton)  # pitch of 保温杯
    assert "保温杯" in console.current_label.text()
    clock.advance(12)
    qtbot.keyClick(console, Qt.Key.Key_F1)  # 上链接
    qtbot.keyClick(console, Qt.Key.Key_PageDown)  # next step
    clock.advance(3)
    qtbot.mouseClick(console.marker_buttons[Marker.LUCKY_BAG], Qt.MouseButton.LeftButton)
    clock.advance(60)
    console.tick()
    assert console.lucky_bag.text().endswith("04:00")
    console.note_edit.setText("麦克风有杂音")
    qtbot.keyClick(console.note_edit, Qt.Key.Key_F9)  # F9 from the note box reaches the console
    qtbot.keyClick(console, Qt.Key.Key_F7)  # +30 s
    console.tick()
    assert console.elapsed_label.text().endswith("03:30")
    qtbot.keyClick(console, Qt.Key.Key_F6)  # skip the transition
    qtbot.keyClick(console, Qt.Key.Key_F5)
    assert console.service.status().segment.product_id == "P2"

    events = stored(console)
    markers = [
        (e.marker, e.note, (e.at - START).total_seconds()) for e in events if e.kind is EventKind.MARKER
    ]
    assert markers == [
        (Marker.LINK_UP, "", 142),
        (Marker.LUCKY_BAG, "", 145),
        (Marker.NOTE, "麦克风有杂音", 205),
    ]
    starts = [
        (e.segment_index, (e.at - START).total_seconds()) for e in events if e.kind is EventKind.SEGMENT_START
    ]
    assert starts == [(0, 0), (1, 130), (3, 205)]
    assert [e.step.value for e in events if e.kind is EventKind.STEP_START][:2] == [
        "pain_point",
        "selling_points",
    ]
    assert console.log_list.count() >= 8 and "麦克风有杂音" in "".join(
        console.log_list.item(i).text() for i in range(console.log_list.count())
    )


def test_encore_stage_view_and_prompter_follow_the_run(qtbot, console):
    clock = console.clock
    console.go()
    clock.advance(60)
    console.go()  # pitch of 保温杯
    console.encore_product.setCurrentIndex(1)  # 羊毛围巾
    qtbot.keyClick(console, Qt.Key.Key_F8)
    plan = load_plan(console._context.store, console.service.session_id)
    assert plan.segments[2].kind is SegmentKind.ENCORE and plan.segments[2].product_id == "P2"
    assert "羊毛围巾" in console.next_label.text()

    stage = console.open_stage_view()
    console.message_edit.setText("3 分钟后上链接")
    console.blink.setChecked(True)
    qtbot.keyClick(console.message_edit, Qt.Key.Key_Return)
    console.tick()
    assert (
        stage.product.text() == "保温杯"
        and "¥49.00" in stage.price.text()
        and stage.mechanism.text() == "买一送一"
    )
    assert stage.message.text() == "3 分钟后上链接" and stage.message.isVisible()
    assert "羊毛围巾" in stage.next_label.text()

    prompter = console.open_prompter()
    assert "保温杯" in prompter.title and prompter.text == "冬天喝不上热水？"
    prompter.scroll.countdown_seconds = 0
    qtbot.keyClick(prompter, Qt.Key.Key_Space)
    clock.advance(1)
    prompter.tick()
    assert prompter.offset > 0
    qtbot.keyClick(prompter, Qt.Key.Key_H)
    assert prompter.mirror_horizontal
    console.step_next()
    prompter.tick()
    assert (
        prompter.offset == 0 and prompter.text == ""
    )  # a new step starts at the top; this one has no text yet
    assert prompter.title.endswith(step_name(ScriptStep.SELLING_POINTS))


def test_restart_resumes_from_the_stored_log(qtbot, console, app_context):
    console.go()
    console.clock.advance(42)
    page2 = RehearsalPage(app_context)
    qtbot.addWidget(page2)
    page2.timer.stop()
    page2.show_session(console.service.session_id)
    status = page2.live_console.service.status()
    assert status.index == 0 and status.elapsed == 42
    page2.live_console.start_over(confirm=False)
    assert page2.live_console.service.status().index is None and stored(page2.live_console) == []
