"""The import dialog on real files: detection preview, import with summary, mapping preset, refusal, cancel, drops."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "import_export"))
from import_files import DOUDIAN_HEADERS, compass_sheets, doudian_rows, make_session, write_csv, write_xlsx

from livedesk.persistence import dataset_repository
from livedesk.services.imports import list_mapping_presets
from livedesk.ui.review.import_dialog import MAPPED, ImportDialog
from livedesk.ui.review.review_page import ReviewPage


def stored_names(store, session):
    with store.reading() as db:
        return [(d.source_name, d.kind.value) for d in dataset_repository.list_datasets(db, session)]


def test_preview_then_import_with_summary(qtbot, app_context, tmp_path):
    session = make_session(app_context.store)
    rows = doudian_rows()
    rows[2]["订单应付金额"] = "abc"
    orders = write_csv(tmp_path / "订单.csv", DOUDIAN_HEADERS, rows)
    workbook = write_xlsx(tmp_path / "罗盘.xlsx", compass_sheets())
    dialog = ImportDialog(app_context, session, [orders, workbook])
    qtbot.addWidget(dialog)
    assert "抖店订单导出" in dialog.detected.text() and "UTF-8 BOM" in dialog.detected.text()
    assert dialog.preview.columnCount() == 75 and dialog.preview.rowCount() == 6
    assert dialog.preview.horizontalHeaderItem(0).text() == "主订单编号"
    assert dialog.preview.item(0, 0).text() == "6920000000000000001"
    dialog.files.setCurrentRow(1)
    assert "罗盘" in dialog.detected.text()
    with qtbot.waitSignal(dialog.import_finished) as finished:
        qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    assert [s.file for s in finished.args[0]] == ["订单.csv", "罗盘.xlsx"]
    text = dialog.summary.toPlainText()
    assert "订单明细：读取 6 行，保存 5 行，跳过 1 行" in text
    assert "第 4 行：订单应付金额：'abc' 不是金额，该行已跳过" in text and "核对通过" in text
    assert "skipped" not in text and "bad_money" not in text
    assert dialog.progress.value() == 100
    assert ("订单.csv", "orders") in stored_names(app_context.store, session)


def test_row_warnings_read_in_english_in_an_english_dialog(qtbot, qapp, store, tmp_path):
    from livedesk.app import build_application

    _, context = build_application("en", config_dir=str(tmp_path / "config"), inline_tasks=True, store=store)
    session = make_session(store)
    rows = doudian_rows()
    rows[2]["订单应付金额"] = "abc"
    rows[3]["商品数量"] = "两件"
    dialog = ImportDialog(context, session, [write_csv(tmp_path / "订单.csv", DOUDIAN_HEADERS, rows)])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.import_finished):
        qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    assert dialog.detected.text().startswith("Doudian order export · UTF-8 BOM")
    text = dialog.summary.toPlainText()
    assert "row 4: 订单应付金额: 'abc' is not an amount of money; row skipped" in text
    assert "row 5: 商品数量: '两件' is not a whole number; left empty" in text
    assert text.startswith("订单.csv: Doudian order export\n  Order lines: 6 rows read, 5 stored, 1 skipped")
    assert "1 rows skipped: not an amount of money" in text
    context.tasks.wait()


def test_column_mapping_saved_as_preset(qtbot, app_context, tmp_path):
    session = make_session(app_context.store)
    path = write_csv(
        tmp_path / "团队表.csv",
        ["单号", "付款时间", "金额", "备注"],
        [["A1", "2026-11-14 20:10", "¥10.00", ""], ["A2", "2026-11-14 20:11", "¥12.50", "赠品"]],
    )
    dialog = ImportDialog(app_context, session, [path])
    qtbot.addWidget(dialog)
    assert "未识别" in dialog.detected.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData(MAPPED))
    assert dialog.mapping_editor.isVisibleTo(dialog)
    editor = dialog.mapping_editor
    for field, header in (("order_id", "单号"), ("paid_at", "付款时间"), ("amount", "金额")):
        editor.pickers[field].setCurrentIndex(editor.pickers[field].findData(header))
    editor.preset_name.setText("团队表")
    qtbot.mouseClick(editor.save_button, Qt.LeftButton)
    assert list_mapping_presets(app_context.store)["团队表"]["columns"]["amount"] == "金额"
    assert dialog.preset.findData("团队表") >= 0
    with qtbot.waitSignal(dialog.import_finished):
        qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    assert "保存 2 行" in dialog.summary.toPlainText()


def test_refused_file_is_explained(qtbot, app_context, tmp_path):
    session = make_session(app_context.store)
    empty = tmp_path / "空.csv"
    empty.write_bytes(b"")
    dialog = ImportDialog(app_context, session, [empty])
    qtbot.addWidget(dialog)
    assert dialog.detected.text() == "空.csv：文件是空的。"
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    assert dialog.summary.toPlainText().strip() == "空.csv：文件是空的。"
    assert stored_names(app_context.store, session) == []


def test_a_dropped_broken_workbook_is_explained_in_chinese_without_library_words(
    qtbot, app_context, tmp_path
):
    session = make_session(app_context.store)
    good = write_xlsx(tmp_path / "good.xlsx", compass_sheets())
    broken = tmp_path / "罗盘.xlsx"
    cut = good.stat().st_size // 2
    broken.write_bytes(good.read_bytes()[:cut])  # a download that stopped half way
    page = review_page_showing(qtbot, app_context, session)
    assert drop_files(page, [broken])
    dialog = opened_dialog(qtbot, page)
    expected = f"罗盘.xlsx：文件在 {cut / 1024:.0f} KB 处被截断（下载或复制没有完成），请重新下载。"
    assert dialog.detected.text() == expected
    assert dialog.detected.toolTip()  # what the zip reader said, for support, is one hover away
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # background tasks run inline here
    summary = dialog.summary.toPlainText()
    assert summary.strip() == expected
    for internal in ("zip", "Zip", "Error", "position", "xml", "calamine", "Traceback"):
        assert internal not in summary
    assert stored_names(app_context.store, session) == []


def test_cancel_stores_nothing(qtbot, app_context, tmp_path):
    session = make_session(app_context.store)
    orders = write_csv(tmp_path / "订单.csv", DOUDIAN_HEADERS, doudian_rows())
    dialog = ImportDialog(app_context, session, [orders])
    qtbot.addWidget(dialog)
    dialog.progress.valueChanged.connect(lambda value: value >= 50 and dialog.cancel())
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    assert "导入已取消" in dialog.summary.toPlainText()
    assert stored_names(app_context.store, session) == []
    assert dialog.import_button.isEnabled() and not dialog.cancel_button.isEnabled()


def review_page_showing(qtbot, app_context, session_id: int | None) -> ReviewPage:
    app_context.selection.select(session_id)
    page = ReviewPage(app_context)
    qtbot.addWidget(page)
    page.show_session(session_id)
    return page


def drop_files(widget: QWidget, paths: list[Path]) -> bool:
    """Drag the files onto the widget and let go, as Qt delivers it: a drop only after an accepted drag-enter.
    Whether the widget took the drag."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    copy, left, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPointF(5, 5), copy, mime, left, none)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(5, 5), copy, mime, left, none)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def opened_dialog(qtbot, page: ReviewPage) -> ImportDialog:
    dialogs = page.findChildren(ImportDialog)
    assert len(dialogs) == 1
    qtbot.addWidget(dialogs[0])
    return dialogs[0]


