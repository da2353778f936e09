"""Run sheets: the XLSX reopens with the same rows in two independent readers; formula-looking text stays
text; the CSV opens in Excel (BOM) without running anything; the PDF is A4 landscape with embedded Chinese."""

from __future__ import annotations

import csv
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from livedesk.domain.product import Product
from livedesk.domain.roles import Role
from livedesk.domain.session import Session, SessionPlan
from livedesk.domain.wave import generate_wave
from livedesk.import_export.run_sheet import HEADERS, KEYS, run_sheet_rows
from livedesk.import_export.run_sheet_csv import write_run_sheet_csv
from livedesk.import_export.run_sheet_xlsx import SHEET_NAME, write_run_sheet_xlsx


@pytest.fixture
def plan():
    products = [
        Product(
            "3720000000000000001",
            "洗脸巾",
            Role.TRAFFIC,
            daily_price_fen=1990,
            live_price_fen=990,
            stock=500,
            mechanism='=HYPERLINK("http://x")',
        ),
        Product(
            "P1",
            "+精华液",
            Role.PROFIT,
            live_price_fen=19900,
            cost_fen=14900,
            stock=100,
            mechanism="-50% 立减",
        ),
        Product("P2", "@面霜", Role.PROFIT, live_price_fen=29900, cost_fen=21900),
        Product("I1", "礼盒", Role.IMAGE, live_price_fen=99900),
    ]
    session = Session("双11 大场", datetime(2026, 11, 11, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai")), 120 * 60)
    plan = SessionPlan(session, products, generate_wave(products, 120 * 60))
    plan.segments[1].owner = "=1+1"
    plan.segments[1].notes = "先讲成分"
    return plan


def _expected(plan):
    """What a reader should see per row: numbers as numbers, text as text, blanks as None."""
    out = []
    for row in run_sheet_rows(plan):
        cells = []
        for _key, value in zip(KEYS, row.cells(), strict=False):
            if value is None or value == "":
                cells.append(None)
            elif isinstance(value, Decimal):
                cells.append(float(value))
            else:
                cells.append(value)
        out.append(cells)
    return out


def test_xlsx_reopens_with_the_same_rows_in_openpyxl_and_calamine(plan, tmp_path):
    import openpyxl
    from python_calamine import CalamineWorkbook

    path = tmp_path / "run.xlsx"
    assert write_run_sheet_xlsx(plan, path) == len(plan.segments)
    expected = _expected(plan)
    assert expected[0][:6] == [1, "20:00:00", "20:10:00", "10:00", "开场", "3720000000000000001"]

    book = openpyxl.load_workbook(path)
    sheet = book[SHEET_NAME]
    assert [c.value for c in sheet[2]] == HEADERS
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    assert rows == expected
    # Formula-looking user text is stored as a string cell, never as a formula.
    formula_cells = [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formula_cells == []
    assert sheet.cell(3, KEYS.index("mechanism") + 1).value == '=HYPERLINK("http://x")'
    assert sheet.freeze_panes == "A3"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9

    calamine_rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(SHEET_NAME).to_python()
    normalised = [
        [
            None if v == "" else (int(v) if isinstance(v, float) and key in ("index", "stock") else v)
            for key, v in zip(KEYS, row, strict=False)
        ]
        for row in calamine_rows[2:]
    ]
    assert normalised == expected


def test_csv_has_a_bom_and_neutralised_formula_text(plan, tmp_path):
    path = tmp_path / "run.csv"
    write_run_sheet_csv(plan, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == HEADERS
    assert len(rows) == len(plan.segments) + 1
    by_key = lambda r: dict(zip(KEYS, rows[r], strict=False))  # noqa: E731
    assert by_key(1)["mechanism"] == '\'=HYPERLINK("http://x")'
    assert by_key(2)["owner"] == "'=1+1" and by_key(2)["notes"] == "先讲成分"
    products = {by_key(r)["product"] for r in range(1, len(rows))}
    assert {"'+精华液", "'@面霜"} <= products
    assert by_key(1)["live_price"] == "9.90"


def test_pdf_is_a4_landscape_with_embedded_chinese(plan, tmp_path):
    import re

    from livedesk.charts.run_sheet_pdf import write_run_sheet_pdf

    path = tmp_path / "run.pdf"
    pages = write_run_sheet_pdf(plan, path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and pages == 1
    # A4 landscape = 841.7 × 595.4 points.
    box = re.search(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert box and abs(float(box.group(1)) - 841.68) < 1 and abs(float(box.group(2)) - 595.44) < 1
    assert b"NotoSansSC" in data


def test_owners_given_as_team_roles_read_as_role_and_person():
    from livedesk.domain.session import owner_in_words

    team = {"host": "小林"}
    assert owner_in_words("host", team) == "主播 小林"
    assert owner_in_words("co_host", team) == "副播"
    assert owner_in_words("阿杰", team) == "阿杰"
