"""In the Chinese UI a director reads no English: every workspace with the sample sessions open, and the main
dialogs, are walked for English words in texts, tooltips, headers, cells and placeholders. Abbreviations the
trade uses (GMV, UV, ROI …) and the team's own data (product names, file names) are allowed."""

from __future__ import annotations

import re

import pytest
from widget_texts import widget_texts

from livedesk.domain.edit_conflict import EditConflict, EditPart
from livedesk.domain.wave import WaveConfig
from livedesk.samples import samples_dir
from livedesk.services import planning
from livedesk.services.samples import load_samples
from livedesk.ui.main_window import MainWindow

# Words Chinese teams write in Latin letters themselves.
ALLOWED = {
    "gmv", "uv", "pv", "roi", "gpm", "csv", "xlsx", "xls", "pdf", "html", "id", "sku", "livedesk", "ctrl",
    "shift", "pgup", "pgdn", "space", "esc", "enter", "tab", "utf", "gbk", "faq", "kg", "ml", "app", "qr",
}  # fmt: skip
WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str, data: list[str]) -> list[str]:
    for value in sorted(data, key=len, reverse=True):  # the team's own words are theirs to choose
        if value:
            text = text.replace(value, " ")
    text = re.sub(r"(sqlite|postgresql)\S*|[\w.-]+\.(csv|xlsx|xls|json)\b", " ", text)  # addresses, files
    text = re.sub(r"<[^>]+>|&\w+;", " ", text)  # rich-text markup
    return [word for word in WORD.findall(text) if word.lower() not in ALLOWED]


def _data(store, session_ids) -> list[str]:
    from PySide6.QtGui import QGuiApplication

    values: list[str] = [screen.name() for screen in QGuiApplication.screens()]  # the system's names
    values.append("English")  # the language menu names each language in itself
    for session_id in session_ids:
        plan = planning.load_plan(store, session_id)
        values += [p.name for p in plan.products] + [p.product_id for p in plan.products]
        values += [p.sku for p in plan.products]
        values += [plan.session.title, plan.session.account or ""]
        values += [item.text for item in plan.session.preheat_checklist + plan.session.scene_checklist]
        values += [segment.title or "" for segment in plan.segments]
    return values


def _english(root, data) -> dict[str, list[str]]:
    found = {}
    for where, text in widget_texts(root):
        words = english_words(text, data)
        if words:
            found[f"{where}: {text[:80]!r}"] = words
    return found


@pytest.fixture
def window(qtbot, app_context):
    sessions = [sample.session_id for sample in load_samples(app_context.store, samples_dir())]
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    window.data = _data(app_context.store, sessions)
    window.sessions = sessions
    return window


@pytest.mark.parametrize("session", [0, 1], ids=["past session", "upcoming session"])
def test_no_english_in_any_workspace(window, app_context, qtbot, session):
    app_context.selection.select(window.sessions[session])
    for name in ("plan", "rehearse", "review"):
        window.show_workspace(name)
        # built and showing the session (复盘 computes its review only once it is on screen)
        qtbot.waitUntil(window.workspace_shows_session, timeout=10000)
    qtbot.wait(10)
    assert len(widget_texts(window)) > 300
    found = _english(window, window.data)
    assert found == {}, "\n".join(f"{k} {v}" for k, v in found.items())


def test_no_english_in_the_dialogs_and_stage_windows(window, app_context, qtbot):
    from livedesk.ui.planner.planner_dialogs import PoolMappingDialog, WavePatternDialog
    from livedesk.ui.review.action_dialog import ActionDialog
    from livedesk.ui.review.import_dialog import ImportDialog
    from livedesk.ui.widgets.conflict_dialog import ConflictDialog
    from livedesk.ui.widgets.new_session_dialog import NewSessionDialog

    past = window.sessions[0]
    app_context.selection.select(past)
    window.show_workspace("rehearse")
    console = window.rehearsal_page.live_console
    window.show_workspace("review")
    review = window.review_page
    qtbot.waitUntil(window.workspace_shows_session, timeout=10000)  # the review is computed once shown
    finding = review.review.findings[0]
    dialogs = [
        NewSessionDialog(window),
        WavePatternDialog(WaveConfig(), window),
        PoolMappingDialog(["商品标题", "直播价", "库存数量"], window),
        ImportDialog(app_context, past, parent=window),
        ActionDialog(finding, "发现", window),
        ConflictDialog(EditConflict(EditPart.HEADER, "1", 1, 2, ("title",)), window),
        console.open_stage_view(),
        console.open_prompter(),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        found = _english(dialog, window.data)
        assert found == {}, type(dialog).__name__ + "\n" + "\n".join(f"{k} {v}" for k, v in found.items())


def test_the_checker_finds_english():
    assert english_words("Not saved: 保存失败", []) == ["Not", "saved"]
    assert english_words("GMV 目标 · 罗盘_整场数据.xlsx · ROI", []) == []
    assert english_words("山野 Tea 礼盒", ["山野 Tea 礼盒"]) == []
