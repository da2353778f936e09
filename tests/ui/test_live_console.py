"""The live console run by keys and clicks with a fake clock; the log is checked in the database."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication
from stage_fixtures import START, open_stage_page

from livedesk.domain.live_log import EventKind, Marker
from livedesk.domain.live_run import Level, RunState
from livedesk.domain.roles import ScriptStep, SegmentKind
from livedesk.persistence import live_log_repository
from livedesk.services.sessions import load_plan
from livedesk.ui.rehearsal.rehearsal_page import RehearsalPage
from livedesk.ui.rehearsal.screen_choice import screen_menu
from livedesk.words import LEVEL_COLOURS, STEPS


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
    assert [s.kind for s in plan.segments][2] is SegmentKind.TRANSITION  # the plan is not rewritten
    assert stored(console)[-1].kind is EventKind.SEGMENT_INSERT
    assert "羊毛围巾" in console.next_label.text()
    assert console.run_order.item(2, 0).text() == "+" and "羊毛围巾" in console.run_order.item(2, 1).text()

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
    prompter.autoscroll.countdown_seconds = 0
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
    assert prompter.title.endswith(STEPS.word(ScriptStep.SELLING_POINTS))


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


def answer(console, button_text: str, seen: list) -> None:
    """Click `button_text` in the console's confirmation as soon as it is open (it runs modally)."""

    def click():
        box = console.confirmation
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, click)


def type_chinese(edit, text: str) -> None:
    """Chinese arrives through the input method as a committed string (QTest's key clicks are ASCII)."""
    edit.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def texts(widget) -> str:
    return "\n".join(widget.item(i).text() for i in range(widget.count()))


def test_a_directed_show_is_stored_and_a_restart_shows_the_same_run(qtbot, console, app_context):
    clock = console.clock
    qtbot.keyClick(console, Qt.Key.Key_F5)  # opening
    clock.advance(130)
    qtbot.mouseClick(console.go_button, Qt.MouseButton.LeftButton)  # pitch of 保温杯, 180 s
    qtbot.keyClick(console, Qt.Key.Key_F7)  # +30 s
    qtbot.mouseClick(console.extend_more, Qt.MouseButton.LeftButton)  # +60 s
    qtbot.keyClick(console, Qt.Key.Key_F6)  # skip the transition
    console.encore_product.setCurrentIndex(1)  # 羊毛围巾
    qtbot.keyClick(console, Qt.Key.Key_F8)  # encore after this pitch
    qtbot.keyClick(console, Qt.Key.Key_F2)  # 福袋, 5 min
    clock.advance(60)
    type_chinese(console.message_edit, "最后三单")
    qtbot.mouseClick(console.blink, Qt.MouseButton.LeftButton)
    qtbot.keyClick(console.message_edit, Qt.Key.Key_Return)
    console.tick()
    assert console.elapsed_label.text() == "01:00 / 04:30" or console.elapsed_label.text().endswith("04:30")
    assert "羊毛围巾" in console.next_label.text() and console.lucky_bag.text().endswith("04:00")
    assert console.run_order.item(3, 4).text() == "已跳过"
    kinds = [e.kind for e in stored(console)]
    for kind in (
        EventKind.EXTEND,
        EventKind.SKIP,
        EventKind.SEGMENT_INSERT,
        EventKind.TIMER_START,
        EventKind.MESSAGE_BLINK,
    ):
        assert kind in kinds
    assert "提示（闪烁）：最后三单" in texts(console.log_list)

    # the app restarts: a new page on the same store shows the same run
    page2 = RehearsalPage(app_context)
    qtbot.addWidget(page2)
    page2.timer.stop()
    page2.show_session(console.service.session_id)
    again = page2.live_console
    assert again.service.run.snapshot() == console.service.run.snapshot()
    assert again.elapsed_label.text() == console.elapsed_label.text()
    assert again.next_label.text() == console.next_label.text() and again.lucky_bag.text().endswith("04:00")
    assert again.run_order.item(3, 4).text() == "已跳过"
    assert again.service.status().message == "最后三单" and again.service.status().blink

    qtbot.keyClick(again, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)  # stop the 福袋 countdown
    assert again.lucky_bag.text() == "" and stored(again)[-1].kind is EventKind.TIMER_STOP
    qtbot.mouseClick(again.clear_button, Qt.MouseButton.LeftButton)
    assert stored(again)[-1].kind is EventKind.MESSAGE and again.service.status().message == ""