def test_files_dropped_on_the_review_page_open_the_import_dialog(qtbot, app_context, tmp_path):
    orders = write_csv(tmp_path / "订单.csv", DOUDIAN_HEADERS, doudian_rows())
    nothing_shown = review_page_showing(qtbot, app_context, None)
    assert not drop_files(nothing_shown, [orders])  # no session: no file to take
    assert nothing_shown.findChildren(ImportDialog) == []

    session = make_session(app_context.store)
    page = review_page_showing(qtbot, app_context, session)
    assert drop_files(page, [orders])
    dialog = opened_dialog(qtbot, page)
    assert dialog.paths() == [str(orders)] and dialog.isVisible()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert stored_names(app_context.store, session) == [("订单.csv", "orders")]


def test_summary_names_known_rows_and_a_wrong_day_file_in_chinese(qtbot, app_context, tmp_path):
    session = make_session(app_context.store)
    first = write_csv(tmp_path / "下午导出.csv", DOUDIAN_HEADERS, doudian_rows())
    again = write_csv(tmp_path / "次日导出.csv", DOUDIAN_HEADERS, doudian_rows()[:3])
    shifted = [
        dict(r, **{"支付完成时间": "2026-11-01 20:05:00", "订单提交时间": "2026-11-01 20:04:00"})
        for r in doudian_rows()
    ]
    for row in shifted:
        row["子订单编号"] = row["子订单编号"] + "9"  # other sales than the first file's
    old = write_csv(tmp_path / "上月导出.csv", DOUDIAN_HEADERS, shifted)
    dialog = ImportDialog(app_context, session, [first, again, old])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.import_finished):
        qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    text = dialog.summary.toPlainText()
    assert "3 行订单已在 下午导出.csv 中出现过；以本文件的记录为准。" in text
    assert (
        "本文件的时间为 2026-11-01 20:04 – 2026-11-01 20:05，与本场（2026-11-14 20:00 – 2026-11-14 23:00）相差超过一天"
        in text
    )


