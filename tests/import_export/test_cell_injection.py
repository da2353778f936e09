"""Every spreadsheet LiveDesk writes is inert: team text that starts with = + - @, a tab or a CR (product
names, segment titles, owners, notes, mechanisms, live-log notes) never becomes a formula in the review
workbook, the run sheet (XLSX and CSV) or the live-log export; each file is re-read with openpyxl or csv."""

from __future__ import annotations

import csv
import sys
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "analysis"))  # shared review test data

from review_fixtures import at, inputs_of, log_events, orders, small_plan, sourced

from livedesk.analysis.review import build_review
from livedesk.import_export.cell_safety import RISKY_STARTS, csv_text, unescape
from livedesk.import_export.live_log_csv import read_live_log, write_live_log
from livedesk.import_export.run_sheet_csv import write_run_sheet_csv
from livedesk.import_export.run_sheet_xlsx import write_run_sheet_xlsx
from livedesk.services.review_reports import write_report

PAYLOADS = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://example.invalid","点我")',
    "+1+1 福利",
    "-2+3 面霜",
    "@SUM(A1) 礼盒",
    "\t=1+1",
    "\r=2+2",
]
# What each payload still holds once a reader has trimmed it: the test looks for these.
MARKS = ["cmd|", "HYPERLINK", "+1+1", "-2+3", "@SUM", "=1+1", "=2+2"]


def _hostile_plan():
    plan = small_plan()
    plan.products = [
        replace(p, name=PAYLOADS[i], mechanism=PAYLOADS[-1 - i]) for i, p in enumerate(plan.products)
    ]
    for i, segment in enumerate(plan.segments):
        segment.notes = PAYLOADS[i % len(PAYLOADS)]
        segment.owner = PAYLOADS[(i + 3) % len(PAYLOADS)]
        if segment.title:
            segment.title = PAYLOADS[(i + 1) % len(PAYLOADS)]
    return plan


def _events():
    events = log_events(
        (0, "segment_start", 0), (10, "segment_start", 1), (16, "segment_start", 2), (45, "segment_end", 6)
    )
    return [replace(e, note=PAYLOADS[i % len(PAYLOADS)]) for i, e in enumerate(events)]


def _xlsx_cells(path: Path):
    book = openpyxl.load_workbook(path)
    return [
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def _assert_inert_xlsx(path: Path, *, quoted: bool) -> int:
    cells = _xlsx_cells(path)
    formulas = [c.value for c in cells if c.data_type == "f" and any(m in str(c.value) for m in MARKS)]
    assert formulas == [], f"{path.name}: team text became formulas: {formulas}"
    risky = [c for c in cells if isinstance(c.value, str) and any(m in c.value for m in MARKS)]
    for cell in risky:
        assert cell.data_type == "s", (path.name, cell.coordinate, cell.value)
        if quoted and cell.value.startswith(RISKY_STARTS):
            assert cell.quotePrefix, f"{path.name} {cell.coordinate}: {cell.value!r} has no quote prefix"
    return len(risky)


def _assert_inert_csv(path: Path, encoding: str) -> int:
    with open(path, encoding=encoding, newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    running = [c for c in cells if c.startswith(RISKY_STARTS)]
    assert running == [], f"{path.name}: cells a spreadsheet would run: {running}"
    return sum(1 for c in cells if any(m in c for m in MARKS))


def test_review_workbook_keeps_team_text_as_text(tmp_path):
    plan = _hostile_plan()
    review = build_review(
        inputs_of(
            plan,
            sourced(
                "orders", orders(("T1", 1, 990, at(11), "a"), ("P1", 2, 39800, at(20), "b")), "=订单.csv"
            ),
            events=_events(),
        )
    )
    path = write_report(review, tmp_path / "复盘.xlsx")
    # The product names are in the workbook (as text), and none of them runs.
    assert _assert_inert_xlsx(path, quoted=True) >= 4


def test_run_sheets_keep_team_text_as_text(tmp_path):
    plan = _hostile_plan()
    xlsx = tmp_path / "流程单.xlsx"
    write_run_sheet_xlsx(plan, xlsx)
    assert _assert_inert_xlsx(xlsx, quoted=False) >= 7
    sheet_csv = tmp_path / "流程单.csv"
    write_run_sheet_csv(plan, sheet_csv)
    assert _assert_inert_csv(sheet_csv, "utf-8-sig") >= 7


def test_live_log_export_is_inert_and_reads_back_the_same_notes(tmp_path):
    events = _events()
    path = write_live_log(events, tmp_path / "live_log.csv", "Asia/Shanghai")
    assert _assert_inert_csv(path, "utf-8") == len(events)
    assert [e.note for e in read_live_log(path, "Asia/Shanghai")] == [e.note for e in events]


@pytest.mark.parametrize("text", PAYLOADS + ["'=already quoted", "普通文字", "3-5 件", ""])
def test_csv_escape_round_trips(text):
    written = csv_text(text)
    assert not written.startswith(RISKY_STARTS)
    assert unescape(written) == text


def test_an_exported_live_log_imports_back_with_the_same_notes(store, tmp_path):
    from livedesk.persistence import live_log_repository
    from livedesk.services.imports import import_file
    from livedesk.services.sessions import create_session

    events = _events()
    path = write_live_log(events, tmp_path / "live_log.csv", "Asia/Shanghai")
    session = create_session(store, "周六专场", at(0), 3600)
    summary = import_file(store, session, path, kind="log")
    assert summary.live_log_events == len(events)
    with store.reading() as db:
        notes = [e.note for e in live_log_repository.list_events(db, session, "Asia/Shanghai")]
    # The importer trims the ends of a cell, as it does for every export.
    assert notes == [e.note.strip() for e in events]
