"""The session list as a studio uses it: pages of 50, an account filter and a title search, read by the task
runner; choosing a row opens the session in every workspace."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from livedesk.services.sessions import create_session
from livedesk.ui.main_window import MainWindow
from livedesk.ui.session_list import PAGE_SIZE

START = datetime(2026, 11, 1, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_pages_filter_and_search(qtbot, app_context):
    ids = []
    for day in range(PAGE_SIZE + 12):
        account = "山野旗舰店" if day % 2 else "山野好物"
        title = f"第{day + 1}场" + ("·返场" if day % 20 == 1 else "")
        ids.append(
            create_session(app_context.store, title, START + timedelta(days=day), 7200, account=account)
        )
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    panel = window.session_list
    assert panel.session_ids() == list(reversed(ids))[:PAGE_SIZE]  # newest first, one page
    assert panel.count_label.text() == f"{PAGE_SIZE} / 共 {PAGE_SIZE + 12} 场"
    assert panel.more_button.isVisibleTo(panel)
    qtbot.mouseClick(panel.more_button, Qt.MouseButton.LeftButton)
    assert panel.session_ids() == list(reversed(ids))
    assert not panel.more_button.isVisibleTo(panel)
    accounts = [panel.account.itemText(i) for i in range(panel.account.count())]
    assert accounts == ["全部账号", "山野好物 (31)", "山野旗舰店 (31)"]
    panel.account.setCurrentIndex(2)
    assert panel.session_ids() == [i for n, i in enumerate(ids) if n % 2][::-1]
    panel.search.setText("返场")
    panel._search_timer.timeout.emit()  # the typing pause
    assert panel.session_ids() == [ids[61], ids[41], ids[21], ids[1]]  # 旗舰店's sessions titled 返场
    assert panel.count_label.text() == "4 / 共 4 场"
    panel._list.setCurrentRow(1)
    assert app_context.selection.session_id == ids[41]
    assert window.planner_page.document.session_id == ids[41]  # opened in the workspaces
