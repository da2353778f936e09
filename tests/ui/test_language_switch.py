"""The language menu re-words the running window: a director switches to English and back with the sample
sessions open, and every workspace reads as if LiveDesk had started in that language, without a restart."""

from __future__ import annotations

import difflib
import re

import pytest
from PySide6.QtGui import QAction
from widget_texts import widget_texts

from livedesk.samples import samples_dir
from livedesk.services.samples import load_samples
from livedesk.ui import settings as setting
from livedesk.ui.main_window import MainWindow

CJK = re.compile(r"[\u4e00-\u9fff]")


def _open(qtbot, context, session_id: int) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    context.selection.select(session_id)
    for name in ("plan", "rehearse", "review", "plan"):  # every workspace has been shown once
        window.show_workspace(name)
        # built and showing the session (复盘 computes its review only once it is on screen)
        qtbot.waitUntil(window.workspace_shows_session, timeout=10000)
    qtbot.wait(10)
    return window


def _choose(window: MainWindow, code: str) -> None:
    """Open the 语言/Language menu and choose an entry, as the director does."""
    menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") in ("语言(L)", "Language")
    )
    action = next(a for a in menu.actions() if a.objectName() == f"language-{code}")
    assert action.isEnabled()
    action.trigger()


def _texts(window: MainWindow) -> list[tuple[str, str]]:
    # The status bar's busy word and the store's address differ between two windows on purpose.
    return [(where, text) for where, text in widget_texts(window) if "sqlite" not in text]


@pytest.fixture
def samples(app_context):
    past, upcoming = (sample.session_id for sample in load_samples(app_context.store, samples_dir()))
    return past, upcoming


def test_switching_to_english_words_every_workspace_as_an_english_start(
    qtbot, app_context, samples, tmp_path
):
    from livedesk.app import build_application

    past, _upcoming = samples
    window = _open(qtbot, app_context, past)
    chinese = _texts(window)
    assert [window.workspaces.tabText(i) for i in range(3)] == ["计划", "彩排/直播", "复盘"]

    _choose(window, "en")

    assert app_context.settings.get(setting.LANGUAGE) == "en"  # and LiveDesk starts in English next time
    switched = _texts(window)
    assert len(switched) == len(chinese) > 300
    changed = sum(1 for (_, before), (_, after) in zip(chinese, switched, strict=True) if before != after)
    assert changed > 150

    # A window opened fresh in English on the same store reads the same, text for text.
    _, english_context = build_application(
        None, config_dir=str(tmp_path / "config"), inline_tasks=True, store=app_context.store
    )
    assert english_context.lang == "en"
    fresh = _open(qtbot, english_context, past)
    english = _texts(fresh)
    differences = list(
        difflib.unified_diff(
            [f"{w} {t!r}" for w, t in switched], [f"{w} {t!r}" for w, t in english], lineterm="", n=0
        )
    )
    assert differences == [], "\n".join(map(str, differences))
    assert [window.workspaces.tabText(i) for i in range(3)] == ["Plan", "Rehearse / Live", "Review"]
    assert window.planner_page.generate_button.text() == "Generate wave plan…"
    fresh.close()

    _choose(window, "zh_CN")
    assert _texts(window) == chinese
    assert app_context.settings.get(setting.LANGUAGE) == "zh_CN"


def test_open_stage_windows_and_dialogs_follow_the_switch(qtbot, app_context, samples):
    past, _upcoming = samples
    window = _open(qtbot, app_context, past)
    window.show_workspace("rehearse")
    console = window.rehearsal_page.live_console
    host = console.open_stage_view()
    prompter = console.open_prompter()
    before = {id(w): widget_texts(w) for w in (host, prompter)}
    assert any(CJK.search(text) for w in before.values() for _, text in w)

    _choose(window, "en")

    for stage in (host, prompter):
        texts = widget_texts(stage)
        assert texts != before[id(stage)]
        words = [text for _, text in texts if CJK.search(text) and not _is_data(text, app_context, past)]
        assert words == []
    _choose(window, "zh_CN")
    assert {id(w): widget_texts(w) for w in (host, prompter)} == before


def _is_data(text: str, context, session_id: int) -> bool:
    """Product names, titles and scripts are the team's own words, in whatever language they wrote them."""
    from livedesk.services import planning

    plan = planning.load_plan(context.store, session_id)
    names = [p.name for p in plan.products] + [plan.session.title, plan.session.account or ""]
    return any(name and name in text for name in names)


def test_the_language_actions_are_exclusive_and_show_the_current_one(qtbot, app_context):
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    actions = {
        a.objectName(): a for a in window.findChildren(QAction) if a.objectName().startswith("language-")
    }
    assert actions["language-zh_CN"].isChecked() and not actions["language-en"].isChecked()
    _choose(window, "en")
    assert actions["language-en"].isChecked() and not actions["language-zh_CN"].isChecked()
    assert window.windowTitle() == "LiveDesk"
    _choose(window, "zh_CN")