def test_two_open_import_dialogs_keep_their_own_jobs(qtbot, app_context, tmp_path):
    """Both dialogs import in the background at once; neither cancels the other's job."""
    import dataclasses

    from livedesk.ui.tasks import TaskRunner

    context = dataclasses.replace(app_context, tasks=TaskRunner())  # real threads, as in the app
    first_session, second_session = make_session(app_context.store), make_session(app_context.store)
    first_file = write_csv(tmp_path / "一场订单.csv", DOUDIAN_HEADERS, doudian_rows())
    second_file = write_csv(tmp_path / "二场订单.csv", DOUDIAN_HEADERS, doudian_rows())
    first = ImportDialog(context, first_session, [first_file])
    second = ImportDialog(context, second_session, [second_file])
    for dialog in (first, second):
        qtbot.addWidget(dialog)
    qtbot.waitUntil(
        lambda: "抖店" in first.detected.text() and "抖店" in second.detected.text(), timeout=10000
    )
    with qtbot.waitSignals([first.import_finished, second.import_finished], timeout=20000):
        qtbot.mouseClick(first.import_button, Qt.LeftButton)
        qtbot.mouseClick(second.import_button, Qt.LeftButton)
    assert ("一场订单.csv", "orders") in stored_names(app_context.store, first_session)
    assert ("二场订单.csv", "orders") in stored_names(app_context.store, second_session)
    assert first.progress.value() == 100 and second.progress.value() == 100
    context.tasks.wait()


def test_a_refusal_on_screen_follows_a_language_switch(qtbot, app_context, tmp_path):
    from livedesk.ui.language_switch import switch_language

    session = make_session(app_context.store)
    empty = tmp_path / "空.csv"
    empty.write_bytes(b"")
    dialog = ImportDialog(app_context, session, [empty])
    qtbot.addWidget(dialog)
    assert dialog.detected.text() == "空.csv：文件是空的。"
    switch_language(QApplication.instance(), "en")
    try:
        assert dialog.detected.text() == "空.csv is empty."
    finally:
        switch_language(QApplication.instance(), "zh_CN")
    assert dialog.detected.text() == "空.csv：文件是空的。"
