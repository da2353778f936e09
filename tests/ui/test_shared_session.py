"""One session model for the three workspaces, driven in the main window as a director would: an edit in
计划 or 脚本 shows in 彩排/直播 at once (no Ctrl+R), typed text is never dropped, a second pool import asks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from stage_fixtures import START, stage_plan

from livedesk.domain.clock import FakeClock
from livedesk.domain.pool_merge import PoolMergeMode
from livedesk.domain.roles import ScriptStep
from livedesk.services.sessions import load_plan, save_plan
from livedesk.ui.main_window import MainWindow

POOL = "商品ID,商品名称,角色,直播价\nP2,羊毛围巾（新版）,利润款,239\nN1,蚕丝枕,利润款,199\nN2,暖手宝,引流款,19.9\n"


@pytest.fixture
def window(qtbot, app_context, show_active):
    app_context.clock = FakeClock(START)
    session_id = save_plan(app_context.store, stage_plan())
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.rehearsal_page.timer.stop()  # tests tick by hand
    app_context.selection.select(session_id)
    show_active(window)
    yield window
    window.rehearsal_page.live_console.close_windows()


def type_chinese(widget, text: str) -> None:
    """Chinese arrives as an input-method commit (QTest's key clicks know only ASCII)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _names(list_widget) -> list[str]:
    return [list_widget.item(i).text() for i in range(list_widget.count())]


def _stored_ids(window) -> list[str]:
    plan = load_plan(window.planner_page.document.store, window.planner_page.document.session_id)
    return [p.product_id for p in plan.products]


def _import(qtbot, window, tmp_path, choice: PoolMergeMode | None):
    pool = tmp_path / "货盘第二版.csv"
    pool.write_text(POOL, encoding="utf-8")
    window.show_workspace("plan")
    planner = window.planner_page
    planner.import_pool(pool)
    dialog = planner.pool_importer.merge_dialog
    assert dialog is not None and dialog.isVisible()  # the pool has products: nothing happens without asking
    if choice is None:
        dialog.reject()
    else:
        qtbot.mouseClick(dialog.buttons[choice], Qt.MouseButton.LeftButton)
    return dialog


def test_a_pool_import_in_plan_reaches_rehearse_and_live_at_once(qtbot, window, tmp_path):
    rehearse = window.rehearsal_page
    assert _names(rehearse.rehearsal_panel.products) == ["保温杯", "羊毛围巾"]
    dialog = _import(qtbot, window, tmp_path, PoolMergeMode.UPDATE)
    assert "1 个商品采用文件中的数据，新增 2 个" in dialog.summaries[PoolMergeMode.UPDATE].text()
    # no refresh, no tab switch: 彩排, 脚本 and the console's encore list already follow
    assert _names(rehearse.rehearsal_panel.products) == ["保温杯", "羊毛围巾（新版）", "蚕丝枕", "暖手宝"]
    assert "蚕丝枕  (N1)" in _names(rehearse.script_editor.items)
    console = rehearse.live_console
    assert [console.encore_product.itemText(i) for i in range(console.encore_product.count())][-2:] == [
        "蚕丝枕",
        "暖手宝",
    ]
    assert _stored_ids(window) == ["P1", "P2", "N1", "N2"]
    assert "新增 2 个" in window.planner_page.pool_status.text()


def test_a_second_pool_import_asks_and_cancel_or_append_lose_nothing(qtbot, window, tmp_path):
    dialog = _import(qtbot, window, tmp_path, None)
    replace = dialog.summaries[PoolMergeMode.REPLACE].text()  # what replace would cost, said first
    assert "移除 1 个" in replace and "有 1 个讲解段将指向已不在货盘中的商品" in replace
    assert _stored_ids(window) == ["P1", "P2"]
    assert "未改变" in window.planner_page.pool_status.text()
    _import(qtbot, window, tmp_path, PoolMergeMode.APPEND)
    assert _stored_ids(window) == ["P1", "P2", "N1", "N2"]
    assert (
        load_plan(window.planner_page.document.store, window.planner_page.document.session_id)
        .product("P2")
        .name
        == "羊毛围巾"
    )  # append leaves the product already there alone
    window.planner_page.undo_action.trigger()
    assert _stored_ids(window) == ["P1", "P2"]


def test_typed_script_survives_a_click_on_another_product_and_reaches_the_prompter(qtbot, window):
    rehearse = window.rehearsal_page
    window.show_workspace("rehearse")
    rehearse.show_mode("script")
    editor = rehearse.script_editor
    editor.select_product("P2")
    box = editor.product_editor.texts[ScriptStep.OFFER]
    box.setFocus()
    type_chinese(box, "全网最低价，今天只要259")
    assert editor.product_editor.state.text() == "有未保存的修改，稍后自动保存"
    editor.select_product("P1")  # clicked away before the autosave: the text must not be lost
    document = window.planner_page.document
    assert document.plan.product("P2").scripts[ScriptStep.OFFER] == "全网最低价，今天只要259"
    stored = load_plan(document.store, document.session_id)
    assert stored.product("P2").scripts[ScriptStep.OFFER] == "全网最低价，今天只要259"
    assert [b.text for b in stored.segments[3].steps][3] == "全网最低价，今天只要259"
    # the console and its prompter read the same plan: P2's pitch shows the new words when it comes
    rehearse.show_mode("live")
    console = rehearse.live_console
    for _ in range(3):
        console.go()  # 开场 → P1 → 过品 → P2
    console.go()
    for _ in range(3):
        console.step_next()
    title, text = console.prompter_content()
    assert "羊毛围巾" in title and "全网最低价，今天只要259" in text
    # undo in 脚本 (Ctrl+Z outside a text box) takes the edit back everywhere
    rehearse.show_mode("script")
    editor.select_product("P2")
    editor.items.setFocus()
    qtbot.keyClick(editor.items, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ScriptStep.OFFER not in document.plan.product("P2").scripts
    assert box.toPlainText() == ""
    assert ScriptStep.OFFER not in load_plan(document.store, document.session_id).product("P2").scripts


def test_scripts_autosave_and_saving_names_the_advertising_law_errors(qtbot, window, monkeypatch):
    from livedesk.ui.rehearsal import segment_script_editor

    rehearse = window.rehearsal_page
    window.show_workspace("rehearse")
    rehearse.show_mode("script")
    editor = rehearse.script_editor
    editor.select_product("P1")
    product_editor = editor.product_editor
    product_editor._autosave.setInterval(50)
    box = product_editor.texts[ScriptStep.SELLING_POINTS]
    box.setFocus()
    type_chinese(box, "最好的杯子")
    qtbot.waitUntil(lambda: product_editor.state.text().startswith("所有修改已保存"), timeout=3000)
    document = window.planner_page.document
    assert load_plan(document.store, document.session_id).product("P1").scripts[
        ScriptStep.SELLING_POINTS
    ] == ("最好的杯子")
    type_chinese(box, "，国家级品质，全网第一")
    qtbot.mouseClick(product_editor.save_button, Qt.MouseButton.LeftButton)
    notice = product_editor.notice.text()
    assert notice.startswith("已保存，但仍有") and "广告法违规" in notice
    errors = sum(1 for h in box.hits() if h.severity.value == "error")
    assert errors >= 2 and f"{errors} 处" in notice
    assert (
        "全网第一"
        in load_plan(document.store, document.session_id).product("P1").scripts[ScriptStep.SELLING_POINTS]
    )
    assert segment_script_editor.AUTOSAVE_MS >= 500  # the real delay lets a director finish a phrase


def test_an_edit_during_the_live_run_changes_only_segments_not_started(qtbot, window):
    from livedesk.domain.plan_edits import SetSegmentField

    rehearse = window.rehearsal_page
    console = rehearse.live_console
    console.go()
    console.go()  # on air: P1's pitch (index 1)
    document = window.planner_page.document
    document.push(SetSegmentField(1, "notes", "已开始的段落"), "edit")
    document.push(SetSegmentField(4, "notes", "收尾：预告下周二"), "edit")
    assert console.service.run.segments[4].notes == "收尾：预告下周二"
    assert console.service.run.segments[1].notes == ""  # on air already: left as it was
    assert console.service.status().segment.product_id == "P1"
    assert "尚未开始的段落按新计划进行" in console.feedback.text()


def test_switching_sessions_with_a_product_selected_raises_nothing(qtbot, window, app_context):
    other = stage_plan()
    other.session.title = "第二场"
    other.products = other.products[1:]
    other.segments = [s for s in other.segments if s.product_id != "P1"]
    second = save_plan(app_context.store, other)
    first = app_context.selection.session_id
    rehearse = window.rehearsal_page
    window.show_workspace("rehearse")
    rehearse.show_mode("rehearse")
    rehearse.rehearsal_panel.products.setCurrentRow(0)  # 保温杯, only in the first session
    rehearse.script_editor.select_product("P1")
    window.session_list.refresh()
    rows = window.session_list.session_ids()
    window.session_list._list.setCurrentRow(rows.index(second))
    assert app_context.selection.session_id == second
    assert _names(rehearse.rehearsal_panel.products) == ["羊毛围巾"]
    assert rehearse.rehearsal_panel.rehearsal.product_id == "P2"
    assert not window.error_banner.isVisible()
    window.session_list._list.setCurrentRow(rows.index(first))
    assert _names(rehearse.rehearsal_panel.products) == ["保温杯", "羊毛围巾"]
    assert not window.error_banner.isVisible()