def test_ending_the_show_asks_first_and_marks_the_rest_unplayed(qtbot, console):
    clock = console.clock
    qtbot.keyClick(console, Qt.Key.Key_F5)
    clock.advance(100)  # opening 20 s under its 120
    qtbot.keyClick(console, Qt.Key.Key_F5)
    clock.advance(200)  # 保温杯 20 s over its 180
    seen = []
    answer(console, "继续直播", seen)
    qtbot.mouseClick(console.finish_button, Qt.MouseButton.LeftButton)
    assert "3 段未播" in seen[0]
    assert console.service.status().state is RunState.RUNNING
    assert EventKind.RUN_END not in [e.kind for e in stored(console)]

    answer(console, "结束直播", seen)
    qtbot.mouseClick(console.finish_button, Qt.MouseButton.LeftButton)
    events = stored(console)
    assert events[-1].kind is EventKind.RUN_END
    assert [(e.segment_index, e.note) for e in events if e.kind is EventKind.SKIP] == [
        (2, "unplayed"),
        (3, "unplayed"),
        (4, "unplayed"),
    ]
    assert console.now_caption.text() == "已下播"
    assert console.totals_caption.text() == "已播环节对比计划" and console.over_under.text() == "准时"
    assert "提前" not in console.over_under.text()
    assert console.progress.text() == "已播 2 段 · 未播 3 段"
    assert [console.run_order.item(r, 4).text() for r in range(5)] == [
        "已完成",
        "已完成",
        "未播",
        "未播",
        "未播",
    ]


def test_the_host_screen_fills_the_screen_in_the_consoles_colours_and_closes_on_esc(qtbot, console):
    clock = console.clock
    console.go()
    clock.advance(95)  # 25 s left of the opening: warning
    stage = console.open_stage_view()
    qtbot.waitExposed(stage)
    assert stage.isFullScreen() and stage.screen() is QGuiApplication.screens()[-1]
    console.tick()
    warning = LEVEL_COLOURS[Level.WARNING]
    assert stage.time_left.text() == console.countdown.text() == "00:25"
    assert warning in stage.time_left.styleSheet() and warning in console.countdown.styleSheet()
    size = int(re.search(r"font-size: (\d+)px", stage.time_left.styleSheet()).group(1))
    assert stage.geometry() == stage.screen().geometry()  # the digits never push it past the screen
    assert size >= 0.4 * stage.height()  # the digits take most of the screen
    assert stage.time_left.height() >= 0.45 * stage.height()
    clock.advance(20)
    console.tick()
    assert LEVEL_COLOURS[Level.DANGER] in stage.time_left.styleSheet()

    menu = screen_menu(stage)
    names = [a.text() for a in menu.actions()[0].menu().actions()]
    assert names == [
        f"{i + 1}: {s.name()} {s.size().width()}×{s.size().height()}"
        for i, s in enumerate(QGuiApplication.screens())
    ]
    assert console.stage_screen.count() == len(QGuiApplication.screens())

    qtbot.keyClick(stage, Qt.Key.Key_Escape)
    assert not stage.isVisible()
    prompter = console.open_prompter()
    qtbot.waitExposed(prompter)
    qtbot.keyClick(prompter, Qt.Key.Key_Escape)
    assert not prompter.isVisible()


def test_the_stage_windows_belong_to_the_console(qtbot, console):
    stage, prompter = console.open_stage_view(), console.open_prompter()
    assert stage.parent() is console and prompter.parent() is console
    assert stage.isWindow() and prompter.isWindow()
    QApplication.instance().aboutToQuit.emit()  # what quitting the app sends
    assert not stage.isVisible() and not prompter.isVisible()


