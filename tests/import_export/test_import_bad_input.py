"""Files LiveDesk cannot read are refused with one sentence naming the file and the problem; nothing is stored."""

import os
import zipfile

import pytest
from import_files import DOUDIAN_HEADERS, compass_sheets, doudian_rows, make_session, write_csv, write_xlsx

from livedesk.import_export.errors import ImportRefused
from livedesk.persistence import dataset_repository
from livedesk.services.imports import import_file


def refused(store, session, path, **options) -> str:
    with pytest.raises(ImportRefused) as caught:
        import_file(store, session, path, **options)
    message = caught.value.message
    assert path.name in message and "\n" not in message
    chinese = caught.value.sentence("zh_CN")  # what the app and the CLI say by default
    assert chinese.startswith(f"{path.name}：") and "\n" not in chinese, chinese
    with store.reading() as db:
        assert dataset_repository.list_datasets(db, session) == []  # nothing half-stored
    return message


def test_binary_garbage(store, tmp_path):
    path = tmp_path / "garbage.csv"
    path.write_bytes(os.urandom(4096) + b"\x00\x01\x02")
    assert "binary" in refused(store, make_session(store), path)


def test_truncated_xlsx(store, tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", compass_sheets())
    path = tmp_path / "罗盘_cut.xlsx"
    cut = good.stat().st_size // 2
    path.write_bytes(good.read_bytes()[:cut])
    assert f"cut off at {cut / 1024:.0f} KB" in refused(store, make_session(store), path)
    with pytest.raises(ImportRefused) as caught:
        import_file(store, make_session(store), path)
    assert caught.value.sentence() == (
        f"罗盘_cut.xlsx：文件在 {cut / 1024:.0f} KB 处被截断（下载或复制没有完成），请重新下载。"
    )
    assert caught.value.reason.code == "import.truncated_workbook" and "zip" in caught.value.details.lower()


def test_zip_that_is_not_a_workbook(store, tmp_path):
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "hello")
    assert "workbook" in refused(store, make_session(store), path)


@pytest.mark.parametrize("content", [b"", b"   \r\n\r\n", "\ufeff".encode()])
def test_empty(store, tmp_path, content):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    assert "empty" in refused(store, make_session(store), path)


def test_header_only(store, tmp_path):
    path = write_csv(tmp_path / "header.csv", DOUDIAN_HEADERS, [])
    assert "header row but no data rows" in refused(store, make_session(store), path)


def test_header_only_xlsx(store, tmp_path):
    path = write_xlsx(tmp_path / "header.xlsx", {"Sheet1": [list(DOUDIAN_HEADERS)]})
    assert "no data rows" in refused(store, make_session(store), path)


def test_missing_required_column_names_it_and_what_was_found(store, tmp_path):
    headers = [h for h in DOUDIAN_HEADERS if h not in ("支付完成时间", "订单提交时间")]
    path = write_csv(tmp_path / "cut.csv", headers, doudian_rows())
    message = refused(store, make_session(store), path)
    assert "订单提交时间 or 支付完成时间" in message and "columns found: 主订单编号, 子订单编号" in message
    assert "and 61 more" in message


def test_not_a_table(store, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("今天直播很顺利。\n明天继续, 加油!\n记得复盘\n", encoding="utf-8")
    assert "not a table" in refused(store, make_session(store), path)


def test_unknown_table_without_mapping(store, tmp_path):
    path = write_csv(tmp_path / "team.csv", ["日期", "负责人", "备注"], [["2026-11-14", "小王", "好"]])
    message = refused(store, make_session(store), path, kind="orders")
    assert (
        "not an order export" in message and "日期, 负责人, 备注" in message and "map its columns" in message
    )


def test_text_file_given_as_a_workbook_kind(store, tmp_path):
    path = write_csv(tmp_path / "orders.csv", DOUDIAN_HEADERS, doudian_rows())
    assert "XLSX" in refused(store, make_session(store), path, kind="compass")


def test_workbook_without_the_expected_sheets(store, tmp_path):
    path = write_xlsx(tmp_path / "other.xlsx", {"Sheet1": [["a", "b"], [1, 2]]})
    message = refused(store, make_session(store), path, kind="live-workbook")
    assert "场次概览" in message and "Sheet1" in message


def test_refusal_keeps_earlier_imports(store, tmp_path):
    session = make_session(store)
    import_file(store, session, write_csv(tmp_path / "ok.csv", DOUDIAN_HEADERS, doudian_rows()))
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"")
    with pytest.raises(ImportRefused):
        import_file(store, session, bad)
    with store.reading() as db:
        assert [d.source_name for d in dataset_repository.list_datasets(db, session)] == ["ok.csv"]
