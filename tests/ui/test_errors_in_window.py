"""No exception reaches only the terminal: failures show in the window's banner in Chinese with what to do."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

from livedesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, app_context):
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_in_the_window(qtbot, window):
    def broken_slot():
        raise KeyError("P9")

    assert not window.error_banner.isVisible()
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(window.error_banner.isVisible, timeout=3000)
    text = window.error_banner.message.text()
    assert "操作未完成" in text and "P9" in text and "请检查输入后重试" in text
    assert "broken_slot" in window.error_banner.message.toolTip()  # the details are one hover away


def test_a_failed_background_job_nobody_handles_shows_in_the_window(qtbot, window, app_context, tmp_path):
    missing = tmp_path / "gone" / "report.xlsx"
    app_context.tasks.submit("export", lambda control: missing.read_bytes())
    assert window.error_banner.isVisible()
    text = window.error_banner.message.text()
    assert "文件" in text and "report.xlsx" in text and "不存在" in text and "Errno" not in text
    assert window.busy_text() == ""  # and the busy indicator does not stay on


def test_opening_a_session_that_is_gone_says_so_in_the_window(qtbot, window, app_context):
    app_context.selection.select(424242)
    assert window.error_banner.isVisible()
    assert "这个场次已不存在" in window.error_banner.message.text()
