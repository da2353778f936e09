"""The import service: one transaction per file, replace or skip on re-import, cancel, presets, cross-file checks."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "import_export"))
from import_files import DOUDIAN_HEADERS, compass_sheets, doudian_rows, make_session, write_csv, write_xlsx

from livedesk.import_export.errors import ImportCancelled
from livedesk.persistence import dataset_repository
from livedesk.persistence.session_repository import SessionNotFound
from livedesk.services import imports


def datasets(store, session):
    with store.reading() as db:
        return dataset_repository.list_datasets(db, session)


def test_replace_and_skip_never_duplicate(store, tmp_path):
    session = make_session(store)
    path = write_xlsx(tmp_path / "罗盘.xlsx", compass_sheets())
    first = imports.import_file(store, session, path)
    assert len(datasets(store, session)) == 3
    again = imports.import_file(store, session, path, on_existing="replace")
    assert sorted(again.replaced) == sorted(d[1] for d in first.datasets)
    assert [d.id for d in datasets(store, session)] == [d[1] for d in again.datasets]
    skipped = imports.import_file(store, session, path, on_existing="skip")
    assert skipped.already_imported and [d[1] for d in skipped.datasets] == [d[1] for d in again.datasets]
    assert len(datasets(store, session)) == 3


class Control:
    def __init__(self, cancel_at: float | None = None):
        self.cancel_at, self.cancelled, self.seen = cancel_at, False, []

    def progress(self, fraction, message=""):
        self.seen.append(fraction)
        if self.cancel_at is not None and fraction >= self.cancel_at:
            self.cancelled = True


def test_progress_and_cancel_store_nothing(store, tmp_path):
    session = make_session(store)
    path = write_csv(tmp_path / "o.csv", DOUDIAN_HEADERS, doudian_rows())
    control = Control(cancel_at=0.5)
    with pytest.raises(ImportCancelled):
        imports.import_file(store, session, path, control=control)
    assert datasets(store, session) == []
    done = Control()
    imports.import_file(store, session, path, control=done)
    assert done.seen[-1] == 1.0 and done.seen == sorted(done.seen)


def test_orders_against_the_workbook_gmv(store, tmp_path):
    session = make_session(store)
    imports.import_file(store, session, write_xlsx(tmp_path / "罗盘.xlsx", compass_sheets()))
    summary = imports.import_file(
        store, session, write_csv(tmp_path / "o.csv", DOUDIAN_HEADERS, doudian_rows())
    )
    finding = summary.findings[0]
    assert finding["code"] == "orders_sum_to_workbook_gmv" and not finding["ok"]
    assert finding["actual_fen"] == 380340 and finding["gap"] == 380340 - 23655200
    with store.reading() as db:
        assert dataset_repository.list_datasets(db, session)[-1].meta["findings"][0]["gap"] == finding["gap"]


def test_unknown_session(store, tmp_path):
    with pytest.raises(SessionNotFound):
        imports.import_file(store, 99, write_csv(tmp_path / "o.csv", DOUDIAN_HEADERS, doudian_rows()))


def test_mapping_presets(store, tmp_path):
    mapping = {"kind": "orders", "columns": {"order_id": "单号", "paid_at": "时间", "amount": "金额"}}
    imports.save_mapping_preset(store, "团队表", mapping)
    assert imports.list_mapping_presets(store) == {"团队表": mapping}
    assert imports.get_mapping_preset(store, "团队表") == mapping
    with pytest.raises(ValueError):
        imports.save_mapping_preset(store, "bad", {"kind": "orders", "columns": {"order_id": "单号"}})
    path = write_csv(tmp_path / "t.csv", ["单号", "时间", "金额"], [["1", "2026-11-14 20:10", "¥10.00"]])
    summary = imports.import_file(
        store, make_session(store), path, mapping=imports.get_mapping_preset(store, "团队表")
    )
    assert summary.datasets[0][3] == 1
    imports.delete_mapping_preset(store, "团队表")
    assert imports.list_mapping_presets(store) == {}


def test_mapping_file(tmp_path):
    path = tmp_path / "map.json"
    path.write_text('{"kind": "minutes", "columns": {"minute": "时间", "online": "在线"}}', encoding="utf-8")
    assert imports.load_mapping_file(path).kind == "minutes"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="map.json"):
        imports.load_mapping_file(path)


def test_an_overrun_recorded_in_the_live_log_widens_the_session_window(store, tmp_path):
    from datetime import timedelta

    from livedesk.domain.live_log import EventKind, LiveEvent
    from livedesk.persistence import live_log_repository, session_repository

    session = make_session(store, minutes=60)  # planned 20:00–21:00
    path = write_csv(tmp_path / "orders.csv", DOUDIAN_HEADERS, doudian_rows())
    before = imports.import_file(store, session, path)
    with store.reading() as db:
        start = session_repository.get_session(db, session).start
        table = dataset_repository.load_table(db, before.datasets[0][1], ["order_id", "outside_window"])
    flagged = {
        o
        for o, out in zip(table["order_id"].to_pylist(), table["outside_window"].to_pylist(), strict=False)
        if out
    }
    assert "6920000000000000003" in flagged  # paid 21:15, after the planned end
    with store.transaction() as db:  # the stream actually ran until 21:40
        live_log_repository.append_events(
            db,
            session,
            [
                LiveEvent(start, EventKind.SEGMENT_START, 0),
                LiveEvent(start + timedelta(minutes=100), EventKind.SEGMENT_END, 0),
            ],
        )
    after = imports.import_file(store, session, path)
    with store.reading() as db:
        table = dataset_repository.load_table(db, after.datasets[0][1], ["order_id", "outside_window"])
    flagged = {
        o
        for o, out in zip(table["order_id"].to_pylist(), table["outside_window"].to_pylist(), strict=False)
        if out
    }
    assert "6920000000000000003" not in flagged
    assert "6920000000000000006" in flagged  # paid at 02:00 the next day: still outside