QUIT_SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from livedesk.app import build_application
from livedesk.services.sessions import save_plan
from stage_fixtures import stage_plan
app, context = build_application("zh_CN", config_dir=sys.argv[1], inline_tasks=True, db_url=sys.argv[2])
from livedesk.ui.main_window import MainWindow
window = MainWindow(context)
window.show()
context.selection.select(save_plan(context.store, stage_plan()))
window.show_workspace("rehearse")
window.rehearsal_page.show_mode("live")
console = window.rehearsal_page.live_console
console.open_stage_view()
console.open_prompter()
forced = []
QTimer.singleShot(200, window.close)  # File → Quit closes the main window
QTimer.singleShot(15000, lambda: (forced.append(1), app.quit()))
app.exec()
print("forced" if forced else "quit", console.stage_view.isVisible(), console.prompter.isVisible())
"""


def test_closing_the_main_window_ends_the_process_with_the_stage_windows(tmp_path):
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(root), str(root / "tests")]))
    done = subprocess.run(
        [sys.executable, "-c", QUIT_SCRIPT, str(tmp_path / "config"), f"sqlite:///{tmp_path / 'q.sqlite3'}"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["quit", "False", "False"]


TWO_SCREENS_SCRIPT = """
import json, sys
from livedesk.app import build_application
from livedesk.domain.clock import FakeClock
from stage_fixtures import START, stage_plan
app, context = build_application("zh_CN", config_dir=sys.argv[1], inline_tasks=True, db_url=sys.argv[2], clock=FakeClock(START))
from livedesk.services.sessions import save_plan
from livedesk.ui.rehearsal.rehearsal_page import RehearsalPage
from livedesk.ui.rehearsal.screen_choice import screen_menu
page = RehearsalPage(context); page.timer.stop(); page.show()
page.show_session(save_plan(context.store, stage_plan())); page.show_mode("live")
console = page.live_console
result = {"choices": [console.stage_screen.itemText(i) for i in range(console.stage_screen.count())]}
console.stage_screen.setCurrentIndex(1)
stage = console.open_stage_view()
app.processEvents()
result["host"] = [stage.screen().name(), stage.geometry().getRect(), stage.isFullScreen()]
console.prompter_screen.setCurrentIndex(0)
prompter = console.open_prompter()
app.processEvents()
result["prompter"] = [prompter.screen().name(), prompter.geometry().getRect()]
move = screen_menu(stage).actions()[0].menu().actions()
move[0].trigger()  # the host screen's own menu: to the desk
app.processEvents()
result["host_moved"] = [stage.screen().name(), stage.geometry().getRect(), stage.isFullScreen()]
console.prompter_screen.setCurrentIndex(1)
console.prompter_screen.activated.emit(1)  # chosen in the console while the prompter is open
app.processEvents()
result["prompter_moved"] = [prompter.screen().name(), prompter.geometry().getRect()]
print(json.dumps(result, ensure_ascii=False))
"""


def test_the_host_screen_and_the_prompter_go_to_any_screen(tmp_path):
    """Two screens (a desk and a stage monitor) in a child process: the console's choosers and the
    windows' own menus send each window full screen to the screen chosen."""
    root = Path(__file__).resolve().parents[2]
    config = Path(__file__).with_name("two_screens.json")
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join([str(root), str(root / "tests")]),
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
    )
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            TWO_SCREENS_SCRIPT,
            str(tmp_path / "config"),
            f"sqlite:///{tmp_path / 's.sqlite3'}",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["choices"] == ["1: desk 1920×1200", "2: stage 1920×1080"]
    assert result["host"] == ["stage", [1920, 0, 1920, 1080], True]
    assert result["prompter"] == ["desk", [0, 0, 1920, 1200]]
    assert result["host_moved"] == ["desk", [0, 0, 1920, 1200], True]
    assert result["prompter_moved"] == ["stage", [1920, 0, 1920, 1080]]


def test_double_clicks_in_the_run_order_skip_and_bring_back_a_later_segment(qtbot, console):
    def double_click(row):
        # as a mouse sends it: press/release, then the second press arrives as a double click
        rect = console.run_order.visualItemRect(console.run_order.item(row, 1))
        qtbot.mouseClick(console.run_order.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(console.run_order.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    qtbot.keyClick(console, Qt.Key.Key_F5)  # the opening is on air
    double_click(3)  # 羊毛围巾, two segments ahead
    assert console.run_order.item(3, 4).text() == "已跳过" and console.service.run.is_skipped(3)
    double_click(3)
    assert console.run_order.item(3, 4).text() == "" and not console.service.run.is_skipped(3)
    assert [e.kind for e in stored(console)][-2:] == [EventKind.SKIP, EventKind.UNSKIP]
    double_click(0)  # on air: cannot be skipped, and the director is told so in Chinese
    assert console.feedback.text() == "只能跳过还没开始的环节。"
    qtbot.keyClick(console, Qt.Key.Key_PageUp)  # no step in the opening: nothing happens, nothing stored
    console.service.finish()
    qtbot.keyClick(console, Qt.Key.Key_F7)
    assert console.feedback.text() == "直播已结束；点“重新开始”可再来一场。"


def test_the_host_screen_keeps_counting_while_the_director_works_in_another_tab(qtbot, app_context):
    page = open_stage_page(qtbot, app_context)
    page.show_mode("live")
    console = page.live_console
    console.go()
    stage = console.open_stage_view()
    assert stage.time_left.text() == "02:00"
    page.show_mode("script")  # the page's own tick now goes to the script editor only
    page.clock.advance(65)
    qtbot.waitUntil(lambda: stage.time_left.text() == "00:55", timeout=3000)
    assert LEVEL_COLOURS[Level.WARNING] in stage.time_left.styleSheet()
    console.close_windows()
