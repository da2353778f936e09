"""Per-minute curves (CSV/XLSX, with or without dates) and LiveDesk's own live-log CSV."""

from import_files import (
    LOG_HEADER,
    MINUTE_HEADER,
    START_EPOCH,
    log_rows,
    make_session,
    minute_rows,
    write_csv,
    write_xlsx,
)

from livedesk.persistence import dataset_repository
from livedesk.services.imports import import_file


def table(store, summary):
    with store.reading() as db:
        return dataset_repository.load_table(db, summary.datasets[0][1])


def test_minute_curve_csv(store, tmp_path):
    session = make_session(store)
    summary = import_file(store, session, write_csv(tmp_path / "在线人数.csv", MINUTE_HEADER, minute_rows()))
    assert summary.format == "minute_curve"
    rows = table(store, summary).to_pylist()
    assert [r["online"] for r in rows] == [300, 310, 320, 330, 340]
    assert rows[0]["minute"].timestamp() == START_EPOCH
    assert rows[2]["gmv_fen"] == 20000 and rows[2]["likes"] == 12000


def test_minute_curve_xlsx_with_clock_times_across_midnight(store, tmp_path):
    session = make_session(store)
    rows = [["23:58", 100], ["23:59", 110], ["00:00", 90], ["00:01", 80]]
    summary = import_file(
        store,
        session,
        write_xlsx(tmp_path / "curve.xlsx", {"分钟数据": [["时间", "在线人数"], *rows]}),
        kind="minutes",
    )
    minutes = [r["minute"].timestamp() for r in table(store, summary).to_pylist()]
    day = START_EPOCH - 20 * 3600  # local midnight of the session's day
    assert minutes == [day + 23 * 3600 + 58 * 60, day + 23 * 3600 + 59 * 60, day + 86400, day + 86400 + 60]


def test_live_log(store, tmp_path):
    session = make_session(store)
    summary = import_file(
        store, session, write_csv(tmp_path / "log.csv", LOG_HEADER, log_rows(), encoding="utf-8")
    )
    assert summary.format == "live_log" and summary.datasets[0][2:] == (4, 3, 1)
    assert summary.warnings[0].row == 5 and summary.warnings[0].code == "unknown_kind"
    rows = table(store, summary).to_pylist()
    assert [r["kind"] for r in rows] == ["segment_start", "step_start", "marker"]
    assert rows[1]["at"].timestamp() == START_EPOCH + 90.25
    assert rows[2]["marker"] == "link_up" and rows[2]["segment_index"] == 0 and rows[0]["step"] is None
