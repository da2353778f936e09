"""The 彩排/直播 workspace: script editor with lint, and a rehearsal run by keys with a fake clock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from stage_fixtures import open_stage_page

from livedesk.domain.roles import PITCH_STEPS, ScriptStep
from livedesk.services import rehearsals
from livedesk.services.sessions import load_plan
from livedesk.ui.rehearsal.lint_highlighter import hit_tooltip


@pytest.fixture
def page(qtbot, app_context):
    return open_stage_page(qtbot, app_context)


def test_rehearsal_by_keys_records_actuals_and_history(qtbot, page, app_context):
    page.show_mode("rehearse")
    panel = page.rehearsal_panel
    assert panel.product_label.text() == "保温杯"
    clock = page.clock
    qtbot.keyClick(panel, Qt.Key.Key_Space)
    clock.advance(20)
    page.tick()
    assert panel.timer_label.text() == "00:20"
    assert "00:10" in panel.remaining_label.text()  # 30 s budget
    qtbot.keyClick(panel, Qt.Key.Key_Right)
    clock.advance(75)
    qtbot.keyClick(panel, Qt.Key.Key_Space)  # pause: time stops
    clock.advance(600)
    qtbot.keyClick(panel, Qt.Key.Key_Space)
    qtbot.keyClick(panel, Qt.Key.Key_Left)  # back to step 1 for 5 s more
    clock.advance(5)
    qtbot.keyClick(panel, Qt.Key.Key_Right)
    for seconds in (0, 30, 25, 40):
        clock.advance(seconds)
        qtbot.keyClick(panel, Qt.Key.Key_Right)
    assert panel.rehearsal.finished
    page.tick()
    assert panel.steps_table.item(1, 2).text() == "01:15" and panel.steps_table.item(1, 3).text() == "+00:15"
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    takes = rehearsals.history(app_context.store, product_id="P1")
    assert len(takes) == 1 and takes[0].host == "小林"
    assert [(s.step, s.actual) for s in takes[0].steps] == [
        (ScriptStep.PAIN_POINT, 25),
        (ScriptStep.SELLING_POINTS, 75),
        (ScriptStep.TRUST, 30),
        (ScriptStep.OFFER, 25),
        (ScriptStep.CLOSE, 40),
    ]
    assert panel.history_table.rowCount() == 1 and panel.history_table.item(0, 2).text() == "03:15"


def test_whole_plan_rehearsal_moves_on_to_the_next_product(qtbot, page, app_context):
    page.show_mode("rehearse")
    panel = page.rehearsal_panel
    panel.whole_plan.setChecked(True)
    qtbot.keyClick(panel, Qt.Key.Key_Space)
    for _ in PITCH_STEPS:
        page.clock.advance(10)
        qtbot.keyClick(panel, Qt.Key.Key_Right)
    assert panel.rehearsal.product_id == "P2" and panel.rehearsal.running
    assert len(rehearsals.history(app_context.store, product_id="P1")) == 1


def test_script_editor_lints_estimates_and_saves(qtbot, page, app_context):
    page.show_mode("script")
    editor = page.script_editor
    editor.select_product("P2")
    product_editor = editor.product_editor
    assert product_editor.title.text() == "羊毛围巾"
    box = product_editor.texts[ScriptStep.OFFER]
    box.setPlainText("今天全网最低价，第一次来的宝宝看过来")
    hits = box.hits()
    assert [h.text for h in hits] == ["全网最低价"]
    hit = box.hit_at(4)
    assert hit is not None and "删除比较" in hit_tooltip(hit)
    assert box.hit_at(12) is None  # 第一次 is ordinary
    assert "1" in product_editor.lint_label.text()
    # 17 spoken chars at 220/min ≈ 5 s, within the 30 s budget
    assert "17" in product_editor.estimates[ScriptStep.OFFER].text()
    box.setPlainText("好" * 220)
    product_editor.budgets[ScriptStep.OFFER].setValue(30)
    assert "01:00" in product_editor.estimates[ScriptStep.OFFER].text()
    product_editor.apply_template()
    assert "¥259.00" in box.toPlainText()
    qtbot.mouseClick(product_editor.save_button, Qt.MouseButton.LeftButton)
    plan = load_plan(app_context.store, page.session_id)
    assert "¥259.00" in plan.product("P2").scripts[ScriptStep.OFFER]
    assert [b.seconds for b in plan.segments[3].steps] == [90, 240, 120, 150, 120]


def test_show_mode_rejects_unknown_modes(page):
    page.show_mode("live")
    assert page.current_mode() == "live"
    with pytest.raises(LookupError):
        page.show_mode("karaoke")


def test_space_starts_the_timer_while_the_product_list_has_focus(qtbot, page, show_active):
    page.show_mode("rehearse")
    panel = page.rehearsal_panel
    show_active(page)
    panel.products.setFocus()
    qtbot.keyClick(panel.products, Qt.Key.Key_Space)
    assert panel.rehearsal.running
    page.clock.advance(12)
    qtbot.keyClick(panel.products, Qt.Key.Key_Right)  # → is the next step, not the list
    assert panel.rehearsal.index == 1
    assert panel.products.currentRow() == 0
    qtbot.keyClick(panel.products, Qt.Key.Key_Space)
    assert not panel.rehearsal.running


def test_a_partial_take_keeps_its_time_but_does_not_reset_the_speaking_rate(qtbot, page, app_context):
    from livedesk.domain.script_edits import SetProductScript

    # 60 characters a step: 30 s is 120 chars/min, 9 s would be 400, both plausible rates
    page.document.push(
        SetProductScript("P1", {step: "好" * 60 for step in PITCH_STEPS}, {step: 30 for step in PITCH_STEPS}),
        "script",
    )
    page.show_mode("rehearse")
    panel = page.rehearsal_panel
    # one full take at a steady pace teaches the rate ...
    qtbot.keyClick(panel, Qt.Key.Key_Space)
    for _ in PITCH_STEPS:
        page.clock.advance(30)
        qtbot.keyClick(panel, Qt.Key.Key_Right)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    learnt = rehearsals.host_rate(app_context.store, "小林")
    suggested = rehearsals.suggested_budgets(app_context.store, "P1")
    assert learnt == 120.0
    # ... a 9-second take stopped in the first step must not move it
    qtbot.keyClick(panel, Qt.Key.Key_Space)
    page.clock.advance(9)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    takes = rehearsals.history(app_context.store, product_id="P1")
    assert len(takes) == 2 and takes[-1].steps[0].actual == 9 and not takes[-1].steps[0].complete
    assert rehearsals.host_rate(app_context.store, "小林") == learnt
    assert rehearsals.suggested_budgets(app_context.store, "P1") == suggested
    assert "120" in panel.rate_label.text()  # what the panel shows is the unchanged rate
